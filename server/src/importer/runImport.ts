import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GraphNode } from '../domain/model.js';
import type { ChangeResult, GraphStore } from '../store/GraphStore.js';
import { serialized } from '../editing/EditService.js';
import { LIMITS } from '../limits.js';
import type { ImportSource } from './ImportSource.js';
import { MappingError, type Mapping } from './mapping.js';
import { ImportRejected, planImport, type ImportPlan, type RowMentions } from './planImport.js';
import { ImportInputError } from './readers.js';
import { IMPORT_FORMATS, readRows, type ImportFormat } from './readRows.js';

export { IMPORT_FORMATS, type ImportFormat } from './readRows.js';
export { pathSource, uploadSource, type ImportSource } from './ImportSource.js';

export interface ImportOptions {
  /** The file, then any more files imported with it in the same change (an export's nodes.csv and edges.csv). */
  sources: ImportSource[];
  /** The first file's format (default: from its name; the others' always from theirs). */
  format?: ImportFormat;
  /** A mapping (parsed), for tabular files; default: detected from the header. */
  mapping?: unknown;
  /** Write the plan (default: a dry run that only reports). */
  apply?: boolean;
  /** Replace values the graph has by the file's (default: keep the graph's, report a conflict). */
  replace?: boolean;
  actor: string;
  maxRows?: number;
  now?: Date;
  /** Reading: bytes read of total; applying: records written of total. */
  onProgress?: (phase: 'read' | 'apply', done: number, total: number, rows: number) => void;
}

export interface ImportOutcome extends ImportPlan {
  applied: ChangeResult | null;
  timings: { readMs: number; planMs: number; applyMs: number; totalMs: number };
}

export const DEFAULT_MAX_ROWS = LIMITS.importRows;
export function formatOf(name: string, given?: string): ImportFormat {
  const format = (given ?? extname(name).slice(1)).toLowerCase();
  if (format === 'xml') return 'graphml';
  if ((IMPORT_FORMATS as readonly string[]).includes(format)) return format as ImportFormat;
  throw new ImportInputError(basename(name), undefined, `cannot tell the format from the name; pass --format ${IMPORT_FORMATS.join('|')}`);
}

/** Reads a mapping file (YAML or JSON). */
export function parseMappingText(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (e) {
    throw new MappingError(`${file}: the mapping is not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

/**
 * The SOURCE node a file becomes: its id carries the content's hash, so importing the same
 * content again finds the same source (and changes nothing), and another version of the file is
 * another source.
 */
export function fileSourceNode(file: string, hash: string, now: Date, mapping?: Mapping): GraphNode {
  const stem = basename(file)
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const id = `import-${stem || 'file'}-${hash.slice(0, 10)}`;
  return {
    id,
    kind: 'SOURCE',
    name: mapping?.source.name ?? basename(file),
    altNames: [],
    names: [],
    description: `Imported from ${basename(file)} (SHA-256 ${hash.slice(0, 16)}) on ${now.toISOString().slice(0, 10)}.`,
    sourceType: 'DATASET',
    year: now.getUTCFullYear(),
    ...(mapping?.source.publisher ? { publisher: mapping.source.publisher } : {}),
    ...(mapping?.source.url ? { url: mapping.source.url } : {}),
    sources: [{ source: id, locator: 'file', quote: basename(file).padEnd(3, ' '), importedAt: now.toISOString() }],
  };
}

/**
 * An import from start to end: read the files (streaming where the format allows), map the rows,
 * resolve them against the graph, report; then, when asked, apply the plan as ONE change set.
 * Any problem in a file throws before anything is written. Imports and edits of one store run one
 * at a time, so the plan is applied to the graph it was made against.
 */
export function runImport(store: GraphStore, options: ImportOptions): Promise<ImportOutcome> {
  return serialized(store, () => importNow(store, options));
}

async function importNow(store: GraphStore, options: ImportOptions): Promise<ImportOutcome> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const { rows, mapping, format, hashes, notes } = await readSources(options);
  const fileSources = options.sources.map((s, i) => fileSourceNode(s.name, hashes[i]!, now, mapping));
  const file = options.sources.map((s) => s.name).join(', ');
  const outcome = await planAndApply(store, { file, format, mapping, fileSources, rows }, options, now, started);
  outcome.report.notes.push(...notes);
  return outcome;
}

/**
 * Rows that another reader made (the Wikidata importer: SPARQL results, not a file of rows): what
 * the import is called in its report, its format, the SOURCE node(s) its rows cite (by `RowRef.file`).
 */
export interface RowSource {
  file: string;
  format: string;
  fileSources: GraphNode[];
  rows: RowMentions[];
}

/** An import of rows already read: the same plan, report, all-or-nothing write and change log as a file's. */
export function runRowImport(
  store: GraphStore,
  source: RowSource,
  options: Pick<ImportOptions, 'apply' | 'replace' | 'actor' | 'now' | 'onProgress'>,
): Promise<ImportOutcome> {
  return serialized(store, () => planAndApply(store, source, options, options.now ?? new Date(), performance.now()));
}

async function planAndApply(
  store: GraphStore,
  source: RowSource & { mapping?: Mapping },
  options: Pick<ImportOptions, 'apply' | 'replace' | 'actor' | 'onProgress'>,
  now: Date,
  started: number,
): Promise<ImportOutcome> {
  const { rows, file, format, mapping, fileSources } = source;
  const readMs = performance.now() - started;
  const plan = await planImport({ store, file, format, mapping, fileSources, actor: options.actor, now, replace: options.replace }, rows);
  const planMs = performance.now() - started - readMs;
  // The rows are in the plan now: let them go before the apply, which needs the memory more.
  const rowCount = rows.length;
  rows.length = 0;

  let applied: ChangeResult | null = null;
  if (options.apply && !plan.report.noChange) {
    const total = (plan.changes.putNodes?.length ?? 0) + (plan.changes.putRelations?.length ?? 0);
    options.onProgress?.('apply', 0, total, rowCount);
    applied = await store.applyChanges(plan.changes, { onProgress: (done, all) => options.onProgress?.('apply', done, all, rowCount) });
  }
  const totalMs = performance.now() - started;
  return { ...plan, applied, timings: { readMs, planMs, applyMs: totalMs - readMs - planMs, totalMs } };
}

async function readSources(
  options: ImportOptions,
): Promise<{ rows: RowMentions[]; mapping?: Mapping; format: ImportFormat; hashes: string[]; notes: string[] }> {
  const rows: RowMentions[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const hashes: string[] = [];
  let mapping: Mapping | undefined;
  let format: ImportFormat = formatOf(options.sources[0]!.name, options.format);
  for (const [i, source] of options.sources.entries()) {
    format = formatOf(source.name, i === 0 ? options.format : undefined);
    const onBytes = (read: number, total: number) => options.onProgress?.('read', read, total, rows.length);
    const read = await readRows(source, {
      format,
      fileIndex: i,
      named: options.sources.length > 1,
      mapping: options.mapping,
      maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
      onBytes,
      rows,
      problems,
      notes,
    });
    mapping ??= read.mapping;
    hashes.push(read.sha256);
    if (problems.length > 0) break;
  }
  if (problems.length > 0) throw new ImportRejected(options.sources.map((s) => s.name).join(', '), problems);
  return { rows, mapping, format, hashes, notes };
}
