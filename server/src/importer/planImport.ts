import { countryByCode, resolveCountry } from '../domain/countries.js';
import { checkGraphRules, locatedInOf, parseNode, parseRelation, referencedIds } from '../domain/graphRules.js';
import { countryNodeId, defaultRelationId, type GraphNode, type GraphRelation, type NodeKind, type PartnershipType, type Provenance, type RelationKind } from '../domain/model.js';
import type { ChangeRecord, ChangeSet, GraphStore } from '../store/GraphStore.js';
import { normalizeText, slugOfName } from '../store/searchText.js';
import { convertField, FieldError, splitNames } from './fields.js';
import { isNodeKind, isRelationKind, type Mapping } from './mapping.js';

/**
 * Import planning: the rows of a file, already read and mapped to mentions of entities and
 * relationships, are resolved against the graph and turned into one ChangeSet plus a report.
 * Nothing is written here; applying the plan is one store.applyChanges (all or nothing).
 *
 * Entity resolution (docs/adr/0011-import-and-entity-resolution.md): a mention with an id is the node
 * with that id. Otherwise it is matched on its normalised name (accent-, case- and
 * punctuation-insensitive), then its alternative names, among nodes of the same kind, in the same
 * country (countries normalised to ISO codes). One candidate: merged into it. None: a new node.
 * Several: uncertain, reported, and the row is skipped: never guessed.
 */

export interface RowRef {
  /** "line 12", "nodes[3]". */
  where: string;
  /** Sorts rows in file order. */
  order: number;
  /** The row as written: the provenance quote. */
  quote: string;
  /** Which of the import's files (PlanContext.fileSources) the row is from; default 0. */
  file?: number;
}

export interface EntityMention {
  row: RowRef;
  kind: NodeKind;
  id?: string;
  name?: string;
  altNames: string[];
  countryText?: string;
  fields: Record<string, unknown>;
  /** Values for a new node only (the mapping's defaults); never applied to an existing node. */
  defaults?: Record<string, unknown>;
  /** Provenance the record carries itself (JSON and GraphML exports); else the file's. */
  sources?: Provenance[];
  create: boolean;
}

export interface PartnershipMention {
  between: [number, number];
  partnershipType: PartnershipType;
  fields: Record<string, unknown>;
}

/** One row of the file: the entities it mentions (indexes into the plan's entity list), relationships, partnerships. */
export interface RowMentions {
  row: RowRef;
  entities: EntityMention[];
  relations: { kind: RelationKind; id?: string; from: number | string; to: number | string; fields: Record<string, unknown>; sources?: Provenance[] }[];
  partnerships: PartnershipMention[];
}

export interface SkipGroup {
  reason: string;
  rows: string[];
}

export interface ImportReport {
  file: string;
  format: string;
  preset?: string;
  rows: number;
  /** New nodes and relationships, by kind. */
  created: { nodes: Record<string, number>; relations: Record<string, number> };
  /** Existing nodes and relationships the file names: updated (new facts, provenance) or unchanged. */
  merged: { nodes: number; relations: number; updatedNodes: number; updatedRelations: number };
  /** Entities of the file that matched a node that was in the graph before (by id or by name). */
  matchedExisting: { byId: number; byName: number; examples: { where: string; name: string; id: string }[] };
  skipped: SkipGroup[];
  skippedRows: number;
  /** Values in the file that differ from the graph's; the graph's are kept. */
  conflicts: { count: number; examples: string[] };
  /** The change set is empty: importing changes nothing. */
  noChange: boolean;
  totals: { putNodes: number; putRelations: number };
}

export interface ImportPlan {
  changes: ChangeSet;
  report: ImportReport;
}

