import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { TokenTable } from '../../server/src/auth.js';
import { pathSource, runImport } from '../../server/src/importer/runImport.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { exportToText } from '../../server/src/exporter/exportGraph.js';
import { gql, openApi } from '../helpers/api.js';
import { wholeGraph } from '../helpers/wholeGraph.js';
import { STORES } from '../helpers/storeFactories.js';

/**
 * exportSelection: what the explorer downloads. A selection of the seed graph exported through the
 * API, imported into an empty data directory by the code `npm run import` runs, gives back the
 * same nodes and relationships with the same sources; imported into the graph it came from, it
 * changes nothing. Expected ids are written out by hand from the seed files.
 */

const EDITOR = 'editor-token-0123456789abcdef';
const TOKENS = TokenTable.parse(`editor:alice:${EDITOR}`, 'ATLAS_TOKENS');

/** Roeselare and Dogbo, their partnership and one of its themes, and an id no node has. */
const SELECTION = ['roeselare', 'dogbo', 'roeselare-dogbo', 'water', 'no-such-node'];
const SELECTED = ['dogbo', 'roeselare', 'roeselare-dogbo', 'water'];
/** The relationships among the selected nodes (graph-seed/data). */
const AMONG = ['dogbo--party-to--roeselare-dogbo', 'roeselare--party-to--roeselare-dogbo', 'roeselare-dogbo--addresses-theme--water'];
/** What they need to import into an empty graph: the source they cite, Dogbo's country, and the source its names cite. */
const SUPPORTING = ['country-bj', 'vvsg-2023', 'world-countries'];
/** Derived by the importer from Dogbo's country field (as the seed loader derives it). */
const DERIVED = ['dogbo--located-in--country-bj'];

interface Exported {
  files: { name: string; mediaType: string; content: string }[];
  nodes: number;
  relations: number;
  supportingNodes: number;
  missingIds: string[];
}

const EXPORT = `query ($ids: [ID!]!, $format: SelectionExportFormat!, $kinds: [RelationKind!]) {
  exportSelection(ids: $ids, format: $format, relationKinds: $kinds) { files { name mediaType content } nodes relations supportingNodes missingIds }
}`;
const IMPORT = `mutation ($input: ImportInput!) { importData(input: $input) { applied noChange rows notes text } }`;

type Post = (query: string, variables: object, token?: string) => Promise<{ data?: any; errors?: any[] }>;

/** The real HTTP stack (body limits, the Authorization header) on a local port. */
async function listen(store: MemoryGraphStore): Promise<{ post: Post; close: () => Promise<void> }> {
  const app: AtlasApp = await createApp(portsOf(store), { tokens: TOKENS });
  const server: Server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post: Post = async (query, variables, token) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: any[] };
  };
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.apollo.stop();
  };
  return { post, close };
}

