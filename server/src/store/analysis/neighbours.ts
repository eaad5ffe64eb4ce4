import { NODE_KINDS, RELATION_KINDS, type GraphNode, type GraphRelation, type NodeKind, type RelationKind } from '../../domain/model.js';
import type { NeighbourPage, NeighbourQuery, NeighbourRow } from '../GraphStore.js';
import { compareStrings, normalizeText } from '../../domain/normalize.js';

/** One distinct neighbour of the asked node, with every relationship that joins them and its degree. */
export interface NeighbourCandidate {
  node: GraphNode;
  degree: number;
  relations: GraphRelation[];
}

/** The country a node is in, as the neighbour table shows and filters it: its `country`, or a country's own code. */
export const countryOf = (node: GraphNode): string | null => node.country ?? (node.kind === 'COUNTRY' ? (node.code ?? null) : null);

/**
 * GraphStore.neighbours from the asked node's distinct neighbours, for both stores: each store
 * gathers the candidates (bounded by the node's degree), this filters, counts, sorts and pages
 * them, so the two answer alike by construction.
 */
export function neighbourPage(candidates: readonly NeighbourCandidate[], query: NeighbourQuery): NeighbourPage {
  const relationKinds = query.relationKinds && query.relationKinds.length > 0 ? new Set<RelationKind>(query.relationKinds) : null;
  const nodeKinds = query.nodeKinds && query.nodeKinds.length > 0 ? new Set<NodeKind>(query.nodeKinds) : null;
  const countries = query.countries && query.countries.length > 0 ? new Set(query.countries) : null;
  const words = normalizeText(query.text ?? '')
    .split(' ')
    .filter((w) => w.length > 0);

  const byKind = new Map<NodeKind, number>();
  const byRelationKind = new Map<RelationKind, number>();
  const byCountry = new Map<string, number>();
  const rows: (NeighbourRow & { sortName: string; country: string | null })[] = [];
  for (const c of candidates) {
    const names = [c.node.name, ...c.node.altNames, ...c.node.names.map((l) => l.text)].map(normalizeText);
    if (words.length > 0 && !names.some((n) => words.every((w) => n.includes(w)))) continue;
    const country = countryOf(c.node);
    const kindsJoining = [...new Set(c.relations.map((r) => r.kind))];
    const inKinds = nodeKinds === null || nodeKinds.has(c.node.kind);
    const inRelations = relationKinds === null || kindsJoining.some((k) => relationKinds.has(k));
    const inCountries = countries === null || (country !== null && countries.has(country));
    // Each count leaves its own filter out, so it says what choosing it would give.
    if (inRelations && inCountries) byKind.set(c.node.kind, (byKind.get(c.node.kind) ?? 0) + 1);
    if (inKinds && inCountries) for (const k of kindsJoining) byRelationKind.set(k, (byRelationKind.get(k) ?? 0) + 1);
    if (inKinds && inRelations && country !== null) byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
    if (!(inKinds && inRelations && inCountries)) continue;
    const relations = relationKinds ? c.relations.filter((r) => relationKinds.has(r.kind)) : c.relations;
    rows.push({
      node: c.node,
      degree: c.degree,
      relations: [...relations].sort((a, b) => compareStrings(a.id, b.id)),
      sortName: normalizeText(c.node.name),
      country,
    });
  }

  const sign = query.sort.direction === 'ASC' ? 1 : -1;
  const kindRank = (k: NodeKind) => NODE_KINDS.indexOf(k);
  const primary = (a: (typeof rows)[number], b: (typeof rows)[number]): number => {
    switch (query.sort.field) {
      case 'DEGREE':
        return a.degree - b.degree;
      case 'KIND':
        return kindRank(a.node.kind) - kindRank(b.node.kind);
      case 'COUNTRY':
        // Nodes without a country come last in either direction.
        if (a.country === null || b.country === null) return 0;
        return compareStrings(a.country, b.country);
      case 'NAME':
        return compareStrings(a.sortName, b.sortName);
    }
  };
  const noCountryLast = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    query.sort.field === 'COUNTRY' ? Number(a.country === null) - Number(b.country === null) : 0;
  rows.sort(
    (a, b) => noCountryLast(a, b) || sign * primary(a, b) || compareStrings(a.sortName, b.sortName) || compareStrings(a.node.id, b.node.id),
  );

  const items = rows.slice(query.offset, query.offset + query.first).map(({ node, degree, relations }) => ({ node, degree, relations }));
  return {
    items,
    offset: query.offset,
    totalCount: rows.length,
    hasNextPage: query.offset + query.first < rows.length,
    allCount: candidates.length,
    byKind: NODE_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, count: byKind.get(kind)! })),
    byRelationKind: RELATION_KINDS.filter((k) => byRelationKind.has(k)).map((kind) => ({ kind, count: byRelationKind.get(kind)! })),
    byCountry: [...byCountry.entries()]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.code, b.code)),
  };
}
