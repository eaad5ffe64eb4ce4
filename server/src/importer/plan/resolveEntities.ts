import { countryByCode, resolveCountry } from '../../domain/countries.js';
import type { GraphNode, NodeKind } from '../../domain/model.js';
import type { GraphStore } from '../../store/GraphStore.js';
import { normalizeText, slugOfName } from '../../domain/normalize.js';
import { searchNamesOf } from '../../store/searchText.js';
import type { EntityMention, RowMentions, RowRef } from './mentions.js';
import type { PlanDraft } from './PlanDraft.js';
import { stableHash } from './stableHash.js';

/**
 * Entity resolution (docs/adr/0011-import-and-entity-resolution.md): a mention with an id is the
 * node with that id. Otherwise a mention with a Wikidata item (QID, the `wikidata` field) is the
 * node that carries that QID (docs/adr/0021-wikidata-import.md). Otherwise it is matched on its
 * normalised name (accent-, case- and punctuation-insensitive), then its names per language and
 * alternative names, among nodes of the same kind, in the same country (countries normalised to ISO codes), leaving out
 * nodes that carry another QID (another entity of the same name). One candidate: merged into it.
 * None: a new node. Several: uncertain, reported, and the row is skipped: never guessed.
 */

export interface Entity {
  key: string;
  /** The first mention: what a new node is built from. */
  mention: EntityMention;
  country?: string;
  rows: RowRef[];
  resolved?: { id: string; existing: GraphNode | undefined; via: 'id' | 'wikidata' | 'name' | 'new' };
  skip?: string;
}

export interface Resolution {
  /** One per distinct id, or per distinct (kind, name, country) within the file. */
  entities: Map<string, Entity>;
  entityOf: Map<EntityMention, Entity>;
  /** A reference of a row (an entity's index in the row, or a node id a record names) as a node id. */
  idOf(ref: number | string, row: RowMentions): string;
}

/** Resolves every mention of the rows to a node id (existing or new), or marks it skipped. */
export async function resolveEntities(store: GraphStore, rows: readonly RowMentions[], draft: PlanDraft): Promise<Resolution> {
  const { entities, entityOf } = await collectEntities(rows, draft);
  draft.refuseIfProblems();
  await resolveById(entities, draft);
  await resolveByWikidata(store, entities, draft);
  await resolveByName(store, entities, draft);
  await assignNewIds(store, entities, draft);
  const recordIds = new Map<string, string>();
  await draft.each(entities.values(), (e) => {
    if (e.mention.id !== undefined && e.resolved) recordIds.set(e.mention.id, e.resolved.id);
  });
  const idOf = (ref: number | string, r: RowMentions) =>
    typeof ref === 'number' ? entityOf.get(r.entities[ref]!)!.resolved!.id : (recordIds.get(ref) ?? ref);
  return { entities, entityOf, idOf };
}

/** The rows whose entities all resolved; the others are skipped whole, with their entity's reason. */
export async function usableRows(rows: readonly RowMentions[], resolution: Resolution, draft: PlanDraft): Promise<RowMentions[]> {
  const ok: RowMentions[] = [];
  await draft.each(rows, (r) => {
    const bad = r.entities.map((m) => resolution.entityOf.get(m)!).find((e) => e.skip);
    if (bad) draft.skip(r.row, bad.skip!);
    else ok.push(r);
  });
  return ok;
}

async function collectEntities(rows: readonly RowMentions[], draft: PlanDraft): Promise<Pick<Resolution, 'entities' | 'entityOf'>> {
  const aliases = new Map(Object.entries(draft.ctx.mapping?.countryAliases ?? {}).map(([k, v]) => [normalizeText(k), v]));
  const entities = new Map<string, Entity>();
  const entityOf = new Map<EntityMention, Entity>();
  for (const r of rows) {
    await draft.slice();
    for (const m of r.entities) {
      const { country, problem } = countryOf(m, aliases);
      if (m.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.id)) {
        draft.problems.push(`${m.row.where}: the id "${m.id}" is not a slug (lowercase letters, digits and single hyphens)`);
        continue;
      }
      const qid = wikidataOf(m);
      const key =
        m.id !== undefined ? `id:${m.id}` : qid !== undefined ? `wd:${qid}` : `${m.kind}|${normalizeText(m.name ?? '')}|${country ?? ''}`;
      let entity = entities.get(key);
      if (!entity) {
        entity = { key, mention: m, country, rows: [] };
        if (problem) entity.skip = problem;
        entities.set(key, entity);
      } else if (problem && !entity.skip) {
        // Another mention of the same id with a bad country: that row alone is skipped.
        draft.skip(m.row, problem);
      }
      entity.rows.push(m.row);
      entityOf.set(m, entity);
    }
  }
  return { entities, entityOf };
}

