import { NODE_KINDS, RELATION_KINDS, RELATION_SCALAR_FIELDS, type NodeKind, type RelationKind } from '../../domain/model.js';
import type { NodeFilter, NodeSort } from '../GraphStore.js';
import { KIND_LABEL, SEARCH_INDEX } from '../propertyGraphModel.js';

/**
 * Every Cypher statement of the Neo4j adapter. Values always travel as $parameters. Labels and
 * relationship types cannot be parameters without losing index use (Neo4j 5.26 plans `:$(...)`
 * as a full scan), so the statements that need one are generated here, once, from the closed
 * lists NODE_KINDS and RELATION_KINDS: never from input.
 *
 * The data model (docs/adr/0004-neo4j-adapter.md; labels, schema and property maps in ../propertyGraphModel.ts): every node is `:Entity` plus one label per kind
 * (`:Municipality`, ...), with the domain fields as properties and these adapter properties:
 *   sortName     normalizeText(name), the key of every name order
 *   searchNames  the normalised names (primary first: name, names per language), what scoreNames ranks
 *   searchPrimary  how many of searchNames are primary (absent on nodes written before: 1)
 *   namesJson    the names per language with their sources; nameLangs, nameTexts the same as flat lists
 *   searchText   searchNames joined by " | ", the full-text indexed property
 *   sourcesJson, ratingsJson   lists of maps, stored as JSON strings
 * A relationship's type is its kind; it carries `id`, its fields and sourcesJson.
 */

export const AWAIT_INDEXES = 'CALL db.awaitIndexes($seconds)';

// ---------------------------------------------------------------- projections

/** A node as a map of its properties; propertyGraphModel.ts turns it into a GraphNode. */
const NODE = (n: string) => `${n} {.*}`;
/** A relationship as a map: its properties plus kind, from and to. */
const RELATION = (r: string) => `${r} {.*, kind: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id}`;

// ---------------------------------------------------------------- reads

export const GET_NODES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN ${NODE('n')} AS node`;

export const GET_DEGREES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN id, COUNT { (n)--() } AS degree`;

/** A node's distinct neighbours (itself excluded) with their degree and the relationships joining the two: the neighbour table's candidates. */
export const NEIGHBOURS = `
MATCH (n:Entity {id: $id})-[r]-(o:Entity)
WHERE o.id <> $id
WITH o, collect(r) AS rs
RETURN ${NODE('o')} AS node, COUNT { (o)--() } AS degree, [x IN rs | ${RELATION('x')}] AS relations`;

/** Candidates of a search: nodes holding every query token as a prefix of a name token. */
export const SEARCH_CANDIDATES = `
CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query) YIELD node
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node.id AS id, node.sortName AS sortName, node.searchNames AS names, coalesce(node.searchPrimary, 1) AS primary`;

/** Ordered, paged relationships of one node, by kind, other node's name, relationship id. */
function relationsOf(pattern: string, direction: string): string {
  return `
MATCH ${pattern}
WHERE $kinds IS NULL OR type(r) IN $kinds
WITH r, o ORDER BY type(r), o.sortName, r.id
WITH collect({r: r, o: o}) AS matched
CALL (matched) {
  UNWIND matched[toInteger($offset)..toInteger($offset + $first)] AS x
  WITH x.r AS r, x.o AS o
  RETURN collect({relation: ${RELATION('r')}, other: ${NODE('o')}, direction: ${direction}}) AS items
}
RETURN size(matched) AS totalCount, items`;
}

export const RELATIONS = {
  OUT: relationsOf('(n:Entity {id: $id})-[r]->(o:Entity)', "'OUT'"),
  IN: relationsOf('(n:Entity {id: $id})<-[r]-(o:Entity)', "'IN'"),
  BOTH: relationsOf('(n:Entity {id: $id})-[r]-(o:Entity)', "CASE WHEN startNode(r).id = $id THEN 'OUT' ELSE 'IN' END"),
} as const;

/**
 * One level of the neighbourhood's breadth-first search. $frontier: the ids reached at the last
 * level; $visited: every id included so far; $room: how many more nodes fit under the limit.
 * Candidates are the unvisited neighbours (allowed relationship and node kinds), by id; the first
 * $room are chosen, one more tells that the limit cut. Edges: every allowed relationship from a
 * frontier node to a frontier node or a chosen candidate (chosen = a candidate whose id is at most
 * the last chosen id). Edges to nodes of earlier levels were returned when those were expanded.
 */
