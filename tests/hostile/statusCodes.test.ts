import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { serve, type Reply, type Served } from './harness.js';

/** Client mistakes get a 400 (or 401/404/405/413/415) with a JSON error and a stable code; never a 500. */
describe('statuses and codes for client mistakes', () => {
  let api: Served;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    api = await serve(store);
  });
  afterAll(() => api.close());

  function expectError(reply: Reply, status: number, code: string, message?: RegExp) {
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe(code);
    if (message) expect(reply.body.errors[0].message).toMatch(message);
    expect(JSON.stringify(reply.body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  }

  const LIST = 'query($n: Int) { municipalities(first: $n) { totalCount } }';

  it('bad variable values: 400 BAD_USER_INPUT', async () => {
    expectError(await api.post({ query: LIST, variables: { n: 'abc' } }), 400, 'BAD_USER_INPUT', /\$n.*Int/);
    expectError(await api.post({ query: 'query($id: ID!) { node(id: $id) { id } }' }), 400, 'BAD_USER_INPUT', /\$id.*was not provided/);
    expectError(
      await api.post({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: { evil: 1 } } }),
      400,
      'BAD_USER_INPUT',
      /\$id/,
    );
    expectError(
      await api.post({ query: 'query($k: [NodeKind!]) { search(text: "a", kinds: $k) { totalCount } }', variables: { k: ['NOT_A_KIND'] } }),
      400,
      'BAD_USER_INPUT',
      /NOT_A_KIND/,
    );
  });

  it('a fragment cycle is refused by validation, without overflowing the stack', async () => {
    const query =
      'query { node(id: "roeselare") { ...A } } fragment A on Municipality { partnerships { ...B } } fragment B on Partnership { parties { node { ...A } } }';
    expectError(await api.post({ query }), 400, 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself/);
  });

  it('fragments repeated inside fragments are measured once each, and refused past the field limit', async () => {
    const levels = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ');
    const reply = await api.post({ query: `query { ...F30 } fragment F0 on Query { stats { nodeCount } } ${levels}` });
    expectError(reply, 400, 'GRAPHQL_VALIDATION_FAILED', /selects \d+ fields once fragments are expanded; at most 1000/);
  });

  const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

  it('a document longer than 1000 tokens: 400 QUERY_TOO_COMPLEX, saying what to do instead', async () => {
    // 2,000 aliases of metrics: 26,002 tokens, parsed no further than the 1,001st.
    const reply = await api.post({ query: `{ ${aliases(2_000, 'metrics(ids: ["roeselare"]) { degree }')} }` });
    expectError(reply, 400, 'QUERY_TOO_COMPLEX', /longer than 1000 tokens.*one list field \(nodes\(ids:\), metrics\(ids:\)/);
    expect(reply.body.errors[0].extensions.max).toBe(1000);
    // Comments are not tokens: a long comment does not count.
    const commented = await api.post({ query: `# ${'x '.repeat(20_000)}\n{ stats { nodeCount } }` });
    expect(commented.status).toBe(200);
  });

  it('more than 100 aliases, fragments expanded: 400 GRAPHQL_VALIDATION_FAILED; 100 are answered', async () => {
    const field = '__typename';
    expectError(
      await api.post({ query: `{ ${aliases(101, field)} }` }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /gives 101 fields an alias once fragments are expanded; at most 100 are allowed\. Ask for many nodes with one list field \(nodes\(ids:\)/,
    );
    // 60 aliases in a fragment spread in two places are 120, and 2 more outside it.
    expectError(
      await api.post({
        query: `{ one: node(id: "roeselare") { ...F } two: node(id: "roermond") { ...F } } fragment F on Municipality { ${aliases(60, 'name')} }`,
      }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /gives 122 fields an alias/,
    );
    const reply = await api.post({ query: `{ ${aliases(100, field)} }` });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.data)).toHaveLength(100);
  });

  it('the same field repeated until graphql-js gives up validating: 400 GRAPHQL_VALIDATION_FAILED, saying what to do', async () => {
    const reply = await api.post({ query: `{ stats { ${Array.from({ length: 990 }, () => 'nodeCount').join(' ')} } }` });
    expectError(reply, 400, 'GRAPHQL_VALIDATION_FAILED', /too intricate to validate.*Ask for each field once/);
  });

  it('too deep a query is refused by validation', async () => {
    const deep = 'relations { edges { node { '.repeat(5) + 'id' + ' } } }'.repeat(5);
    expectError(
      await api.post({ query: `{ node(id: "roeselare") { ${deep} } }` }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /nests 16 levels deep; at most 12/,
    );
  });

  it('first: 2147483647 is QUERY_TOO_COMPLEX with a 400', async () => {
    expectError(await api.post({ query: LIST, variables: { n: 2147483647 } }), 400, 'QUERY_TOO_COMPLEX', /limit is 25000/);
  });

  it('a subscription is refused by validation', async () => {
    expectError(
      await api.post({ query: 'subscription { stats { nodeCount } }' }),
      400,
      'GRAPHQL_VALIDATION_FAILED',
      /Subscriptions are not offered/,
    );
  });

  it('charset=latin1, a body that is not JSON, and a GET without a query get JSON errors', async () => {
    expectError(
      await api.post(JSON.stringify({ query: '{ stats { nodeCount } }' }), { 'content-type': 'application/json; charset=latin1' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      /UTF-8/,
    );
    expectError(await api.post('{"query": ', { 'content-type': 'application/json' }), 400, 'BAD_REQUEST', /not valid JSON/);
    expectError(await api.post('query=1', { 'content-type': 'text/plain' }), 400, 'BAD_REQUEST');
    expectError(await api.get('/graphql', { accept: 'application/json' }), 400, 'BAD_REQUEST');
    expectError(await api.get('/graphql/nope'), 404, 'NOT_FOUND');
    const put = await fetch(`${api.url}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(405);
    expect((await put.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a bad token: 401 with WWW-Authenticate', async () => {
    const reply = await api.post({ query: '{ stats { nodeCount } }' }, { authorization: 'Bearer not-a-token-of-ours-at-all' });
    expectError(reply, 401, 'UNAUTHENTICATED');
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="Cooperation Atlas", error="invalid_token"');
    const editing = await api.post({
      query: 'mutation { deleteNode(id: "roeselare", source: { source: "fixture", locator: "x", quote: "a quote" }) { id } }',
    });
    expect(editing.status).toBe(401);
    expect(editing.headers.get('www-authenticate')).toBe('Bearer realm="Cooperation Atlas"');
  });

  it('a well-formed query still answers 200', async () => {
    const reply = await api.post({ query: LIST, variables: { n: 2 } });
    expect(reply.status).toBe(200);
    expect(reply.body.data.municipalities.totalCount).toBeGreaterThan(2);
  });
});

describe('HTTP hygiene', () => {
  let api: Served;
  beforeAll(async () => {
    api = await serve(new MemoryGraphStore());
  });
  afterAll(() => api.close());

  it('sends security headers, a CSP without inline scripts among them', async () => {
    const reply = await api.get('/healthz');
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(reply.headers.get('x-frame-options')).toBe('DENY');
  });

  it('GraphiQL has no inline script: its start script is a file', async () => {
    const page = await api.get('/graphql', { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/);
    expect(page.body).toContain('<script src="/graphiql/start.js"></script>');
    const start = await api.get('/graphiql/start.js');
    expect(start.status).toBe(200);
    expect(start.body).toContain('GraphiQL.createFetcher');
  });

  it('unknown files are 404, the bench page is never served, app pages are not 404', async () => {
    for (const path of ['/.env', '/nope.js', '/bench.html', '/bench', '/assets/nope.js', '/a/b.json']) {
      expect((await api.get(path, { accept: 'text/html' })).status, path).toBe(404);
    }
    for (const path of ['/', '/explore', '/m/roeselare']) {
      expect([200, 503], path).toContain((await api.get(path, { accept: 'text/html' })).status);
    }
  });

  it('healthz is liveness; readyz says whether the store serves', async () => {
    expect((await api.get('/healthz')).body).toEqual({ status: 'ok', store: 'memory' });
    expect((await api.get('/readyz')).body).toEqual({ status: 'ready', store: 'memory' });
  });
});
