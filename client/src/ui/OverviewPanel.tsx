import type { OverviewGrouping } from '../gql/graphql.js';
import type { Controller, Session } from '../state/controller.js';
import { KindSwatch } from './KindSwatch.js';

const GROUPINGS: readonly { value: OverviewGrouping; label: string }[] = [
  { value: 'COUNTRY', label: 'country' },
  { value: 'NETWORK', label: 'network' },
  { value: 'KIND', label: 'kind of node' },
];

const START_HEADINGS: Record<string, string> = {
  MUNICIPALITY: 'Most connected municipalities',
  NETWORK: 'Networks',
  FUNDING_PROGRAM: 'Funding programmes',
};

const n = (x: number) => x.toLocaleString('en');

/**
 * The first screen of a graph too large to draw: what "show all" would draw and why it does not,
 * the grouping (the canvas draws the groups), and starting points to open.
 */
export function OverviewPanel({ controller, session }: { controller: Controller; session: Session }) {
  const { size, overview, budgets, app } = session;
  if (!size) return null;
  const hidden = new Set(app.filters.hiddenNodeKinds);
  const wouldDraw = size.nodesByKind.filter((k) => !hidden.has(k.kind)).reduce((sum, k) => sum + k.count, 0);
  const startKinds = overview ? [...new Set(overview.starts.map((s) => s.node.kind))] : [];
  return (
    <section className="overview-panel" aria-labelledby="overview-heading" data-testid="overview">
      <h2 id="overview-heading">Overview</h2>
      <p data-testid="overview-why">
        Show all would draw {n(wouldDraw)} nodes and up to {n(size.relationCount)} relationships, more than the drawing budget of{' '}
        {n(budgets.overview)} elements. Narrow it with the filters on the left (a country, network or programme): when what they match fits
        the budget, it is drawn. Meanwhile, the graph by{' '}
        <select
          aria-label="Group by"
          value={app.display.groupBy}
          onChange={(e) => controller.setDisplay({ groupBy: e.target.value as OverviewGrouping })}
          data-testid="group-by"
        >
          {GROUPINGS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
        {app.display.groupBy === 'KIND'
          ? ': each circle a kind, sized by its nodes.'
          : ': each circle sized by its municipalities, lines by the partnerships between them. Click a circle to open its members.'}
      </p>
      {overview && overview.groupCount > overview.groups.length && (
        <p className="hint">
          The {overview.groups.length} largest of {n(overview.groupCount)} groups.
        </p>
      )}
      {startKinds.map((kind) => (
        <div key={kind} className="starts">
          <h3>{START_HEADINGS[kind] ?? kind}</h3>
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