export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''}`);
    this.name = 'ImportRejected';
  }
}

export interface PlanContext {
  store: GraphStore;
  file: string;
  format: string;
  mapping?: Mapping;
  /** The SOURCE node standing for each file of the import (created when a fact cites it). */
  fileSources: GraphNode[];
  actor: string;
  now: Date;
  /** Replace values the graph already has (default: keep them and report the conflict). */
  replace?: boolean;
}

export const ISO_SOURCE_ID = 'iso-3166-1';

function stableHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** Converts a tabular row to mentions through the mapping. Type errors go to `problems`; data problems to `skip`. */
export function mentionsOfRow(
  mapping: Mapping,
  values: Record<string, string>,
  row: RowRef,
  problems: string[],
): RowMentions {
  const cell = (column: string | undefined) => (column === undefined ? undefined : column.startsWith('=') ? column.slice(1) : (values[column] ?? '').trim());
  const out: RowMentions = { row, entities: [], relations: [], partnerships: [] };
  const refIndex = new Map<string, number>();
  const defaultsOf = (spec: { defaults: Record<string, string | number> }) => {
    const defaults: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(spec.defaults)) {
      try {
        defaults[field] = convertField(field, value);
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        problems.push(`the mapping's default ${e.message}`);
      }
    }
    return defaults;
  };
  const fieldsOf = (spec: { fields: Record<string, string> }) => {
    const fields: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(spec.fields)) {
      try {
        const value = convertField(field, cell(column) ?? '');
        if (value !== undefined) fields[field] = value;
      } catch (e) {
        if (!(e instanceof FieldError)) throw e;
        problems.push(`${row.where}: column "${column}": ${e.message}`);
      }
    }
    return fields;
  };
  for (const spec of mapping.entities) {
    const kindText = spec.kind ?? cell(spec.kindColumn) ?? '';
    const kind = kindText.toUpperCase();
    if (!isNodeKind(kind)) {
      problems.push(`${row.where}: column "${spec.kindColumn}": "${kindText}" is not a node kind`);
      continue;
    }
    refIndex.set(spec.ref, out.entities.length);
    out.entities.push({
      row,
      kind,
      id: cell(spec.id) || undefined,
      name: cell(spec.name) || undefined,
      altNames: splitNames(cell(spec.altNames), spec.altNames === 'alternatenames' ? ',' : '|'),
      countryText: spec.country === undefined ? undefined : (cell(spec.country) ?? ''),
      fields: fieldsOf(spec),
      defaults: defaultsOf(spec),
      create: spec.create,
    });
  }
  for (const spec of mapping.relations) {
    const from = refIndex.get(spec.from);
    const to = refIndex.get(spec.to);
    if (from === undefined || to === undefined) continue;
    out.relations.push({ kind: spec.kind, from, to, fields: { ...defaultsOf(spec), ...fieldsOf(spec) } });
  }
  for (const spec of mapping.partnerships) {
    const a = refIndex.get(spec.between[0]);
    const b = refIndex.get(spec.between[1]);
    if (a === undefined || b === undefined) continue;
    out.partnerships.push({ between: [a, b], partnershipType: spec.partnershipType, fields: fieldsOf(spec) });
  }
  return out;
}

/** A node record of a node list (CSV nodes preset, JSON, GraphML) as a mention. */
export function mentionOfNodeRecord(raw: Record<string, unknown>, row: RowRef, problems: string[]): EntityMention | undefined {
  const kind = String(raw.kind ?? '').toUpperCase();
  if (!isNodeKind(kind)) {
    problems.push(`${row.where}: kind "${String(raw.kind ?? '')}" is not a node kind`);
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (['id', 'kind', 'name', 'altNames', 'sources', 'country'].includes(key) || value === undefined || value === null || value === '') continue;
    if (key === 'ratings') {
      fields.ratings = typeof value === 'string' ? parseJsonField(value, 'ratings', row, problems) : value;
      continue;
    }
    try {
      fields[key] = typeof value === 'string' ? convertField(key, value) : value;
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      problems.push(`${row.where}: ${e.message}`);
    }
  }
  const altNames = Array.isArray(raw.altNames) ? (raw.altNames as string[]) : splitNames(typeof raw.altNames === 'string' ? raw.altNames : undefined);
  const sources = raw.sources === undefined || raw.sources === '' ? undefined : typeof raw.sources === 'string' ? (parseJsonField(raw.sources, 'sources', row, problems) as Provenance[] | undefined) : (raw.sources as Provenance[]);
  return {
    row,
    kind,
    id: raw.id === undefined || raw.id === '' ? undefined : String(raw.id),
    name: raw.name === undefined || raw.name === '' ? undefined : String(raw.name),
    altNames,
    countryText: raw.country === undefined || raw.country === '' ? undefined : String(raw.country),
    fields,
    sources,
    create: true,
  };
}

export function parseJsonField(text: string, field: string, row: RowRef, problems: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    problems.push(`${row.where}: ${field} is not valid JSON`);
    return undefined;
  }
}

