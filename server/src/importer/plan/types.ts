import { ImportRefusedError } from '../../domain/errors.js';
import type { GraphNode } from '../../domain/model.js';
import type { ChangeSet, GraphStore } from '../../store/GraphStore.js';
import type { Mapping } from '../mapping.js';

/** What planning an import takes and gives: its context, the report, the refusal. */

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
  /** Entities of the file that matched a node that was in the graph before (by id, Wikidata item or name). */
  matchedExisting: { byId: number; byWikidata: number; byName: number; examples: { where: string; name: string; id: string }[] };
  skipped: SkipGroup[];
  skippedRows: number;
  /** Values in the file that differ from the graph's; the graph's are kept. */
  conflicts: { count: number; examples: string[] };
  /** The change set is empty: importing changes nothing. */
  noChange: boolean;
  totals: { putNodes: number; putRelations: number };
  /** What the readers left out on purpose, said once each: "view settings ignored (...)". */
  notes: string[];
}

export interface ImportPlan {
  changes: ChangeSet;
  report: ImportReport;
}

export class ImportRejected extends ImportRefusedError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      'IMPORT_REJECTED',
      `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported.\n${problems
        .slice(0, 20)
        .map((p) => `  ${p}`)
        .join('\n')}${problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : ''}`,
    );
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