function countryOf(m: EntityMention, aliases: ReadonlyMap<string, string>): { country?: string; problem?: string } {
  let country: string | undefined;
  let problem: string | undefined;
  if (m.countryText !== undefined) {
    const resolution = resolveCountry(m.countryText, aliases);
    if ('code' in resolution) {
      if (countryByCode(resolution.code)) country = resolution.code;
      else problem = `the country code "${resolution.code}" is not an ISO 3166-1 code`;
    } else problem = resolution.problem;
  }
  if (m.id === undefined && (m.name === undefined || normalizeText(m.name) === '')) problem = 'a name is missing';
  return { country, problem };
}

async function resolveById(entities: Map<string, Entity>, draft: PlanDraft): Promise<void> {
  const byId = await draft.filter(entities.values(), (e) => e.mention.id !== undefined && !e.skip);
  const nodes = await draft.nodesOf(byId.map((e) => e.mention.id!));
  byId.forEach((e, i) => {
    const node = nodes[i];
    if (node && node.kind !== e.mention.kind)
      e.skip = `the id "${e.mention.id}" is a ${node.kind} in the graph, the file says ${e.mention.kind}`;
    else if (node) e.resolved = { id: node.id, existing: node, via: 'id' };
  });
}

/** The QID a mention carries (validated by the record rules when it is written). */
function wikidataOf(m: EntityMention): string | undefined {
  return typeof m.fields.wikidata === 'string' ? m.fields.wikidata : undefined;
}

/** By Wikidata item: the node carrying the mention's QID (of the same kind), else on to the names. */
async function resolveByWikidata(store: GraphStore, entities: Map<string, Entity>, draft: PlanDraft): Promise<void> {
  const withQid = await draft.filter(entities.values(), (e) => !e.skip && !e.resolved && wikidataOf(e.mention) !== undefined);
  if (withQid.length === 0) return;
  const byQid = new Map<string, GraphNode[]>();
  for (const node of await store.findByWikidata(withQid.map((e) => wikidataOf(e.mention)!))) {
    let list = byQid.get(node.wikidata!);
    if (!list) byQid.set(node.wikidata!, (list = []));
    list.push(node);
  }
  for (const e of withQid) {
    const qid = wikidataOf(e.mention)!;
    const nodes = byQid.get(qid) ?? [];
    if (nodes.length > 1)
      e.skip = `uncertain: ${nodes.length} nodes carry the Wikidata item ${qid} (${nodes
        .map((n) => n.id)
        .slice(0, 5)
        .join(', ')}); merge them first`;
    else if (nodes.length === 1 && nodes[0]!.kind !== e.mention.kind)
      e.skip = `the Wikidata item ${qid} is the ${nodes[0]!.kind} "${nodes[0]!.id}" in the graph, the file says ${e.mention.kind}`;
    else if (nodes.length === 1) e.resolved = { id: nodes[0]!.id, existing: nodes[0]!, via: 'wikidata' };
  }
}

interface Claim {
  entity: Entity;
  /** 0: matched by its name; 1: by an alternative name. */
  tier: number;
}

