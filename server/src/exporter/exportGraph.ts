import {
  NODE_SCALAR_FIELDS,
  RELATION_SCALAR_FIELDS,
  type GraphNode,
  type GraphRelation,
  type LocalizedName,
  type NodeKind,
  type RelationKind,
} from '../domain/model.js';
import { referencedIds } from '../domain/graphRules.js';
import type { GraphBatch, GraphStore } from '../store/GraphStore.js';
import { KIND_LABEL, SCHEMA_STATEMENTS, toNodeProperties, toRelationRow } from '../store/propertyGraphModel.js';

/**
 * Export: the whole graph or a subgraph, streamed from the store in batches, written as
 *   json     the seed format ({"nodes": [...], "relations": [...]}): re-imports losslessly
 *   csv      nodes.csv and edges.csv, one column per field (sources, ratings and names as JSON; the
 *            name in English, French and Dutch also as name@en, name@fr, name@nl)
 *   graphml  for Gephi, Cytoscape desktop, yEd, NetworkX: every field a <data> key
 *   gexf     GEXF 1.3 for Gephi: every field an attribute
 *   cypher   statements that load the graph into Neo4j in this project's model (docs/adr/0004)
 * Each writer turns batches into text for one or two sinks; nothing holds the whole graph.
 */

export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'gexf', 'cypher'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSelection {
  /** Only nodes of these kinds and the relationships between them. */
  kinds?: readonly NodeKind[];
  /** Only the neighbourhood of these nodes (within `depth` hops, default 1). */
  around?: readonly string[];
  depth?: number;
  /**
   * Only these nodes and the relationships among them (of `relationKinds`, all when absent), with
   * the nodes their facts need to import into an empty graph (see supportingNodesOf).
   */
  ids?: readonly string[];
  relationKinds?: readonly RelationKind[];
}

/** Where the text goes: `edges` is used by the CSV writer only. */
export interface ExportSinks {
  main: (text: string) => void | Promise<void>;
  edges?: (text: string) => void | Promise<void>;
}

export interface ExportResult {
  nodes: number;
  relations: number;
  missingIds: string[];
  /** Of `nodes`, those written because the selection by ids cites or names them (0 for other selections). */
  supportingNodes: number;
}

const NODE_FIELDS = ['id', 'kind', 'name', 'altNames', ...NODE_SCALAR_FIELDS, 'ratings', 'names', 'sources'] as const;
/**
 * The CSV's node columns: the name in each of the explorer's languages as a column of its own
 * (name@en, name@fr, name@nl: readable and editable in a spreadsheet), and every name per language
 * with its sources in `names` (JSON), which keeps the provenance and any other language. The
 * importer reads both (a name@ column that differs from `names` wins and cites the row).
 */
const CSV_NAME_LANGUAGES = ['en', 'fr', 'nl'] as const;
const CSV_NODE_COLUMNS = ['id', 'kind', 'name', ...CSV_NAME_LANGUAGES.map((l) => `name@${l}`), ...NODE_FIELDS.slice(3)];
const RELATION_FIELDS = ['id', 'kind', 'from', 'to', ...RELATION_SCALAR_FIELDS, 'sources'] as const;
const NUMERIC = new Set([
  'foundedYear',
  'memberCount',
  'since',
  'until',
  'startYear',
  'endYear',
  'number',
  'year',
  'population',
  'amount',
  'amountMax',
  'latitude',
  'longitude',
]);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What facts about `nodes` and `relations` need to import into an empty graph (the graph rules:
 * domain/graphRules.ts): the SOURCE nodes they cite and the COUNTRY nodes they name, and what
 * those cite and name in turn. Not their relationships: they support the selection, they are not in it.
 */
