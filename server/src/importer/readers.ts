import { ImportRefusedError } from '../domain/errors.js';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';

/**
 * Readers turn a file's bytes (already checked as UTF-8: ImportSource's CheckedBytes) into rows
 * (tabular files) or records (JSON, GraphML), each located so that a problem can name the file and
 * the line. They stream where the format allows (CSV, GraphML) and stop at `maxRows`.
 */

export class ImportInputError extends ImportRefusedError {
  constructor(
    readonly file: string,
    readonly where: string | undefined,
    problem: string,
  ) {
    super('IMPORT_INPUT_INVALID', `${file}${where ? `:${where}` : ''}: ${problem}`);
  }
}

export interface ReadOptions {
  /** Refuse files with more data rows (or records) than this. */
  maxRows: number;
}

export interface TabularRow {
  /** Line of the file where the row starts (1-based, the header is line 1). */
  line: number;
  values: Record<string, string>;
  /** The row as written in the file. */
  raw: string;
}

const tooMany = (file: string, maxRows: number, line: number) =>
  new ImportInputError(
    file,
    `${line}`,
    `the file has more than ${maxRows.toLocaleString('en')} rows, the most one import takes. Split it into smaller files, or raise the limit (--max-rows) if this machine has the memory.`,
  );

/**
 * Rows of a CSV or TSV file through csv-parse's stream API: the header line gives the column
 * names (or `columns` does, for files without one). Malformed quoting or a row with the wrong
 * number of fields stops the read with the line.
 */
export async function* readTabular(
  bytes: Readable,
  file: string,
  options: ReadOptions & { delimiter?: string; quote?: string | false; columns?: readonly string[]; onHeader?: (header: string[]) => void },
): AsyncIterable<TabularRow> {
  // The line the last whole record ended on (the header's, at first): a quote never closed opened in the record after it.
  let lastEnd = options.columns ? 0 : 1;
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    quote: options.quote === false ? null : (options.quote ?? '"'),
    columns: options.columns
      ? [...options.columns]
      : (header: string[]) => {
          const names = header.map((h) => h.trim());
          const duplicate = names.find((n, i) => names.indexOf(n) !== i);
          if (duplicate !== undefined) throw new ImportInputError(file, '1', `the column "${duplicate}" appears twice in the header`);
          if (names.some((n) => n === '')) throw new ImportInputError(file, '1', 'the header has an empty column name');
          options.onHeader?.(names);
          return names;
        },
    skip_empty_lines: true,
    info: true,
    raw: true,
    // Called as each record is parsed, before the reader sees it (an error drops parsed records).
    on_record: (record: unknown, context: { lines: number }) => {
      lastEnd = context.lines;
      return record;
    },
  });
  if (options.columns) options.onHeader?.([...options.columns]);
  const stream = bytes.pipe(parser);
  bytes.on('error', (e) => parser.destroy(e));
  let rows = 0;
  try {
    for await (const item of stream as AsyncIterable<{ record: Record<string, string>; raw: string; info: { lines: number } }>) {
      const newlines = (item.raw.replace(/\r?\n$/, '').match(/\n/g) ?? []).length;
      const line = item.info.lines - newlines;
      if (++rows > options.maxRows) throw tooMany(file, options.maxRows, line);
      yield { line, values: item.record, raw: item.raw.replace(/\r?\n$/, '') };
    }
  } catch (e) {
    if (e instanceof ImportInputError) throw e;
    const error = e as Error & { code?: string; lines?: number };
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new ImportInputError(
        file,
        `${lastEnd + 1}`,
        'not valid CSV: Quote Not Closed: a quoted field opens on this line and is never closed. Check the quoting on that line.',
      );
    }
    if (typeof error.code === 'string' && error.code.startsWith('CSV_')) {
      throw new ImportInputError(
        file,
        error.lines !== undefined ? `${error.lines}` : undefined,
        `not valid CSV: ${error.message.replace(/ on line \d+$/, '').replace(/ at line \d+.*$/, '')}. Check the quoting and the number of fields on that line.`,
      );
    }
    throw e;
  } finally {
    stream.destroy();
  }
}

export interface JsonRecords {
  nodes: { where: string; value: unknown }[];
  relations: { where: string; value: unknown }[];
  /** What was read past on purpose (the explorer's view settings), for the report. */
  notes: string[];
}

/**
 * The top-level key under which the explorer's downloads keep the view they were made from (its
 * link, layout, filters, language): not facts, so an import reads past it and says so.
 */
export const VIEW_KEY = 'view';
export const VIEW_IGNORED_NOTE =
  'view settings ignored: "view" holds the explorer\'s link, layout and filters, which are not part of the graph';

/**
 * A JSON file in the seed format ({"nodes": [...], "relations": [...]}, as `npm run export`
 * writes it). Read whole: JSON has no row boundaries to stream on; its size is capped instead.
 */
