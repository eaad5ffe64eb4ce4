import { checkMapping, resolveMapping, type Mapping } from './mapping.js';
import { CheckedBytes, type ImportSource } from './ImportSource.js';
import { mentionOfNodeRecord, mentionsOfRow, relationOfRecord, type RowMentions, type RowRef } from './plan/mentions.js';
import { timeSlicer } from '../timeSlicer.js';
import { readGraphml, readJson, readTabular } from './readers.js';

export type ImportFormat = 'csv' | 'tsv' | 'json' | 'graphml' | 'gexf';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'tsv', 'json', 'graphml', 'gexf'];

const JSON_MAX_BYTES = 512 * 2 ** 20;

export interface RowsRead {
  /** The mapping a tabular file used. */
  mapping?: Mapping;
  /** The SHA-256 of the file's bytes, computed while they were read. */
  sha256: string;
}

export interface ReadContext {
  format: ImportFormat;
  /** Index of the file among the import's files. */
  fileIndex: number;
  /** Whether rows are located with the file's name (an import of several files). */
  named: boolean;
  /** The mapping as given (parsed YAML/JSON), for tabular files. */
  mapping?: unknown;
  maxRows: number;
  onBytes?: (read: number, total: number) => void;
  /** Rows are appended here; problems (the file is refused) there; notes (what was read past on purpose) to the report. */
  rows: RowMentions[];
  problems: string[];
  notes: string[];
}

/** Reads one source into row mentions, in file order. */
export async function readRows(source: ImportSource, ctx: ReadContext): Promise<RowsRead> {
  const bytes = CheckedBytes.of(source, ctx.onBytes);
  const where = (w: string) => (ctx.named ? `${source.name} ${w}` : w);
  let mapping: Mapping | undefined;
  if (ctx.format === 'csv' || ctx.format === 'tsv') mapping = await tabularRows(bytes, source.name, ctx, where);
  else if (ctx.format === 'json') await jsonRows(bytes, source.name, ctx, where);
  else await graphRows(bytes, source.name, ctx, where);
  // A reader that stopped early (too many problems) has not hashed the rest: the file is refused anyway.
  return { mapping, sha256: bytes.sha256() };
}

async function tabularRows(
  bytes: CheckedBytes,
  file: string,
  ctx: ReadContext,
  where: (w: string) => string,
): Promise<Mapping | undefined> {
  const given = ctx.mapping === undefined ? undefined : resolveMapping(ctx.mapping, undefined, file);
  let header: string[] | undefined;
  let mapping: Mapping | undefined;
  const mappingFor = (columns: string[]) => {
    const resolved = resolveMapping(ctx.mapping, columns, file);
    checkMapping(resolved, columns, file);
    return resolved;
  };
  const records = readTabular(bytes, file, {
    maxRows: ctx.maxRows,
    delimiter: given?.delimiter ?? (ctx.format === 'tsv' ? '\t' : undefined),
    quote: given?.quote,
    columns: given?.columns,
    onHeader: (h) => {
      header = h;
    },
  });
  const slice = timeSlicer();
  for await (const record of records) {
    await slice();
    mapping ??= mappingFor(header ?? []);
    const row: RowRef = { where: where(`line ${record.line}`), order: record.line, quote: record.raw, file: ctx.fileIndex };
    if (mapping.preset === 'nodes') {
      const m = mentionOfNodeRecord(record.values, row, ctx.problems);
      if (m) ctx.rows.push({ row, entities: [m], relations: [], partnerships: [] });
    } else if (mapping.preset === 'edges') {
      const r = relationOfRecord(record.values, row, ctx.problems);
      if (r) ctx.rows.push({ row, entities: [], relations: [r], partnerships: [] });
    } else ctx.rows.push(mentionsOfRow(mapping, record.values, row, ctx.problems));
    if (ctx.problems.length >= 50) break;
  }
  if (!mapping && header) mapping = mappingFor(header);
  return mapping;
}

async function jsonRows(bytes: CheckedBytes, file: string, ctx: ReadContext, where: (w: string) => string): Promise<void> {
  const data = await readJson(bytes, file, { maxRows: ctx.maxRows, maxBytes: JSON_MAX_BYTES });
  for (const note of data.notes) ctx.notes.push(ctx.named ? `${file}: ${note}` : note);
  const slice = timeSlicer();
  for (const [i, { where: w, value }] of data.nodes.entries()) {
    await slice();
    const row: RowRef = { where: where(w), order: i, quote: quoteOf(value), file: ctx.fileIndex };
    if (!isRecord(value)) ctx.problems.push(`${row.where}: a node must be an object`);
    const m = isRecord(value) ? mentionOfNodeRecord(value, row, ctx.problems) : undefined;
    if (m) ctx.rows.push({ row, entities: [m], relations: [], partnerships: [] });
  }
  for (const [i, { where: w, value }] of data.relations.entries()) {
    await slice();
    const row: RowRef = { where: where(w), order: data.nodes.length + i, quote: quoteOf(value), file: ctx.fileIndex };
    if (!isRecord(value)) ctx.problems.push(`${row.where}: a relationship must be an object`);
    const r = isRecord(value) ? relationOfRecord(value, row, ctx.problems) : undefined;
    if (r) ctx.rows.push({ row, entities: [], relations: [r], partnerships: [] });
  }
}

async function graphRows(bytes: CheckedBytes, file: string, ctx: ReadContext, where: (w: string) => string): Promise<void> {
  const graph = await readGraphml(bytes, file, { maxRows: ctx.maxRows }, ctx.format === 'gexf' ? 'gexf' : 'graphml');
  const slice = timeSlicer();
  for (const n of graph.nodes) {
    await slice();
    const row: RowRef = {
      where: where(`line ${n.line}`),
      order: n.line,
      quote: `<node id="${n.id}"> ${n.data.name ?? n.data.label ?? ''}`,
      file: ctx.fileIndex,
    };
    const m = mentionOfNodeRecord(
      { ...withoutDrawing(n.data), id: n.data.id ?? n.id, name: n.data.name ?? n.data.label },
      row,
      ctx.problems,
    );
    if (m) ctx.rows.push({ row, entities: [m], relations: [], partnerships: [] });
  }
  for (const e of graph.edges) {
    await slice();
    const row: RowRef = {
      where: where(`line ${e.line}`),
      order: e.line,
      quote: `<edge source="${e.source}" target="${e.target}">`,
      file: ctx.fileIndex,
    };
    const r = relationOfRecord(
      { ...withoutDrawing(e.data), id: e.data.id ?? (e.id || undefined), from: e.source, to: e.target },
      row,
      ctx.problems,
    );
    if (r) ctx.rows.push({ row, entities: [], relations: [r], partnerships: [] });
  }
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