async function supportingNodesOf(
  store: GraphStore,
  nodes: readonly GraphNode[],
  relations: readonly GraphRelation[],
): Promise<GraphNode[]> {
  const known = new Set(nodes.map((n) => n.id));
  const found: GraphNode[] = [];
  let wanted = [...referencedIds(nodes, relations)].filter((id) => !known.has(id));
  while (wanted.length > 0) {
    for (const id of wanted) known.add(id);
    const fresh = (await store.getNodes(wanted)).filter((n): n is GraphNode => n !== null);
    found.push(...fresh);
    wanted = [...referencedIds(fresh, [])].filter((id) => !known.has(id));
  }
  return found;
}

/** The batches to export: the store's scan, some nodes by id, or the neighbourhood of some nodes. */
async function* batchesOf(
  store: GraphStore,
  selection: ExportSelection,
  result: Pick<ExportResult, 'missingIds' | 'supportingNodes'>,
): AsyncIterable<GraphBatch> {
  if (selection.ids) {
    const ids = [...new Set(selection.ids)];
    const got = await store.getNodes(ids);
    const nodes = got.filter((n): n is GraphNode => n !== null);
    result.missingIds.push(...ids.filter((_, i) => got[i] === null));
    const relations = await store.relationsAmong(
      nodes.map((n) => n.id),
      selection.relationKinds,
    );
    const supporting = await supportingNodesOf(store, nodes, relations);
    result.supportingNodes = supporting.length;
    yield { nodes: [...nodes, ...supporting].sort(byId), relations: [] };
    yield { nodes: [], relations };
    return;
  }
  const missing = result.missingIds;
  if (selection.around && selection.around.length > 0) {
    const sub = await store.neighborhood({
      ids: selection.around,
      depth: selection.depth ?? 1,
      limit: Number.MAX_SAFE_INTEGER,
      nodeKinds: selection.kinds,
    });
    missing.push(...sub.missingIds);
    yield { nodes: [...sub.nodes].sort(byId), relations: [] };
    yield { nodes: [], relations: sub.edges };
    return;
  }
  yield* store.scan({ batchSize: 2_000, kinds: selection.kinds });
}

export async function exportGraph(
  store: GraphStore,
  format: ExportFormat,
  sinks: ExportSinks,
  selection: ExportSelection = {},
): Promise<ExportResult> {
  const writer = WRITERS[format](sinks);
  const result: ExportResult = { nodes: 0, relations: 0, missingIds: [], supportingNodes: 0 };
  await writer.begin();
  let inRelations = false;
  for await (const batch of batchesOf(store, selection, result)) {
    if (batch.nodes.length > 0) await writer.nodes(batch.nodes);
    if (batch.relations.length > 0) {
      if (!inRelations) await writer.startRelations();
      inRelations = true;
      await writer.relations(batch.relations);
    }
    result.nodes += batch.nodes.length;
    result.relations += batch.relations.length;
  }
  if (!inRelations) await writer.startRelations();
  await writer.end();
  return result;
}

export interface ExportedFile {
  name: string;
  mediaType: string;
  content: string;
}

/** An export held as text (a request's answer): one file, or nodes.csv and edges.csv for CSV. */
export async function exportToText(
  store: GraphStore,
  format: 'json' | 'csv',
  selection: ExportSelection,
): Promise<{ files: ExportedFile[]; result: ExportResult }> {
  const main: string[] = [];
  const edges: string[] = [];
  const result = await exportGraph(store, format, { main: (t) => void main.push(t), edges: (t) => void edges.push(t) }, selection);
  const files =
    format === 'json'
      ? [{ name: 'export.json', mediaType: 'application/json', content: main.join('') }]
      : [
          { name: 'nodes.csv', mediaType: 'text/csv', content: main.join('') },
          { name: 'edges.csv', mediaType: 'text/csv', content: edges.join('') },
        ];
  return { files, result };
}

interface Writer {
  begin(): Promise<void>;
  nodes(nodes: readonly GraphNode[]): Promise<void>;
  startRelations(): Promise<void>;
  relations(relations: readonly GraphRelation[]): Promise<void>;
  end(): Promise<void>;
}

const WRITERS: Record<ExportFormat, (sinks: ExportSinks) => Writer> = {
  json: jsonWriter,
  csv: csvWriter,
  graphml: graphmlWriter,
  gexf: gexfWriter,
  cypher: cypherWriter,
};

