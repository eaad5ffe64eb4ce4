import type { NodeKind } from '../gql/graphql.js';
import { NODE_KIND_STYLE, nodeKindLabel } from '../graph/kinds.js';

const PATHS: Record<string, string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.001 0Z',
  'round-rectangle': 'M3 2h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z',
  rectangle: 'M1 2h14v12H1Z',
  diamond: 'M8 0.5 15.5 8 8 15.5 0.5 8Z',
  'round-triangle': 'M8 1.5 15 14.5H1Z',
  hexagon: 'M4 1.5h8l3.5 6.5-3.5 6.5H4L0.5 8Z',
  'round-pentagon': 'M8 0.8 15.3 6 12.5 15H3.5L0.7 6Z',
  star: 'M8 0.5l2.2 4.9 5.3.5-4 3.6 1.2 5.2L8 12l-4.7 2.7 1.2-5.2-4-3.6 5.3-.5Z',
  'round-tag': 'M1 3h9l5 5-5 5H1Z',
  octagon: 'M5 1h6l4 4v6l-4 4H5l-4-4V5Z',
  barrel: 'M3 1h10q2 7 0 14H3q-2-7 0-14Z',
};

/** The kind's colour and shape, as on the canvas, so the legend and lists match what is drawn. */
export function KindSwatch({ kind, size = 14 }: { kind: NodeKind; size?: number }) {
  const style = NODE_KIND_STYLE[kind];
  return (
    <svg className="swatch" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[style.shape] ?? PATHS.ellipse} fill={style.colour} />
    </svg>
  );
}

export function KindBadge({ kind }: { kind: NodeKind }) {
  return (
    <span className="kind-badge" data-kind={kind}>
      <KindSwatch kind={kind} size={12} />
      {nodeKindLabel(kind)}
    </span>
  );
}
