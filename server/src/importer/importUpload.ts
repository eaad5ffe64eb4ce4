import type { NodeKind, RelationKind } from '../domain/model.js';
import { LIMITS } from '../limits.js';
import type { GraphStore } from '../store/GraphStore.js';
import { formatReport } from './formatReport.js';
import { uploadSource } from './ImportSource.js';
import type { SkipGroup } from './planImport.js';
import { ImportInputError } from './readers.js';
import { parseMappingText, runImport, type ImportFormat, type ImportOutcome } from './runImport.js';

/** An import sent with a request (the importData mutation): the file's text and how to read it. */
export interface UploadRequest {
  fileName: string;
  content: string;
  format?: ImportFormat;
  /** A mapping as YAML or JSON text. */
  mapping?: string;
  /** Further files imported in the same change, all or nothing (an export's edges.csv beside its nodes.csv). */
  moreFiles?: { fileName: string; content: string }[];
  apply: boolean;
  replace: boolean;
  actor: string;
}

/** What an import did, as the API reports it (the schema's ImportResult). */
export interface ImportSummary {
  applied: boolean;
  noChange: boolean;
  rows: number;
  createdNodes: { kind: NodeKind; count: number }[];
  createdRelations: { kind: RelationKind; count: number }[];
  updatedNodes: number;
  updatedRelations: number;
  matchedByName: number;
  matchedById: number;
  matchedByWikidata: number;
  skippedRows: number;
  /** Each reason with at most 100 of its rows. */
  skipped: SkipGroup[];
  conflicts: number;
  /** What the readers read past on purpose ("view settings ignored"). */
  notes: string[];
  /** The report as npm run import prints it. */
  text: string;
}

/** Imports an upload through the same service as `npm run import`, read from memory (never written to disk). */
export async function importUpload(store: GraphStore, request: UploadRequest): Promise<ImportSummary> {
  const files = [{ fileName: request.fileName, content: request.content }, ...(request.moreFiles ?? [])];
  const names = files.map((f) => f.fileName.replace(/[/\\]/g, '_').slice(0, 200) || 'upload');
  const name = names.join(', ');
  if (files.reduce((sum, f) => sum + f.content.length, 0) > LIMITS.importContent) {
    throw new ImportInputError(
      name,
      undefined,
      `the content is larger than ${LIMITS.importContent / 2 ** 20} MB${files.length > 1 ? ' (all files together)' : ''}: import it with npm run import on the server, or split it.`,
    );
  }
  const mapping = request.mapping ? parseMappingText(request.mapping, `${names[0]} (mapping)`) : undefined;
  const outcome = await runImport(store, {
    sources: files.map((f, i) => uploadSource(names[i]!, f.content)),
    format: request.format,
    mapping,
    apply: request.apply,
    replace: request.replace,
    actor: request.actor,
  });
  return summaryOf(outcome, !request.apply);
}

export function summaryOf(outcome: ImportOutcome, dryRun: boolean): ImportSummary {
  const r = outcome.report;
  return {
    applied: outcome.applied !== null,
    noChange: r.noChange,
    rows: r.rows,
    createdNodes: Object.entries(r.created.nodes).map(([kind, count]) => ({ kind: kind as NodeKind, count })),
    createdRelations: Object.entries(r.created.relations).map(([kind, count]) => ({ kind: kind as RelationKind, count })),
    updatedNodes: r.merged.updatedNodes,
    updatedRelations: r.merged.updatedRelations,
    matchedByName: r.matchedExisting.byName,
    matchedById: r.matchedExisting.byId,
    matchedByWikidata: r.matchedExisting.byWikidata,
    skippedRows: r.skippedRows,
    skipped: r.skipped.map((g) => ({ reason: g.reason, rows: g.rows.slice(0, 100) })),
    conflicts: r.conflicts.count,
    notes: r.notes,
    text: formatReport(r, { applied: outcome.applied !== null, dryRun }),
  };
}