const level = (carry: string) => `
CALL () {
  UNWIND $frontier AS fid
  MATCH (:Entity {id: fid})-[r]-(o:Entity)
  WHERE ($relationKinds IS NULL OR type(r) IN $relationKinds)
    AND NOT o.id IN $visited
    AND ($nodeKinds IS NULL OR o.kind IN $nodeKinds)
  WITH DISTINCT o ORDER BY o.id LIMIT toInteger($room) + 1
  RETURN collect(o) AS candidates
}
WITH ${carry}candidates[..toInteger($room)] AS chosen, size(candidates) > $room AS truncated
WITH ${carry}chosen, truncated, CASE WHEN size(chosen) = 0 THEN null ELSE chosen[-1].id END AS last
CALL (last) {
  UNWIND $frontier AS fid
  MATCH (:Entity {id: fid})-[r]-(o:Entity)
  WHERE ($relationKinds IS NULL OR type(r) IN $relationKinds)
    AND (o.id IN $frontier OR (o.id <= last AND NOT o.id IN $visited AND ($nodeKinds IS NULL OR o.kind IN $nodeKinds)))
  WITH DISTINCT r
  RETURN collect(${RELATION('r')}) AS edges
}`;

export const NEIGHBORHOOD_LEVEL = `${level('')}
RETURN [c IN chosen | ${NODE('c')}] AS nodes, edges, truncated`;

/**
 * The first level with the seeds themselves ($frontier = $visited = the seeds, sorted): one round
 * trip for a 1-hop neighbourhood. Valid when every seed exists; `seeds` tells which do.
 */
export const NEIGHBORHOOD_FIRST_LEVEL = `
CALL () {
  UNWIND $frontier AS fid
  MATCH (s:Entity {id: fid})
  RETURN collect(${NODE('s')}) AS seeds
}
${level('seeds, ')}
RETURN seeds, [c IN chosen | ${NODE('c')}] AS nodes, edges, truncated`;

/** Node and relationship counts, from Neo4j's count store (one label or type per count). */
export const STATS = `
CALL () { MATCH (n:Entity) RETURN count(n) AS nodeCount }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationCount }
${NODE_KINDS.map((k) => `CALL () { MATCH (n:${KIND_LABEL[k]}) RETURN count(n) AS node_${k} }`).join('\n')}
${RELATION_KINDS.map((k) => `CALL () { MATCH ()-[r:${k}]->() RETURN count(r) AS rel_${k} }`).join('\n')}
RETURN nodeCount, relationCount,
  {${NODE_KINDS.map((k) => `${k}: node_${k}`).join(', ')}} AS nodesByKind,
  {${RELATION_KINDS.map((k) => `${k}: rel_${k}`).join(', ')}} AS relationsByKind`;

// ---------------------------------------------------------------- listNodes

const CONTEXT_TARGETS = "['PARTNERSHIP', 'PROJECT', 'FUNDING_PROGRAM']";
const HAS_PERIOD = (x: string) => `coalesce(${x}.since, ${x}.startYear, ${x}.until, ${x}.endYear) IS NOT NULL`;
const OVERLAPS = (x: string) =>
  `(coalesce(${x}.since, ${x}.startYear) IS NULL OR $yearTo IS NULL OR coalesce(${x}.since, ${x}.startYear) <= $yearTo)
   AND (coalesce(${x}.until, ${x}.endYear) IS NULL OR $yearFrom IS NULL OR coalesce(${x}.until, ${x}.endYear) >= $yearFrom)`;

/** Conditions on the node's own fields and links, each used only when its filter is given. */
const OWN_CONDITIONS = {
  levels: 'n.level IN $levels',
  orgTypes: 'n.orgType IN $orgTypes',
  scopes: 'n.scope IN $scopes',
  partnershipTypes: 'n.partnershipType IN $partnershipTypes',
  statuses: "coalesce(n.status, '') IN $statuses",
  countries: 'n.country IN $countries',
  partnershipCountries: 'EXISTS { MATCH (p:Entity)-[:PARTY_TO]->(n) WHERE p.country IN $countries }',
  networkIds: 'EXISTS { MATCH (n)-[:MEMBER_OF|PARTICIPATES_IN|COORDINATES]->(t:Entity) WHERE t.id IN $networkIds }',
} as const;

