import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { readTokens, TokenTable } from '../../server/src/auth.js';
import { ConfigError } from '../../server/src/config.js';
import { portsOf, type GraphAdapter } from '../../server/src/store/ports.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { neo4jTarget, openSharedNeo4jStore } from '../setup/neo4j.js';

const EDITOR = 'editor-token-0123456789abcdef';
const READER = 'reader-token-0123456789abcdef';
const TOKENS = TokenTable.parse(`editor:alice:${EDITOR}\nreader:dashboard:${READER}`, 'ATLAS_TOKENS');
const SOURCE = '{ source: "fixture", locator: "p. 3", quote: "as the fixture says" }';

interface Reply {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

/** The real HTTP stack (express, body limits, the Authorization header), on a local port. */
async function listen(
  store: GraphAdapter,
): Promise<{ app: AtlasApp; server: Server; post: (query: string, token?: string, variables?: object) => Promise<Reply> }> {
  const app = await createApp(portsOf(store), { tokens: TOKENS });
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, token?: string, variables?: object): Promise<Reply> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };
  return { app, server, post };
}

const MUTATIONS: Record<string, string> = {
  createNode: `mutation { createNode(input: { kind: MUNICIPALITY, name: "Ypres", level: CITY, country: "BE" }, source: ${SOURCE}) { node { id } } }`,
  updateNode: `mutation { updateNode(id: "roeselare", patch: { foundedYear: 1100 }, source: ${SOURCE}) { node { id } } }`,
  setName: `mutation { setName(id: "roeselare", lang: "fr", text: "Roulers", source: ${SOURCE}) { node { id } } }`,
  deleteNode: `mutation { deleteNode(id: "roermond", source: ${SOURCE}) { id } }`,
  mergeNodes: `mutation { mergeNodes(keep: "liege", merge: "sint-niklaas", source: ${SOURCE}) { node { id } } }`,
  createRelation: `mutation { createRelation(input: { kind: MEMBER_OF, from: "roermond", to: "net-1" }, source: ${SOURCE}) { relation { id } } }`,
  updateRelation: `mutation { updateRelation(id: "roeselare--member-of--net-1", patch: { role: "founder" }, source: ${SOURCE}) { relation { id } } }`,
  deleteRelation: `mutation { deleteRelation(id: "roeselare--member-of--net-1", source: ${SOURCE}) { id } }`,
  importData: `mutation { importData(input: { fileName: "m.csv", content: "member,country,network\\nYpres,Belgium,Climate Net\\n", apply: true }) { applied } }`,
};

