import type { ChangeRecord, ChangeSet } from '../../store/GraphStore.js';
import type { PlanDraft } from './PlanDraft.js';
import type { Entity } from './resolveEntities.js';
import { stableHash } from './stableHash.js';
import type { ImportPlan, ImportReport } from './types.js';

/** The report of a plan and its change set: the records, with one IMPORT change record and an UPDATE_NODE per node it changes. */

export interface ReportInputs {
  rows: number;
  /** The entities the usable rows mention. */
  entities: Iterable<Entity>;
  matchedPartnerships: number;
  /** Ids of the relationships the file names that the graph had. */
  matchedRelations: ReadonlySet<string>;
}

export async function finishPlan(draft: PlanDraft, inputs: ReportInputs): Promise<ImportPlan> {
  const report = await reportOf(draft, inputs);
  const putNodes = [...draft.nodes.values()];
  const putRelations = [...draft.relations.values()];
  const changes: ChangeSet = { putNodes, putRelations, log: report.noChange ? [] : await changeLog(draft, report) };
  return { changes, report };
}

async function reportOf(draft: PlanDraft, inputs: ReportInputs): Promise<ImportReport> {
  const { ctx } = draft;
  const created = { nodes: {} as Record<string, number>, relations: {} as Record<string, number> };
  let updatedNodes = 0;
  let updatedRelations = 0;
  await draft.each(draft.nodes.values(), (n) => {
    if (draft.before.has(n.id)) updatedNodes += 1;
    else created.nodes[n.kind] = (created.nodes[n.kind] ?? 0) + 1;
  });
  await draft.each(draft.relations.values(), (r) => {
    if (inputs.matchedRelations.has(r.id)) updatedRelations += 1;
    else created.relations[r.kind] = (created.relations[r.kind] ?? 0) + 1;
  });
  const matched = [...inputs.entities].filter((e) => e.resolved?.existing);
  const skipped = draft.skipped();
  return {
    file: ctx.file,
    format: ctx.format,
    preset: ctx.mapping?.preset,
    rows: inputs.rows,
    created,
    merged: { nodes: matched.length + inputs.matchedPartnerships, relations: inputs.matchedRelations.size, updatedNodes, updatedRelations },
    matchedExisting: {
      byId: matched.filter((e) => e.resolved!.via === 'id').length,
      byWikidata: matched.filter((e) => e.resolved!.via === 'wikidata').length,
      byName: matched.filter((e) => e.resolved!.via === 'name').length,
      examples: matched
        .slice(0, 10)
        .map((e) => ({ where: e.rows[0]!.where, name: e.mention.name ?? e.mention.id ?? '', id: e.resolved!.id })),
    },
    skipped: skipped.groups,
    skippedRows: skipped.rows,
    conflicts: { count: draft.conflicts.length, examples: draft.conflicts.slice(0, 20) },
    noChange: draft.nodes.size === 0 && draft.relations.size === 0,
    totals: { putNodes: draft.nodes.size, putRelations: draft.relations.size },
    notes: [...draft.notes],
  };
}

async function changeLog(draft: PlanDraft, report: ImportReport): Promise<ChangeRecord[]> {
  const { ctx } = draft;
  const { created, merged } = report;
  const stamp = ctx.now.toISOString();
  const subject = ctx.fileSources[0]!.id;
  const base = `${stamp}-${stableHash(subject + stamp)}`;
  const log: ChangeRecord[] = [
    {
      id: `${base}-0000000`,
      at: stamp,
      actor: ctx.actor,
      action: 'IMPORT',
      subject,
      nodeIds: ctx.fileSources.map((f) => f.id),
      before: null,
      after: JSON.stringify({
        file: ctx.file,
        created,
        updatedNodes: merged.updatedNodes,
        updatedRelations: merged.updatedRelations,
        skippedRows: report.skippedRows,
      }),
      source: subject,
      summary: `import of ${ctx.file}: ${sum(created.nodes)} nodes and ${sum(created.relations)} relationships created, ${merged.updatedNodes} nodes and ${merged.updatedRelations} relationships updated`,
    },
  ];
  await draft.each(draft.nodes.values(), (n) => {
    const before = draft.before.get(n.id);
    if (!before) return;
    const id = `${base}-${String(log.length).padStart(7, '0')}`;
    log.push({
      id,
      at: stamp,
      actor: ctx.actor,
      action: 'UPDATE_NODE',
      subject: n.id,
      nodeIds: [n.id],
      before: JSON.stringify(before),
      after: JSON.stringify(n),
      source: subject,
      summary: `updated by the import of ${ctx.file}`,
    });
  });
  return log;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
