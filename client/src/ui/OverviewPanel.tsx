import { useTranslation } from 'react-i18next';
import type { NodeKind, OverviewGrouping } from '../gql/graphql.js';
import { nodeKindPlural } from '../graph/kinds.js';
import { i18n, formatNumber as n, t as tr } from '../i18n/index.js';
import type { Controller, Session } from '../state/controller.js';
import { KindSwatch } from './KindSwatch.js';

const GROUPINGS: readonly OverviewGrouping[] = ['COUNTRY', 'NETWORK', 'KIND'];

/** The heading of a list of starting points: ui:overview.start.<KIND>, else the kind's plural. */
const startHeading = (kind: NodeKind): string => {
  const key = `overview.start.${kind}`;
  return i18n.exists(key) ? tr(key as 'overview.start.NETWORK') : nodeKindPlural(kind);
};

/**
 * The first screen of a graph too large to draw: what "show all" would draw and why it does not,
 * the grouping (the canvas draws the groups), and starting points to open.
 */
export function OverviewPanel({ controller, session }: { controller: Controller; session: Session }) {
  const { t } = useTranslation();
  const { size, overview, budgets, app } = session;
  if (!size) return null;
  const hidden = new Set(app.filters.hiddenNodeKinds);
  const wouldDraw = size.nodesByKind.filter((k) => !hidden.has(k.kind)).reduce((sum, k) => sum + k.count, 0);
  const startKinds = overview ? [...new Set(overview.starts.map((s) => s.node.kind))] : [];
  return (
    <section className="overview-panel" aria-labelledby="overview-heading" data-testid="overview">
      <h2 id="overview-heading">{t('overview.title')}</h2>
      <p data-testid="overview-why">
        {t('overview.why', { nodes: wouldDraw, relations: size.relationCount, budget: budgets.overview })}{' '}
        <select
          aria-label={t('overview.groupBy')}
          value={app.display.groupBy}
          onChange={(e) => controller.setDisplay({ groupBy: e.target.value as OverviewGrouping })}
          data-testid="group-by"
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {tr(`domain:grouping.${g}`)}
            </option>
          ))}
        </select>
        {app.display.groupBy === 'KIND' ? t('overview.byKind') : t('overview.byGroup')}
      </p>
      {overview && (
        <div className="starts">
          <h3>{t('overview.groups')}</h3>
          <ul data-testid="overview-groups">
            {overview.groups.slice(0, 12).map((g) => (
              <li key={g.key}>
                <button
                  type="button"
                  className="link"
                  disabled={!g.node && overview.groupBy !== 'KIND'}
                  onClick={() => controller.openOverviewGroup({ key: g.key, nodeId: g.node?.id ?? null })}
                >
                  {g.label}
                </button>{' '}
                <span className="count">{n(g.size)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {overview && overview.groupCount > overview.groups.length && (
        <p className="hint">{t('overview.largest', { shown: overview.groups.length, total: overview.groupCount })}</p>
      )}
      {startKinds.map((kind) => (
        <div key={kind} className="starts">
          <h3>{startHeading(kind)}</h3>
          <ul>
            {overview!.starts
              .filter((s) => s.node.kind === kind)
              .map((s) => (
                <li key={s.node.id}>
                  <button type="button" className="link" onClick={() => controller.focus(s.node.id)}>
                    <KindSwatch kind={s.node.kind} size={10} /> {s.node.name}
                  </button>{' '}
                  <span className="count">{n(s.degree)}</span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
