import { UNLINKING_RELATIONS } from '../analysis/similarity.js';

/**
 * Cypher for GraphAnalytics on Neo4j. Plain Cypher, no plugin: the statements fetch the local
 * structure (linked nodes, the municipalities around a set of features, paths); the scoring is
 * store/analysis/, shared with the embedded store, so the two give the same numbers.
 * Values travel as $parameters only.
 */

const UNLINKING = `[${UNLINKING_RELATIONS.map((k) => `'${k}'`).join(', ')}]`;

const TIE = (via: string, relation: string, extra = '') =>
  `{via: ${via}.id, viaKind: ${via}.kind, relation: ${relation}, relationId: r.id, id: o.id, kind: o.kind, country: o.country, sortName: o.sortName${extra}}`;
/** The relationship itself, when $withRelations (paths need it, sizes do not). */
const WITH_RELATION = ', relationship: CASE WHEN $withRelations THEN r {.*, kind: type(r), from: startNode(r).id, to: endNode(r).id} END';

/**
 * For every municipality: its context (the partnerships it is PARTY_TO, the projects it
 * PARTICIPATES_IN or COORDINATES) and every relationship of it and of its context, except
 * LOCATED_IN and PART_OF, as ties for analysis/features.ts. Read once per graph version.
 */
export const PEER_TIES = `
MATCH (x:Municipality)
CALL (x) {
  OPTIONAL MATCH (x)-[cr:PARTY_TO|PARTICIPATES_IN|COORDINATES]->(c:Entity)
  WHERE (type(cr) = 'PARTY_TO' AND c.kind = 'PARTNERSHIP') OR (type(cr) <> 'PARTY_TO' AND c.kind = 'PROJECT')
  RETURN collect(DISTINCT c) AS context
}
CALL (x, context) {
  UNWIND [x] + context AS c
  MATCH (c)-[r]-(o:Entity)
  WHERE NOT type(r) IN ${UNLINKING}
  RETURN collect(${TIE('c', 'type(r)')}) AS ties
}
RETURN x.id AS id, x.sortName AS sortName, x.country AS country, x.level AS level,
       [c IN context | {id: c.id, kind: c.kind}] AS context, ties`;

/**
 * The ties reach(x) is made of, for each of $ids: every relationship of x, and the PARTY_TO
 * relationships of the partnerships x is PARTY_TO (analysis/suggestions.ts reachOf); with the
 * relationships themselves when $withRelations.
 */
export const REACH_TIES = `
UNWIND $ids AS xid
MATCH (x:Entity {id: xid})
CALL (x) {
  OPTIONAL MATCH (x)-[r]-(o:Entity)
  RETURN collect(${TIE('x', 'type(r)', WITH_RELATION)}) AS own
}
CALL (x) {
  OPTIONAL MATCH (x)-[:PARTY_TO]->(p:Entity {kind: 'PARTNERSHIP'})<-[r:PARTY_TO]-(o:Entity)
  RETURN collect(${TIE('p', "'PARTY_TO'", WITH_RELATION)}) AS through
}
RETURN xid AS id, x.kind AS kind, x.sortName AS sortName, x.country AS country, own + through AS ties`;

/** Every node id and every relationship's ends, for the metrics (computed once per graph version). */
export const ALL_NODE_IDS = `MATCH (n:Entity) RETURN collect(n.id) AS ids`;
export const ALL_EDGE_ENDS = `MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, b.id AS b`;

/**
 * A cheap fingerprint of the graph's version: the token every write through the adapter renews
 * (BUMP_GRAPH_VERSION) and Neo4j's count store, which also sees most writes made around it.
 */
export const GRAPH_FINGERPRINT = `
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
CALL () { OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN v.token AS token }
RETURN nodes, relations, token`;

/** Renews the graph's version token; run in every write transaction of the adapter. */
export const BUMP_GRAPH_VERSION = `MERGE (v:GraphVersion {id: 'graph'}) SET v.token = randomUUID()`;

/** The relationships directly between each pair of $pairs ({a, b}), either direction. */
export const RELATIONS_BETWEEN = `
UNWIND $pairs AS pair
MATCH (a:Entity {id: pair.a})-[r]-(b:Entity {id: pair.b})
RETURN r {.*, kind: type(r), from: startNode(r).id, to: endNode(r).id} AS relation`;
