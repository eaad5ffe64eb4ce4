import { parseNode } from '../../domain/graphRules.js';
import { cites } from '../../domain/merge.js';
import { defaultRelationId, type GraphNode, type GraphRelation } from '../../domain/model.js';
import type { GraphStore } from '../../store/GraphStore.js';
import type { PartnershipMention, RowMentions } from './mentions.js';
import { plannedOrBefore } from './mergeFacts.js';
import type { PlanDraft } from './PlanDraft.js';
import type { Resolution } from './resolveEntities.js';

/**
 * Partnerships: one per pair of parties, matched to an existing partnership of the same two
 * parties (which then gets the row's citation); else a new PARTNERSHIP node with a PARTY_TO from
 * each side. A pair listed twice (in either order) or a place paired with itself is skipped.
 */

interface PairRow {
  r: RowMentions;
  p: PartnershipMention;
  a: string;
  b: string;
}

/** Plans the rows' partnerships; returns how many matched a partnership the graph had. */
export async function planPartnerships(
  store: GraphStore,
  rows: readonly RowMentions[],
  resolution: Resolution,
  draft: PlanDraft,
): Promise<number> {
  const pairRows: PairRow[] = [];
  await draft.each(rows, (r) => {
    for (const p of r.partnerships) pairRows.push({ r, p, a: resolution.idOf(p.between[0], r), b: resolution.idOf(p.between[1], r) });
  });
  if (pairRows.length === 0) return 0;
  const existingPair = await existingPairs(store, pairRows, draft);
  const pairIds = new Set<string>();
  await draft.each(pairRows, (x) => pairIds.add(pairId(x.a, x.b)));
  const takenIds = new Set((await draft.nodesOf([...pairIds])).filter((n) => n !== null).map((n) => n!.id));
  const existingPartnerships = new Map(
    (await draft.nodesOf([...new Set(existingPair.values())])).filter((n) => n !== null).map((n) => [n!.id, n!]),
  );
  const seen = new Set<string>();
  let matched = 0;
  for (const x of pairRows) {
    await draft.slice();
    const { r, a, b } = x;
    if (a === b) {
      draft.skip(r.row, 'both sides of the pair are the same place');
      continue;
    }
    const key = [a, b].sort().join('|');
    if (seen.has(key)) {
      draft.skip(r.row, 'the same pair as an earlier row (listed twice, in either order)');
      continue;
    }
    seen.add(key);
    const found = existingPair.get(key);
    if (found) {
      matched += 1;
      const inGraph = existingPartnerships.get(found);
      if (inGraph) citeExisting(found, inGraph, x, draft);
    } else createPartnership(x, takenIds, draft);
  }
  return matched;
}

/** Sorted "a|b" pair -> the partnership the graph has between exactly those two parties. */
async function existingPairs(store: GraphStore, pairRows: readonly PairRow[], draft: PlanDraft): Promise<Map<string, string>> {
  const parties = new Set<string>();
  await draft.each(pairRows, (x) => {
    for (const id of [x.a, x.b]) if (!draft.nodes.has(id) || draft.before.has(id)) parties.add(id);
  });
  const partnerships = partiesByPartnership(await store.relationsOfNodes([...parties], ['PARTY_TO']));
  // Parties of the partnerships found must be complete: fetch the other parties too.
  const complete = partiesByPartnership(await store.relationsOfNodes([...partnerships.keys()], ['PARTY_TO']));
  const byPair = new Map<string, string>();
  for (const [partnership, set] of complete) if (set.size === 2) byPair.set([...set].sort().join('|'), partnership);
  return byPair;
}

function partiesByPartnership(relations: readonly GraphRelation[]): Map<string, Set<string>> {
  const partiesOf = new Map<string, Set<string>>();
  for (const rel of relations) {
    let set = partiesOf.get(rel.to);
    if (!set) partiesOf.set(rel.to, (set = new Set()));
    set.add(rel.from);
  }
  return partiesOf;
}

function citeExisting(id: string, inGraph: GraphNode, { r }: PairRow, draft: PlanDraft): void {
  const partnership = draft.nodes.get(id) ?? inGraph;
  const citation = draft.provenanceOf(r.row);
  if (cites(partnership.sources, citation)) return;
  draft.before.set(id, inGraph);
  draft.nodes.set(id, { ...structuredClone(partnership), sources: [...partnership.sources, citation] });
  draft.cited.add(r.row.file ?? 0);
}

function createPartnership({ r, p, a, b }: PairRow, takenIds: ReadonlySet<string>, draft: PlanDraft): void {
  let id = pairId(a, b);
  for (let i = 2; takenIds.has(id) || draft.nodes.has(id); i++) id = `${pairId(a, b)}-${i}`;
  const nameA = plannedOrBefore(draft, a)?.name ?? a;
  const nameB = plannedOrBefore(draft, b)?.name ?? b;
  const citation = draft.provenanceOf(r.row);
  const raw = {
    ...p.fields,
    id,
    kind: 'PARTNERSHIP',
    name: `${nameA} - ${nameB}`,
    altNames: [],
    names: [],
    partnershipType: p.partnershipType,
    sources: [citation],
  };
  const parsed = parseNode(raw);
  if ('problems' in parsed) {
    draft.problems.push(...parsed.problems.map((m) => `${r.row.where}: ${m}`));
    return;
  }
  draft.cited.add(r.row.file ?? 0);
  draft.nodes.set(id, parsed.node);
  for (const party of [a, b]) {
    const rel: GraphRelation = { id: defaultRelationId('PARTY_TO', party, id), kind: 'PARTY_TO', from: party, to: id, sources: [citation] };
    draft.relations.set(rel.id, rel);
  }
}

function pairId(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `${x}-${y}`.slice(0, 180).replace(/-+$/, '');
}
