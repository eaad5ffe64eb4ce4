import type { GraphNode, GraphRelation, Provenance } from '../../domain/model.js';
import type { RowRef } from './mentions.js';
import { timeSlicer } from '../../timeSlicer.js';
import { ImportRejected, type PlanContext, type SkipGroup } from './types.js';

/** Ids asked of the store in one call: a memory store answers them in about a millisecond. */
const ASK_AT_ONCE = 5_000;
/** Items of a cheap loop (PlanDraft.each) between two looks at the clock. */
const EACH_AT_ONCE = 256;

/**
 * What an import plan has gathered so far: the records to write, the before-image of each
 * existing node it changes, and what the report will say (problems, skipped rows, conflicts).
 * Each planning step adds to it; the orchestrator (planImport) decides the order.
 */
export class PlanDraft {
  /** Nodes to put, in the order they were first planned. */
  readonly nodes = new Map<string, GraphNode>();
  /** Relationships to put. */
  readonly relations = new Map<string, GraphRelation>();
  /** Nodes that were in the graph before and are put again: as they were. */
  readonly before = new Map<string, GraphNode>();
  /** Problems that refuse the whole file. */
  readonly problems: string[] = [];
  /** Values of the file that differ from the graph's, as report lines. */
  readonly conflicts: string[] = [];
  /** What the plan decided on purpose and the user should know (report lines). */
  readonly notes: string[] = [];
  /** Files of the import (index into ctx.fileSources) some planned fact cites. */
  readonly cited = new Set<number>();
  private readonly skips = new Map<string, string[]>();
  private readonly skippedRows = new Set<string>();
  readonly nowIso: string;
  /** `await draft.slice()` in long loops: lets other requests run every few milliseconds. */
  readonly slice = timeSlicer();

  constructor(readonly ctx: PlanContext) {
    this.nowIso = ctx.now.toISOString();
  }

  /**
   * Runs `work` on each item in order, pausing (see slice) every EACH_AT_ONCE items when a slice's
   * time is up: for loops whose items take microseconds, where an await per item would cost more
   * than the work (a loop over 200,000 rows).
   */
  async each<T>(items: Iterable<T>, work: (item: T) => void): Promise<void> {
    let n = 0;
    for (const item of items) {
      if (++n % EACH_AT_ONCE === 0) await this.slice();
      work(item);
    }
  }

  /** The items `keep` keeps, in order, sliced as `each`. */
  async filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Promise<T[]> {
    const kept: T[] = [];
    await this.each(items, (item) => {
      if (keep(item)) kept.push(item);
    });
    return kept;
  }

  /** The store's nodes of `ids` (null where none), asked ASK_AT_ONCE at a time with a pause between. */
  nodesOf(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return this.inParts(ids, (part) => this.ctx.store.getNodes(part));
  }

  /** The store's relationships of `ids` (null where none), asked ASK_AT_ONCE at a time with a pause between. */
  relationsOf(ids: readonly string[]): Promise<(GraphRelation | null)[]> {
    return this.inParts(ids, (part) => this.ctx.store.getRelations(part));
  }

  private async inParts<T>(ids: readonly string[], ask: (part: readonly string[]) => Promise<T[]>): Promise<T[]> {
    const found: T[] = [];
    for (let i = 0; i < ids.length; i += ASK_AT_ONCE) {
      await this.slice();
      for (const x of await ask(ids.slice(i, i + ASK_AT_ONCE))) found.push(x);
    }
    return found;
  }

  /** Skips a row (it is reported, with the reason, and contributes nothing). */
  skip(row: RowRef, reason: string): void {
    let list = this.skips.get(reason);
    if (!list) this.skips.set(reason, (list = []));
    if (list[list.length - 1] !== row.where) list.push(row.where);
    this.skippedRows.add(row.where);
  }

  /** The citation of a row: the file's SOURCE node, the row's place, the row as the quote. */
  provenanceOf(row: RowRef): Provenance {
    return {
      source: this.ctx.fileSources[row.file ?? 0]!.id,
      locator: row.where,
      quote: row.quote.length >= 3 ? row.quote.slice(0, 400) : `${this.ctx.file} ${row.where}`,
      importedAt: this.nowIso,
    };
  }

  /** The provenance a planned fact gets: its record's own, else its row's (which cites the file). */
  citationOf(row: RowRef, own: Provenance[] | undefined): Provenance[] {
    if (own) return own;
    this.cited.add(row.file ?? 0);
    return [this.provenanceOf(row)];
  }

  /** Records the conflict lines of a merge into record `id` from `row`. */
  conflict(
    where: string,
    id: string,
    conflicts: readonly { field: string; current: unknown; offered: unknown; replaced: boolean }[],
  ): void {
    for (const c of conflicts) {
      this.conflicts.push(
        `${where}: ${id}.${c.field} is ${JSON.stringify(c.current)} in the graph, ${JSON.stringify(c.offered)} in the file${c.replaced ? '; replaced' : "; kept the graph's"}`,
      );
    }
  }

  /** Throws ImportRejected when any problem was found. */
  refuseIfProblems(): void {
    if (this.problems.length > 0) throw new ImportRejected(this.ctx.file, this.problems);
  }

  skipped(): { groups: SkipGroup[]; rows: number } {
    const groups = [...this.skips].map(([reason, rows]) => ({ reason, rows })).sort((a, b) => b.rows.length - a.rows.length);
    return { groups, rows: this.skippedRows.size };
  }
}