/** By name, then alternative names, same kind, same country. */
async function resolveByName(store: GraphStore, entities: Map<string, Entity>, draft: PlanDraft): Promise<void> {
  const toMatch = await draft.filter(entities.values(), (e) => !e.skip && !e.resolved);
  const kinds = [...new Set(toMatch.map((e) => e.mention.kind))];
  const names = new Set<string>();
  await draft.each(toMatch, (e) => {
    for (const n of [e.mention.name, ...otherNamesOf(e.mention)]) if (n) names.add(normalizeText(n));
  });
  const index = await nameIndex(store, [...names], kinds, draft);
  const claims = new Map<string, Claim[]>();
  /** Nodes without a country matched by name from a row that gives one: by node, who matched them. */
  const countryless = new Map<string, Entity[]>();
  for (const e of toMatch) {
    await draft.slice();
    let tier = 0;
    let candidates = candidatesOf(e, [e.mention.name], index);
    const others = otherNamesOf(e.mention);
    if (candidates.length === 0 && others.length > 0) {
      tier = 1;
      candidates = candidatesOf(e, others, index);
    }
    if (candidates.length > 1) {
      e.skip = `uncertain: "${e.mention.name}"${e.country ? ` (${e.country})` : ''} matches ${candidates.length} nodes (${candidates
        .map((c) => c.id)
        .slice(0, 5)
        .join(', ')}); give the row an id to say which`;
    } else if (candidates.length === 1) {
      const node = candidates[0]!;
      e.resolved = { id: node.id, existing: node, via: 'name' };
      if (node.country === undefined && e.country !== undefined)
        (countryless.get(node.id) ?? countryless.set(node.id, []).get(node.id)!).push(e);
      // Two items (two QIDs) of one name must not both become the node: nor must two enrichment rows.
      if (!e.mention.create || wikidataOf(e.mention) !== undefined) {
        let list = claims.get(node.id);
        if (!list) claims.set(node.id, (list = []));
        list.push({ entity: e, tier });
      }
    } else if (!e.mention.create) {
      e.skip = 'no node in the graph matches (this mapping only enriches existing nodes)';
    }
  }
  await settleClaims(claims, draft);
  keepCountriesApart(countryless, draft);
}

/**
 * A node without a country that rows of two or more countries name ("London" in the graph;
 * "London, Canada" and "London, United Kingdom" in the file) is not merged with any of them: which
 * one it is, the graph does not say, and merging both would make two places one. Each becomes a
 * node of its own (by name and country, as an unmatched row does), and a note names the node, so
 * the user can merge the right one into it (mergeNodes) once they know.
 */
function keepCountriesApart(countryless: ReadonlyMap<string, Entity[]>, draft: PlanDraft): void {
  const examples: string[] = [];
  let count = 0;
  for (const [nodeId, matched] of countryless) {
    const countries = [...new Set(matched.filter((e) => e.resolved?.id === nodeId).map((e) => e.country!))].sort();
    if (countries.length < 2) continue;
    for (const e of matched) if (e.resolved?.id === nodeId) e.resolved = undefined;
    count++;
    if (examples.length < 10) examples.push(`"${nodeId}" (${countries.join(', ')})`);
  }
  if (count > 0)
    draft.notes.push(
      `${count} node${count === 1 ? '' : 's'} without a country that rows of several countries name ${count === 1 ? 'was' : 'were'} not merged with any of them; each country's place is a node of its own. Merge the right one into it once you know which it is (mergeNodes): ${examples.join(', ')}${count > examples.length ? ', …' : ''}`,
    );
}

/** A mention's names besides its name: names per language, then alternative names (the second tier). */
function otherNamesOf(m: EntityMention): string[] {
  return [...m.names.map((n) => n.text), ...m.altNames];
}

function candidatesOf(e: Entity, names: readonly (string | undefined)[], index: ReadonlyMap<string, GraphNode[]>): GraphNode[] {
  const found = new Map<string, GraphNode>();
  const qid = wikidataOf(e.mention);
  for (const n of names) {
    if (!n) continue;
    for (const node of index.get(normalizeText(n)) ?? []) {
      if (node.kind !== e.mention.kind) continue;
      // A node that is another Wikidata item is another place of the same name.
      if (qid !== undefined && node.wikidata !== undefined && node.wikidata !== qid) continue;
      if (e.country !== undefined && node.country !== undefined && node.country !== e.country) continue;
      found.set(node.id, node);
    }
  }
  // A node of the row's own country is a better match than one whose country is unknown.
  const all = [...found.values()];
  const sameCountry = e.country === undefined ? [] : all.filter((n) => n.country === e.country);
  return sameCountry.length > 0 ? sameCountry : all;
}