function jsonWriter({ main }: ExportSinks): Writer {
  let first = true;
  const items = async (values: readonly unknown[]) => {
    for (const v of values) {
      await main(`${first ? '\n' : ',\n'}    ${JSON.stringify(v)}`);
      first = false;
    }
  };
  return {
    begin: async () => main('{\n  "nodes": ['),
    nodes: items,
    startRelations: async () => {
      await main('\n  ],\n  "relations": [');
      first = true;
    },
    relations: items,
    end: async () => main('\n  ]\n}\n'),
  };
}

/** A CSV field: quoted when it holds a delimiter, quote or line break (RFC 4180). */
function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(record: Record<string, unknown>, field: string): unknown {
  const value = record[field];
  if (field === 'altNames') return (value as string[] | undefined)?.join('|') || undefined;
  if (field === 'names') return (value as LocalizedName[] | undefined)?.length ? JSON.stringify(value) : undefined;
  if ((field === 'sources' || field === 'ratings') && value !== undefined) return JSON.stringify(value);
  if (field.startsWith('name@')) return (record.names as LocalizedName[] | undefined)?.find((n) => `name@${n.lang}` === field)?.text;
  return value;
}

function csvWriter({ main, edges }: ExportSinks): Writer {
  if (!edges) throw new Error('the CSV export needs a second file for the edges');
  return {
    begin: async () => main(`${CSV_NODE_COLUMNS.join(',')}\n`),
    nodes: async (nodes) =>
      main(
        nodes.map((n) => `${CSV_NODE_COLUMNS.map((f) => csvField(cell(n as unknown as Record<string, unknown>, f))).join(',')}\n`).join(''),
      ),
    startRelations: async () => edges(`${RELATION_FIELDS.join(',')}\n`),
    relations: async (relations) =>
      edges(
        relations
          .map((r) => `${RELATION_FIELDS.map((f) => csvField(cell(r as unknown as Record<string, unknown>, f))).join(',')}\n`)
          .join(''),
      ),
    end: async () => {},
  };
}