describe('exportSelection: the explorer downloads that import back', () => {
  let original: MemoryGraphStore;
  let api: Awaited<ReturnType<typeof listen>>;
  let dir: string;
  const post: Post = (query, variables, token) => api.post(query, variables, token);

  beforeAll(async () => {
    original = new MemoryGraphStore();
    await seedStore(original);
    api = await listen(original);
    dir = mkdtempSync(join(tmpdir(), 'atlas-export-selection-'));
  });
  afterAll(async () => {
    await api?.close();
    await original?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function exported(format: 'JSON' | 'CSV', ids = SELECTION, kinds?: string[]): Promise<Exported> {
    const r = await post(EXPORT, { ids, format, kinds });
    expect(r.errors).toBeUndefined();
    return r.data.exportSelection as Exported;
  }

  /** Imports the files into a new, empty data directory with runImport (what npm run import runs), and reopens it. */
  async function intoEmptyDataDir(name: string, files: Exported['files']): Promise<MemoryGraphStore> {
    const data = join(dir, `data-${name}`);
    const paths = files.map((f) => join(dir, `${name}-${f.name}`));
    files.forEach((f, i) => writeFileSync(paths[i]!, f.content));
    const { store, existed } = await MemoryGraphStore.open(data);
    expect(existed).toBe(false);
    expect((await store.stats()).nodeCount).toBe(0);
    const outcome = await runImport(store, { sources: paths.map((p) => pathSource(p)), actor: 'test', apply: true });
    expect(outcome.report.skippedRows).toBe(0);
    await store.close();
    return (await MemoryGraphStore.open(data)).store;
  }

  async function expectSameFacts(copy: MemoryGraphStore): Promise<void> {
    const nodeIds = [...SELECTED, ...SUPPORTING];
    const copied = await copy.getNodes(nodeIds);
    expect(copied.map((n) => n?.id)).toEqual(nodeIds);
    // Whole nodes: every field, every source with its locator and quote, every name with its sources.
    expect(copied).toEqual(await original.getNodes(nodeIds));
    expect(copied.find((n) => n?.id === 'roeselare')!.sources[0]).toMatchObject({ source: 'vvsg-2023' });
    expect(copied.find((n) => n?.id === 'country-bj')!.names.map((n) => n.sources[0]!.source)).toEqual([
      'world-countries',
      'world-countries',
      'world-countries',
    ]);
    const relations = await copy.getRelations(AMONG);
    expect(relations).toEqual(await original.getRelations(AMONG));
    expect(relations.every((r) => r !== null && r.sources.length > 0 && r.sources[0]!.quote.length > 0)).toBe(true);
    // Nothing else: the selection, its supporting nodes and the LOCATED_IN its country field stands for.
    const stats = await copy.stats();
    expect(stats.nodeCount).toBe(SELECTED.length + SUPPORTING.length);
    expect(stats.relationCount).toBe(AMONG.length + DERIVED.length);
    expect((await copy.getRelations(DERIVED))[0]).toMatchObject({ from: 'dogbo', to: 'country-bj', kind: 'LOCATED_IN' });
  }

  it('JSON: the selected nodes, the relationships among them and what they cite, in the export format', async () => {
    const json = await exported('JSON');
    expect(json).toMatchObject({ nodes: 7, relations: 3, supportingNodes: 3, missingIds: ['no-such-node'] });
    expect(json.files.map((f) => [f.name, f.mediaType])).toEqual([['export.json', 'application/json']]);
    const data = JSON.parse(json.files[0]!.content) as { nodes: { id: string }[]; relations: { id: string }[] };
    expect(data.nodes.map((n) => n.id)).toEqual([...SELECTED, ...SUPPORTING].sort());
    expect(data.relations.map((r) => r.id).sort()).toEqual(AMONG);
  });

  it('JSON: imports into an empty data directory as the same facts with the same sources; into the original, changes nothing', async () => {
    const json = await exported('JSON');
    const copy = await intoEmptyDataDir('json', json.files);
    try {
      await expectSameFacts(copy);
    } finally {
      await copy.close();
    }
    const path = join(dir, 'again.json');
    writeFileSync(path, json.files[0]!.content);
    const again = await runImport(original, { sources: [pathSource(path)], actor: 'test', apply: true });
    expect(again.report.noChange).toBe(true);
    expect(again.applied).toBeNull();
  });

  it("JSON with the explorer's view settings: read past, with a note, through importData", async () => {
    const json = await exported('JSON');
    const content = `{"view":{"url":"http://localhost:4000/?focus=roeselare","layout":"cose"},${json.files[0]!.content.trimStart().slice(1)}`;
    const r = await post(IMPORT, { input: { fileName: 'cooperation-atlas.json', content, apply: true } }, EDITOR);
    expect(r.errors).toBeUndefined();
    expect(r.data.importData).toMatchObject({ applied: false, noChange: true, rows: 10 });
    expect(r.data.importData.notes).toEqual([expect.stringMatching(/^view settings ignored/)]);
    expect(r.data.importData.text).toContain('note: view settings ignored');
    // Any other key beside the facts is still refused: a misspelt "relations" must not drop data silently.
    const misspelt = await post(
      IMPORT,
      { input: { fileName: 'x.json', content: content.replace('"relations"', '"relationships"'), apply: false } },
      EDITOR,
    );
    expect(misspelt.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(misspelt.errors?.[0]?.message).toContain('unknown top-level key "relationships"');
  });

  it('CSV: nodes.csv and edges.csv import into an empty data directory as the same facts; into the original, changes nothing', async () => {
    const csv = await exported('CSV');
    expect(csv.files.map((f) => [f.name, f.mediaType])).toEqual([
      ['nodes.csv', 'text/csv'],
      ['edges.csv', 'text/csv'],
    ]);
    expect(csv.files[0]!.content.split('\n')[0]).toMatch(/^id,kind,name,name@en,name@fr,name@nl,.*,sources$/);
    expect(csv.files[1]!.content.split('\n').filter((l) => l !== '')).toHaveLength(1 + AMONG.length);
    const copy = await intoEmptyDataDir('csv', csv.files);
    try {
      await expectSameFacts(copy);
    } finally {
      await copy.close();
    }
    // Both files in one importData: one change, all or nothing.
    const r = await post(
      IMPORT,
      {
        input: {
          fileName: 'cooperation-atlas-nodes.csv',
          content: csv.files[0]!.content,
          moreFiles: [{ fileName: 'cooperation-atlas-relations.csv', content: csv.files[1]!.content }],
          apply: true,
        },
      },
      EDITOR,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.importData).toMatchObject({ applied: false, noChange: true, rows: 10, notes: [] });
  });

  it('CSV through importData into an empty graph: both files in one change', async () => {
    const csv = await exported('CSV');
    const empty = new MemoryGraphStore();
    const api = await listen(empty);
    try {
      const input = {
        fileName: 'nodes.csv',
        content: csv.files[0]!.content,
        moreFiles: [{ fileName: 'edges.csv', content: csv.files[1]!.content }],
        apply: true,
      };
      const r = await api.post(IMPORT, { input }, EDITOR);
      expect(r.errors).toBeUndefined();
      expect(r.data.importData).toMatchObject({ applied: true, noChange: false, rows: 10 });
      await expectSameFacts(empty);
    } finally {
      await api.close();
      await empty.close();
    }
  });

  // The same field on Neo4j: the same selection, importing as the same facts (the port's getNodes and relationsAmong).
  for (const factory of STORES.filter((f) => f.name === 'neo4j')) {
    it.skipIf(factory.skipReason !== undefined)(
      `on ${factory.name}: the same selection, which imports as the same facts`,
      { timeout: 180_000 },
      async () => {
        const { store, close } = await factory.open();
        const app = await openApi(store).catch(async (e: unknown) => {
          await close();
          throw e;
        });
        try {
          await seedStore(store);
          // The figure behind the cost model's 10 units per id (ADR 0028): every node of the seed graph, once warm.
          const all = (await wholeGraph(store)).nodes.map((n) => n.id);
          await exportToText(store, 'json', { ids: all });
          const started = performance.now();
          const whole = await exportToText(store, 'json', { ids: all });
          const ms = performance.now() - started;
          console.log(
            `exportSelection on ${factory.name}: ${all.length} ids, ${whole.result.relations} relationships in ${ms.toFixed(0)} ms`,
          );
          expect(whole.result.nodes).toBe(all.length);
          for (const format of ['JSON', 'CSV'] as const) {
            const r = await gql<{ exportSelection: Exported }>(app, EXPORT, { ids: SELECTION, format });
            expect(r.errors).toBeUndefined();
            expect(r.data!.exportSelection).toMatchObject({ nodes: 7, relations: 3, supportingNodes: 3, missingIds: ['no-such-node'] });
            const copy = await intoEmptyDataDir(`${factory.name}-${format}`, r.data!.exportSelection.files);
            try {
              await expectSameFacts(copy);
            } finally {
              await copy.close();
            }
          }
        } finally {
          await app.apollo.stop();
          await close();
        }
      },
    );
  }

  it('follows the relationship kinds asked for', async () => {
    const json = await exported('JSON', SELECTION, ['ADDRESSES_THEME']);
    const data = JSON.parse(json.files[0]!.content) as { relations: { id: string }[] };
    expect(data.relations.map((r) => r.id)).toEqual(['roeselare-dogbo--addresses-theme--water']);
  });

  it('refuses no ids and more than 2,000 with BAD_USER_INPUT saying what to do; 2,000 ids are within the cost limit', async () => {
    const none = await post(EXPORT, { ids: [], format: 'JSON' });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.message).toContain('name the nodes to export');
    const ids = Array.from({ length: 2001 }, (_, i) => `n${i}`);
    const tooMany = await post(EXPORT, { ids, format: 'JSON' });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toContain('at most 2,000');
    expect(tooMany.errors?.[0]?.message).toContain('npm run export');
    const most = await post(EXPORT, { ids: ids.slice(0, 2000), format: 'CSV' });
    expect(most.errors).toBeUndefined();
    expect(most.data.exportSelection.missingIds).toHaveLength(2000);
    // Charged by the ids: two exports of 2,000 in one request cost 40,000, past the limit of 25,000.
    const twice = await post(
      'query ($ids: [ID!]!) { a: exportSelection(ids: $ids, format: JSON) { nodes } b: exportSelection(ids: $ids, format: CSV) { nodes } }',
      { ids: ids.slice(0, 2000) },
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