export async function readJson(bytes: Readable, file: string, options: ReadOptions & { maxBytes: number }): Promise<JsonRecords> {
  const text = await readAll(bytes, file, options.maxBytes);
  const tooDeep = nestingBeyond(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    throw new ImportInputError(
      file,
      `${tooDeep}`,
      `not valid for an import: lists and objects are nested more than ${MAX_JSON_DEPTH} levels deep here (an export nests 4). Check the file's structure.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new ImportInputError(file, line === undefined ? undefined : `${line}`, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ImportInputError(
      file,
      undefined,
      'the file must be an object with "nodes" and/or "relations" lists (the seed and export format)',
    );
  }
  const unknownKeys = Object.keys(data).filter((k) => k !== 'nodes' && k !== 'relations' && k !== 'format' && k !== VIEW_KEY);
  if (unknownKeys.length > 0)
    throw new ImportInputError(
      file,
      undefined,
      `unknown top-level key "${unknownKeys[0]}": use "nodes" and "relations" (and "${VIEW_KEY}" for the explorer's view settings, which are ignored)`,
    );
  const out: JsonRecords = { nodes: [], relations: [], notes: VIEW_KEY in data ? [VIEW_IGNORED_NOTE] : [] };
  for (const section of ['nodes', 'relations'] as const) {
    const list = (data as Record<string, unknown>)[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new ImportInputError(file, undefined, `"${section}" must be a list`);
    if (out.nodes.length + out.relations.length + list.length > options.maxRows) throw tooMany(file, options.maxRows, 1);
    list.forEach((value, i) => out[section].push({ where: `${section}[${i}]`, value }));
  }
  return out;
}

/** Deeper than any record needs (an export nests 4 levels), far below what would exhaust the parser's stack. */
const MAX_JSON_DEPTH = 64;

/** The line where JSON text first nests deeper than `max` lists and objects, or undefined. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line += 1;
    else if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return line;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return undefined;
}

/** The whole stream as text, refused beyond `maxBytes`. */
async function readAll(bytes: Readable, file: string, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      bytes.destroy();
      throw new ImportInputError(
        file,
        undefined,
        `the file is more than the ${(maxBytes / 2 ** 20).toFixed(0)} MiB a JSON import reads. Split it, or export it as CSV, which is read as a stream.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface GraphmlElement {
  line: number;
  id: string;
  data: Record<string, string>;
}

export interface GraphmlEdge extends GraphmlElement {
  source: string;
  target: string;
}

/**
 * A GraphML file (Gephi, Cytoscape, yEd, NetworkX, `npm run export`) or a GEXF file (Gephi),
 * streamed with a strict XML parser: GraphML <key> or GEXF <attribute> declarations give the
 * attribute names, <node> and <edge> their values (GraphML <data>, GEXF <attvalue>; a GEXF label
 * is the node's `label`, an edge's `kind` unless an attribute says otherwise).
 */
export async function readGraphml(
  bytes: Readable,
  file: string,
  options: ReadOptions,
  dialect: 'graphml' | 'gexf' = 'graphml',
): Promise<{ nodes: GraphmlElement[]; edges: GraphmlEdge[] }> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const keys = new Map<string, string>();
  const nodes: GraphmlElement[] = [];
  const edges: GraphmlEdge[] = [];
  let current: GraphmlElement | GraphmlEdge | undefined;
  let attributeClass = 'node';
  let dataKey: string | undefined;
  let text = '';
  let sawRoot = false;
  let failure: ImportInputError | undefined;
  const fail = (problem: string) => {
    failure ??= new ImportInputError(file, `${parser.line}`, problem);
  };
  const count = () => {
    if (nodes.length + edges.length >= options.maxRows)
      fail(
        `the file has more than ${options.maxRows.toLocaleString('en')} nodes and edges, the most one import takes. Split it, or raise --max-rows.`,
      );
  };
  parser.on('error', (e) => fail(`not valid XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')}`));
  parser.on('opentag', (tag) => {
    const attr = (name: string) => {
      const value: unknown = tag.attributes[name];
      return typeof value === 'string' ? value : undefined;
    };
    switch (tag.name) {
      case 'graphml':
      case 'gexf':
        sawRoot = tag.name === dialect;
        break;
      case 'key': {
        const id = attr('id');
        if (id) keys.set(id, attr('attr.name') ?? id);
        break;
      }
      case 'attributes':
        attributeClass = attr('class') ?? 'node';
        break;
      case 'attribute': {
        const id = attr('id');
        if (id) keys.set(`${attributeClass}:${id}`, attr('title') ?? id);
        break;
      }
      case 'node': {
        const id = attr('id');
        if (!id) return fail('a <node> without an id');
        count();
        current = { line: parser.line, id, data: {} };
        const label = attr('label');
        if (dialect === 'gexf' && label !== undefined) current.data.label = label;
        nodes.push(current);
        break;
      }
      case 'edge': {
        const source = attr('source');
        const target = attr('target');
        if (!source || !target) return fail('an <edge> without source or target');
        count();
        current = { line: parser.line, id: attr('id') ?? '', source, target, data: {} };
        const label = attr('label');
        if (dialect === 'gexf' && label !== undefined) current.data.kind = label;
        edges.push(current as GraphmlEdge);
        break;
      }
      case 'data':
        dataKey = attr('key');
        text = '';
        break;
      case 'attvalue': {
        const key = attr('for') ?? attr('id');
        const value = attr('value');
        if (current && key !== undefined && value !== undefined) {
          const cls = 'source' in current ? 'edge' : 'node';
          current.data[keys.get(`${cls}:${key}`) ?? key] = value;
        }
        break;
      }
      case 'hyperedge':
        fail('hyperedges are not supported: a relationship joins two nodes');
        break;
    }
  });
  parser.on('text', (t) => {
    if (dataKey !== undefined) text += t;
  });
  parser.on('cdata', (t) => {
    if (dataKey !== undefined) text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'data' && dataKey !== undefined) {
      if (current) current.data[keys.get(dataKey) ?? dataKey] = text;
      dataKey = undefined;
    } else if (tag.name === 'node' || tag.name === 'edge') current = undefined;
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    parser.write(decoder.write(chunk));
    if (failure) {
      bytes.destroy();
      throw failure;
    }
  }
  parser.close();
  if (failure) throw failure;
  if (!sawRoot) throw new ImportInputError(file, '1', `not a ${dialect === 'gexf' ? 'GEXF' : 'GraphML'} file: no <${dialect}> element`);
  return { nodes, edges };
}