/** Escaped for XML text and attribute values (line breaks as references: attributes would fold them into spaces). */
function xml(text: string): string {
  return text.replace(
    /[&<>"'\n\r\t]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!,
  );
}

const xmlType = (field: string, graphml: boolean) => (NUMERIC.has(field) ? (graphml ? 'double' : 'double') : 'string');

function graphmlWriter({ main }: ExportSinks): Writer {
  const nodeKeys = ['label', ...NODE_FIELDS.filter((f) => f !== 'id')];
  const edgeKeys = RELATION_FIELDS.filter((f) => f !== 'id' && f !== 'from' && f !== 'to');
  const data = (prefix: string, keys: readonly string[], record: Record<string, unknown>) =>
    keys
      .map((k) => {
        const value = k === 'label' ? record.name : cell(record, k);
        return value === undefined ? '' : `<data key="${prefix}_${k}">${xml(String(value))}</data>`;
      })
      .join('');
  return {
    begin: async () =>
      main(
        `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n` +
          nodeKeys.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${xmlType(k, true)}"/>\n`).join('') +
          edgeKeys.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${xmlType(k, true)}"/>\n`).join('') +
          '  <graph id="cooperation-atlas" edgedefault="directed">\n',
      ),
    nodes: async (nodes) =>
      main(
        nodes.map((n) => `    <node id="${xml(n.id)}">${data('n', nodeKeys, n as unknown as Record<string, unknown>)}</node>\n`).join(''),
      ),
    startRelations: async () => {},
    relations: async (relations) =>
      main(
        relations
          .map(
            (r) =>
              `    <edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}">${data('e', edgeKeys, r as unknown as Record<string, unknown>)}</edge>\n`,
          )
          .join(''),
      ),
    end: async () => main('  </graph>\n</graphml>\n'),
  };
}

function gexfWriter({ main }: ExportSinks): Writer {
  const nodeKeys = NODE_FIELDS.filter((f) => f !== 'id');
  const edgeKeys = RELATION_FIELDS.filter((f) => f !== 'id' && f !== 'from' && f !== 'to');
  const attvalues = (keys: readonly string[], record: Record<string, unknown>) => {
    const values = keys.flatMap((k) => {
      const value = cell(record, k);
      return value === undefined ? [] : [`<attvalue for="${k}" value="${xml(String(value))}"/>`];
    });
    return values.length === 0 ? '' : `<attvalues>${values.join('')}</attvalues>`;
  };
  return {
    begin: async () =>
      main(
        `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n  <meta><creator>Cooperation Atlas</creator></meta>\n  <graph defaultedgetype="directed" mode="static">\n` +
          `    <attributes class="node">\n${nodeKeys.map((k) => `      <attribute id="${k}" title="${k}" type="${xmlType(k, false)}"/>\n`).join('')}    </attributes>\n` +
          `    <attributes class="edge">\n${edgeKeys.map((k) => `      <attribute id="${k}" title="${k}" type="${xmlType(k, false)}"/>\n`).join('')}    </attributes>\n` +
          '    <nodes>\n',
      ),
    nodes: async (nodes) =>
      main(
        nodes
          .map(
            (n) =>
              `      <node id="${xml(n.id)}" label="${xml(n.name)}">${attvalues(nodeKeys, n as unknown as Record<string, unknown>)}</node>\n`,
          )
          .join(''),
      ),
    startRelations: async () => main('    </nodes>\n    <edges>\n'),
    relations: async (relations) =>
      main(
        relations
          .map(
            (r) =>
              `      <edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}" label="${r.kind}">${attvalues(edgeKeys, r as unknown as Record<string, unknown>)}</edge>\n`,
          )
          .join(''),
      ),
    end: async () => main('    </edges>\n  </graph>\n</gexf>\n'),
  };
}

/** A Cypher literal: strings single-quoted with escapes, lists, maps with identifier keys. */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as Cypher`);
    // Floats, as the adapter's driver sends JS numbers.
    return Number.isInteger(value) ? `${value}.0` : String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string')
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${cypherLiteral(v)}`)
    .join(', ')}}`;
}

function cypherWriter({ main }: ExportSinks): Writer {
  const CHUNK = 500;
  return {
    begin: async () =>
      main(
        `// Cooperation Atlas export: load with cypher-shell -f <file> (or paste into Neo4j Browser).\n// Upserts by id: running it twice gives the same graph. The model is the Neo4j adapter's (docs/adr/0004).\n${SCHEMA_STATEMENTS.map((s) => `${s.replace(/\s+/g, ' ')};\n`).join('')}`,
      ),
    nodes: async (nodes) => {
      const byKind = new Map<NodeKind, Record<string, unknown>[]>();
      for (const n of nodes) {
        let list = byKind.get(n.kind);
        if (!list) byKind.set(n.kind, (list = []));
        list.push(toNodeProperties(n));
      }
      for (const [kind, rows] of byKind) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await main(
            `UNWIND ${cypherLiteral(rows.slice(i, i + CHUNK))} AS row\nMERGE (n:Entity {id: row.id})\nSET n = row, n:${KIND_LABEL[kind]};\n`,
          );
        }
      }
    },
    startRelations: async () => {},
    relations: async (relations) => {
      const byKind = new Map<string, unknown[]>();
      for (const r of relations) {
        let list = byKind.get(r.kind);
        if (!list) byKind.set(r.kind, (list = []));
        list.push(toRelationRow(r));
      }
      for (const [kind, rows] of byKind) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await main(
            `UNWIND ${cypherLiteral(rows.slice(i, i + CHUNK))} AS row\nMATCH (a:Entity {id: row.from})\nMATCH (b:Entity {id: row.to})\nMERGE (a)-[r:${kind} {id: row.id}]->(b)\nSET r = row.props;\n`,
          );
        }
      }
    },
    end: async () => {},
  };
}
