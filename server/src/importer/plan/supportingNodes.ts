import { countryByCode, countryNames, WORLD_COUNTRIES_SOURCE_ID, worldCountriesSource } from '../../domain/countries.js';
import { checkGraphRules, locatedInOf, referencedIds } from '../../domain/graphRules.js';
import { countryNodeId, type GraphNode, type GraphRelation } from '../../domain/model.js';
import type { GraphStore } from '../../store/GraphStore.js';
import type { PlanDraft } from './PlanDraft.js';

/** What the planned facts need besides themselves: COUNTRY nodes, LOCATED_IN, SOURCE nodes; then the graph rules. */

export const ISO_SOURCE_ID = 'iso-3166-1';

/** A node's country is a LOCATED_IN relationship and needs its COUNTRY node; returns how many COUNTRY nodes are new. */
export async function planCountries(draft: PlanDraft): Promise<number> {
  const codes = new Set<string>();
  await draft.each(draft.nodes.values(), (n) => {
    if (n.country !== undefined && n.kind !== 'COUNTRY') codes.add(n.country);
  });
  const present = new Set((await draft.nodesOf([...codes].map(countryNodeId))).filter((n) => n !== null).map((n) => n!.id));
  const fresh: GraphNode[] = [];
  for (const code of codes) {
    const id = countryNodeId(code);
    if (present.has(id) || draft.nodes.has(id)) continue;
    const info = countryByCode(code)!;
    fresh.push({
      id,
      kind: 'COUNTRY',
      name: info.name,
      altNames: [],
      names: countryNames(code, draft.nowIso),
      code,
      sources: [{ source: ISO_SOURCE_ID, locator: code, quote: `${code} ${info.name}`, importedAt: draft.nowIso }],
    });
  }
  for (const n of fresh) draft.nodes.set(n.id, n);
  const candidates: GraphRelation[] = [];
  for (const n of draft.nodes.values()) {
    await draft.slice();
    const previous = draft.before.get(n.id);
    if (previous && previous.country === n.country) continue;
    const located = locatedInOf(n);
    if (located && !draft.relations.has(located.id)) candidates.push(located);
  }
  const presentLocated = new Set((await draft.relationsOf(candidates.map((r) => r.id))).filter((r) => r !== null).map((r) => r!.id));
  await draft.each(candidates, (rel) => {
    if (!presentLocated.has(rel.id)) draft.relations.set(rel.id, rel);
  });
  return fresh.length;
}

/** The files' SOURCE nodes when a fact cites them; the ISO list's and world-countries' when a new COUNTRY node does. */
export async function planSources(store: GraphStore, draft: PlanDraft, newCountries: number): Promise<void> {
  const cited = [...draft.cited].map((i) => draft.ctx.fileSources[i]!);
  const [isoNode, worldCountriesNode, ...inGraph] = await store.getNodes([
    ISO_SOURCE_ID,
    WORLD_COUNTRIES_SOURCE_ID,
    ...cited.map((s) => s.id),
  ]);
  cited.forEach((source, i) => {
    if (!inGraph[i] && !draft.nodes.has(source.id)) draft.nodes.set(source.id, source);
  });
  if (newCountries === 0) return;
  // New COUNTRY nodes' names per language cite world-countries.
  if (!worldCountriesNode && !draft.nodes.has(WORLD_COUNTRIES_SOURCE_ID))
    draft.nodes.set(WORLD_COUNTRIES_SOURCE_ID, worldCountriesSource(draft.nowIso));
  if (isoNode || draft.nodes.has(ISO_SOURCE_ID)) return;
  draft.nodes.set(ISO_SOURCE_ID, {
    id: ISO_SOURCE_ID,
    kind: 'SOURCE',
    name: 'ISO 3166-1 country codes',
    altNames: [],
    names: [],
    sourceType: 'DATASET',
    publisher: 'world-countries (mledoze/countries), ODbL 1.0',
    sources: [{ source: ISO_SOURCE_ID, locator: 'list', quote: 'ISO 3166-1 alpha-2 codes', importedAt: draft.nowIso }],
  });
}

/** Records checked against the graph rules between two pauses (a few milliseconds' work). */
const RULES_AT_ONCE = 1_000;

/** The graph rules, on everything to write, against the graph as it will be; problems name the row. */
export async function checkPlannedRules(draft: PlanDraft, whereOf: (id: string) => string | undefined): Promise<void> {
  const nodes = [...draft.nodes.values()];
  const relations = [...draft.relations.values()];
  const chunks = [];
  for (let i = 0; i < nodes.length; i += RULES_AT_ONCE) chunks.push({ nodes: nodes.slice(i, i + RULES_AT_ONCE), relations: [] });
  for (let i = 0; i < relations.length; i += RULES_AT_ONCE) chunks.push({ nodes: [], relations: relations.slice(i, i + RULES_AT_ONCE) });
  const refs = new Set<string>();
  for (const chunk of chunks) {
    await draft.slice();
    for (const id of referencedIds(chunk.nodes, chunk.relations)) if (!draft.nodes.has(id)) refs.add(id);
  }
  const around = new Map((await draft.nodesOf([...refs])).filter((n) => n !== null).map((n) => [n!.id, n!]));
  const lookup = (id: string) => draft.nodes.get(id) ?? around.get(id);
  for (const chunk of chunks) {
    await draft.slice();
    for (const p of checkGraphRules(chunk.nodes, chunk.relations, lookup)) {
      const where = whereOf(p.recordId) ?? '';
      draft.problems.push(`${where ? `${where}: ` : ''}${p.recordId}: ${p.message}`);
    }
  }
}