describe('API tokens', () => {
  let store: MemoryGraphStore;
  let api: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    api = await listen(store);
  });
  afterAll(async () => {
    api.server.close();
    await api.app.apollo.stop();
  });

  it('reads without a token, as an anonymous reader', async () => {
    const reply = await api.post('{ viewer { name role } node(id: "roeselare") { name } }');
    expect(reply.data).toEqual({ viewer: { name: 'anonymous', role: 'READER' }, node: { name: 'Roeselare' } });
  });

  it('knows who an editor is', async () => {
    expect((await api.post('{ viewer { name role } }', EDITOR)).data.viewer).toEqual({ name: 'alice', role: 'EDITOR' });
  });

  it('refuses a wrong or malformed token with 401 UNAUTHENTICATED, even for reading', async () => {
    const wrong = await api.post('{ viewer { name } }', 'not-a-valid-token-at-all');
    expect(wrong.status).toBe(401);
    expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.errors![0]!.message).toMatch(/not valid.*without a token the API is read-only/);
  });

  for (const [name, mutation] of Object.entries(MUTATIONS)) {
    it(`${name}: UNAUTHENTICATED without a token, FORBIDDEN with a reader's, and nothing changes`, async () => {
      const before = { stats: await store.stats(), changes: (await store.listChanges({ first: 100, offset: 0 })).totalCount };
      const anonymous = await api.post(mutation);
      expect(anonymous.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(anonymous.errors![0]!.message).toMatch(/Authorization: Bearer <token>/);
      const reader = await api.post(mutation, READER);
      expect(reader.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(reader.errors![0]!.message).toMatch(/"dashboard" may only read/);
      expect({ stats: await store.stats(), changes: (await store.listChanges({ first: 100, offset: 0 })).totalCount }).toEqual(before);
    });
  }

  it("keeps a reader's request body small, an editor's large enough for an import", async () => {
    const big = `member,country,network\n${'Ypres,Belgium,Climate Net\n'.repeat(8_000)}`;
    const query = 'mutation($c: String!) { importData(input: { fileName: "m.csv", content: $c }) { rows } }';
    expect((await api.post(query, READER, { c: big })).status).toBe(413);
    expect((await api.post(query, EDITOR, { c: big })).data.importData.rows).toBe(8_000);
  });

  it('reads tokens from the configuration, refusing weak or malformed entries with the fix', () => {
    expect(readTokens({}).size).toBe(0);
    expect(readTokens({ ATLAS_TOKENS: `editor:alice:${EDITOR}, reader:bob:${READER}` }).size).toBe(2);
    expect(() => readTokens({ ATLAS_TOKENS: 'editor:alice:short' })).toThrow(ConfigError);
    expect(() => readTokens({ ATLAS_TOKENS: 'editor:alice:short' })).toThrow(
      /ATLAS_TOKENS entry 1 \(alice\) has a token shorter than 16 characters.*openssl rand/,
    );
    expect(() => readTokens({ ATLAS_TOKENS: `admin:alice:${EDITOR}` })).toThrow(/role "admin"/);
    expect(() => readTokens({ ATLAS_TOKENS: `editor:a:${EDITOR},editor:b:${EDITOR}` })).toThrow(/repeats a token/);
    expect(() => readTokens({ ATLAS_TOKENS_FILE: '/no/such/file' })).toThrow(/ATLAS_TOKENS_FILE names \/no\/such\/file/);
  });
});

interface StoreFactory {
  name: string;
  skipReason?: string;
  open(): Promise<{ store: GraphAdapter; close(): Promise<void> }>;
}

const STORES: StoreFactory[] = [
  { name: 'memory', open: async () => ({ store: new MemoryGraphStore(), close: async () => {} }) },
  {
    name: 'neo4j',
    skipReason: neo4jTarget().skipReason,
    open: async () => {
      const shared = await openSharedNeo4jStore();
      return { store: shared.store, close: shared.release };
    },
  },
];

