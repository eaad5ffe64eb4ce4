import type { Controller, Session } from '../state/controller.js';

/** How many more neighbours "Draw the next" adds. */
const NEXT_NEIGHBOURS = 100;

/** Loading, error and empty states, each saying what happened and what to do. */
export function StatusBar({ controller, session }: { controller: Controller; session: Session }) {
  const { loading, error, visible, app } = session;
  const names = (ids: string[]) => ids.map((id) => session.data.nodes.get(id)?.name ?? id).join(', ');
  let empty: React.ReactNode = null;
  if (!loading && !error && visible.nodes.length === 0 && app.display.panel !== 'map' && session.scope !== 'overview') {
    if (!app.view.showAll && !app.view.focus && app.view.expanded.length === 0) {
      empty = (
        <>
          The canvas is empty. Search for a municipality, network or programme above, or{' '}
          <button type="button" className="link" onClick={() => controller.setShowAll(true)}>
            show the whole graph
          </button>
          .
        </>
      );
    } else if (visible.hidden.total > 0) {
      empty = <>The filters hide every node of this view. Loosen or clear the filters on the left.</>;
    } else {
      empty = <>Nothing to show here.</>;
    }
  }
  return (
    <div className="status" data-testid="status">
      <div role="status" aria-live="polite" className="status-line">
        {loading && (
          <span className="loading" data-testid="loading">
            <span className="spinner" aria-hidden="true" /> {loading}
          </span>
        )}
        {!loading && visible.budgeted.length > 0 && (
          <span className="notice" data-testid="budget-notice">
            {visible.budgeted.map((b) => (
              <span key={b.id}>
                {names([b.id])}: {b.shown.toLocaleString('en')} of {b.total.toLocaleString('en')} neighbours drawn, the best connected.{' '}
                <button type="button" className="link" onClick={() => controller.showMoreNeighbours(b.id, NEXT_NEIGHBOURS)}>
                  Draw the next {Math.min(NEXT_NEIGHBOURS, b.total - b.shown)}
                </button>{' '}
              </span>
            ))}
          </span>
        )}
        {!loading && visible.truncated.length > 0 && visible.budgeted.length === 0 && (
          <span className="notice">
            {names(visible.truncated)} {visible.truncated.length === 1 ? 'has' : 'have'} more neighbours than can be drawn at once; expand
            it over fewer relationship kinds to see the rest.
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
          <p>{error.message}</p>
          <div className="actions">
            {error.ids.length > 0 && (
              <button type="button" onClick={() => controller.dropFromView(error.ids)}>
                Remove {error.ids.length === 1 ? 'it' : 'them'} from the view
              </button>
            )}
            <button type="button" onClick={() => controller.retry()}>
              Try again
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
