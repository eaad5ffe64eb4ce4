import { API_LIMITS } from '../../api/graphApi.js';
import type { RelationKind } from '../../gql/graphql.js';
import {
  partnershipsNeedingParties,
  relationsKnown,
  nodesWithUnknownLinks,
  type GraphData,
  type VisibleGraph,
  type ViewState,
} from '../../graph/model.js';

/** One request the view needs before it can be drawn completely. */
export type LoadStep =
  | { type: 'all' }
  | { type: 'expand'; id: string; kinds: RelationKind[] | null; first: number }
  | { type: 'nodes'; ids: string[] }
  | { type: 'parties'; ids: string[] }
  | { type: 'among'; ids: string[] };

/**
 * What to load for a view, in two rounds. First the view's own nodes: the whole graph, the
 * expanded nodes' relationships, the focus. Then, from what is then drawn: the parties of drawn
 * partnerships (so they can be drawn as direct edges, and expanding a party reaches the others)
 * and the relationships among drawn nodes that no loaded node vouches for.
 * `done` holds the keys of 'among' steps already answered, so they are not asked again.
 */
export function planLoads(
  data: GraphData,
  view: ViewState,
  drawn: VisibleGraph | null,
  done: ReadonlySet<string>,
  neighbourBudget: number = API_LIMITS.neighbourPage,
): LoadStep[] {
  const steps: LoadStep[] = [];
  if (view.showAll && !data.complete) steps.push({ type: 'all' });
  if (data.complete) return steps;
  for (const e of view.expanded) {
    // The best connected neighbours, as many as are drawn (those added from the neighbour table are pins).
    const first = Math.min(neighbourBudget, API_LIMITS.neighbourPage);
    const loaded = data.loaded.get(e.id);
    const short = loaded?.truncated === true && (loaded.count ?? 0) < first;
    if (!relationsKnown(data, e.id, e.kinds) || short) steps.push({ type: 'expand', id: e.id, kinds: e.kinds, first });
  }
  const wanted = new Set<string>();
  if (view.focus && !data.nodes.has(view.focus) && !view.expanded.some((e) => e.id === view.focus)) wanted.add(view.focus);
  for (const id of view.pinned ?? []) if (!data.nodes.has(id)) wanted.add(id);
  const missing = [...wanted];
  for (let i = 0; i < missing.length; i += API_LIMITS.maxSeeds)
    steps.push({ type: 'nodes', ids: missing.slice(i, i + API_LIMITS.maxSeeds) });
  if (steps.length > 0 || !drawn) return steps;

  const ids = drawn.nodes.map((n) => n.id);
  // Partnerships drawn as edges count too (a party may still be missing); only those drawn, so a
  // hub's thousand partnerships beyond the budget are not asked for.
  const around = new Set(ids);
  for (const e of drawn.edges) if (e.partnershipId) around.add(e.partnershipId);
  const parties = partnershipsNeedingParties(data, around);
  if (parties.length > 0) steps.push({ type: 'parties', ids: parties });
  const unknown = nodesWithUnknownLinks(data, ids);
  const key = amongKey(unknown);
  if (unknown.length >= 2 && !done.has(key)) steps.push({ type: 'among', ids: unknown });
  return steps;
}

export const amongKey = (ids: readonly string[]): string => [...ids].sort().join('\n');