/** An enrichment row per node: two rows claiming one node at the same tier are uncertain. */
async function settleClaims(claims: ReadonlyMap<string, Claim[]>, draft: PlanDraft): Promise<void> {
  for (const [nodeId, list] of claims) {
    await draft.slice();
    const best = Math.min(...list.map((c) => c.tier));
    const top = list.filter((c) => c.tier === best);
    for (const c of list) {
      if (c.tier > best) {
        c.entity.resolved = undefined;
        c.entity.skip = 'another row of the file names the same node by its primary name (that row is used)';
      } else if (top.length > 1) {
        c.entity.resolved = undefined;
        c.entity.skip = `uncertain: ${top.length} rows match ${nodeId} (${top
          .map((t) => t.entity.rows[0]!.where)
          .slice(0, 4)
          .join(', ')})`;
      }
    }
  }
}

/** New nodes get ids: the file's, else the slug of the name and the country code, made unique. */
async function assignNewIds(store: GraphStore, entities: Map<string, Entity>, draft: PlanDraft): Promise<void> {
  const fresh = await draft.filter(entities.values(), (e) => !e.skip && !e.resolved);
  const wanted: string[] = [];
  await draft.each(fresh, (e) => wanted.push(e.mention.id ?? baseId(e)));
  const taken = new Set((await draft.nodesOf([...new Set(wanted)])).filter((n) => n !== null).map((n) => n!.id));
  const used = new Set<string>();
  await draft.each(entities.values(), (e) => {
    if (e.resolved) used.add(e.resolved.id);
  });
  const unique = async (base: string): Promise<string> => {
    for (let i = 1; ; i++) {
      const id = i === 1 ? base : `${base}-${i}`;
      if (used.has(id)) continue;
      if (i > 1 && (await store.getNodes([id]))[0]) continue;
      if (i === 1 && taken.has(id)) continue;
      used.add(id);
      return id;
    }
  };
  for (let i = 0; i < fresh.length; i++) {
    await draft.slice();
    const e = fresh[i]!;
    if (e.mention.id !== undefined) {
      used.add(e.mention.id);
      e.resolved = { id: e.mention.id, existing: undefined, via: 'new' };
    } else e.resolved = { id: await unique(wanted[i]!), existing: undefined, via: 'new' };
  }
}

function baseId(e: Entity): string {
  const name = e.mention.name ?? '';
  const slug = slugOfName(name) || `${e.mention.kind.toLowerCase().replace(/_/g, '-')}-${stableHash(name)}`;
  return e.country ? `${slug}-${e.country.toLowerCase()}` : slug;
}

/**
 * Normalised name -> nodes of the kinds, for the names asked. Asks the store by name when there
 * are far fewer names than nodes of those kinds, else reads the nodes of those kinds once (a large
 * file, or a gazetteer, against the graph).
 */
async function nameIndex(store: GraphStore, names: string[], kinds: NodeKind[], draft: PlanDraft): Promise<Map<string, GraphNode[]>> {
  const index = new Map<string, GraphNode[]>();
  if (names.length === 0 || kinds.length === 0) return index;
  const stats = await store.stats();
  const population = kinds.reduce((total, k) => total + stats.nodesByKind[k], 0);
  const add = (node: GraphNode) => {
    for (const n of searchNamesOf(node).names) {
      let list = index.get(n);
      if (!list) index.set(n, (list = []));
      list.push(node);
    }
  };
  // A name lookup (a full-text query) costs about what reading ten nodes does.
  if (names.length * 10 < population) {
    for (let i = 0; i < names.length; i += 5_000) {
      for (const node of await store.findByNames(names.slice(i, i + 5_000), kinds)) add(node);
      await draft.slice();
    }
  } else {
    for await (const batch of store.scan({ batchSize: 5_000, kinds, nodesOnly: true })) {
      for (const node of batch.nodes) add(node);
      await draft.slice();
    }
  }
  return index;
}
