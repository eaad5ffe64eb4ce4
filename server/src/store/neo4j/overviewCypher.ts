import type { NodeKind } from '../../domain/model.js';
import { START_KINDS } from '../analysis/overview.js';
import { KIND_LABEL } from '../propertyGraphModel.js';

/**
 * Cypher for GraphStore.overview: counts only, the ranking and the cut are done by
 * analysis/overview.ts as for the embedded store. Each statement returns rows of
 * (key, size) or (a, b, weight) with a <= b; a = b is a group's internal count.
 */

/** The lesser and the greater of two group keys, so that every pair is counted in one order. */
const ORDERED_PAIR = (a: string, b: string) =>
  `CASE WHEN ${a} < ${b} THEN ${a} ELSE ${b} END AS a, CASE WHEN ${a} < ${b} THEN ${b} ELSE ${a} END AS b`;

export const OVERVIEW_COUNTRY_SIZES = `
MATCH (m:Municipality) WHERE m.country IS NOT NULL
RETURN m.country AS key, count(m) AS size`;

/** Per partnership, each pair of countries of two different municipal parties once. */
export const OVERVIEW_COUNTRY_LINKS = `
MATCH (p:Municipality)-[:PARTY_TO]->(s:Partnership)<-[:PARTY_TO]-(q:Municipality)
WHERE p.id < q.id AND p.country IS NOT NULL AND q.country IS NOT NULL
WITH DISTINCT s, ${ORDERED_PAIR('p.country', 'q.country')}
RETURN a, b, count(s) AS weight`;

export const OVERVIEW_NETWORK_SIZES = `
MATCH (m:Municipality)-[:MEMBER_OF]->(n:Network)
RETURN n.id AS key, count(DISTINCT m) AS size`;

/** Per partnership, each pair of networks of two different municipal parties once. */
export const OVERVIEW_NETWORK_LINKS = `
MATCH (p:Municipality)-[:PARTY_TO]->(s:Partnership)<-[:PARTY_TO]-(q:Municipality)
WHERE p.id < q.id
MATCH (p)-[:MEMBER_OF]->(na:Network)
MATCH (q)-[:MEMBER_OF]->(nb:Network)
WITH DISTINCT s, ${ORDERED_PAIR('na.id', 'nb.id')}
RETURN a, b, count(s) AS weight`;

export const OVERVIEW_KIND_SIZES = `
MATCH (n:Entity)
RETURN n.kind AS key, count(n) AS size`;

export const OVERVIEW_KIND_LINKS = `
MATCH (x:Entity)-[r]->(y:Entity)
WITH ${ORDERED_PAIR('x.kind', 'y.kind')}
RETURN a, b, count(*) AS weight`;

/** The `$first` best connected nodes of each start kind, by degree descending, then id. */
export const OVERVIEW_STARTS = START_KINDS.map(
  (kind: NodeKind) => `
CALL () {
  MATCH (n:${KIND_LABEL[kind]})
  WITH n, COUNT { (n)--() } AS degree
  ORDER BY degree DESC, n.id
  LIMIT $first
  RETURN collect({node: n {.*}, degree: degree}) AS ${kind}
}`,
)
  .join('')
  .concat(`\nRETURN ${START_KINDS.join(', ')}`);
