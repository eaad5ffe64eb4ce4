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

/** At most this many links are drawn, the heaviest: the rest would only grey the picture. */
export const OVERVIEW_MAX_LINKS = 150;

/** Width of a link: by the logarithm of its partnerships, from 1 to 12 pixels. */
export const linkWidth = (weight: number, heaviest: number): number =>
  Math.round((1 + (11 * Math.log1p(weight)) / Math.log1p(Math.max(1, heaviest))) * 10) / 10;

/** The overview as Cytoscape elements: one node per group, one edge per linked pair. */
export function overviewElements(o: OverviewGraph): ElementDefinition[] {
  const largest = Math.max(1, ...o.groups.map((g) => g.size));
  const heaviest = Math.max(1, ...o.links.map((l) => l.weight));
  const nodes: ElementDefinition[] = o.groups.map((g) => {
    const size = groupDiameter(g.size, largest);
    return {
      group: 'nodes',
      data: {
        id: groupElementId(g.key),
        label: `${g.label}\n${formatNumber(g.size)}`,
        name: g.label,
        kind: 'GROUP',
        degree: g.size,
        size,
        fontSize: Math.round(12 + size / 6),
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