/** A relationship record (edge list, JSON, GraphML) as a relation mention between node ids. */
export function relationOfRecord(raw: Record<string, unknown>, row: RowRef, problems: string[]): RowMentions['relations'][number] | undefined {
  const kind = String(raw.kind ?? '').toUpperCase();
  if (!isRelationKind(kind)) {
    problems.push(`${row.where}: kind "${String(raw.kind ?? '')}" is not a relationship kind`);
    return undefined;
  }
  const from = String(raw.from ?? '');
  const to = String(raw.to ?? '');
  if (from === '' || to === '') {
    problems.push(`${row.where}: a relationship needs "from" and "to"`);
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (['id', 'kind', 'from', 'to', 'sources'].includes(key) || value === undefined || value === null || value === '') continue;
    try {
      fields[key] = typeof value === 'string' ? convertField(key, value) : value;
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      problems.push(`${row.where}: ${e.message}`);
    }
  }
  const sources = raw.sources === undefined || raw.sources === '' ? undefined : typeof raw.sources === 'string' ? (parseJsonField(raw.sources, 'sources', row, problems) as Provenance[] | undefined) : (raw.sources as Provenance[]);
  return { kind, id: raw.id === undefined || raw.id === '' ? undefined : String(raw.id), from, to, fields, sources };
}

interface Entity {
  key: string;
  mention: EntityMention;
  country?: string;
  rows: RowRef[];
  resolved?: { id: string; existing: GraphNode | undefined; via: 'id' | 'name' | 'new' };
  skip?: string;
}

/**
 * Resolves the rows' mentions against the graph and builds the change set. `rows` are every row
 * of the file, in order; `fileRows` counts them for the report.
 */
