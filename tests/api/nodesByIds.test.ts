import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

/** nodes(ids): what the explorer asks on a language switch, to rename the nodes it holds (id and name only). */
describe('nodes(ids)', () => {
  let app: AtlasApp;
  let store: MemoryGraphStore;
  beforeAll(async () => {
    store = new MemoryGraphStore();
    await seedStore(store);
    app = await openApi(store);
  });
  afterAll(async () => {
    await app.apollo.stop();
    await store.close();
  });

  const NAMES = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id name kind } }';

  it('answers in the order asked, null for an unknown id, once per id asked', async () => {
    const r = await gql(app, NAMES, { ids: ['vvsg', 'no-such-node', 'roeselare', 'vvsg'] });
    expect(r.errors).toBeUndefined();
    expect(r.data.nodes).toEqual([
      { id: 'vvsg', name: expect.stringContaining('VVSG'), kind: 'ORGANIZATION' },
      null,
      { id: 'roeselare', name: 'Roeselare', kind: 'MUNICIPALITY' },
      { id: 'vvsg', name: expect.stringContaining('VVSG'), kind: 'ORGANIZATION' },
    ]);
  });

  it('refuses more than 2,000 ids with BAD_USER_INPUT, saying the limit', async () => {
    const ids = Array.from({ length: 2001 }, (_, i) => `n${i}`);
    const r = await gql(app, NAMES, { ids });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toContain('at most 2000');
  });
});
