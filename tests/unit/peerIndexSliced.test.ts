import { describe, expect, it } from 'vitest';
import { PeerIndex, type PeerQuery } from '../../server/src/store/analysis/peerIndex.js';
import type { MunicipalityFeatures } from '../../server/src/store/analysis/features.js';
import { AdjacencyPeers } from '../../server/src/store/memory/AdjacencyPeers.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { twinStore } from '../hostile/twinGraph.js';

describe('PeerIndex.building: the same index in slices', () => {
  it('answers as the index built at once, and pauses many times on a twin-cities-size graph', async () => {
    const store = await twinStore(new MemoryGraphStore());
    const atOnce = new AdjacencyPeers(store.graph, (id) => id).peerIndex();
    // The index's inputs, as the Neo4j adapter reads them.
    const info = (atOnce as unknown as { info: readonly MunicipalityFeatures[] }).info;
    const work = PeerIndex.building(atOnce.municipalities, info);
    let pauses = 0;
    let step = work.next();
    while (!step.done) {
      pauses++;
      step = work.next();
    }
    const sliced = step.value;
    expect(pauses).toBeGreaterThan(20);
    expect(sliced.size).toBe(9_000);
    for (const id of ['city-0', 'city-1', 'city-17', 'city-4500'])
      for (const metric of ['JACCARD', 'ADAMIC_ADAR', 'OVERLAP'] as const) {
        const query: PeerQuery = {
          id,
          first: 10,
          metric,
          weighting: 'RARITY',
          bases: ['PARTNER_COUNTRIES', 'PARTNER_MUNICIPALITIES'],
          excludePartners: true,
          excludeDirectTies: false,
          onlyPartners: false,
        };
        const expected = atOnce.query(query);
        expect(expected.length).toBeGreaterThan(0);
        expect(sliced.query(query)).toEqual(expected);
      }
  }, 60_000);
});
