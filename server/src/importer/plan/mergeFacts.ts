import { parseNode, parseRelation } from '../../domain/graphRules.js';
import { mergeInto } from '../../domain/merge.js';
import { defaultRelationId, type GraphNode, type GraphRelation } from '../../domain/model.js';
import type { RelationMention, RowMentions } from './mentions.js';
import type { PlanDraft } from './PlanDraft.js';
import type { Entity, Resolution } from './resolveEntities.js';

/**
 * Fact merging: a new node or relationship is built from the file; one the graph has gets the
 * file's facts through the domain's mergeInto (missing fields filled, differing values reported
 * as conflicts and kept unless --replace, the file's citation added).
 */

/** The entities the usable rows mention, in the order of their first mention. */
export async function usedEntities(rows: readonly RowMentions[], resolution: Resolution, draft: PlanDraft): Promise<Set<Entity>> {
  const used = new Set<Entity>();
  await draft.each(rows, (r) => {
    for (const m of r.entities) used.add(resolution.entityOf.get(m)!);
  });
  return used;
}

/** Nodes to put: new ones built from their first mention; existing ones with the file's new facts. */
export async function planNodes(entities: Iterable<Entity>, draft: PlanDraft): Promise<void> {
  for (const e of entities) {
    await draft.slice();
    const { id, existing } = e.resolved!;
    const m = e.mention;
    const where = e.rows[0]!.where;
    const sources = draft.citationOf(e.rows[0]!, m.sources);
    const names = m.names.map((n) => ({ lang: n.lang, text: n.text, sources: n.sources ?? sources }));
    if (!existing) {
      const raw: Record<string, unknown> = {
        ...m.defaults,
        ...m.fields,
        id,
        kind: m.kind,
        name: m.name ?? id,
        altNames: [...new Set((m.sources ? m.altNames : (m.keptAltNames ?? m.altNames)).filter((a) => a !== m.name))],
        names,
        sources,
      };
      if (e.country) raw.country = e.country;
      const parsed = parseNode(raw);
      if ('problems' in parsed) draft.problems.push(...parsed.problems.map((p) => `${where}: ${p}`));
      else draft.nodes.set(id, parsed.node);
      continue;
    }
    draft.before.set(id, existing);
    // Two entities of the file may be one node ("Luik" and "Liège"): the second merges into the first's result.
    const current = draft.nodes.get(id) ?? existing;
    const facts = {
      ...m.fields,
      ...(e.country && existing.kind !== 'COUNTRY' ? { country: e.country } : {}),
      ...(names.length > 0 ? { names } : {}),
    };
    const merged = mergeInto(current, facts, sources, { replace: draft.ctx.replace });
    draft.conflict(where, id, merged.conflicts);
    const updated = merged.value;
    // A record with its own provenance (an export) brings all its names; a mapped row those it keeps
    // (a gazetteer's bounded), up to MAX_ALT_NAMES on the node.
    const altNames = m.sources ? m.altNames : (m.keptAltNames ?? []);
    for (const a of altNames) {
      if (!m.sources && updated.altNames.length >= MAX_ALT_NAMES) break;
      if (!updated.altNames.includes(a) && a !== updated.name) updated.altNames.push(a);
    }
    if (JSON.stringify(updated) === JSON.stringify(current)) continue;
    const parsed = parseNode(updated);
    if ('problems' in parsed) draft.problems.push(...parsed.problems.map((p) => `${where}: ${p}`));
    else draft.nodes.set(id, parsed.node);
  }
}

/** How many alternative names mapped rows may give a node in all (a record with its own provenance is not bounded). */
const MAX_ALT_NAMES = 60;

export interface PlannedRelations {
  /** Ids of the relationships the file names that the graph had before. */
  matched: Set<string>;
  /** The row that first names each relationship id. */
  whereOf: Map<string, string>;
}

/** Other relationships: by id (given, or the default id of kind, from and to). */
export async function planRelations(rows: readonly RowMentions[], resolution: Resolution, draft: PlanDraft): Promise<PlannedRelations> {
  const named: { r: RowMentions; rel: RelationMention; from: string; to: string }[] = [];
  const ids: string[] = [];
  await draft.each(rows, (r) => {
    for (const rel of r.relations) {
      const from = resolution.idOf(rel.from, r);
      const to = resolution.idOf(rel.to, r);
      named.push({ r, rel, from, to });
      ids.push(rel.id ?? defaultRelationId(rel.kind, from, to));
    }
  });
  const existing = new Map((await draft.relationsOf([...new Set(ids)])).filter((x) => x !== null).map((x) => [x!.id, x!]));
  const whereOf = new Map<string, string>();
  for (const [i, { r, rel, from, to }] of named.entries()) {
    await draft.slice();
    const id = ids[i]!;
    // A fact the file states on several rows cites the first (as an entity cites its first mention).
    const repeated = whereOf.has(id);
    if (!repeated) whereOf.set(id, r.row.where);
    if (from === to) {
      draft.skip(r.row, 'a relationship cannot link a node to itself');
      continue;
    }
    const sources = repeated && !rel.sources ? [] : draft.citationOf(r.row, rel.sources);
    const current = draft.relations.get(id) ?? existing.get(id);
    const planned = current
      ? mergeRelation(current, rel, from, to, sources, r.row.where, draft)
      : newRelation(id, rel, from, to, sources, r.row.where, draft);
    if (planned) draft.relations.set(id, planned);
  }
  const matched = new Set<string>();
  await draft.each(ids, (id) => {
    if (existing.has(id)) matched.add(id);
  });
  return { matched, whereOf };
}

function newRelation(
  id: string,
  rel: RelationMention,
  from: string,
  to: string,
  sources: GraphRelation['sources'],
  where: string,
  draft: PlanDraft,
): GraphRelation | undefined {
  const parsed = parseRelation({ ...rel.fields, id, kind: rel.kind, from, to, sources });
  if ('problems' in parsed) {
    draft.problems.push(...parsed.problems.map((m) => `${where}: ${m}`));
    return undefined;
  }
  return { ...parsed.relation, id };
}

function mergeRelation(
  current: GraphRelation,
  rel: RelationMention,
  from: string,
  to: string,
  sources: GraphRelation['sources'],
  where: string,
  draft: PlanDraft,
): GraphRelation | undefined {
  const merged = mergeInto(current, rel.fields, sources, { replace: draft.ctx.replace });
  draft.conflict(where, current.id, merged.conflicts);
  const updated = merged.value;
  if (draft.ctx.replace && (updated.kind !== rel.kind || updated.from !== from || updated.to !== to))
    Object.assign(updated, { kind: rel.kind, from, to });
  return JSON.stringify(updated) !== JSON.stringify(current) ? updated : undefined;
}

/** A planned node, or the graph's as it was. */
export function plannedOrBefore(draft: PlanDraft, id: string): GraphNode | undefined {
  return draft.nodes.get(id) ?? draft.before.get(id);
}
