import {
  KIND_TYPE_NAME,
  NODE_KINDS,
  NODE_SCALAR_FIELDS,
  RELATION_KINDS,
  RELATION_SCALAR_FIELDS,
  type GraphNode,
  type GraphRelation,
  type NodeKind,
  type RelationKind,
} from '../domain/model.js';
import { StoreWriteError } from './GraphStore.js';
import { normalizeText } from '../domain/normalize.js';
import { searchNamesOf } from './searchText.js';

/**
 * The property-graph model of the graph (docs/adr/0004-neo4j-adapter.md): labels, the schema
 * statements, and domain objects to property maps and back. The Neo4j adapter stores the graph
 * this way and the Cypher export writes it this way; it knows nothing of the driver. Neo4j cannot store maps or
 * lists of maps, so `sources` and `ratings` travel as JSON strings; absent fields are absent
 * properties (Neo4j has no null properties); numbers go as floats and come back as numbers.
 * Names per language travel as `namesJson` (with their sources, what is read back) plus the flat
 * lists `nameLangs` and `nameTexts` (same order) for Cypher to query.
 */

type Properties = Record<string, unknown>;

/** Copies onto `to` the `fields` of `from` that hold a value: Neo4j has no property for undefined or null. */
function copySetFields(from: object, to: object, fields: readonly string[]): void {
  for (const field of fields) {
    const value = (from as Properties)[field];
    if (value !== undefined && value !== null) (to as Properties)[field] = value;
  }
}

export const SEARCH_INDEX = 'entity_search';

/** A node's Neo4j label besides Entity: its kind's type name. */
export const KIND_LABEL = KIND_TYPE_NAME;

// ---------------------------------------------------------------- schema

/** Idempotent: run at every start. Then CALL db.awaitIndexes. */
export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
  'CREATE INDEX entity_wikidata IF NOT EXISTS FOR (n:Entity) ON (n.wikidata)',
  'CREATE CONSTRAINT change_record_id IF NOT EXISTS FOR (c:ChangeRecord) REQUIRE c.id IS UNIQUE',
  // Neo4j 5.7+ (Community too) enforces uniqueness of relationship properties, per type.
  ...RELATION_KINDS.map((k) => `CREATE CONSTRAINT relation_${k.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${k}]-() REQUIRE r.id IS UNIQUE`),
  // The whitespace analyzer keeps the tokens of normalizeText as they are (already lower case,
  // accent-free, letters and digits): the index then matches exactly what the embedded store does.
  `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText]
   OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'whitespace', \`fulltext.eventually_consistent\`: false } }`,
];

const NODE_KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);
const RELATION_KIND_SET: ReadonlySet<string> = new Set(RELATION_KINDS);

export function toNodeProperties(node: GraphNode): Properties {
  if (!NODE_KIND_SET.has(node.kind))
    throw new StoreWriteError('INVALID_RECORD', `node "${node.id}" has the unknown kind "${node.kind}"; nothing was written`);
  if (typeof node.id !== 'string' || node.id === '') throw new StoreWriteError('INVALID_RECORD', 'a node has no id; nothing was written');
  const search = searchNamesOf(node);
  const names = node.names ?? [];
  const props: Properties = {
    id: node.id,
    kind: node.kind,
    name: node.name,
    altNames: node.altNames,
    namesJson: JSON.stringify(names),
    nameLangs: names.map((n) => n.lang),
    nameTexts: names.map((n) => n.text),
    sortName: normalizeText(node.name),
    searchNames: search.names,
    searchPrimary: search.primary,
    searchText: search.names.join(' | '),
    sourcesJson: JSON.stringify(node.sources),
  };
  if (node.ratings !== undefined) props.ratingsJson = JSON.stringify(node.ratings);
  copySetFields(node, props, NODE_SCALAR_FIELDS);
  return props;
}

export function fromNodeProperties(props: Properties): GraphNode {
  const node: GraphNode = {
    id: props.id as string,
    kind: props.kind as NodeKind,
    name: props.name as string,
    altNames: (props.altNames as string[] | undefined) ?? [],
    names: typeof props.namesJson === 'string' ? JSON.parse(props.namesJson) : [],
    sources: JSON.parse(props.sourcesJson as string),
  };
  copySetFields(props, node, NODE_SCALAR_FIELDS);
  if (typeof props.ratingsJson === 'string') node.ratings = JSON.parse(props.ratingsJson);
  return node;
}

/** A relationship as a row for the write statements: endpoints, and the properties to set. */
export interface RelationRow {
  id: string;
  from: string;
  to: string;
  props: Properties;
}

export function toRelationRow(relation: GraphRelation): RelationRow {
  if (!RELATION_KIND_SET.has(relation.kind)) {
    throw new StoreWriteError(
      'INVALID_RECORD',
      `relationship "${relation.id}" has the unknown kind "${relation.kind}"; nothing was written`,
    );
  }
  if (typeof relation.id !== 'string' || relation.id === '')
    throw new StoreWriteError('INVALID_RECORD', 'a relationship has no id; nothing was written');
  const props: Properties = { id: relation.id, sourcesJson: JSON.stringify(relation.sources) };
  copySetFields(relation, props, RELATION_SCALAR_FIELDS);
  return { id: relation.id, from: relation.from, to: relation.to, props };
}

/** Rows as the parallel lists CREATE_RELATIONS takes; a field no row has is one null instead of a list. */
export function relationColumns(rows: readonly RelationRow[]): Properties {
  const columns: Properties = {
    ids: rows.map((r) => r.id),
    froms: rows.map((r) => r.from),
    tos: rows.map((r) => r.to),
    sourcesJson: rows.map((r) => r.props.sourcesJson),
  };
  for (const field of RELATION_SCALAR_FIELDS) {
    columns[field] = rows.some((r) => field in r.props) ? rows.map((r) => r.props[field] ?? null) : null;
  }
  return columns;
}

/** From the RELATION projection of cypher.ts: properties plus kind, from and to. */
export function fromRelationProperties(props: Properties): GraphRelation {
  const relation: GraphRelation = {
    id: props.id as string,
    kind: props.kind as RelationKind,
    from: props.from as string,
    to: props.to as string,
    sources: JSON.parse(props.sourcesJson as string),
  };
  copySetFields(props, relation, RELATION_SCALAR_FIELDS);
  return relation;
}
