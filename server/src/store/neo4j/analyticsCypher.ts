import { UNLINKING_RELATIONS } from '../analysis/similarity.js';

/**
 * Cypher for GraphAnalytics on Neo4j. Plain Cypher, no plugin: the statements fetch the local
 * structure (linked nodes, the municipalities around a set of features, paths); the scoring is
 * store/analysis/, shared with the embedded store, so the two give the same numbers.
 * Values travel as $parameters only.
 */

const UNLINKING = `[${UNLINKING_RELATIONS.map((k) => `'${k}'`).join(', ')}]`;
const CONTEXT_KINDS = `['PARTNERSHIP', 'PROJECT', 'FUNDING_PROGRAM']`;

/**
 * linked(x) of GraphAnalytics for each of $ids: the nodes joined by one relationship to x or to a
 * partnership, project or programme x is PARTY_TO, PARTICIPATES_IN or COORDINATES, except through
 * LOCATED_IN and PART_OF, and except those context nodes themselves.
 */
export const LINKED_OF = `
UNWIND $ids AS xid
MATCH (x:Entity {id: xid})
CALL (x) {
  OPTIONAL MATCH (x)-[:PARTY_TO|PARTICIPATES_IN|COORDINATES]->(p:Entity)
  WHERE p.kind IN ${CONTEXT_KINDS}
  WITH x, collect(DISTINCT p) AS parts
  RETURN [x] + parts AS context
}
CALL (context) {
  UNWIND context AS c
  OPTIONAL MATCH (c)-[r]-(n:Entity)
  WHERE NOT type(r) IN ${UNLINKING} AND NOT n IN context
  RETURN collect(DISTINCT {id: n.id, kind: n.kind, country: n.country, sortName: n.sortName}) AS linked
}
RETURN xid AS id, x.kind AS kind, x.sortName AS sortName, x.country AS country, x.level AS level, linked`;

/**
 * Municipalities that can have one of the given features: those within reach of a feature node
 * ($ids) or of a municipality or organisation in one of $countries, through one relationship
 * (not LOCATED_IN / PART_OF) and, possibly, a partnership, project or programme they belong to.
 * A superset of the holders; scoring keeps the real ones.
 */
export const FEATURE_NEIGHBOURS = `
CALL () {
  UNWIND $ids AS zid
  MATCH (z:Entity {id: zid})
  RETURN z
  UNION
  MATCH (z:Entity)
  WHERE z.kind IN ['MUNICIPALITY', 'ORGANIZATION'] AND z.country IN $countries
  RETURN z
}
MATCH (z)-[r]-(c:Entity)
WHERE NOT type(r) IN ${UNLINKING}
CALL (c) {
  WITH c WHERE c.kind = 'MUNICIPALITY'
  RETURN c.id AS holder
  UNION
  MATCH (x:Municipality)-[:PARTY_TO|PARTICIPATES_IN|COORDINATES]->(c)
  WHERE c.kind IN ${CONTEXT_KINDS}
  RETURN x.id AS holder
}
RETURN collect(DISTINCT holder) AS holders`;

/** The relationships between two nodes, either direction, with the node at the far end. */
export const RELATIONS_BETWEEN = `
MATCH (a:Entity {id: $a})-[r]-(b:Entity {id: $b})
RETURN r {.*, kind: type(r), from: startNode(r).id, to: endNode(r).id} AS relation`;

/** The partnerships, projects and programmes of a node's context, sorted by id. */
export const CONTEXT_OF = `
MATCH (x:Entity {id: $id})-[:PARTY_TO|PARTICIPATES_IN|COORDINATES]->(p:Entity)
WHERE p.kind IN ${CONTEXT_KINDS}
RETURN DISTINCT p.id AS id ORDER BY id`;

/** Every node id and every relationship's ends, for the metrics (computed once per graph version). */
export const ALL_NODE_IDS = `MATCH (n:Entity) RETURN collect(n.id) AS ids`;
export const ALL_EDGE_ENDS = `MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, b.id AS b`;

/** A cheap fingerprint of the graph's version: Neo4j's count store. */
export const GRAPH_FINGERPRINT = `
CALL () { MATCH (n:Entity) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
RETURN nodes, relations`;
