import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { EDITOR, serve, SOURCE, type Served } from './harness.js';

const CREATE = `mutation Create($input: NodeInput!, $source: ProvenanceInput!) { createNode(input: $input, source: $source) { node { id name description } } }`;

describe('input hygiene: names and texts that exports could not hold are refused', () => {
  let store: MemoryGraphStore;
  let api: Served;
  beforeAll(async () => {
    store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    api = await serve(store);
  });
  afterAll(() => api.close());

  const create = (input: Record<string, unknown>, source: Record<string, unknown> = SOURCE) =>
    api.post({ query: CREATE, variables: { input: { kind: 'THEME', ...input }, source } }, { authorization: `Bearer ${EDITOR}` });

  async function refused(input: Record<string, unknown>, message: RegExp, source?: Record<string, unknown>) {
    const before = (await store.stats()).nodeCount;
    const reply = await create(input, source);
    expect(reply.status).toBe(200);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reply.body.errors[0].message).toMatch(message);
    expect((await store.stats()).nodeCount).toBe(before);
  }

  it('refuses NUL, ESC and a lone surrogate in a name, saying which and where', async () => {
    await refused({ name: 'Nul\u0000town' }, /name: contains the control character U\+0000 at position 4/);
    await refused({ name: '\u001b[31mRed' }, /name: contains the control character U\+001B at position 1/);
    await refused({ name: 'Half \ud800 pair' }, /name: contains a lone surrogate \(U\+D800\)/);
  });

  it('refuses control characters in alternative names, descriptions and source quotes', async () => {
    await refused({ name: 'Fine', altNames: ['ok', 'b\u0007ell'] }, /altNames\.1: contains the control character U\+0007/);
    await refused({ name: 'Fine', description: 'a\u0000b' }, /description: contains the control character U\+0000/);
    await refused({ name: 'Fine' }, /quote: contains the control character U\+0000/, { ...SOURCE, quote: 'as the \u0000 fixture says' });
  });

  it('refuses a 100,000-character name and an over-long description', async () => {
    await refused({ name: 'x'.repeat(100_000) }, /name: is 100000 characters long; at most 300/);
    await refused({ name: 'Fine', description: 'd'.repeat(10_001) }, /description: is 10001 characters long; at most 10000/);
  });

  it('keeps line breaks in a description and any script in a name', async () => {
    const reply = await create({ name: 'Bağcılar 北京 🎉', description: 'First line.\nSecond line.' });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data.createNode.node).toMatchObject({ name: 'Bağcılar 北京 🎉', description: 'First line.\nSecond line.' });
  });

  it('refuses a control character brought in by an update', async () => {
    const reply = await api.post(
      {
        query: `mutation($s: ProvenanceInput!) { updateNode(id: "roeselare", patch: { name: "Roese\\u0000lare" }, source: $s) { node { name } } }`,
        variables: { s: SOURCE },
      },
      { authorization: `Bearer ${EDITOR}` },
    );
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await store.getNodes(['roeselare']))[0]?.name).toBe('Roeselare');
  });
});