export async function planImport(ctx: PlanContext, rows: RowMentions[]): Promise<ImportPlan> {
  const { store } = ctx;
  const problems: string[] = [];
  const aliases = new Map(Object.entries(ctx.mapping?.countryAliases ?? {}).map(([k, v]) => [normalizeText(k), v]));
  const skips = new Map<string, string[]>();
  const skippedRows = new Set<string>();
  const skip = (row: RowRef, reason: string) => {
    let list = skips.get(reason);
    if (!list) skips.set(reason, (list = []));
    if (list[list.length - 1] !== row.where) list.push(row.where);
    skippedRows.add(row.where);
  };
  const conflicts: string[] = [];

  // 1. Entities: one per distinct id, or per distinct (kind, name, country) within the file.
  const entities = new Map<string, Entity>();
  const entityOfMention = new Map<EntityMention, Entity>();
  for (const r of rows) {
    for (const m of r.entities) {
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
      if (m.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.id)) {
        problems.push(`${m.row.where}: the id "${m.id}" is not a slug (lowercase letters, digits and single hyphens)`);
        continue;
      }
      const key = m.id !== undefined ? `id:${m.id}` : `${m.kind}|${normalizeText(m.name ?? '')}|${country ?? ''}`;
      let entity = entities.get(key);
      if (!entity) {
        entity = { key, mention: m, country, rows: [] };
        if (problem) entity.skip = problem;
        entities.set(key, entity);
      } else if (problem && !entity.skip) {
        // Another mention of the same id with a bad country: that row alone is skipped.
        skip(m.row, problem);
      }
      entity.rows.push(m.row);
      entityOfMention.set(m, entity);
    }
  }
  if (problems.length > 0) throw new ImportRejected(ctx.file, problems);

  // 2. By id.
  const byIdKeys = [...entities.values()].filter((e) => e.mention.id !== undefined && !e.skip);
  const idNodes = await store.getNodes(byIdKeys.map((e) => e.mention.id!));
  byIdKeys.forEach((e, i) => {
    const node = idNodes[i];
    if (node && node.kind !== e.mention.kind) e.skip = `the id "${e.mention.id}" is a ${node.kind} in the graph, the file says ${e.mention.kind}`;
    else if (node) e.resolved = { id: node.id, existing: node, via: 'id' };
  });

  // 3. By name, then alternative names, same kind, same country.
  const toMatch = [...entities.values()].filter((e) => !e.skip && !e.resolved);
  const kinds = [...new Set(toMatch.map((e) => e.mention.kind))];
  const names = new Set<string>();
  for (const e of toMatch) for (const n of [e.mention.name, ...e.mention.altNames]) if (n) names.add(normalizeText(n));
  const index = await nameIndex(store, [...names], kinds);
  const claims = new Map<string, { entity: Entity; tier: number }[]>();
  for (const e of toMatch) {
    const candidatesOf = (list: (string | undefined)[]) => {
      const found = new Map<string, GraphNode>();
      for (const n of list) {
        if (!n) continue;
        for (const node of index.get(normalizeText(n)) ?? []) {
          if (node.kind !== e.mention.kind) continue;
          if (e.country !== undefined && node.country !== undefined && node.country !== e.country) continue;
          found.set(node.id, node);
        }
      }
      return [...found.values()];
    };
    let tier = 0;
    let candidates = candidatesOf([e.mention.name]);
    if (candidates.length === 0 && e.mention.altNames.length > 0) {
      tier = 1;
      candidates = candidatesOf(e.mention.altNames);
    }
    if (candidates.length > 1) {
      e.skip = `uncertain: "${e.mention.name}"${e.country ? ` (${e.country})` : ''} matches ${candidates.length} nodes (${candidates.map((c) => c.id).slice(0, 5).join(', ')}); give the row an id to say which`;
    } else if (candidates.length === 1) {
      const node = candidates[0]!;
      e.resolved = { id: node.id, existing: node, via: 'name' };
      if (!e.mention.create) {
        let list = claims.get(node.id);
        if (!list) claims.set(node.id, (list = []));
        list.push({ entity: e, tier });
      }
    } else if (!e.mention.create) {
      e.skip = 'no node in the graph matches (this mapping only enriches existing nodes)';
    }
  }
  // An enrichment row per node: two rows claiming one node at the same tier are uncertain.
  for (const [nodeId, list] of claims) {
    const best = Math.min(...list.map((c) => c.tier));
    const top = list.filter((c) => c.tier === best);
    for (const c of list) {
      if (c.tier > best) {
        c.entity.resolved = undefined;
        c.entity.skip = "another row of the file names the same node by its primary name (that row is used)";
      } else if (top.length > 1) {
        c.entity.resolved = undefined;
        c.entity.skip = `uncertain: ${top.length} rows match ${nodeId} (${top.map((t) => t.entity.rows[0]!.where).slice(0, 4).join(', ')})`;
      }
    }
  }

  // 4. New nodes get ids: the file's, else slug of the name and the country code, made unique.
  const fresh = [...entities.values()].filter((e) => !e.skip && !e.resolved);
  const wanted = fresh.map((e) => e.mention.id ?? baseId(e));
  const taken = new Set((await store.getNodes([...new Set(wanted)])).filter((n) => n !== null).map((n) => n!.id));
  const used = new Set<string>([...entities.values()].filter((e) => e.resolved).map((e) => e.resolved!.id));
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
    const e = fresh[i]!;
    if (e.mention.id !== undefined) {
      used.add(e.mention.id);
      e.resolved = { id: e.mention.id, existing: undefined, via: 'new' };
    } else e.resolved = { id: await unique(wanted[i]!), existing: undefined, via: 'new' };
  }

  // 5. Rows whose entities did not resolve are skipped whole.
  const nowIso = ctx.now.toISOString();
  const provenanceOf = (row: RowRef): Provenance => ({
    source: ctx.fileSources[row.file ?? 0]!.id,
    locator: row.where,
    quote: row.quote.length >= 3 ? row.quote.slice(0, 400) : `${ctx.file} ${row.where}`,
    importedAt: nowIso,
  });
  const okRows: RowMentions[] = [];
  for (const r of rows) {
    const bad = r.entities.map((m) => entityOfMention.get(m)!).find((e) => e.skip);
    if (bad) skip(r.row, bad.skip!);
    else okRows.push(r);
  }

  // 6. Nodes to put: new ones built from their first mention; existing ones with new facts.
  const nodes = new Map<string, GraphNode>();
  const existingOf = new Map<string, GraphNode>();
  const cited = new Set<number>();
  const usedEntities = new Set<Entity>();
  for (const r of okRows) for (const m of r.entities) usedEntities.add(entityOfMention.get(m)!);
  for (const e of usedEntities) {
    const { id, existing } = e.resolved!;
    const m = e.mention;
    const sources = m.sources ?? [provenanceOf(e.rows[0]!)];
    if (!m.sources) cited.add(e.rows[0]!.file ?? 0);
    if (!existing) {
      const raw: Record<string, unknown> = { ...m.defaults, ...m.fields, id, kind: m.kind, name: m.name ?? id, altNames: [...new Set(m.altNames.filter((a) => a !== m.name))], sources };
      if (e.country) raw.country = e.country;
      const parsed = parseNode(raw);
      if ('problems' in parsed) {
        problems.push(...parsed.problems.map((p) => `${e.rows[0]!.where}: ${p}`));
        continue;
      }
      nodes.set(id, parsed.node);
    } else {
      existingOf.set(id, existing);
      const updated: GraphNode = structuredClone(existing);
      const fill = (field: string, value: unknown) => {
        const current = (updated as unknown as Record<string, unknown>)[field];
        if (value === undefined) return;
        if (current === undefined) (updated as unknown as Record<string, unknown>)[field] = value;
        else if (JSON.stringify(current) !== JSON.stringify(value)) {
          conflicts.push(`${e.rows[0]!.where}: ${id}.${field} is ${JSON.stringify(current)} in the graph, ${JSON.stringify(value)} in the file${ctx.replace ? '; replaced' : '; kept the graph\'s'}`);
          if (ctx.replace) (updated as unknown as Record<string, unknown>)[field] = value;
        }
      };
      for (const [field, value] of Object.entries(m.fields)) fill(field, value);
      if (e.country && existing.kind !== 'COUNTRY') fill('country', e.country);
      for (const p of sources) {
        if (!updated.sources.some((s) => s.source === p.source)) updated.sources.push(p);
      }
      if (m.sources && m.altNames.length > 0) {
        for (const a of m.altNames) if (!updated.altNames.includes(a) && a !== updated.name) updated.altNames.push(a);
      }
      if (JSON.stringify(updated) !== JSON.stringify(existing)) {
        const parsed = parseNode(updated);
        if ('problems' in parsed) problems.push(...parsed.problems.map((p) => `${e.rows[0]!.where}: ${p}`));
        else nodes.set(id, parsed.node);
      }
    }
  }
  const idOf = (ref: number | string, r: RowMentions): string => (typeof ref === 'number' ? entityOfMention.get(r.entities[ref]!)!.resolved!.id : (recordIds.get(ref) ?? ref));
  const recordIds = new Map<string, string>();
  for (const e of entities.values()) if (e.mention.id !== undefined && e.resolved) recordIds.set(e.mention.id, e.resolved.id);

  // 7. Partnerships: one per pair of parties, matched to an existing partnership of the same two parties.
  const relations = new Map<string, GraphRelation>();
  const pairRows = okRows.flatMap((r) => r.partnerships.map((p) => ({ r, p, a: idOf(p.between[0], r), b: idOf(p.between[1], r) })));
  const existingParties = pairRows.length === 0 ? [] : await store.relationsOfNodes([...new Set(pairRows.flatMap((x) => [x.a, x.b]).filter((id) => !nodes.has(id) || existingOf.has(id)))], ['PARTY_TO']);
  const partiesOf = new Map<string, Set<string>>();
  for (const rel of existingParties) {
    let set = partiesOf.get(rel.to);
    if (!set) partiesOf.set(rel.to, (set = new Set()));
    set.add(rel.from);
  }
  // Parties of the partnerships found must be complete: fetch the other parties too.
  const allParties = await store.relationsOfNodes([...partiesOf.keys()], ['PARTY_TO']);
  partiesOf.clear();
  for (const rel of allParties) {
    let set = partiesOf.get(rel.to);
    if (!set) partiesOf.set(rel.to, (set = new Set()));
    set.add(rel.from);
  }
  const existingPair = new Map<string, string>();
  for (const [partnership, parties] of partiesOf) if (parties.size === 2) existingPair.set([...parties].sort().join('|'), partnership);
  const seenPairs = new Map<string, string>();
  const partnershipIds = pairRows.length === 0 ? new Set<string>() : new Set((await store.getNodes([...new Set(pairRows.map((x) => pairId(x.a, x.b)))])).filter((n) => n !== null).map((n) => n!.id));
  const existingPartnerships = new Map((await store.getNodes([...new Set(existingPair.values())])).filter((n) => n !== null).map((n) => [n!.id, n!]));
  for (const { r, p, a, b } of pairRows) {
    if (a === b) {
      skip(r.row, 'both sides of the pair are the same place');
      continue;
    }
    const key = [a, b].sort().join('|');
    const first = seenPairs.get(key);
    if (first) {
      skip(r.row, `the same pair as an earlier row (listed twice, in either order)`);
      continue;
    }
    seenPairs.set(key, r.row.where);
    const found = existingPair.get(key);
    if (found) {
      const partnership = nodes.get(found) ?? existingPartnerships.get(found);
      if (partnership && !partnership.sources.some((s) => s.source === ctx.fileSources[r.row.file ?? 0]!.id)) {
        existingOf.set(found, existingPartnerships.get(found)!);
        nodes.set(found, { ...structuredClone(partnership), sources: [...partnership.sources, provenanceOf(r.row)] });
        cited.add(r.row.file ?? 0);
      }
      continue;
    }
    let id = pairId(a, b);
    for (let i = 2; partnershipIds.has(id) || nodes.has(id); i++) id = `${pairId(a, b)}-${i}`;
    const nameA = nodes.get(a)?.name ?? existingOf.get(a)?.name ?? a;
    const nameB = nodes.get(b)?.name ?? existingOf.get(b)?.name ?? b;
    const raw = { ...p.fields, id, kind: 'PARTNERSHIP', name: `${nameA} - ${nameB}`, altNames: [], partnershipType: p.partnershipType, sources: [provenanceOf(r.row)] };
    const parsed = parseNode(raw);
    if ('problems' in parsed) {
      problems.push(...parsed.problems.map((m) => `${r.row.where}: ${m}`));
      continue;
    }
    cited.add(r.row.file ?? 0);
    nodes.set(id, parsed.node);
    for (const party of [a, b]) {
      const rel: GraphRelation = { id: defaultRelationId('PARTY_TO', party, id), kind: 'PARTY_TO', from: party, to: id, sources: [provenanceOf(r.row)] };
      relations.set(rel.id, rel);
    }
  }

  // 8. Other relationships: by id (given, or the default id of kind, from and to).
  const relationRows = okRows.flatMap((r) => r.relations.map((rel) => ({ r, rel, from: idOf(rel.from, r), to: idOf(rel.to, r) })));
  const relIds = relationRows.map((x) => x.rel.id ?? defaultRelationId(x.rel.kind, x.from, x.to));
  const existingRelations = new Map((await store.getRelations([...new Set(relIds)])).filter((x) => x !== null).map((x) => [x!.id, x!]));
  const existingRelationOf = new Map<string, GraphRelation>();
  relationRows.forEach(({ r, rel, from, to }, i) => {
    const id = relIds[i]!;
    if (from === to) return skip(r.row, 'a relationship cannot link a node to itself');
    const existing = relations.get(id) ?? existingRelations.get(id);
    const sources = rel.sources ?? [provenanceOf(r.row)];
    if (!rel.sources) cited.add(r.row.file ?? 0);
    if (!existing) {
      const parsed = parseRelation({ ...rel.fields, id, kind: rel.kind, from, to, sources });
      if ('problems' in parsed) problems.push(...parsed.problems.map((m) => `${r.row.where}: ${m}`));
      else relations.set(id, { ...parsed.relation, id });
      return;
    }
    if (existingRelations.has(id)) existingRelationOf.set(id, existingRelations.get(id)!);
    const updated: GraphRelation = structuredClone(existing);
    for (const [field, value] of Object.entries(rel.fields)) {
      const current = (updated as unknown as Record<string, unknown>)[field];
      if (current === undefined) (updated as unknown as Record<string, unknown>)[field] = value;
      else if (JSON.stringify(current) !== JSON.stringify(value)) {
        conflicts.push(`${r.row.where}: ${id}.${field} is ${JSON.stringify(current)} in the graph, ${JSON.stringify(value)} in the file${ctx.replace ? '; replaced' : '; kept the graph\'s'}`);
        if (ctx.replace) (updated as unknown as Record<string, unknown>)[field] = value;
      }
    }
    if (ctx.replace && (updated.kind !== rel.kind || updated.from !== from || updated.to !== to)) Object.assign(updated, { kind: rel.kind, from, to });
    for (const p of sources) if (!updated.sources.some((s) => s.source === p.source)) updated.sources.push(p);
    if (JSON.stringify(updated) !== JSON.stringify(existing)) relations.set(id, updated);
  });

  // 9. Countries: a node's country is a LOCATED_IN relationship and needs its COUNTRY node.
  const newCountryNodes = new Map<string, GraphNode>();
  const countryCodes = new Set<string>();
  for (const n of nodes.values()) if (n.country !== undefined && n.kind !== 'COUNTRY') countryCodes.add(n.country);
  const countryIds = [...countryCodes].map(countryNodeId);
  const presentCountries = new Set((await store.getNodes(countryIds)).filter((n) => n !== null).map((n) => n!.id));
  for (const code of countryCodes) {
    const id = countryNodeId(code);
    if (presentCountries.has(id) || nodes.has(id)) continue;
    const info = countryByCode(code)!;
    newCountryNodes.set(id, { id, kind: 'COUNTRY', name: info.name, altNames: [], code, sources: [{ source: ISO_SOURCE_ID, locator: code, quote: `${code} ${info.name}`, importedAt: nowIso }] });
  }
  for (const [id, n] of newCountryNodes) nodes.set(id, n);
  const locatedIds: string[] = [];
  const locatedCandidates: GraphRelation[] = [];
  for (const n of nodes.values()) {
    const previous = existingOf.get(n.id);
    if (previous && previous.country === n.country) continue;
    const located = locatedInOf(n);
    if (located && !relations.has(located.id)) {
      locatedCandidates.push(located);
      locatedIds.push(located.id);
    }
  }
  const presentLocated = new Set((await store.getRelations(locatedIds)).filter((r) => r !== null).map((r) => r!.id));
  for (const rel of locatedCandidates) if (!presentLocated.has(rel.id)) relations.set(rel.id, rel);

  // 10. Sources: the file's SOURCE node when a fact cites it; the ISO list's when a COUNTRY node does.
  const citedSources = [...cited].map((i) => ctx.fileSources[i]!);
  const [isoNode, ...fileSourceNodes] = await store.getNodes([ISO_SOURCE_ID, ...citedSources.map((s) => s.id)]);
  citedSources.forEach((source, i) => {
    if (!fileSourceNodes[i] && !nodes.has(source.id)) nodes.set(source.id, source);
  });
  if (newCountryNodes.size > 0 && !isoNode && !nodes.has(ISO_SOURCE_ID)) {
    nodes.set(ISO_SOURCE_ID, {
      id: ISO_SOURCE_ID,
      kind: 'SOURCE',
      name: 'ISO 3166-1 country codes',
      altNames: [],
      sourceType: 'DATASET',
      publisher: 'world-countries (mledoze/countries), ODbL 1.0',
      sources: [{ source: ISO_SOURCE_ID, locator: 'list', quote: 'ISO 3166-1 alpha-2 codes', importedAt: nowIso }],
    });
  }

  // 11. The graph rules, on everything to write, against the graph as it will be.
  const putNodes = [...nodes.values()];
  const putRelations = [...relations.values()];
  const refs = [...referencedIds(putNodes, putRelations)].filter((id) => !nodes.has(id));
  const around = new Map((await store.getNodes(refs)).filter((n) => n !== null).map((n) => [n!.id, n!]));
  const lookup = (id: string) => nodes.get(id) ?? around.get(id);
  const locate = new Map<string, string>();
  for (const e of entities.values()) if (e.resolved) locate.set(e.resolved.id, e.rows[0]!.where);
  for (const p of checkGraphRules(putNodes, putRelations, lookup)) {
    const where = locate.get(p.recordId) ?? relationWhere(p.recordId, relationRows, relIds) ?? '';
    problems.push(`${where ? `${where}: ` : ''}${p.recordId}: ${p.message}`);
  }
  if (problems.length > 0) throw new ImportRejected(ctx.file, problems);

  // 12. The report.
  const created = { nodes: {} as Record<string, number>, relations: {} as Record<string, number> };
  let updatedNodes = 0;
  let updatedRelations = 0;
  for (const n of putNodes) {
    if (existingOf.has(n.id)) updatedNodes += 1;
    else created.nodes[n.kind] = (created.nodes[n.kind] ?? 0) + 1;
  }
  for (const r of putRelations) {
    if (existingRelationOf.has(r.id) || existingRelations.has(r.id)) updatedRelations += 1;
    else created.relations[r.kind] = (created.relations[r.kind] ?? 0) + 1;
  }
  const matched = [...usedEntities].filter((e) => e.resolved?.existing);
  const matchedRelations = new Set(relationRows.map((_, i) => relIds[i]!).filter((id) => existingRelations.has(id)));
  const report: ImportReport = {
    file: ctx.file,
    format: ctx.format,
    preset: ctx.mapping?.preset,
    rows: rows.length,
    created,
    merged: { nodes: matched.length + [...seenPairs.keys()].filter((k) => existingPair.has(k)).length, relations: matchedRelations.size, updatedNodes, updatedRelations },
    matchedExisting: {
      byId: matched.filter((e) => e.resolved!.via === 'id').length,
      byName: matched.filter((e) => e.resolved!.via === 'name').length,
      examples: matched.slice(0, 10).map((e) => ({ where: e.rows[0]!.where, name: e.mention.name ?? e.mention.id ?? '', id: e.resolved!.id })),
    },
    skipped: [...skips].map(([reason, list]) => ({ reason, rows: list })).sort((a, b) => b.rows.length - a.rows.length),
    skippedRows: skippedRows.size,
    conflicts: { count: conflicts.length, examples: conflicts.slice(0, 20) },
    noChange: putNodes.length === 0 && putRelations.length === 0,
    totals: { putNodes: putNodes.length, putRelations: putRelations.length },
  };

  const log: ChangeRecord[] = [];
  if (!report.noChange) {
    const stamp = ctx.now.toISOString();
    const subject = ctx.fileSources[0]!.id;
    const base = `${stamp}-${stableHash(subject + stamp)}`;
    log.push({
      id: `${base}-0000000`,
      at: stamp,
      actor: ctx.actor,
      action: 'IMPORT',
      subject,
      nodeIds: ctx.fileSources.map((f) => f.id),
      before: null,
      after: JSON.stringify({ file: ctx.file, created, updatedNodes, updatedRelations, skippedRows: skippedRows.size }),
      source: subject,
      summary: `import of ${ctx.file}: ${sum(created.nodes)} nodes and ${sum(created.relations)} relationships created, ${updatedNodes} nodes and ${updatedRelations} relationships updated`,
    });
    let i = 1;
    for (const n of putNodes) {
      const before = existingOf.get(n.id);
      if (!before) continue;
      log.push({ id: `${base}-${String(i++).padStart(7, '0')}`, at: stamp, actor: ctx.actor, action: 'UPDATE_NODE', subject: n.id, nodeIds: [n.id], before: JSON.stringify(before), after: JSON.stringify(n), source: subject, summary: `updated by the import of ${ctx.file}` });
    }
  }
  return { changes: { putNodes, putRelations, log }, report };
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function pairId(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `${x}-${y}`.slice(0, 180).replace(/-+$/, '');
}

