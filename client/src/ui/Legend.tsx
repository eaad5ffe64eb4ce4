import { useTranslation } from 'react-i18next';
import type { NodeKind, OverviewGrouping } from '../gql/graphql.js';
import {
  NODE_KINDS,
  PARTNERSHIP_TYPE_COLOUR,
  RELATION_KIND_STYLE,
  nodeKindLabel,
  partnershipTypeLabel,
  relationLabel,
} from '../graph/kinds.js';
import type { DrawnEdge, VisibleGraph } from '../graph/model.js';
import { LARGE_GRAPH_ELEMENTS } from '../graph/style.js';
import { KindSwatch } from './KindSwatch.js';

/** What the circles and lines of the overview mean, for its grouping. */
function OverviewLegend({ groupBy }: { groupBy: OverviewGrouping }) {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul className="legend-nodes">
        <li>
          <span className="group-swatch" aria-hidden="true" /> {t(`legend.overview.${groupBy}.circle`)}
        </li>
        <li>
          <span className="line-swatch group-line" aria-hidden="true" /> {t(`legend.overview.${groupBy}.line`)}
        </li>
      </ul>
      {groupBy === 'COUNTRY' && <p className="hint">{t('legend.closed')}</p>}
    </section>
  );
}

/** What the colours, shapes and lines on the canvas mean: only the kinds in view; in the overview, its groups and links. */
export function Legend({ graph, overview }: { graph: VisibleGraph; overview: OverviewGrouping | null }) {
  const { t } = useTranslation(['ui', 'domain']);
  if (overview) return <OverviewLegend groupBy={overview} />;
  const kinds = new Set<NodeKind>(graph.nodes.map((n) => n.kind));
  const edgeKinds = new Map<string, DrawnEdge>();
  for (const e of graph.edges) edgeKinds.set(e.kind === 'PARTNERSHIP' ? `P:${e.partnershipType ?? 'OTHER'}` : e.kind, e);
  // A large graph is drawn in solid lines only (style.ts): the legend shows what is drawn.
  const solidOnly = graph.nodes.length + graph.edges.length > LARGE_GRAPH_ELEMENTS;
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="legend">
      <h2 id="legend-title">{t('legend.title')}</h2>
      {kinds.size === 0 && <p className="hint">{t('legend.nothing')}</p>}
      <ul className="legend-nodes">
        {NODE_KINDS.filter((k) => kinds.has(k)).map((k) => (
          <li key={k}>
            <KindSwatch kind={k} size={16} /> {nodeKindLabel(k)}
          </li>
        ))}
      </ul>
      <ul className="legend-edges">
        {[...edgeKinds.entries()].sort().map(([key, e]) => {
          const isP = e.kind === 'PARTNERSHIP';
          const colour = isP
            ? PARTNERSHIP_TYPE_COLOUR[e.partnershipType ?? 'OTHER']
            : RELATION_KIND_STYLE[e.kind as keyof typeof RELATION_KIND_STYLE].colour;
          const style = isP || solidOnly ? 'solid' : RELATION_KIND_STYLE[e.kind as keyof typeof RELATION_KIND_STYLE].lineStyle;
          const label = isP
            ? t('domain:partnershipInLegend', { type: partnershipTypeLabel(e.partnershipType) })
            : relationLabel(e.kind as keyof typeof RELATION_KIND_STYLE);
          return (
            <li key={key}>
              <span
                className="line-swatch"
                style={{ borderTopColor: colour, borderTopStyle: style, borderTopWidth: isP ? 4 : 2 }}
                aria-hidden="true"
              />{' '}
              {label}
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('legend.hint')}</p>
    </section>
  );
}
