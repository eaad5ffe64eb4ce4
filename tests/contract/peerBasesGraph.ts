import type { GraphNode, GraphRelation, NodeKind, RelationKind } from '../../server/src/domain/model.js';

const SOURCES = [{ source: 'bases', locator: 'test', quote: 'peer bases graph' }];

/**
 * A small graph on which every basis of similarity can be counted by hand (docs/adr/0014). Six
 * municipalities: A and B (BE) share one partner city X (SN) through their own partnerships; C (NL)
 * is partner of Y (BE) in a partnership that collaborates with A's, which makes nobody a partner;
 * D (FR) and B have a direct tie with A. A takes part in project P1, B coordinates it; A takes part in
 * programme F1, which funds B's partnership; A, B, C and D belong to network N1, B also to N2; A's and
 * B's partnerships address theme T1 and exemplify approach AP1; A and C work with the Belgian NGO G.
 */
export function peerBasesGraph(): { nodes: GraphNode[]; relations: GraphRelation[] } {
  const nodes: GraphNode[] = [
    { id: 'bases', kind: 'SOURCE', name: 'Bases', altNames: [], names: [], sourceType: 'DATASET', sources: SOURCES },
  ];
  const node = (id: string, kind: NodeKind, extra: Partial<GraphNode> = {}) =>
    nodes.push({ id, kind, name: id.toUpperCase(), altNames: [], names: [], sources: SOURCES, ...extra });
  for (const [id, country] of [
    ['a', 'BE'],
    ['b', 'BE'],
    ['c', 'NL'],
    ['d', 'FR'],
    ['x', 'SN'],
    ['y', 'BE'],
  ]) {
    node(id!, 'MUNICIPALITY', { country, level: 'CITY' });
  }
  for (const code of ['BE', 'NL', 'FR', 'SN']) node(`country-${code.toLowerCase()}`, 'COUNTRY', { code });
  for (const id of ['p-ax', 'p-bx', 'p-cy']) node(id, 'PARTNERSHIP', { partnershipType: 'TWINNING', status: 'ACTIVE' });
  node('p1', 'PROJECT', { status: 'ONGOING' });
  node('f1', 'FUNDING_PROGRAM');
  node('n1', 'NETWORK');
  node('n2', 'NETWORK');
  node('t1', 'THEME');
  node('ap1', 'APPROACH', { number: 1 });
  node('g', 'ORGANIZATION', { orgType: 'NGO', country: 'BE' });

  const relations: GraphRelation[] = [];
  const relate = (from: string, kind: RelationKind, to: string) =>
    relations.push({ id: `${from}--${kind.toLowerCase()}--${to}`, kind, from, to, sources: SOURCES });
  relate('a', 'PARTY_TO', 'p-ax');
  relate('x', 'PARTY_TO', 'p-ax');
  relate('b', 'PARTY_TO', 'p-bx');
  relate('x', 'PARTY_TO', 'p-bx');
  relate('c', 'PARTY_TO', 'p-cy');
  relate('y', 'PARTY_TO', 'p-cy');
  relate('p-ax', 'COLLABORATES_WITH', 'p-cy');
  relate('d', 'COLLABORATES_WITH', 'a');
  relate('b', 'SUPPORTS', 'a');
  relate('a', 'PARTICIPATES_IN', 'p1');
  relate('b', 'COORDINATES', 'p1');
  relate('a', 'PARTICIPATES_IN', 'f1');
  relate('f1', 'FUNDS', 'p-bx');
  relate('a', 'MEMBER_OF', 'n1');
  relate('b', 'MEMBER_OF', 'n1');
  relate('c', 'MEMBER_OF', 'n1');
  relate('d', 'MEMBER_OF', 'n1');
  relate('b', 'MEMBER_OF', 'n2');
  relate('p-ax', 'ADDRESSES_THEME', 't1');
  relate('p-bx', 'ADDRESSES_THEME', 't1');
  relate('p-ax', 'EXEMPLIFIES', 'ap1');
  relate('p-bx', 'EXEMPLIFIES', 'ap1');
  relate('a', 'COLLABORATES_WITH', 'g');
  relate('c', 'COLLABORATES_WITH', 'g');
  relate('g', 'LOCATED_IN', 'country-be');
  return { nodes, relations };
}
