import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../server/src/app.js';
import type { GraphNode, GraphRelation, Provenance } from '../../server/src/domain/model.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

const sources: Provenance[] = [{ source: 'src', locator: 'test', quote: 'test' }];

/**
 * The neighbour table's field and the overview's nodesOfKind through the real Apollo server, on a
 * hub made here: a network with 250 member towns (town-i has i % 5 further partners' worth of
 * relationships: its degree is 1 + i % 5) and 3 supporting organisations.
 */
describe('neighbours and nodesOfKind API', () => {
  let app: AtlasApp;
  beforeAll(async () => {
    const nodes: GraphNode[] = [
      { id: 'src', kind: 'SOURCE', name: 'Test', altNames: [], names: [], sourceType: 'DATASET', sources },
      { id: 'hub', kind: 'NETWORK', name: 'Hub Network', altNames: [], names: [], sources },
    ];
    const relations: GraphRelation[] = [];
    for (let i = 0; i < 250; i++) {
      nodes.push({
        id: `town-${i}`,
        kind: 'MUNICIPALITY',
        name: `Town ${i}`,
        altNames: [],
        names: [],
        country: i % 2 ? 'FR' : 'BE',
        sources,
      });
      relations.push({ id: `m-${i}`, kind: 'MEMBER_OF', from: `town-${i}`, to: 'hub', sources });
      for (let k = 0; k < i % 5; k++) relations.push({ id: `cites-${i}-${k}`, kind: 'CITES', from: `town-${i}`, to: 'src', sources });
    }
    for (let i = 0; i < 3; i++) {
      nodes.push({ id: `org-${i}`, kind: 'ORGANIZATION', name: `Org ${i}`, altNames: [], names: [], sources });
      relations.push({ id: `s-${i}`, kind: 'SUPPORTS', from: `org-${i}`, to: 'hub', sources });
    }
    const store = new MemoryGraphStore();
    await store.bulkUpsert({ nodes, relations });
    app = await openApi(store);
  });
  afterAll(() => app.apollo.stop());

  const QUERY = `query($id: ID!, $filter: NeighbourFilter, $sort: NeighbourSort, $first: Int, $after: String) {
    neighbours(id: $id, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount allCount
      byKind { kind count } byRelationKind { kind count } byCountry { code count }
      pageInfo { hasNextPage endCursor }
      edges { degree node { id kind name } relations { kind source target } }
    }
  }`;

  it('pages a hub by degree with cursors, with counts per kind, relationship kind and country', async () => {
    const first = await gql(app, QUERY, { id: 'hub', first: 100 });
    expect(first.errors).toBeUndefined();
    const page = first.data.neighbours;
    expect(page).toMatchObject({ totalCount: 253, allCount: 253, pageInfo: { hasNextPage: true } });
    expect(page.edges).toHaveLength(100);
    // 50 towns have degree 5 (i % 5 = 4): they come first, by name ("town 104" before "town 109").
    expect(page.edges.slice(0, 2).map((e: { node: { id: string }; degree: number }) => [e.node.id, e.degree])).toEqual([
      ['town-104', 5],
      ['town-109', 5],
    ]);
    expect(page.edges[0].relations).toEqual([{ kind: 'MEMBER_OF', source: 'town-104', target: 'hub' }]);
    expect(page.byKind).toEqual([
      { kind: 'MUNICIPALITY', count: 250 },
      { kind: 'ORGANIZATION', count: 3 },
    ]);
    expect(page.byRelationKind).toEqual([
      { kind: 'MEMBER_OF', count: 250 },
      { kind: 'SUPPORTS', count: 3 },
    ]);
    expect(page.byCountry).toEqual([
      { code: 'BE', count: 125 },
      { code: 'FR', count: 125 },
    ]);
    const rest = await gql(app, QUERY, { id: 'hub', first: 500, after: page.pageInfo.endCursor });
    expect(rest.data.neighbours.edges).toHaveLength(153);
    expect(rest.data.neighbours.pageInfo.hasNextPage).toBe(false);
    const seen = new Set([...page.edges, ...rest.data.neighbours.edges].map((e: { node: { id: string } }) => e.node.id));
    expect(seen.size).toBe(253);
  });

  it('filters and sorts as asked', async () => {
    const { data } = await gql(app, QUERY, {
      id: 'hub',
      filter: { nodeKinds: ['MUNICIPALITY'], countries: ['FR'], text: 'town 1' },
      sort: { field: 'NAME', direction: 'ASC' },
      first: 3,
    });
    expect(data.neighbours.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['town-1', 'town-101', 'town-103']);
    // Names compare as text: "town 101" before "town 11". Every word must be in the name: the French (odd) towns with a 1 in their number.
    const expected = Array.from({ length: 250 }, (_, i) => i).filter((i) => i % 2 === 1 && String(i).includes('1')).length;
    expect(data.neighbours.totalCount).toBe(expected);
    // By count, descending: more odd than even numbers below 250 have a 1.
    expect(data.neighbours.byCountry).toEqual([
      { code: 'FR', count: expected },
      { code: 'BE', count: Array.from({ length: 250 }, (_, i) => i).filter((i) => i % 2 === 0 && String(i).includes('1')).length },
    ]);
  });

  it('refuses an unknown node with NOT_FOUND and a page over 500 with BAD_USER_INPUT', async () => {
    const unknown = await gql(app, QUERY, { id: 'nope' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const big = await gql(app, QUERY, { id: 'hub', first: 501 });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toContain('between 1 and 500');
  });

  it('lists a kind with the best connected first', async () => {
    const { data, errors } = await gql(app, `{ nodesOfKind(kind: MUNICIPALITY, first: 3) { totalCount edges { node { id degree } } } }`);
    expect(errors).toBeUndefined();
    expect(data.nodesOfKind.totalCount).toBe(250);
    expect(data.nodesOfKind.edges.map((e: { node: { id: string; degree: number } }) => [e.node.id, e.node.degree])).toEqual([
      ['town-104', 5],
      ['town-109', 5],
      ['town-114', 5],
    ]);
  });
});
