import type { NodeKind } from '../../domain/model.js';
import type { OverviewLink, OverviewQuery } from '../GraphStore.js';
import { compareStrings } from '../../domain/normalize.js';

/** The kinds of the overview's starting points, in the order the port gives them. */
export const START_KINDS: readonly NodeKind[] = ['MUNICIPALITY', 'NETWORK', 'FUNDING_PROGRAM'];

/** What an adapter counts for GraphStore.overview: members per group, and partnerships (or relationships) within and between groups. */
export interface OverviewTally {
  size: Map<string, number>;
  internal: Map<string, number>;
  /** By unordered pair of group keys (pairKey). */
  links: Map<string, number>;
}

export const emptyTally = (): OverviewTally => ({ size: new Map(), internal: new Map(), links: new Map() });

export const bump = (m: Map<string, number>, key: string, by = 1): void => void m.set(key, (m.get(key) ?? 0) + by);

export const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** The cut and the order the port promises, the same for every adapter. */
export function rankTally(
  tally: OverviewTally,
  query: Pick<OverviewQuery, 'firstGroups'>,
): { groups: { key: string; size: number; internal: number }[]; links: OverviewLink[]; groupCount: number } {
  const ordered = [...tally.size.entries()].sort(([ka, a], [kb, b]) => b - a || compareStrings(ka, kb));
  const kept = ordered.slice(0, query.firstGroups);
  const keys = new Set(kept.map(([k]) => k));
  const links: OverviewLink[] = [];
  for (const [pair, weight] of tally.links) {
    const [a, b] = pair.split('\u0000') as [string, string];
    if (weight > 0 && keys.has(a) && keys.has(b)) links.push({ a, b, weight });
  }
  links.sort((x, y) => y.weight - x.weight || compareStrings(x.a, y.a) || compareStrings(x.b, y.b));
  return { groups: kept.map(([key, size]) => ({ key, size, internal: tally.internal.get(key) ?? 0 })), links, groupCount: ordered.length };
}
