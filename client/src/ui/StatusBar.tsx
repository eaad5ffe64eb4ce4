import { Trans, useTranslation } from 'react-i18next';
import { nodeKindPlural } from '../graph/kinds.js';
import { errorText, loadingText, type Controller, type Session } from '../state/controller.js';

/** Loading, error and empty states, each saying what happened and what to do; a hub over the budget opens the neighbour table. */
export function StatusBar({ controller, session, onTable }: { controller: Controller; session: Session; onTable(id: string): void }) {
  const { t } = useTranslation();
  const { loading, error, visible, app } = session;
  const names = (ids: string[]) => ids.map((id) => session.data.nodes.get(id)?.name ?? id).join(', ');
  let empty: React.ReactNode = null;
  if (!loading && !error && visible.nodes.length === 0 && app.display.panel !== 'map' && session.scope !== 'overview') {
    if (!app.view.showAll && !app.view.focus && app.view.expanded.length === 0) {
      empty = (
        <Trans
          i18nKey="status.emptyCanvas"
          components={{ showAll: <button type="button" className="link" onClick={() => controller.setShowAll(true)} /> }}
        />
      );
    } else if (visible.hidden.total > 0) {
      empty = t('status.filtersHideAll');
    } else {
      empty = t('status.nothing');
    }
  }
  return (
    <div className="status" data-testid="status">
      <div role="status" aria-live="polite" className="status-line">
        {loading && (
          <span className="loading" data-testid="loading">
            <span className="spinner" aria-hidden="true" /> {loadingText(loading)}
          </span>
        )}
        {!loading && visible.budgeted.length > 0 && (
          <span className="notice" data-testid="budget-notice">
            {visible.budgeted.map((b) => (
              <span key={b.id}>
                {t('status.budgeted', { name: names([b.id]), shown: b.shown, total: b.total })}{' '}
                <button type="button" className="link" onClick={() => onTable(b.id)} data-testid="open-neighbour-table">
                  {t('status.openTable', { more: b.total - b.shown })}
                </button>{' '}
              </span>
            ))}
          </span>
        )}
        {!loading && visible.truncated.length > 0 && visible.budgeted.length === 0 && (
          <span className="notice">{t('status.truncated', { names: names(visible.truncated), count: visible.truncated.length })}</span>
        )}
        {!loading && session.notice?.type === 'kindOpened' && (
          <span className="notice" data-testid="kind-notice">
            {t('status.kindOpened', {
              kinds: nodeKindPlural(session.notice.kind),
              shown: session.notice.count,
              total: session.notice.total,
            })}
          </span>
        )}
        {empty && (
          <span className="empty" data-testid="empty">
            {empty}
          </span>
        )}
      </div>
      {error && (
        <div role="alert" className="error-box" data-testid="error">
          <p>{errorText(error)}</p>
          <div className="actions">
            {error.ids.length > 0 && (
              <button type="button" onClick={() => controller.dropFromView(error.ids)}>
                {t('status.removeFromView', { count: error.ids.length })}
              </button>
            )}
            <button type="button" onClick={() => controller.retry()}>
              {t('status.tryAgain')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
