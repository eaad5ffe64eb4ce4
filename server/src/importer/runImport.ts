import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { GraphNode } from '../domain/model.js';
import type { ChangeResult, GraphStore } from '../store/GraphStore.js';
import { checkMapping, MappingError, resolveMapping, type Mapping } from './mapping.js';
import { ImportRejected, mentionOfNodeRecord, mentionsOfRow, planImport, relationOfRecord, type ImportPlan, type RowMentions, type RowRef } from './planImport.js';
import { ImportInputError, readGraphml, readJson, readTabular } from './readers.js';

export type ImportFormat = 'csv' | 'tsv' | 'json' | 'graphml' | 'gexf';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'tsv', 'json', 'graphml', 'gexf'];

export interface ImportOptions {
  /** The file on disk. */
  path: string;
  /** More files imported with it, in the same change (an export's nodes.csv and edges.csv). */
  morePaths?: string[];
  /** How the file is named in messages, reports and its SOURCE node (default: its base name). */
  displayName?: string;
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

export const DEFAULT_MAX_ROWS = 1_000_000;
const JSON_MAX_BYTES = 512 * 2 ** 20;

export function formatOf(path: string, given?: string): ImportFormat {
  const format = (given ?? extname(path).slice(1)).toLowerCase();
  if (format === 'xml') return 'graphml';
  if ((IMPORT_FORMATS as readonly string[]).includes(format)) return format as ImportFormat;
  throw new ImportInputError(basename(path), undefined, `cannot tell the format from the name; pass --format ${IMPORT_FORMATS.join('|')}`);
}

/** Reads a mapping file (YAML or JSON). */
export function parseMappingText(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (e) {
    throw new MappingError(`${file}: the mapping is not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
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
    description: `Imported from ${basename(file)} (SHA-256 ${hash.slice(0, 16)}) on ${now.toISOString().slice(0, 10)}.`,
    sourceType: 'DATASET',
    year: now.getUTCFullYear(),
    ...(mapping?.source.publisher ? { publisher: mapping.source.publisher } : {}),
    ...(mapping?.source.url ? { url: mapping.source.url } : {}),
    sources: [{ source: id, locator: 'file', quote: basename(file).padEnd(3, ' '), importedAt: now.toISOString() }],
  };
}

/**
 * An import from start to end: read the file (streaming where the format allows), map the rows,
 * resolve them against the graph, report; then, when asked, apply the plan as ONE change set.
 * Any problem in the file throws before anything is written.
 */
export async function runImport(store: GraphStore, options: ImportOptions): Promise<ImportOutcome> {
  const started = performance.now();
  const paths = [options.path, ...(options.morePaths ?? [])];
  const files = paths.map((p, i) => (i === 0 && options.displayName ? options.displayName : basename(p)));
  const now = options.now ?? new Date();
  const rows: RowMentions[] = [];
  const problems: string[] = [];
  let mapping: Mapping | undefined;
  let format: ImportFormat = formatOf(options.path, options.format);
  for (let i = 0; i < paths.length; i++) {
    format = formatOf(paths[i]!, i === 0 ? options.format : undefined);
    const read = await readFile(paths[i]!, files[i]!, format, i, paths.length > 1, options, rows, problems);
    mapping ??= read;
    if (problems.length > 0) break;
  }
  if (problems.length > 0) throw new ImportRejected(files.join(', '), problems);
  const readMs = performance.now() - started;

  const fileSources = await Promise.all(paths.map(async (p, i) => fileSourceNode(files[i]!, await sha256File(p), now, mapping)));
  const plan = await planImport({ store, file: files.join(', '), format, mapping, fileSources, actor: options.actor, now, replace: options.replace }, rows);
  const planMs = performance.now() - started - readMs;

  let applied: ChangeResult | null = null;
  if (options.apply && !plan.report.noChange) {
    const total = (plan.changes.putNodes?.length ?? 0) + (plan.changes.putRelations?.length ?? 0);
    options.onProgress?.('apply', 0, total, rows.length);
    applied = await store.applyChanges(plan.changes, { onProgress: (done, all) => options.onProgress?.('apply', done, all, rows.length) });
  }
  const totalMs = performance.now() - started;
  return { ...plan, applied, timings: { readMs, planMs, applyMs: totalMs - readMs - planMs, totalMs } };
}

/** Reads one file into row mentions; returns the mapping a tabular file used. */
async function readFile(
  path: string,
  file: string,
  format: ImportFormat,
  fileIndex: number,
  named: boolean,
  options: ImportOptions,
  rows: RowMentions[],
  problems: string[],
): Promise<Mapping | undefined> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const onBytes = (read: number, total: number) => options.onProgress?.('read', read, total, rows.length);
  const where = (w: string) => (named ? `${file} ${w}` : w);
  let mapping: Mapping | undefined;
  if (format === 'csv' || format === 'tsv') {
    const given = options.mapping === undefined ? undefined : resolveMapping(options.mapping, undefined, file);
    let header: string[] | undefined;
    const records = readTabular(path, file, {
      maxRows,
      onBytes,
      delimiter: given?.delimiter ?? (format === 'tsv' ? '\t' : undefined),
      quote: given?.quote,
      columns: given?.columns,
      onHeader: (h) => {
        header = h;
      },
    });
    for await (const record of records) {
      if (!mapping) {
        mapping = resolveMapping(options.mapping, header ?? [], file);
        checkMapping(mapping, header ?? [], file);
      }
      const row: RowRef = { where: where(`line ${record.line}`), order: record.line, quote: record.raw, file: fileIndex };
      if (mapping.preset === 'nodes') {
        const m = mentionOfNodeRecord(record.values, row, problems);
        if (m) rows.push({ row, entities: [m], relations: [], partnerships: [] });
      } else if (mapping.preset === 'edges') {
        const r = relationOfRecord(record.values, row, problems);
        if (r) rows.push({ row, entities: [], relations: [r], partnerships: [] });
      } else rows.push(mentionsOfRow(mapping, record.values, row, problems));
      if (problems.length >= 50) break;
    }
    if (!mapping && header) {
      mapping = resolveMapping(options.mapping, header, file);
      checkMapping(mapping, header, file);
    }
  } else if (format === 'json') {
    const data = readJson(path, file, { maxRows, onBytes, maxBytes: JSON_MAX_BYTES });
    data.nodes.forEach(({ where: w, value }, i) => {
      const row: RowRef = { where: where(w), order: i, quote: quoteOf(value), file: fileIndex };
      if (!isRecord(value)) return problems.push(`${row.where}: a node must be an object`);
      const m = mentionOfNodeRecord(value, row, problems);
      if (m) rows.push({ row, entities: [m], relations: [], partnerships: [] });
    });
    data.relations.forEach(({ where: w, value }, i) => {
      const row: RowRef = { where: where(w), order: data.nodes.length + i, quote: quoteOf(value), file: fileIndex };
      if (!isRecord(value)) return problems.push(`${row.where}: a relationship must be an object`);
      const r = relationOfRecord(value, row, problems);
      if (r) rows.push({ row, entities: [], relations: [r], partnerships: [] });
    });
  } else {
    const graph = await readGraphml(path, file, { maxRows, onBytes }, format);
    for (const n of graph.nodes) {
      const row: RowRef = { where: where(`line ${n.line}`), order: n.line, quote: `<node id="${n.id}"> ${n.data.name ?? n.data.label ?? ''}`, file: fileIndex };
      const m = mentionOfNodeRecord({ ...withoutDrawing(n.data), id: n.data.id ?? n.id, name: n.data.name ?? n.data.label }, row, problems);
      if (m) rows.push({ row, entities: [m], relations: [], partnerships: [] });
    }
    for (const e of graph.edges) {
      const row: RowRef = { where: where(`line ${e.line}`), order: e.line, quote: `<edge source="${e.source}" target="${e.target}">`, file: fileIndex };
      const r = relationOfRecord({ ...withoutDrawing(e.data), id: e.data.id ?? (e.id || undefined), from: e.source, to: e.target }, row, problems);
      if (r) rows.push({ row, entities: [], relations: [r], partnerships: [] });
    }
  }
  return mapping;
}

/** Attributes drawing tools (Gephi, Cytoscape, yEd) add that are not facts: left out. */
const DRAWING_ATTRIBUTES = new Set(['label', 'x', 'y', 'z', 'size', 'r', 'g', 'b', 'color', 'weight', 'shape', 'width', 'height']);

function withoutDrawing(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !DRAWING_ATTRIBUTES.has(k)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoteOf(value: unknown): string {
  if (!isRecord(value)) return String(value);
  return String(value.name ?? value.id ?? `${String(value.from)} -> ${String(value.to)}`);
}
