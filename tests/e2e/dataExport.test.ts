import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pathSource, runImport } from '../../server/src/importer/runImport.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { launchBrowser, newPage, serveSeedGraph, waitForGraph, type Served } from './harness.js';

/**
 * The explorer's data downloads (issue 14.4, ADR 0028), clicked in Chromium, imported back: into an
 * empty data directory as the same facts with their sources, and by `npm run import` itself (a dry
 * run on the seed graph the view came from: nothing to change, the view settings ignored with a note).
 */

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let seed: MemoryGraphStore;
let dir: string;

beforeAll(async () => {
  served = await serveSeedGraph();
  browser = await launchBrowser();
  seed = new MemoryGraphStore();
  await seedStore(seed);
  dir = mkdtempSync(join(tmpdir(), 'atlas-e2e-data-export-'));
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await seed?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context?.close();
});

/** Dogbo expanded, partnerships drawn as edges: Roeselare through their partnership, Dogbo's country, award, partner. */
const DOGBO = '/?focus=dogbo&x=dogbo&all=0&pship=edges';
/** Facts of that view, from the seed files: the partnership is drawn as an edge, and exported as the node it is. */
const NODES = ['country-bj', 'd-o-g-b-o-dogbo', 'dogbo', 'platformawards', 'roeselare', 'roeselare-dogbo'];
const RELATIONS = [
  'd-o-g-b-o-dogbo--supports--dogbo',
  'dogbo--located-in--country-bj',
  'dogbo--party-to--roeselare-dogbo',
  'dogbo--wins--platformawards',
  'roeselare--party-to--roeselare-dogbo',
];

/** Clicks an item of the Export menu and keeps the download under its suggested name. */
async function save(name: string): Promise<string> {
  await page.locator('.menu summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(dir, download.suggestedFilename());
  writeFileSync(path, readFileSync((await download.path())!));
  return path;
}

/** Imports the files into a new, empty data directory with the code `npm run import` runs. */
async function intoEmptyDataDir(name: string, paths: string[]): Promise<MemoryGraphStore> {
  const { store, existed } = await MemoryGraphStore.open(join(dir, `data-${name}`));
  expect(existed).toBe(false);
  const outcome = await runImport(store, { sources: paths.map((p) => pathSource(p)), actor: 'e2e', apply: true });
  expect(outcome.report.skippedRows).toBe(0);
  return store;
}

async function expectTheSameFacts(copy: MemoryGraphStore): Promise<void> {
  const nodes = await copy.getNodes(NODES);
  expect(nodes.map((n) => n?.id)).toEqual(NODES);
  expect(nodes).toEqual(await seed.getNodes(NODES));
  expect(nodes.every((n) => n!.sources.length > 0 && n!.sources.every((p) => p.quote.length > 0))).toBe(true);
  const relations = await copy.getRelations(RELATIONS);
  expect(relations.map((r) => r?.id)).toEqual(RELATIONS);
  expect(relations).toEqual(await seed.getRelations(RELATIONS));
}

/** `npm run import -- <files>`: a dry run on the seed graph (no ATLAS_DATA_DIR). */
async function npmRunImport(paths: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, GRAPH_STORE: 'memory' };
  delete env.ATLAS_DATA_DIR;
  const { stdout } = await run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/src/importer/cli.ts'), ...paths], {
    cwd: ROOT,
    env,
    timeout: 90_000,
  });
  return stdout;
}

describe('the explorer’s data downloads import back', { timeout: 150_000 }, () => {
  it('JSON: the drawn facts with their sources and the view; npm run import reads it, ignoring the view with a note', async () => {
    await page.goto(`${served.baseUrl}${DOGBO}`);
    await waitForGraph(page);
    const drawn = await page.evaluate(() =>
      (window as unknown as { __atlas: { nodes(): { id: string }[] } }).__atlas.nodes().map((n) => n.id),
    );
    expect(drawn.sort()).toEqual(NODES.filter((id) => id !== 'roeselare-dogbo'));
    const path = await save('Data (JSON)');
    expect(path).toMatch(/cooperation-atlas-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(path, 'utf8')) as { view: { url: string }; nodes: { id: string }[] };
    expect(data.view.url).toContain('focus=dogbo');
    expect(data.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([...NODES, 'vvsg-2023']));

    const copy = await intoEmptyDataDir('json', [path]);
    try {
      await expectTheSameFacts(copy);
    } finally {
      await copy.close();
    }
    const report = await npmRunImport([path]);
    expect(report).toContain('Nothing to change');
    expect(report).toContain('note: view settings ignored');
  });

  it('CSV: nodes and relations, imported together as the same facts; npm run import finds nothing to change', async () => {
    await page.goto(`${served.baseUrl}${DOGBO}`);
    await waitForGraph(page);
    const nodes = await save('Nodes (CSV)');
    const relations = await save('Relations (CSV)');
    expect(nodes).toMatch(/cooperation-atlas-nodes-[\d-]+\.csv$/);
    expect(relations).toMatch(/cooperation-atlas-relations-[\d-]+\.csv$/);
    expect(readFileSync(nodes, 'utf8').split('\n')[0]).toMatch(/^id,kind,name,name@en,name@fr,name@nl,.*,sources$/);
    expect(readFileSync(nodes, 'utf8')).not.toContain('degree');
    expect(readFileSync(relations, 'utf8').split('\n')[0]).toMatch(/^id,kind,from,to,.*,sources$/);

    const copy = await intoEmptyDataDir('csv', [nodes, relations]);
    try {
      await expectTheSameFacts(copy);
    } finally {
      await copy.close();
    }
    const report = await npmRunImport([nodes, relations]);
    expect(report).toContain('Nothing to change');
    expect(report).not.toContain('note:');
  });
});
