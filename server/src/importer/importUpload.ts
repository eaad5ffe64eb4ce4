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
  /** The report as npm run import prints it. */
  text: string;
}

/** Imports an upload through the same service as `npm run import`, read from memory (never written to disk). */
export async function importUpload(store: GraphStore, request: UploadRequest): Promise<ImportSummary> {
  const name = request.fileName.replace(/[/\\]/g, '_').slice(0, 200) || 'upload';
  if (request.content.length > LIMITS.importContent) {
    throw new ImportInputError(
      name,
      undefined,
      `the content is larger than ${LIMITS.importContent / 2 ** 20} MB: import it with npm run import on the server, or split it.`,
    );
  }
  const mapping = request.mapping ? parseMappingText(request.mapping, `${name} (mapping)`) : undefined;
  const outcome = await runImport(store, {
    sources: [uploadSource(name, request.content)],
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
    text: formatReport(r, { applied: outcome.applied !== null, dryRun }),
  };
}
