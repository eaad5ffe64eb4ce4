import type { RowMentions } from './plan/mentions.js';
import { planNodes, planRelations, usedEntities } from './plan/mergeFacts.js';
import { planPartnerships } from './plan/partnerships.js';
import { PlanDraft } from './plan/PlanDraft.js';
import { finishPlan } from './plan/report.js';
import { resolveEntities, usableRows } from './plan/resolveEntities.js';
import { checkPlannedRules, planCountries, planSources } from './plan/supportingNodes.js';
import type { ImportPlan, PlanContext } from './plan/types.js';

export { mentionOfNodeRecord, mentionsOfRow, relationOfRecord, type RowMentions, type RowRef } from './plan/mentions.js';
export { ISO_SOURCE_ID } from './plan/supportingNodes.js';
export { ImportRejected, type ImportPlan, type ImportReport, type PlanContext, type SkipGroup } from './plan/types.js';

/**
 * Import planning: the rows of a file, already read and mapped to mentions of entities and
 * relationships, are resolved against the graph and turned into one ChangeSet plus a report.
 * Nothing is written here; applying the plan is one store.applyChanges (all or nothing).
 * Any problem in the file throws ImportRejected with every problem found, each naming its row.
 *
 * The steps, each in plan/: mentions are resolved to nodes (resolveEntities: by id, by name and
 * country, or new); rows whose entities did not resolve are skipped; the facts of the rest are
 * merged into what the graph has (mergeFacts, partnerships); what they need besides is added
 * (supportingNodes: countries, LOCATED_IN, SOURCE nodes) and the whole is checked against the
 * graph rules; the report and the change log close it (report).
 */
export async function planImport(ctx: PlanContext, rows: RowMentions[]): Promise<ImportPlan> {
  const { store } = ctx;
  const draft = new PlanDraft(ctx);

  const resolution = await resolveEntities(store, rows, draft);
  const okRows = await usableRows(rows, resolution, draft);
  const entities = await usedEntities(okRows, resolution, draft);

  await planNodes(entities, draft);
  const matchedPartnerships = await planPartnerships(store, okRows, resolution, draft);
  const relations = await planRelations(okRows, resolution, draft);

  const newCountries = await planCountries(draft);
  await planSources(store, draft, newCountries);

  const entityWhere = new Map<string, string>();
  await draft.each(resolution.entities.values(), (e) => {
    if (e.resolved) entityWhere.set(e.resolved.id, e.rows[0]!.where);
  });
  await checkPlannedRules(draft, (id) => entityWhere.get(id) ?? relations.whereOf.get(id));
  draft.refuseIfProblems();

  return finishPlan(draft, { rows: rows.length, entities, matchedPartnerships, matchedRelations: relations.matched });
}