function baseId(e: Entity): string {
  const name = e.mention.name ?? '';
  const slug = slugOfName(name) || `${e.mention.kind.toLowerCase().replace(/_/g, '-')}-${stableHash(name)}`;
  return e.country ? `${slug}-${e.country.toLowerCase()}` : slug;
}

function relationWhere(id: string, rows: { r: RowMentions }[], ids: string[]): string | undefined {
  const i = ids.indexOf(id);
  return i >= 0 ? rows[i]!.r.row.where : undefined;
}

/**
 * Normalised name -> nodes of the kinds, for the names asked. Asks the store by name when there
 * are far fewer names than nodes of those kinds, else reads the nodes of those kinds once (a large
 * file, or a gazetteer, against the graph).
 */
async function nameIndex(store: GraphStore, names: string[], kinds: NodeKind[]): Promise<Map<string, GraphNode[]>> {
  const index = new Map<string, GraphNode[]>();
  if (names.length === 0 || kinds.length === 0) return index;
  const stats = await store.stats();
  const population = kinds.reduce((total, k) => total + stats.nodesByKind[k], 0);
  const add = (node: GraphNode) => {
    for (const n of new Set([node.name, ...node.altNames].map(normalizeText))) {
      if (n === '') continue;
      let list = index.get(n);
      if (!list) index.set(n, (list = []));
      list.push(node);
    }
  };
  // A name lookup (a full-text query) costs about what reading ten nodes does.
  if (names.length * 10 < population) {
    for (let i = 0; i < names.length; i += 5_000) for (const node of await store.findByNames(names.slice(i, i + 5_000), kinds)) add(node);
  } else {
    for await (const batch of store.scan({ batchSize: 5_000, kinds, nodesOnly: true })) for (const node of batch.nodes) add(node);
  }
  return index;
}
