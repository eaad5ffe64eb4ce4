import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

/** The overview field through the real Apollo server, on the seed graph. */
describe('overview API', () => {
  let app: AtlasApp;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await seedStore(store);
    app = await openApi(store);
  });
  afterAll(() => app.apollo.stop());

  it('names each group by its country node, and kinds in words', async () => {
    const { data, errors } = await gql(
      app,
      `{ byCountry: overview(firstGroups: 300) { groupBy groupCount groups { key label size node { id kind } } } byKind: overview(groupBy: KIND, firstStarts: 0) { groups { key label node { id } } starts { degree } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.byCountry.groupBy).toBe('COUNTRY');
    const be = data.byCountry.groups.find((g: { key: string }) => g.key === 'BE');
    expect(be).toMatchObject({ label: 'Belgium', node: { id: 'country-be', kind: 'COUNTRY' } });
    expect(data.byCountry.groups.length).toBe(data.byCountry.groupCount);
    const programmes = data.byKind.groups.find((g: { key: string }) => g.key === 'FUNDING_PROGRAM');
    expect(programmes).toEqual({ key: 'FUNDING_PROGRAM', label: 'Funding programs', node: null });
    expect(data.byKind.starts).toEqual([]);
  });

  it('refuses sizes out of range with BAD_USER_INPUT and says the range', async () => {
    const { errors } = await gql(app, `{ overview(firstGroups: 0) { groupCount } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toBe('"firstGroups" must be between 1 and 300 (got 0).');
    const more = await gql(app, `{ overview(firstStarts: 51) { groupCount } }`);
    expect(more.errors?.[0]?.message).toBe('"firstStarts" must be between 0 and 50 (got 51).');
  });
});