for (const factory of STORES) {
  describe.skipIf(factory.skipReason !== undefined)(`editing through the API on the ${factory.name} store`, () => {
    let store: GraphAdapter;
    let close = async () => {};
    let api: Awaited<ReturnType<typeof listen>>;
    const edit = (query: string) => api.post(query, EDITOR);
    beforeAll(async () => {
      ({ store, close } = await factory.open());
      api = await listen(store);
    });
    beforeEach(async () => {
      await store.clear();
      await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    });
    afterAll(async () => {
      api?.server.close();
      await api?.app.apollo.stop();
      await close();
    });

    it('creates a node with its source, its LOCATED_IN, and a change record with before and after', async () => {
      const reply =
        await edit(`mutation { createNode(input: { kind: MUNICIPALITY, name: "Ypres", altNames: ["Ieper"], level: CITY, country: "BE" }, source: ${SOURCE}) {
        node { id name sources { locator quote importedAt source { id } } ... on Municipality { country { code } } }
        change { action actor subject before after source { id } } } }`);
      expect(reply.errors).toBeUndefined();
      const { node, change } = reply.data.createNode;
      expect(node).toMatchObject({
        id: 'ypres',
        name: 'Ypres',
        country: { code: 'BE' },
        sources: [{ locator: 'p. 3', quote: 'as the fixture says', source: { id: 'fixture' } }],
      });
      expect(Date.parse(node.sources[0].importedAt)).not.toBeNaN();
      expect(change).toMatchObject({ action: 'CREATE_NODE', actor: 'alice', subject: 'ypres', before: null, source: { id: 'fixture' } });
      expect(JSON.parse(change.after)).toMatchObject({ id: 'ypres', altNames: ['Ieper'] });
      expect((await store.getRelations(['ypres--located-in--country-be']))[0]).not.toBeNull();
    });

    it('validates as strictly as the seed files', async () => {
      const noLevel = await edit(
        `mutation { createNode(input: { kind: MUNICIPALITY, name: "Ypres", country: "BE" }, source: ${SOURCE}) { node { id } } }`,
      );
      expect(noLevel.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input' } });
      expect(noLevel.errors![0]!.message).toMatch(/level/);
      const noCountryNode = await edit(
        `mutation { createNode(input: { kind: MUNICIPALITY, name: "Paris", level: CITY, country: "FR" }, source: ${SOURCE}) { node { id } } }`,
      );
      expect(noCountryNode.errors![0]!.message).toMatch(/country "FR" has no COUNTRY node/);
      const notASource = await edit(
        `mutation { createNode(input: { kind: THEME, name: "Health" }, source: { source: "roeselare", locator: "x", quote: "a quote here" }) { node { id } } }`,
      );
      expect(notASource.errors![0]!.message).toMatch(/"roeselare" is not a SOURCE node/);
      const wrongEnd = await edit(
        `mutation { createRelation(input: { kind: PARTY_TO, from: "roeselare", to: "net-1" }, source: ${SOURCE}) { relation { id } } }`,
      );
      expect(wrongEnd.errors![0]!.message).toMatch(/a PARTY_TO relationship cannot point to a NETWORK/);
      const dangling = await edit(
        `mutation { createRelation(input: { kind: MEMBER_OF, from: "roeselare", to: "atlantis" }, source: ${SOURCE}) { relation { id } } }`,
      );
      expect(dangling.errors![0]!.message).toMatch(/no node has the id "atlantis"/);
      expect((await store.stats()).nodeCount).toBe(26);
    });

    it("updates fields, moves LOCATED_IN with the country, clears fields, and lists the node's changes", async () => {
      const reply = await edit(
        `mutation { updateNode(id: "roermond", patch: { name: "Roermond (NL)", country: "BE", foundedYear: 1232 }, source: ${SOURCE}) { node { name } } }`,
      );
      expect(reply.errors).toBeUndefined();
      expect(await store.getRelations(['roermond--located-in--country-de', 'roermond--located-in--country-be'])).toMatchObject([
        null,
        { to: 'country-be' },
      ]);
      await edit(`mutation { updateNode(id: "roermond", patch: {}, clear: ["foundedYear"], source: ${SOURCE}) { node { name } } }`);
      expect((await store.getNodes(['roermond']))[0]!.foundedYear).toBeUndefined();
      const changes = await api.post('{ changes(nodeId: "roermond") { totalCount edges { node { action before after } } } }');
      expect(changes.data.changes.totalCount).toBe(2);
      const [latest, first] = changes.data.changes.edges.map((e: { node: { before: string; after: string } }) => e.node);
      expect(JSON.parse(first.before)).toMatchObject({ name: 'Roermond', country: 'DE' });
      expect(JSON.parse(first.after)).toMatchObject({ name: 'Roermond (NL)', country: 'BE', foundedYear: 1232 });
      expect(JSON.parse(latest.after).foundedYear).toBeUndefined();
    });

    it("sets, re-cites and removes a node's name in one language, each name with its own source, and records each change", async () => {
      const named = await edit(
        `mutation { setName(id: "roeselare", lang: "fr-BE", text: "Roulers", source: ${SOURCE}) { node { name(lang: "fr") names { lang text sources { locator source { id } } } } change { action summary } } }`,
      );
      expect(named.errors).toBeUndefined();
      expect(named.data.setName.node).toEqual({
        name: 'Roulers',
        names: [{ lang: 'fr', text: 'Roulers', sources: [{ locator: 'p. 3', source: { id: 'fixture' } }] }],
      });
      expect(named.data.setName.change).toEqual({ action: 'UPDATE_NODE', summary: 'named MUNICIPALITY "Roeselare" "Roulers" in fr' });
      // The same text from another place adds the citation; another text replaces the name and its sources.
      await edit(
        `mutation { setName(id: "roeselare", lang: "fr", text: "Roulers", source: { source: "fixture", locator: "p. 9", quote: "Roulers again" }) { node { id } } }`,
      );
      expect((await store.getNodes(['roeselare']))[0]!.names.map((n) => [n.lang, n.text, n.sources.map((p) => p.locator)])).toEqual([
        ['fr', 'Roulers', ['p. 3', 'p. 9']],
      ]);
      await edit(`mutation { setName(id: "roeselare", lang: "nl", text: "Roeselare", source: ${SOURCE}) { node { id } } }`);
      await edit(`mutation { setName(id: "roeselare", lang: "fr", text: "Roulers (Flandre)", source: ${SOURCE}) { node { id } } }`);
      expect((await store.getNodes(['roeselare']))[0]!.names.map((n) => [n.lang, n.text, n.sources.length])).toEqual([
        ['fr', 'Roulers (Flandre)', 1],
        ['nl', 'Roeselare', 1],
      ]);
      const removed = await edit(
        `mutation { setName(id: "roeselare", lang: "fr", text: null, source: ${SOURCE}) { node { names { lang } } } }`,
      );
      expect(removed.data.setName.node.names).toEqual([{ lang: 'nl' }]);
      expect((await api.post('{ changes(nodeId: "roeselare") { totalCount } }')).data.changes.totalCount).toBe(5);

      const notALanguage = await edit(`mutation { setName(id: "roeselare", lang: "*", text: "x", source: ${SOURCE}) { node { id } } }`);
      expect(notALanguage.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'lang' } });
      expect(notALanguage.errors![0]!.message).toMatch(/language code such as "nl"/);
      const nothingToRemove = await edit(
        `mutation { setName(id: "roeselare", lang: "de", text: null, source: ${SOURCE}) { node { id } } }`,
      );
      expect(nothingToRemove.errors![0]!.message).toMatch(/has no name in "de": there is nothing to remove/);
      const control = await edit(
        `mutation { setName(id: "roeselare", lang: "de", text: "Rou\\u0000lers", source: ${SOURCE}) { node { id } } }`,
      );
      expect(control.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect((await store.getNodes(['roeselare']))[0]!.names.map((n) => n.lang)).toEqual(['nl']);
    });

    it('deletes a node with its relationships, keeping them in the change record', async () => {
      const reply = await edit(`mutation { deleteNode(id: "roeselare", source: ${SOURCE}) { id change { before nodeIds } } }`);
      expect(reply.errors).toBeUndefined();
      expect(JSON.parse(reply.data.deleteNode.change.before).relations).toHaveLength(5);
      expect(reply.data.deleteNode.change.nodeIds).toContain('net-1');
      expect(await store.getNodes(['roeselare'])).toEqual([null]);
      expect(await store.getDegrees(['net-1'])).toEqual([1]);
      const refused = await edit(`mutation { deleteNode(id: "country-be", source: ${SOURCE}) { id } }`);
      expect(refused.errors![0]!.message).toMatch(/Nodes are located in "country-be"/);
      expect((await edit(`mutation { deleteNode(id: "fixture", source: ${SOURCE}) { id } }`)).errors![0]!.message).toMatch(/is a SOURCE/);
      expect((await edit(`mutation { deleteNode(id: "atlantis", source: ${SOURCE}) { id } }`)).errors![0]).toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    });

    it('merges two nodes that are the same entity', async () => {
      // Sint-Niklaas as a second record of Liège: its relationships move, its name becomes an alternative name.
      const reply = await edit(
        `mutation { mergeNodes(keep: "liege", merge: "sint-niklaas", source: ${SOURCE}) { node { id altNames degree } change { action nodeIds } } }`,
      );
      expect(reply.errors).toBeUndefined();
      expect(reply.data.mergeNodes.node).toMatchObject({ id: 'liege', altNames: ['Luik', 'Lüttich', 'Sint-Niklaas'] });
      expect(reply.data.mergeNodes.change).toEqual({ action: 'MERGE_NODES', nodeIds: ['liege', 'sint-niklaas'] });
      expect(await store.getNodes(['sint-niklaas'])).toEqual([null]);
      // Liège had 4 (LOCATED_IN, 2 x MEMBER_OF/PARTICIPATES_IN, ...); Sint-Niklaas brings PARTY_TO and PARTICIPATES_IN; both LOCATED_IN Belgium join.
      const relations = await store.relationsOfNodes(['liege']);
      expect(relations.map((r) => r.id)).toEqual(
        expect.arrayContaining(['liege--party-to--p-sint-tamba', 'liege--participates-in--prog-1', 'liege--located-in--country-be']),
      );
      expect(relations.filter((r) => r.kind === 'LOCATED_IN')).toHaveLength(1);
      const refused = await edit(`mutation { mergeNodes(keep: "liege", merge: "net-1", source: ${SOURCE}) { node { id } } }`);
      expect(refused.errors![0]!.message).toMatch(/only nodes of one kind/);
    });

    it('creates, updates and deletes a relationship', async () => {
      const created = await edit(
        `mutation { createRelation(input: { kind: MEMBER_OF, from: "roermond", to: "net-1", role: "observer" }, source: ${SOURCE}) { relation { id role } } }`,
      );
      expect(created.data.createRelation.relation).toEqual({ id: 'roermond--member-of--net-1', role: 'observer' });
      const again = await edit(
        `mutation { createRelation(input: { kind: MEMBER_OF, from: "roermond", to: "net-1" }, source: ${SOURCE}) { relation { id } } }`,
      );
      expect(again.errors![0]!.message).toMatch(/exists already/);
      const updated = await edit(
        `mutation { updateRelation(id: "roermond--member-of--net-1", patch: { since: 2020 }, clear: ["role"], source: ${SOURCE}) { relation { role since } } }`,
      );
      expect(updated.data.updateRelation.relation).toEqual({ role: null, since: 2020 });
      await edit(`mutation { deleteRelation(id: "roermond--member-of--net-1", source: ${SOURCE}) { id } }`);
      expect(await store.getRelations(['roermond--member-of--net-1'])).toEqual([null]);
      const log = await api.post('{ changes(nodeId: "net-1") { edges { node { action } } } }');
      expect(log.data.changes.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual([
        'DELETE_RELATION',
        'UPDATE_RELATION',
        'CREATE_RELATION',
      ]);
    });

    it('imports inline: a dry run first, then applied as one change', async () => {
      const content = 'member,country,network\\nYpres,Belgium,Climate Net\\nRoeselare,BE,Climate Net\\nGhent,Atlantis,Climate Net\\n';
      const dry = await edit(
        `mutation { importData(input: { fileName: "members.csv", content: "${content}" }) { applied rows createdNodes { kind count } skipped { reason rows } text } }`,
      );
      expect(dry.errors).toBeUndefined();
      expect(dry.data.importData).toMatchObject({
        applied: false,
        rows: 3,
        createdNodes: expect.arrayContaining([{ kind: 'MUNICIPALITY', count: 1 }]),
      });
      expect(dry.data.importData.skipped).toEqual([{ reason: expect.stringMatching(/"Atlantis"/), rows: ['line 4'] }]);
      expect(await store.getNodes(['ypres-be'])).toEqual([null]);
      const applied = await edit(
        `mutation { importData(input: { fileName: "members.csv", content: "${content}", apply: true }) { applied } }`,
      );
      expect(applied.data.importData.applied).toBe(true);
      expect((await store.getRelations(['ypres-be--member-of--net-1']))[0]).not.toBeNull();
      const bad = await edit(
        'mutation { importData(input: { fileName: "x.csv", content: "city1,country1,city2,country2\\nA,BE,\\"B,FR\\n" }) { applied } }',
      );
      expect(bad.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(bad.errors![0]!.message).toMatch(/x\.csv:\d+: not valid CSV.*Nothing was imported/s);
    });
  });
}
