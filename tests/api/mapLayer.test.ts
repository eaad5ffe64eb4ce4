import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasApp } from '../../server/src/app.js';
import type { GraphNode, GraphRelation } from '../../server/src/domain/model.js';
import { createContext } from '../../server/src/context.js';
import { ANONYMOUS } from '../../server/src/auth.js';
import { portsOf } from '../../server/src/store/ports.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

const SRC = [{ source: 'test', locator: 'here', quote: 'a test' }];
const town = (id: string, country: string, at?: [number, number]): GraphNode => ({
  id,
  kind: 'MUNICIPALITY',
  name: id,
  altNames: [],
  names: [],
  level: 'MUNICIPALITY',
  country,
  sources: SRC,
  ...(at ? { latitude: at[0], longitude: at[1] } : {}),
});
const party = (from: string, to: string): GraphRelation => ({ id: `${from}--${to}`, kind: 'PARTY_TO', from, to, sources: SRC });

/** The map layer through the real Apollo server: one answer with places, links by place index, and what was left off. */
describe('mapLayer', () => {
  let app: AtlasApp;
  const store = new MemoryGraphStore();
  beforeAll(async () => {
    await store.bulkUpsert({
      nodes: [
        town('leuven', 'BE', [50.88, 4.7]),
        { ...town('rennes', 'FR', [48.11, -1.68]), names: [{ lang: 'fr', text: 'Rennes (Bretagne)', sources: SRC }] },
        town('nowhere', 'ZZ'),
        {
          id: 'leuven-rennes',
          kind: 'PARTNERSHIP',
          name: 'Leuven - Rennes',
          altNames: [],
          names: [],
          partnershipType: 'TWINNING',
          sources: SRC,
        },
        { id: 'vvsg', kind: 'ORGANIZATION', name: 'VVSG', altNames: [], names: [], orgType: 'NGO', country: 'BE', sources: SRC },
      ],
      relations: [
        party('leuven', 'leuven-rennes'),
        party('rennes', 'leuven-rennes'),
        { id: 'l-vvsg', kind: 'MEMBER_OF', from: 'leuven', to: 'vvsg', sources: SRC },
      ],
    });
    app = await openApi(store);
  });
  afterAll(() => app.apollo.stop());

  it('answers the placed municipalities, their partnerships as links, and the count left off', async () => {
    const { data, errors } = await gql(
      app,
      `{ mapLayer { places { id countryCode latitude longitude precision } links { partnership partnershipType a b } unplaced } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.mapLayer).toEqual({
      places: [
        { id: 'leuven', countryCode: 'BE', latitude: 50.88, longitude: 4.7, precision: 'EXACT' },
        { id: 'rennes', countryCode: 'FR', latitude: 48.11, longitude: -1.68, precision: 'EXACT' },
      ],
      links: [{ partnership: 'leuven-rennes', partnershipType: 'TWINNING', a: 0, b: 1 }],
      unplaced: 1,
    });
  });

  it("names each place in the reader's language, as Node.name does", async () => {
    const query = `{ mapLayer { places { id name } } }`;
    const inFrench = await app.execute({ query }, { contextValue: createContext(portsOf(store), ANONYMOUS, undefined, ['fr']) });
    const inDutch = await app.execute({ query }, { contextValue: createContext(portsOf(store), ANONYMOUS, undefined, ['nl']) });
    const places = (r: typeof inFrench) => (r.body.kind === 'single' ? r.body.singleResult.data : null);
    expect(places(inFrench)).toEqual({
      mapLayer: {
        places: [
          { id: 'leuven', name: 'leuven' },
          { id: 'rennes', name: 'Rennes (Bretagne)' },
        ],
      },
    });
    // No Dutch name: English, else the stored name.
    expect(places(inDutch)).toEqual({
      mapLayer: {
        places: [
          { id: 'leuven', name: 'leuven' },
          { id: 'rennes', name: 'rennes' },
        ],
      },
    });
  });
});
