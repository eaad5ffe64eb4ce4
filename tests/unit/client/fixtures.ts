import type { EdgeData, GraphData, NodeData } from '../../../client/src/graph/model.js';
import { emptyGraph, mergeSubgraph } from '../../../client/src/graph/model.js';

/**
 * A small cooperation graph in the seed's shape: two Belgian municipalities twinned with two
 * partners abroad through partnership nodes, a network, an approach, a theme, countries.
 */
export const NODES: NodeData[] = [
  { id: 'roeselare', kind: 'MUNICIPALITY', name: 'Roeselare', degree: 4, countryCode: 'BE' },
  { id: 'dogbo', kind: 'MUNICIPALITY', name: 'Dogbo', degree: 2, countryCode: 'BJ' },
  { id: 'roeselare-dogbo', kind: 'PARTNERSHIP', name: 'Roeselare - Dogbo', degree: 3, partnershipType: 'CITY_TO_CITY', since: 2010 },
  { id: 'zoersel', kind: 'MUNICIPALITY', name: 'Zoersel', degree: 2, countryCode: 'BE' },
  { id: 'zoersel-bohicon', kind: 'PARTNERSHIP', name: 'Zoersel - Bohicon', degree: 2, partnershipType: 'TWINNING', since: 1990 },
  { id: 'bohicon', kind: 'MUNICIPALITY', name: 'Bohicon', degree: 1, countryCode: 'BJ' },
  { id: 'vvsg', kind: 'ORGANIZATION', name: 'VVSG', degree: 2, countryCode: 'BE' },
  { id: 'approach-c2c', kind: 'APPROACH', name: 'City-to-city partnership', degree: 1 },
  { id: 'country-be', kind: 'COUNTRY', name: 'Belgium', degree: 1 },
  { id: 'water', kind: 'THEME', name: 'Water', degree: 1 },
];

const e = (source: string, kind: EdgeData['kind'], target: string): EdgeData => ({
  id: `${source}--${kind}--${target}`,
  source,
  target,
  kind,
});

export const EDGES: EdgeData[] = [
  e('roeselare', 'PARTY_TO', 'roeselare-dogbo'),
  e('dogbo', 'PARTY_TO', 'roeselare-dogbo'),
  e('roeselare-dogbo', 'EXEMPLIFIES', 'approach-c2c'),
  e('roeselare', 'MEMBER_OF', 'vvsg'),
  e('roeselare', 'LOCATED_IN', 'country-be'),
  e('zoersel', 'MEMBER_OF', 'vvsg'),
  e('zoersel', 'PARTY_TO', 'zoersel-bohicon'),
  e('bohicon', 'PARTY_TO', 'zoersel-bohicon'),
  e('dogbo', 'COLLABORATES_WITH', 'water'),
];

/** The whole fixture, loaded and complete. */
export const fullGraph = (): GraphData => mergeSubgraph(emptyGraph(), { nodes: NODES, edges: EDGES }, { complete: true });