/** The node and the partnerships, projects and programmes it is party to, takes part in or coordinates. */
const WITH_CONTEXT = `WITH n, [n] + [(n)-[:PARTY_TO|PARTICIPATES_IN|COORDINATES]->(c:Entity) WHERE c.kind IN ${CONTEXT_TARGETS} | c] AS context`;

const CONTEXT_CONDITIONS = {
  approachIds: 'any(c IN context WHERE EXISTS { MATCH (c)-[:EXEMPLIFIES]->(a:Entity) WHERE a.id IN $approachIds })',
  themeIds: 'any(c IN context WHERE EXISTS { MATCH (c)-[:ADDRESSES_THEME]->(t:Entity) WHERE t.id IN $themeIds })',
  programIds: `any(c IN context WHERE EXISTS { MATCH (p:Entity)-[:FUNDS]->(c) WHERE p.id IN $programIds }
                                  OR EXISTS { MATCH (c)-[:PARTICIPATES_IN]->(p:Entity) WHERE p.id IN $programIds })`,
  years: `any(c IN CASE WHEN ${HAS_PERIOD('n')} THEN [n] ELSE [x IN tail(context) WHERE ${HAS_PERIOD('x')}] END WHERE ${OVERLAPS('c')})`,
} as const;

const ORDER = {
  NAME: { ASC: 'WITH n ORDER BY n.sortName, n.id', DESC: 'WITH n ORDER BY n.sortName DESC, n.id' },
  DEGREE: {
    ASC: 'WITH n, COUNT { (n)--() } AS degree ORDER BY degree, n.sortName, n.id',
    DESC: 'WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.sortName, n.id',
  },
  YEAR: {
    ASC: 'WITH n, coalesce(n.since, n.startYear, n.foundedYear, n.year) AS year ORDER BY year IS NULL, year, n.sortName, n.id',
    DESC: 'WITH n, coalesce(n.since, n.startYear, n.foundedYear, n.year) AS year ORDER BY year IS NULL, year DESC, n.sortName, n.id',
  },
} as const;

const has = (list: readonly unknown[] | undefined) => list !== undefined && list.length > 0;

/**
 * The listNodes statement for a kind, the filters given and a sort, assembled from the fixed
 * fragments above (the same filters always give the same text, so Neo4j caches its plan).
 */
export function listNodesCypher(kind: NodeKind, filter: NodeFilter, sort: NodeSort): string {
  return [
    'MATCH (n:Entity {kind: $kind})',
    ...filterLines(filter, kind === 'PARTNERSHIP' ? OWN_CONDITIONS.partnershipCountries : OWN_CONDITIONS.countries),
    ORDER[sort.field][sort.direction],
    'WITH collect(n) AS matches',
    `RETURN size(matches) AS totalCount, [m IN matches[toInteger($offset)..toInteger($offset + $first)] | ${NODE('m')}] AS items`,
  ].join('\n');
}

/**
 * The listNodeIds statement: nodes of any of $kinds (all when null) passing the filters, ordered by
 * kind ($kindRank: kind → its place in NODE_KINDS), then id; the ids of one page and the total.
 */
export function listNodeIdsCypher(filter: NodeFilter): string {
  const countries = `((n.kind = 'PARTNERSHIP' AND ${OWN_CONDITIONS.partnershipCountries}) OR (n.kind <> 'PARTNERSHIP' AND ${OWN_CONDITIONS.countries}))`;
  const [own, ...context] = filterLines(filter, countries);
  return [
    'MATCH (n:Entity)',
    own ? `${own}\n  AND ($kinds IS NULL OR n.kind IN $kinds)` : 'WHERE $kinds IS NULL OR n.kind IN $kinds',
    ...context,
    'WITH n ORDER BY $kindRank[n.kind], n.id',
    'WITH collect(n.id) AS matches',
    'RETURN size(matches) AS totalCount, matches[toInteger($offset)..toInteger($offset + $first)] AS items',
  ].join('\n');
}

