import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AtlasApp } from '../../server/src/app.js';
import { StoreUnavailableError } from '../../server/src/store/GraphStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

/** How store failures reach a client, whatever the store: without needing a Neo4j to break. */
describe('store failures through the API', () => {
  let app: AtlasApp;
  const store = new MemoryGraphStore();
  beforeAll(async () => {
    app = await openApi(store);
  });
  afterAll(() => app.apollo.stop());

  it("answers SERVICE_UNAVAILABLE, per field, with the store's message and what to do", async () => {
    const down = async () => {
      throw new StoreUnavailableError('The graph database (Neo4j at bolt://db:7687) cannot be reached.');
    };
    vi.spyOn(store, 'getNodes').mockImplementation(down);
    vi.spyOn(store, 'getRelations').mockImplementation(down);
    // Two nullable fields, so that neither failure cuts the other short.
    const { data, errors } = await gql(app, '{ node(id: "roeselare") { id } relation(id: "r1") { id } }');
    expect(data).toEqual({ node: null, relation: null });
    expect(errors).toEqual([
      {
        message: 'The graph database (Neo4j at bolt://db:7687) cannot be reached. Try again in a moment.',
        path: ['relation'],
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
      {
        message: 'The graph database (Neo4j at bolt://db:7687) cannot be reached. Try again in a moment.',
        path: ['node'],
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ]);
    vi.restoreAllMocks();
  });

  it('answers INTERNAL_SERVER_ERROR without details for anything unexpected, and logs it', async () => {
    vi.spyOn(store, 'search').mockRejectedValue(new TypeError('secret detail'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { errors } = await gql(app, '{ search(text: "roes") { totalCount } }');
    expect(errors).toEqual([
      {
        message: 'Internal server error. It has been logged; please try again or report it.',
        path: ['search'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(logged).toHaveBeenCalledWith('Unexpected error while serving a request:', expect.any(TypeError));
    vi.restoreAllMocks();
  });
});
