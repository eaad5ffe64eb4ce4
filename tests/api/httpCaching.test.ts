import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { TokenTable } from '../../server/src/auth.js';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';

const EDITOR = 'editor-token-for-the-caching-test-0123456789';
const TOKENS = TokenTable.parse(`editor:alice:${EDITOR}`, 'ATLAS_TOKENS');
const QUERY = '{ node(id: "roeselare") { id name } }';

/** Read-only queries over GET: an ETag tied to the graph's version, revalidated with a 304. */
describe('HTTP caching of GET queries', () => {
  let app: AtlasApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    app = await createApp(portsOf(store), { tokens: TOKENS });
    server = await new Promise<Server>((resolve) => {
      const s = app.http.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await app.apollo.stop();
  });

  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${base}?query=${encodeURIComponent(query)}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...headers },
    });

  it('answers with an ETag and no-cache, then 304 while the graph is unchanged', async () => {
    const first = await get(QUERY);
    expect(first.status).toBe(200);
    expect((await first.json()).data.node.name).toBe('Roeselare');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await get(QUERY, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another query has another tag.
    const other = await get('{ node(id: "liege") { id name } }', { 'if-none-match': etag! });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
  });

  it('gives a new tag once the graph changes, and keeps answers to a token private', async () => {
    const before = (await get(QUERY)).headers.get('etag')!;
    const edit = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
      body: JSON.stringify({
        query:
          'mutation { updateNode(id: "roeselare", patch: { foundedYear: 1100 }, source: { source: "fixture", locator: "p. 1", quote: "a test" }) { node { id } } }',
      }),
    });
    expect((await edit.json()).errors).toBeUndefined();
    const after = await get(QUERY, { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    const withToken = await get(QUERY, { authorization: `Bearer ${EDITOR}` });
    expect(withToken.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('still refuses a mutation over GET, without a tag', async () => {
    const reply = await get(
      'mutation { deleteNode(id: "roeselare", source: { source: "fixture", locator: "p. 1", quote: "a test" }) { id } }',
      { authorization: `Bearer ${EDITOR}` },
    );
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.headers.get('etag')).toBeNull();
    expect((await get(QUERY)).status).toBe(200);
  });
});