/** The WHERE on the node's own fields (or '') and the context WITH/WHERE (when any), for the filters given. */
function filterLines(filter: NodeFilter, countriesCondition: string): [string, ...string[]] {
  const own: string[] = [];
  if (has(filter.levels)) own.push(OWN_CONDITIONS.levels);
  if (has(filter.orgTypes)) own.push(OWN_CONDITIONS.orgTypes);
  if (has(filter.scopes)) own.push(OWN_CONDITIONS.scopes);
  if (has(filter.partnershipTypes)) own.push(OWN_CONDITIONS.partnershipTypes);
  if (has(filter.statuses)) own.push(OWN_CONDITIONS.statuses);
  if (has(filter.countries)) own.push(countriesCondition);
  if (has(filter.networkIds)) own.push(OWN_CONDITIONS.networkIds);
  const context: string[] = [];
  if (has(filter.approachIds)) context.push(CONTEXT_CONDITIONS.approachIds);
  if (has(filter.themeIds)) context.push(CONTEXT_CONDITIONS.themeIds);
  if (has(filter.programIds)) context.push(CONTEXT_CONDITIONS.programIds);
  if (filter.yearFrom !== undefined || filter.yearTo !== undefined) context.push(CONTEXT_CONDITIONS.years);
  return [
    own.length > 0 ? `WHERE ${own.join('\n  AND ')}` : '',
    ...(context.length > 0 ? [`${WITH_CONTEXT}\nWHERE ${context.join('\n  AND ')}`] : []),
  ];
}

// ---------------------------------------------------------------- writes

/** Which of the given ids name a node. */
export const EXISTING_IDS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN collect(id) AS existing`;

export const RELATION_TOTAL = 'MATCH ()-[r]->() RETURN count(r) AS count';

const OTHER_KIND_LABELS = (kind: NodeKind) =>
  NODE_KINDS.filter((k) => k !== kind)
    .map((k) => `:${KIND_LABEL[k]}`)
    .join('');

/**
 * Upsert nodes of one kind by id: properties replaced as a whole (`SET n = row`), relationships
 * kept. A node that changes kind loses its old kind label.
 */
export const MERGE_NODES: Record<NodeKind, string> = Object.fromEntries(
  NODE_KINDS.map((kind) => [
    kind,
    `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row, n:${KIND_LABEL[kind]}
REMOVE n${OTHER_KIND_LABELS(kind)}`,
  ]),
) as Record<NodeKind, string>;

/**
 * For each row of one kind: whether a relationship of that kind has its id, and whether it joins
 * the same two nodes (then it is updated in place; otherwise it is deleted and created anew).
 */
export const RELATION_STATE: Record<RelationKind, string> = Object.fromEntries(
  RELATION_KINDS.map((kind) => [
    kind,
    `
UNWIND $rows AS row
OPTIONAL MATCH (a)-[r:${kind} {id: row.id}]->(b)
RETURN row.id AS id, r IS NOT NULL AS found, r IS NOT NULL AND a.id = row.from AND b.id = row.to AS same`,
  ]),
) as Record<RelationKind, string>;

/**
 * Deletes relationships of any kind having one of the ids (an id that moves to another kind):
 * one statement per kind, each a plain index seek per id. (One statement with a UNION of the
 * kinds in a subquery per id planned about five times slower: 23 s for the twin-cities import.)
 */
export const DELETE_RELATIONS_ANY_KIND: readonly string[] = RELATION_KINDS.map(
  (k) => `
UNWIND $ids AS id
MATCH ()-[r:${k} {id: id}]->()
DELETE r`,
);

export const UPDATE_RELATIONS: Record<RelationKind, string> = Object.fromEntries(
  RELATION_KINDS.map((kind) => [
    kind,
    `
