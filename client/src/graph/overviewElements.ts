import type { ElementDefinition } from 'cytoscape';
import { formatNumber } from '../i18n/index.js';

/** The overview as the canvas needs it: groups (sized by members) and weighted links between them. */
export interface OverviewGraph {
  /** nodeId: the group's own node (a country, a network); kinds have none but open too (`opens`). */
  groups: readonly { key: string; label: string; size: number; internal: number; nodeId: string | null; opens?: boolean }[];
  links: readonly { a: string; b: string; weight: number }[];
}

/** Prefix of a group's element id, so a tap on it can be told from a tap on a node of the graph. */
export const GROUP_PREFIX = 'group:';

export const groupElementId = (key: string): string => `${GROUP_PREFIX}${key}`;

/** Diameter of a group: by the square root of its members, from 30 to 160 model pixels. */
export const groupDiameter = (size: number, largest: number): number => Math.round(30 + 130 * Math.sqrt(size / Math.max(1, largest)));

/** A group's name is written across it in this size (model pixels), larger on larger groups. */
const groupFontSize = (diameter: number): number => Math.round(12 + diameter / 6);

/** At most this many links are drawn, the heaviest: the rest would only grey the picture. */
export const OVERVIEW_MAX_LINKS = 150;

/** Width of a link: by the logarithm of its partnerships, from 1 to 12 pixels. */
export const linkWidth = (weight: number, heaviest: number): number =>
  Math.round((1 + (11 * Math.log1p(weight)) / Math.log1p(Math.max(1, heaviest))) * 10) / 10;

/** At least this far apart, edge to edge, are two groups on a ring (model pixels). */
export const RING_GAP = 12;

/**
 * Where the groups go: the first in the middle, then rings outwards, in the order given (largest
 * first), each ring as far out as the discs inside it and its own first (largest) disc need, its
 * discs spread round it, RING_GAP apart at least. Computed here rather than by a layout on the
 * canvas: no bounding boxes or labels are measured, so the overview draws in one short task.
 */
export function ringPositions(diameters: readonly number[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  if (diameters.length === 0) return out;
  out.push({ x: 0, y: 0 });
  let reached = diameters[0]! / 2;
  for (let i = 1; i < diameters.length;) {
    const r = reached + RING_GAP + diameters[i]! / 2;
    const ring: number[] = [];
    let used = 0;
    while (i < diameters.length && (ring.length === 0 || used + diameters[i]! + RING_GAP <= 2 * Math.PI * r)) {
      used += diameters[i]! + RING_GAP;
      ring.push(i++);
    }
    let angle = -Math.PI / 2;
    for (const k of ring) {
      const share = ((diameters[k]! + RING_GAP) / used) * 2 * Math.PI;
      out[k] = { x: Math.round(r * Math.cos(angle + share / 2)), y: Math.round(r * Math.sin(angle + share / 2)) };
      angle += share;
    }
    reached = r + Math.max(...ring.map((k) => diameters[k]!)) / 2;
  }
  return out;
}

/** The overview as Cytoscape elements: one node per group, placed (ringPositions, largest first), one edge per linked pair. */
export function overviewElements(o: OverviewGraph): ElementDefinition[] {
  const largest = Math.max(1, ...o.groups.map((g) => g.size));
  const heaviest = Math.max(1, ...o.links.map((l) => l.weight));
  const bySize = o.groups.map((g, i) => ({ i, size: g.size, label: g.label })).sort((a, b) => b.size - a.size || a.i - b.i);
  // Each group takes the room of its disc or, if wider, of its name written across it.
  const placed = ringPositions(
    bySize.map((g) => {
      const size = groupDiameter(g.size, largest);
      return Math.max(size, Math.round(0.6 * groupFontSize(size) * Math.max(g.label.length, formatNumber(g.size).length)));
    }),
  );
  const position = new Map(bySize.map((g, k) => [g.i, placed[k]!]));
  const nodes: ElementDefinition[] = o.groups.map((g, i) => {
    const size = groupDiameter(g.size, largest);
    return {
      group: 'nodes',
      position: position.get(i)!,
      data: {
        id: groupElementId(g.key),
        label: `${g.label}\n${formatNumber(g.size)}`,
        name: g.label,
        kind: 'GROUP',
        degree: g.size,
        size,
        fontSize: groupFontSize(size),
        members: g.size,
        nodeId: g.nodeId,
        key: g.key,
      },
      classes: g.nodeId || g.opens ? 'aggregate' : 'aggregate closed',
    };
  });
  const edges: ElementDefinition[] = o.links.slice(0, OVERVIEW_MAX_LINKS).map((l) => ({
    group: 'edges',
    data: {
      id: `${GROUP_PREFIX}${l.a}|${l.b}`,
      source: groupElementId(l.a),
      target: groupElementId(l.b),
      weight: l.weight,
      width: linkWidth(l.weight, heaviest),
      label: String(l.weight),
    },
    classes: 'aggregate',
  }));
  return [...nodes, ...edges];
}

/**
 * The viewport that shows these discs whole in a width x height canvas with a margin, no closer
 * than maxZoom: from their positions and diameters alone (Cytoscape's fit measures every label).
 */
export function discsViewport(
  discs: readonly { x: number; y: number; size: number }[],
  width: number,
  height: number,
  margin = 40,
  maxZoom = 1.4,
): { zoom: number; pan: { x: number; y: number } } {
  const x0 = Math.min(...discs.map((d) => d.x - d.size / 2));
  const x1 = Math.max(...discs.map((d) => d.x + d.size / 2));
  const y0 = Math.min(...discs.map((d) => d.y - d.size / 2));
  const y1 = Math.max(...discs.map((d) => d.y + d.size / 2));
  const zoom = Math.min(maxZoom, (width - 2 * margin) / Math.max(1, x1 - x0), (height - 2 * margin) / Math.max(1, y1 - y0));
  return { zoom, pan: { x: width / 2 - (zoom * (x0 + x1)) / 2, y: height / 2 - (zoom * (y0 + y1)) / 2 } };
}
