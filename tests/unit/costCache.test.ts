import { describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CostCache, variableShape } from '../../server/src/validation/costCache.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { gql, openApi } from '../helpers/api.js';

describe('the shape of variables that a cost may depend on', () => {
  it('keeps numbers, booleans, nulls, missing values and list lengths, and blanks strings', () => {
    expect(variableShape({ ids: ['roeselare'], depth: 1 })).toBe(variableShape({ depth: 1, ids: ['dogbo'] }));
    expect(variableShape({ first: 10 })).not.toBe(variableShape({ first: 100 }));
    expect(variableShape({ ids: ['a'] })).not.toBe(variableShape({ ids: ['a', 'b'] }));
    expect(variableShape({ withPeers: true })).not.toBe(variableShape({ withPeers: false }));
    expect(variableShape({ first: null })).not.toBe(variableShape({}));
    expect(variableShape({ filter: { years: { from: 2000 } } })).not.toBe(variableShape({ filter: { years: { from: 2001 } } }));
  });
});

describe('CostCache', () => {
  it('computes once per key, keeps at most its bound, and drops the least recently used first', () => {
    const cache = new CostCache(2);
    let computed = 0;
    const cost = (n: number) => () => {
      computed++;
      return n;
    };
    expect(cache.get('a', cost(1))).toBe(1);
    expect(cache.get('a', cost(99))).toBe(1);
    expect(cache.get('b', cost(2))).toBe(2);
    expect(cache.get('a', cost(99))).toBe(1); // a is now the most recently used
    expect(cache.get('c', cost(3))).toBe(3); // b goes
    expect(cache.size).toBe(2);
    expect(cache.get('b', cost(20))).toBe(20);
    expect(computed).toBe(4);
  });

  it('does not keep keys of huge variables', () => {
    expect(CostCache.key('hash', 'Op', { ids: Array.from({ length: 5_000 }, (_, i) => `n${i}`) })).toBeUndefined();
    expect(CostCache.key('hash', 'Op', { ids: ['n1'] })).toBeDefined();
  });
});

describe('the cost check through the API, with the estimate cached', () => {
  it('refuses the same document with a larger page size after a cheaper one passed, and the reverse', async () => {
    const store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    const app = await openApi(store);
    const query = `query Wide($n: Int, $m: Int) {
      search(text: "r", first: $n) { edges { node { relations(first: $m) { edges { node { relations(first: $m) { totalCount } } } } } } }
    }`;
    for (let round = 0; round < 2; round++) {
      const cheap = await gql(app, query, { n: 2, m: 2 });
      expect(cheap.errors).toBeUndefined();
      const wide = await gql(app, query, { n: 100, m: 100 });
      expect(wide.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      // The complexity it reports is the one of these variables (100 × 100 × 100 lists), not the cheap one's.
      expect(wide.errors?.[0]?.extensions?.complexity).toBeGreaterThan(1_000_000);
    }
    await app.apollo.stop();
  });
});