UNWIND $rows AS row
MATCH ()-[r:${kind} {id: row.id}]->()
SET r = row.props`,
  ]),
) as Record<RelationKind, string>;

/**
 * Creates relationships of one kind from parallel lists ($ids[i], $froms[i], $tos[i], $sourcesJson[i]
 * and one list per optional field, or null when no row has it): lists of strings cost the driver a
 * third of what a list of maps does, and properties written in the CREATE pattern (a null one is
 * simply not set) need no Eager step. The bulk-load path.
 */
export const CREATE_RELATIONS: Record<RelationKind, string> = Object.fromEntries(
  RELATION_KINDS.map((kind) => [
    kind,
    `
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Entity {id: $froms[i]})
MATCH (b:Entity {id: $tos[i]})
CREATE (a)-[:${kind} {id: $ids[i], sourcesJson: $sourcesJson[i], ${RELATION_SCALAR_FIELDS.map((f) => `${f}: $${f}[i]`).join(', ')}}]->(b)`,
  ]),
) as Record<RelationKind, string>;

/** Deletes everything in transactions of 10,000 nodes: needs an auto-commit transaction (session.run). */
export const CLEAR = 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS';

// ---------------------------------------------------------------- changes, bulk reads, change log

/** Relationships of one kind by id (the kind's id index), with kind and ends: run for every kind to find any. */
export const GET_RELATIONS_OF_KIND: Record<RelationKind, string> = Object.fromEntries(
  RELATION_KINDS.map((kind) => [
    kind,
    `
UNWIND $ids AS id
MATCH ()-[r:${kind} {id: id}]->()
RETURN ${RELATION('r')} AS relation`,
  ]),
) as Record<RelationKind, string>;

/** Every relationship at one of the nodes, of the given kinds, each once, by id. */
/** Relationships with both ends among $ids, of $kinds (all when null), ordered by id. */
export const RELATIONS_AMONG = `
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND ($kinds IS NULL OR type(r) IN $kinds)
RETURN ${RELATION('r')} AS relation
ORDER BY r.id`;

export const RELATIONS_OF_NODES = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-()
WHERE $kinds IS NULL OR type(r) IN $kinds
WITH DISTINCT r
RETURN ${RELATION('r')} AS relation
ORDER BY r.id`;

/**
 * Entity resolution: per query, the full-text index finds the nodes holding every token of the
 * name ($queries: {name: normalised name, lucene: its tokens joined by AND}); the exact name is
 * then checked against the node's normalised names.
 */
export const FIND_BY_NAMES = `
UNWIND $queries AS q
CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', q.lucene) YIELD node
WHERE q.name IN node.searchNames AND ($kinds IS NULL OR node.kind IN $kinds)
WITH DISTINCT node
RETURN ${NODE('node')} AS node
ORDER BY node.id`;

/** Entity resolution by Wikidata item (the entity_wikidata index). */
export const FIND_BY_WIKIDATA = `
UNWIND $qids AS qid
MATCH (n:Entity {wikidata: qid})
WITH DISTINCT n
RETURN ${NODE('n')} AS node
ORDER BY n.id`;

/** One page of nodes after $after in id order (the id constraint's index gives the order). */
export const SCAN_NODES = `
MATCH (n:Entity)
WHERE n.id > $after AND ($kinds IS NULL OR n.kind IN $kinds)
RETURN ${NODE('n')} AS node
ORDER BY n.id
LIMIT toInteger($limit)`;

/** One page of relationships of one kind after $after in id order, between nodes of $kinds. */
export const SCAN_RELATIONS: Record<RelationKind, string> = Object.fromEntries(
  RELATION_KINDS.map((kind) => [
    kind,
    `
MATCH (a:Entity)-[r:${kind}]->(b:Entity)
WHERE r.id > $after AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
RETURN ${RELATION('r')} AS relation
ORDER BY r.id
LIMIT toInteger($limit)`,
  ]),
) as Record<RelationKind, string>;

/** How many relationships the nodes to delete have (counted before DETACH DELETE). */
export const COUNT_RELATIONS_OF = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-()
RETURN count(DISTINCT r) AS count`;

export const DETACH_DELETE_NODES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n`;

/** Change records are :ChangeRecord nodes, outside :Entity, so no graph read sees them. */
export const CREATE_CHANGES = `
UNWIND $rows AS row
CREATE (c:ChangeRecord)
SET c = row`;

export const LIST_CHANGES = `
MATCH (c:ChangeRecord)
WHERE $nodeId IS NULL OR $nodeId IN c.nodeIds
WITH c ORDER BY c.at DESC, c.id DESC
WITH collect(c) AS matched
RETURN size(matched) AS totalCount, [x IN matched[toInteger($offset)..toInteger($offset + $first)] | x {.*}] AS items`;
