import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/src/store/GraphStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { twinGraph } from '../hostile/twinGraph.js';
import { analyticsContract } from './analyticsContract.js';

/** The embedded store's peers and suggestions computed in the peers worker (docs/adr/0024): same contract. */
const stores: MemoryGraphStore[] = [];
function workerStore(): MemoryGraphStore {
  const store = new MemoryGraphStore();
  store.analytics.workerFrom = 0;
  stores.push(store);
  return store;
}
afterAll(async () => {
  for (const store of stores) await store.close();
});

analyticsContract('embedded (memory), peers in the worker', async () => portsOf(workerStore()), { randomRuns: 15 });

describe('the peers worker on a graph of twin-cities size', () => {
  it('answers exactly what this thread computes, before and after an edit', { timeout: 120_000 }, async () => {
    const graph = twinGraph();
    const here = new MemoryGraphStore();
    here.analytics.workerFrom = Infinity;
    const there = workerStore();
    for (const store of [here, there]) await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
    const ask = (store: MemoryGraphStore, id: string) =>
      Promise.all([
        store.analytics.similarMunicipalities({ id, first: 20, metric: 'JACCARD', bases: ['PARTNER_MUNICIPALITIES', 'PARTNER_COUNTRIES'] }),
        store.analytics.similarMunicipalities({ id, first: 5, metric: 'ADAMIC_ADAR', bases: ['PARTNER_COUNTRIES'], onlyPartners: true }),
        store.analytics.suggestPartners({ id, first: 10 }),
      ]);
    for (const id of ['city-0', 'city-8999']) {
      const expected = await ask(here, id);
      expect(expected[0]).toHaveLength(20);
      expect(expected[2].length).toBeGreaterThan(0);
      expect(await ask(there, id)).toEqual(expected);
    }
    // city-1 leaves its first partnership: both stores change, the worker gets the new version.
    const [first] = [...graph.relations].filter((r) => r.from === 'city-1' && r.kind === 'PARTY_TO');
    for (const store of [here, there]) await store.applyChanges({ deleteRelations: [first!.id] });
    const expected = await ask(here, 'city-1');
    expect(await ask(there, 'city-1')).toEqual(expected);
  });
});

describe('the peers worker when the store closes', () => {
  it('answers a query still waiting SERVICE_UNAVAILABLE (a shutdown, not a server fault); a later query starts another worker', async () => {
    const graph = twinGraph();
    const store = workerStore();
    await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
    const query = { id: 'city-0', first: 5, metric: 'JACCARD', bases: ['PARTNER_MUNICIPALITIES'] } as const;
    const answer = await store.analytics.similarMunicipalities(query);
    expect(answer).toHaveLength(5);
    // The worker has the graph: a query is posted to it within a turn, and its answer cannot come
    // back before the next one, when the store has closed under it.
    const waiting = store.analytics.similarMunicipalities(query);
    await new Promise((resolve) => setImmediate(resolve));
    const refused = waiting.then(
      () => 'answered',
      (e: unknown) => e,
    );
    await store.close();
    const error = await refused;
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/closing/) });
    expect(await store.analytics.similarMunicipalities(query)).toEqual(answer);
  }, 120_000);
});
