import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, serveSeedGraph, waitForGraph, type Served } from './harness.js';

/**
 * The explorer in a real headless Chromium (Debian's), against the real server on the seed graph,
 * checking what a user sees: the canvas's nodes, the panels' text, the URL, the downloaded files.
 */

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const ARTEFACTS = 'test-results';

beforeAll(async () => {
  served = await serveSeedGraph();
  browser = await launchBrowser();
  mkdirSync(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context?.close();
});

interface DrawnNode {
  id: string;
  label: string;
  x: number;
  y: number;
}

const drawn = (p: Page = page): Promise<DrawnNode[]> =>
  p.evaluate(() => (window as unknown as { __atlas: { nodes(): DrawnNode[] } }).__atlas.nodes());
const drawnIds = async (p: Page = page) => (await drawn(p)).map((n) => n.id).sort();
const nodeCount = async () => Number(await page.getAttribute('[data-testid="canvas"]', 'data-node-count'));
const params = (p: Page = page) => new URL(p.url()).searchParams;

async function open(path: string, p: Page = page): Promise<void> {
  await p.goto(`${served.baseUrl}${path}`);
  await waitForGraph(p);
}

/** Where a node is drawn; waits a little, since a view can still take in a last round of loads. */
async function nodeAt(id: string): Promise<DrawnNode> {
  for (let attempt = 0; ; attempt++) {
    const n = (await drawn()).find((x) => x.id === id);
    if (n) return n;
    if (attempt >= 20) throw new Error(`${id} is not drawn`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const ROESELARE = '/?focus=roeselare&x=roeselare&all=0';

// A browser test waits for layouts and downloads: more time than a unit test, still bounded.
describe('the explorer', { timeout: 60_000 }, () => {
  it('finds a municipality by type-ahead and opens it as the focus, with its partners around it', async () => {
    await open('/?all=0');
    await expect(page.getByTestId('empty').textContent()).resolves.toContain('Search for a municipality');
    const search = page.getByRole('combobox', { name: 'Search the atlas' });
    await search.fill('roese');
    const options = page.getByRole('option');
    await options.first().waitFor();
    const texts = await options.allTextContents();
    expect(texts[0]).toContain('Roeselare');
    expect(texts[0]).toContain('Municipality');
    expect(texts.some((t) => t.includes('Roeselare - Dogbo') && t.includes('Partnership'))).toBe(true);
    // Keyboard: down to the partnership, up again, Enter opens the municipality.
    await search.press('ArrowDown');
    await expect(page.getByRole('listbox').getByRole('option', { selected: true }).textContent()).resolves.toContain('Roeselare - Dogbo');
    await search.press('ArrowUp');
    await search.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'roeselare');
    await waitForGraph(page);
    const ids = await drawnIds();
    expect(ids).toEqual(expect.arrayContaining(['roeselare', 'roeselare-dogbo', 'vvsg', 'platformawards']));
    await expect(page.locator('#details-title').textContent()).resolves.toBe('Roeselare');
    await page.screenshot({ path: `${ARTEFACTS}/explorer-main-view.png` });
  });

  it('says so when a search finds nothing', async () => {
    await open('/?all=0');
    await page.getByRole('combobox', { name: 'Search the atlas' }).fill('zzqxv');
    await expect(page.getByRole('status').filter({ hasText: 'Nothing in the atlas is called' }).textContent()).resolves.toContain('zzqxv');
  });

  it('expands a node on double-click and collapses it again', async () => {
    await open(ROESELARE);
    const before = await nodeCount();
    const vvsg = await nodeAt('vvsg');
    await page.mouse.dblclick(vvsg.x, vvsg.y);
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')!.dataset.nodeCount) > n, before);
    await waitForGraph(page);
    expect(params().getAll('x')).toEqual(['roeselare', 'vvsg']);
    expect(await nodeCount()).toBeGreaterThan(before + 10);
    const again = await nodeAt('vvsg');
    await page.mouse.dblclick(again.x, again.y);
    await page.waitForFunction(
      (n) => Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')!.dataset.nodeCount) === n,
      before,
    );
    expect(params().getAll('x')).toEqual(['roeselare']);
  });

  it('expands only the chosen relationship kinds', async () => {
    await open(`${ROESELARE}&sel=node:vvsg`);
    await page.locator('#details-title', { hasText: 'VVSG' }).waitFor();
    const fieldset = page.getByRole('group', { name: 'Expand only these relationship kinds' });
    await fieldset.getByLabel('member of').check();
    await fieldset.getByRole('button', { name: 'Expand these' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('x').includes('vvsg~MEMBER_OF'));
    await waitForGraph(page);
    // Zoersel is a member of VVSG; Belgium (where VVSG is located) is not added by this expansion.
    const ids = await drawnIds();
    expect(ids).toContain('zoersel');
    const located = await page.evaluate(() => document.querySelector('[data-testid="canvas"]')!.getAttribute('data-node-count'));
    expect(Number(located)).toBeLessThan(30);
  });

  it('filters by kind and by country, and says how many nodes the filters hide', async () => {
    await open(ROESELARE);
    await expect(page.getByTestId('hidden-count').textContent()).resolves.toContain('Nothing hidden');
    await page.getByRole('group', { name: 'Node kinds shown' }).getByLabel('Awards').uncheck();
    await page.waitForFunction(() => document.querySelector('[data-testid="hidden-count"]')!.textContent!.includes('Filters hide 1 node'));
    expect(await drawnIds()).not.toContain('platformawards');
    expect(params().get('hide')).toBe('AWARD.SOURCE');

    // The whole graph, then only what involves Benin.
    await page.getByRole('button', { name: 'Show all' }).click();
    await waitForGraph(page, 30_000);
    const all = await nodeCount();
    await page.getByText('Countries', { exact: true }).click();
    await page.getByRole('group', { name: 'Countries' }).getByLabel('Benin').check();
    await page.waitForFunction(
      (n) => Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')!.dataset.nodeCount) < n / 2,
      all,
    );
    await waitForGraph(page, 30_000);
    const ids = await drawnIds();
    // Dogbo is in Benin and the partnership involves it; the source does not state Roeselare's country.
    expect(ids).toEqual(expect.arrayContaining(['dogbo', 'roeselare-dogbo']));
    expect(ids).not.toContain('zoersel-laubach');
    expect(params().getAll('country')).toEqual(['BJ']);
    await expect(page.getByTestId('hidden-count').textContent()).resolves.toMatch(/Filters hide \d+ nodes/);
  });

  it('shows a node’s properties, relations by kind and sources with locator and quote', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    const details = page.getByTestId('details');
    await details.getByText('Sources').waitFor();
    await expect(details.locator('blockquote').first().textContent()).resolves.toContain(
      'Since 2010, Roeselare has had a partnership with Dogbo',
    );
    await expect(details.locator('.locator').first().textContent()).resolves.toContain('City-to-city partnership');
    await expect(details.locator('.rel-group summary').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('member of'), expect.stringContaining('party to')]),
    );
    // Following a relation opens the partnership, with its parties.
    await details.getByRole('button', { name: 'Roeselare - Dogbo' }).first().click();
    await page.locator('#details-title', { hasText: 'Roeselare - Dogbo' }).waitFor();
    expect(params().get('sel')).toBe('node:roeselare-dogbo');
    await expect(details.getByRole('heading', { name: 'Parties' }).isVisible()).resolves.toBe(true);
    await expect(details.textContent()).resolves.toContain('D.O.G.B.O.-Dogbo');
  });

  it('shows a relationship with its sources', async () => {
    await open(`${ROESELARE}&sel=edge:roeselare--member-of--vvsg`);
    const details = page.getByTestId('details');
    await details.locator('.relation-details').waitFor();
    await expect(details.locator('h2').textContent()).resolves.toMatch(/Roeselare.*member of.*VVSG/);
    await expect(details.locator('.source').count()).resolves.toBeGreaterThan(0);
  });

  it('changes the layout, keeps the focus in view and records it in the URL', async () => {
    await open(ROESELARE);
    await page.getByTestId('layout').selectOption('concentric');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="canvas"]')!.dataset.layoutName === 'concentric');
    await waitForGraph(page);
    expect(params().get('layout')).toBe('concentric');
    const box = (await page.getByTestId('canvas').boundingBox())!;
    const focus = await nodeAt('roeselare');
    // Concentric puts the focus in the middle of the canvas.
    expect(Math.abs(focus.x - (box.x + box.width / 2))).toBeLessThan(40);
    expect(Math.abs(focus.y - (box.y + box.height / 2))).toBeLessThan(40);
  });

  it('reopens the same view from a copied link, and Back and Forward step through views', async () => {
    await open(ROESELARE);
    const vvsg = await nodeAt('vvsg');
    await page.mouse.dblclick(vvsg.x, vvsg.y);
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('x').includes('vvsg'));
    await waitForGraph(page);
    await page.getByTestId('partnerships').selectOption('edges');
    await page.getByRole('group', { name: 'Node kinds shown' }).getByLabel('Themes').uncheck();
    await page.getByTestId('layout').selectOption('grid');
    // The grid must be the drawn layout before reading a position: the URL says it is asked for, then
    // the layout state and the award's position must settle (the force layout's 'done' may still show).
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layout') === 'grid');
    await waitForGraph(page);
    let award = await nodeAt('platformawards');
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 150));
      const again = await nodeAt('platformawards');
      if (again.x === award.x && again.y === award.y) break;
      award = again;
    }
    await page.mouse.click(award.x, award.y);
    await page.locator('#details-title', { hasText: 'European PLATFORMAwards' }).waitFor();
    const url = page.url();
    const ids = await drawnIds();

    // Another browser context: no shared state but the link.
    const other = await newPage(browser);
    try {
      await open(url.slice(served.baseUrl.length), other.page);
      expect(await drawnIds(other.page)).toEqual(ids);
      await other.page.locator('#details-title', { hasText: 'European PLATFORMAwards' }).waitFor();
      expect(await other.page.getByTestId('layout').inputValue()).toBe('grid');
      expect(await other.page.getByTestId('partnerships').inputValue()).toBe('edges');
    } finally {
      await other.context.close();
    }

    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layout') === null);
    await expect(page.getByTestId('layout').inputValue()).resolves.toBe('fcose');
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('hide'));
    await page.goForward();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === 'SOURCE.THEME');
    await waitForGraph(page);
    expect((await drawn()).some((n) => n.id.startsWith('theme-'))).toBe(false);
  });

  it('draws partnerships as direct links labelled by kind, also in the list view', async () => {
    await open(`${ROESELARE}&pship=edges&panel=list`);
    const table = page.getByTestId('list-view');
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Roeselare/ }) });
    await expect(row.textContent()).resolves.toContain('city-to-city');
    await expect(table.getByRole('rowheader').allTextContents()).resolves.not.toContain('Roeselare - Dogbo');
    await row.getByRole('button', { name: 'Collapse' }).click();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('x'));
  });

  it('exports the visible graph as PNG and JSON (and SVG and CSV)', async () => {
    await open(ROESELARE);
    const save = async (name: string) => {
      await page.locator('.menu summary', { hasText: 'Export' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { file: readFileSync((await download.path())!), name: download.suggestedFilename() };
    };
    const png = await save('Image (PNG)');
    expect(png.name).toMatch(/\.png$/);
    expect(png.file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.file.length).toBeGreaterThan(10_000);
    // The data downloads are the server's export of what is drawn (tests/e2e/dataExport.test.ts imports them back).
    const json = JSON.parse((await save('Data (JSON)')).file.toString('utf8'));
    const exported = json.nodes.map((n: { id: string }) => n.id);
    for (const id of await drawnIds()) expect(exported).toContain(id);
    expect(json.view.url).toContain('focus=roeselare');
    const svg = (await save('Image (SVG)')).file.toString('utf8');
    expect(svg).toContain('<svg');
    const csv = (await save('Nodes (CSV)')).file.toString('utf8');
    expect(csv.split('\n')[0]).toMatch(/^id,kind,name,name@en,name@fr,name@nl,/);
    expect(csv).toContain('\nroeselare,MUNICIPALITY,Roeselare,');
    expect(csv).toContain('\nplatformawards,AWARD,European PLATFORMAwards,');
  });

  it('moves along edges with the keyboard and expands with Enter', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    await page.getByTestId('canvas').focus();
    const start = params().get('sel');
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      if (params().get('sel') !== start) break;
    }
    const moved = params().get('sel')!;
    expect(moved).not.toBe(start);
    const id = moved.slice('node:'.length);
    const { label } = await nodeAt(id);
    await page.waitForFunction((l) => document.querySelector('#details-title')?.textContent === l, label);
    await page.keyboard.press('Enter');
    await page.waitForFunction((x) => new URL(location.href).searchParams.getAll('x').includes(x), id);
  });

  it('keeps the highlight of a selection when the drawing is updated (a language switch relabels the drawn elements)', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    type Atlas = { edgeIds(): string[]; element(id: string): { label: string; classes: string[] } };
    const highlighted = () =>
      page.evaluate(() => {
        const atlas = (window as unknown as { __atlas: Atlas }).__atlas;
        return atlas.edgeIds().filter((id) => atlas.element(id).classes.includes('hl'));
      });
    // Roeselare's relationships are highlighted with it.
    const before = await highlighted();
    expect(before.length).toBeGreaterThan(0);
    const edge = before[0]!;
    const english = await page.evaluate((id) => (window as unknown as { __atlas: Atlas }).__atlas.element(id).label, edge);
    await page.selectOption('[data-testid="language"]', 'fr');
    // The canvas has taken the French words (an update of the drawn elements)...
    await page.waitForFunction(({ id, english }) => (window as unknown as { __atlas: Atlas }).__atlas.element(id).label !== english, {
      id: edge,
      english,
    });
    // ...and the highlight is still there.
    expect(await highlighted()).toEqual(before);
  });

  it('explains an unknown id in the link in plain words and offers to drop it', async () => {
    await page.goto(`${served.baseUrl}/?focus=atlantis&x=atlantis&all=0`);
    const alert = page.getByTestId('error');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('The atlas has no node with the id “atlantis”');
    await alert.getByRole('button', { name: 'Remove it from the view' }).click();
    await page.getByTestId('empty').waitFor();
    expect(params().has('focus')).toBe(false);
  });

  it('shows the ratings of the eight approaches as a table and a chart', async () => {
    await open(ROESELARE);
    await page.getByRole('button', { name: 'Approach ratings' }).click();
    const dialog = page.getByRole('dialog', { name: 'The eight approaches, rated' });
    await dialog.locator('table.ratings').waitFor();
    await expect(dialog.locator('table.ratings tbody tr').count()).resolves.toBe(8);
    await expect(dialog.locator('table.ratings thead th').count()).resolves.toBe(9);
    await expect(dialog.locator('.ratings-chart svg').count()).resolves.toBe(8);
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
  });
});
