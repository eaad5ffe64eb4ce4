import { describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { COUNTRY_NAMES, HUB, HUB_MEMBERS, HUB_SUPPORTERS, syntheticAtlas, type AtlasGraph } from '../fixtures/syntheticAtlas.js';
import { serveStore, waitForGraph } from './harness.js';
import { appInBrowser } from './seedBrowser.js';

/**
 * The explorer on a twin-cities-sized graph made here (17,700 municipalities, 25,900 twinnings,
 * countries, a hub network of 1,500 members and 3 supporters), in Chromium against the real
 * server: the overview instead of the whole graph, opening a country and a kind from it, and the
 * neighbour table of the hub (counts, sort, filter, the next 100, at most the budget drawn, no
 * two nodes overlapping, Fit fitting), and the path finder between two municipalities (not through
 * their country unless asked; "Show on the graph" draws exactly the path).
 */

let graph: AtlasGraph;
const degree = new Map<string, number>();

const app = appInBrowser(async () => {
  graph = syntheticAtlas();
  for (const r of graph.relations) for (const end of [r.from, r.to]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const store = new MemoryGraphStore();
  await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  return serveStore(store);
}, 120_000);

interface ModelNode {
  id: string;
  kind: string;
  x: number;
  y: number;
  r: number;
}
interface DrawnNode {
  id: string;
  x: number;
  y: number;
}
type AtlasWindow = { __atlas: { nodes(): DrawnNode[]; modelNodes(): ModelNode[]; edgeIds(): string[] } };
const modelNodes = () => app.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.modelNodes());
const rendered = () => app.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.nodes());

/** Pairs of drawn nodes closer than the sum of their radii, from their positions. */
function overlaps(nodes: ModelNode[]): number {
  let count = 0;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) count++;
    }
  return count;
}

const n = (x: number) => x.toLocaleString('en');

describe('the explorer on a large graph', { timeout: 120_000 }, () => {
  it('opens on the overview, explains it in the legend, and opens a country and a kind from it', async () => {
    await app.page.goto(`${app.served.baseUrl}/`);
    await app.page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.scope === 'overview');
    await waitForGraph(app.page, 60_000);
    // One circle per country, sized by its municipalities.
    const groups = await rendered();
    expect(groups.map((g) => g.id).sort()).toEqual(
      Object.keys(graph.byCountry)
        .map((c) => `group:${c}`)
        .sort(),
    );
    const france = app.page.getByTestId('overview-groups').locator('li', { hasText: 'France' });
    expect(await france.textContent()).toContain(n(graph.byCountry.FR!));
    const legend = await app.page.getByTestId('legend').textContent();
    expect(legend).toContain('A country, sized by its municipalities');
    expect(legend).not.toContain('Nothing drawn yet');
    // The filters count each kind in the graph while the overview draws none of its nodes.
    const municipalitiesInGraph = n(Object.values(graph.byCountry).reduce((s, c) => s + c, 0));
    const kindRow = (plural: string) => app.page.getByTestId('filters').locator('label', { hasText: plural });
    await app.page.waitForFunction(
      () => document.querySelector('[data-testid="kind-counts-hint"]')?.textContent === 'How many the graph holds.',
    );
    expect(await kindRow('Municipalities').locator('.count').textContent()).toBe(municipalitiesInGraph);
    expect(await kindRow('Countries').locator('.count').textContent()).toBe(String(Object.keys(COUNTRY_NAMES).length));

    // Clicking France on the canvas opens its members around it, at most the budget of them.
    const fr = groups.find((g) => g.id === 'group:FR')!;
    await app.page.mouse.click(fr.x, fr.y);
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'country-fr');
    await waitForGraph(app.page, 60_000);
    const drawn = await modelNodes();
    expect(drawn).toHaveLength(101);
    expect(drawn.filter((d) => d.kind === 'MUNICIPALITY')).toHaveLength(100);
    expect(await app.page.getByTestId('budget-notice').textContent()).toContain(
      `France: 100 of ${n(graph.byCountry.FR!)} neighbours drawn`,
    );
    // Now drawn of in the graph.
    expect(await app.page.getByTestId('kind-counts-hint').textContent()).toBe('Drawn / in the graph.');
    expect(await kindRow('Municipalities').locator('.count').textContent()).toBe(`100 / ${municipalitiesInGraph}`);
    expect(await kindRow('Countries').locator('.count').getAttribute('title')).toBe(
      `1 drawn of ${Object.keys(COUNTRY_NAMES).length} in the graph`,
    );

    // Grouped by kind, clicking the municipalities opens the 100 best connected (by degree, then name, then id).
    await app.page.goto(`${app.served.baseUrl}/?group=kind`);
    await waitForGraph(app.page, 60_000);
    expect(await app.page.getByTestId('legend').textContent()).toContain('A kind of node');
    const kinds = await rendered();
    const municipalities = kinds.find((g) => g.id === 'group:MUNICIPALITY')!;
    await app.page.mouse.click(municipalities.x, municipalities.y);
    await app.page.getByTestId('kind-notice').waitFor({ timeout: 30_000 });
    await waitForGraph(app.page, 60_000);
    const best = graph.nodes
      .filter((x) => x.kind === 'MUNICIPALITY')
      .sort(
        (a, b) =>
          (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) ||
          (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0) ||
          (a.id < b.id ? -1 : 1),
      )
      .slice(0, 100)
      .map((x) => x.id)
      .sort();
    expect((await modelNodes()).map((x) => x.id).sort()).toEqual(best);
    expect(await app.page.getByTestId('kind-notice').textContent()).toContain(
      `Municipalities: the 100 best connected of ${n(Object.values(graph.byCountry).reduce((s, c) => s + c, 0))} drawn`,
    );
  });

  it('expands a hub to the budget, without overlaps, and offers the rest in the neighbour table', async () => {
    const all = HUB_MEMBERS + HUB_SUPPORTERS;
    await app.page.goto(`${app.served.baseUrl}/?focus=${HUB.id}&x=${HUB.id}&all=0`);
    // The canvas reports its layout done before the first load starts too: wait for the expansion itself.
    await app.page.waitForFunction(
      () => ((window as unknown as Partial<AtlasWindow>).__atlas?.modelNodes().length ?? 0) >= 101,
      undefined,
      {
        timeout: 60_000,
      },
    );
    await waitForGraph(app.page, 60_000);
    let drawn = await modelNodes();
    expect(drawn).toHaveLength(101);
    expect(overlaps(drawn)).toBe(0);
    expect(await app.page.getByTestId('budget-notice').textContent()).toContain(`${HUB.name}: 100 of ${n(all)} neighbours drawn`);

    await app.page.getByTestId('open-neighbour-table').click();
    const table = app.page.getByTestId('neighbour-table');
    const status = app.page.getByTestId('nt-status');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="nt-status"]')?.textContent?.includes('matching'));
    expect(await status.textContent()).toBe(`1–50 of ${n(all)} matching (${n(all)} neighbours in all).`);
    expect(await app.page.getByTestId('nt-kind').locator('option').allTextContents()).toEqual([
      `any (${n(all)})`,
      `Municipality (${n(HUB_MEMBERS)})`,
      `Organisation (${HUB_SUPPORTERS})`,
    ]);
    const relationOptions = await app.page.getByTestId('nt-relation').locator('option').allTextContents();
    expect(relationOptions.slice(1).map((o) => o.replace(/^.* \(/, '('))).toEqual([`(${n(HUB_MEMBERS)})`, `(${HUB_SUPPORTERS})`]);
    expect(await table.locator('tbody tr').count()).toBe(50);

    // Sorting by name: the first row is the first name in code-point order of the lower-cased names.
    const names = [...graph.hubNeighbours.values()].map((v) => v.name.toLowerCase()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    await table.getByRole('button', { name: 'Sort by name' }).click();
    await app.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="nt-table"] th[aria-sort="ascending"]') !== null &&
        !document.querySelector('[data-testid="nt-table"][aria-busy="true"]'),
    );
    expect((await table.locator('tbody th').first().textContent())!.toLowerCase()).toBe(names[0]);
    await table.getByRole('button', { name: 'Sort by name' }).click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="nt-table"] th[aria-sort="descending"]') !== null);
    await app.page.waitForFunction(() => !document.querySelector('[data-testid="nt-table"][aria-busy="true"]'));
    expect((await table.locator('tbody th').first().textContent())!.toLowerCase()).toBe(names[names.length - 1]);

    // Filtering by name: every word in the name.
    await app.page.getByTestId('nt-text').fill('town 12');
    const matching = [...graph.hubNeighbours.values()].filter((v) => v.name.toLowerCase().includes('town') && v.name.includes('12')).length;
    await app.page.waitForFunction(
      (m) => document.querySelector('[data-testid="nt-status"]')?.textContent?.includes(`of ${m} matching`),
      n(matching),
    );
    await app.page.getByTestId('nt-text').fill('');
    await app.page.getByTestId('nt-kind').selectOption('ORGANIZATION');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="nt-status"]')?.textContent?.startsWith('1–3 of 3 matching'));
    // Still by name, descending.
    expect(await table.locator('tbody th').allTextContents()).toEqual(['Supporter 2', 'Supporter 1', 'Supporter 0']);
    await app.page.getByTestId('nt-kind').selectOption('');
    await table.getByRole('button', { name: 'Sort by relationships' }).click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="nt-status"]')?.textContent?.startsWith(`1–50 of`));

    // The next 100 in the table's order (best connected first) that are not drawn: drawn beside the hub, nothing overlapping.
    await app.page.getByTestId('nt-add-next').click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="nt-status"]')?.textContent?.includes('100 added'));
    await app.page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.nodeCount) === 201);
    await waitForGraph(app.page, 60_000);
    drawn = await modelNodes();
    expect(drawn).toHaveLength(201);
    expect(overlaps(drawn)).toBe(0);
    const ranked = [...graph.hubNeighbours.keys()].sort(
      (a, b) =>
        (degree.get(b) ?? 0) - (degree.get(a) ?? 0) ||
        (graph.hubNeighbours.get(a)!.name.toLowerCase() < graph.hubNeighbours.get(b)!.name.toLowerCase() ? -1 : 1),
    );
    const drawnIds = new Set(drawn.map((d) => d.id));
    expect(ranked.slice(0, 200).every((id) => drawnIds.has(id))).toBe(true);
    expect(await app.page.getByTestId('budget-notice').textContent()).toContain(`200 of ${n(all)} neighbours drawn`);

    // A selection: the least connected rows are not drawn yet.
    await table.getByRole('button', { name: 'Sort by relationships' }).click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="nt-table"] th[aria-sort="ascending"]') !== null);
    await app.page.waitForFunction(() => !document.querySelector('[data-testid="nt-table"][aria-busy="true"]'));
    const free = table
      .locator('tbody tr')
      .filter({ has: app.page.locator('input[type="checkbox"]:not([disabled])') })
      .first();
    await free.locator('input[type="checkbox"]').check();
    await app.page.getByTestId('nt-add-selected').click();
    await app.page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.nodeCount) === 202);
    await waitForGraph(app.page, 60_000);

    // Fit: every node inside the canvas.
    await app.page.getByTestId('nt-text').focus();
    await app.page.keyboard.press('Escape');
    await table.waitFor({ state: 'detached' });
    await app.page.getByRole('button', { name: 'Fit the graph to the screen' }).click();
    await app.page.waitForTimeout(300);
    const box = (await app.page.getByTestId('canvas').boundingBox())!;
    const points = await rendered();
    expect(points).toHaveLength(202);
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(box.x);
      expect(p.x).toBeLessThanOrEqual(box.x + box.width);
      expect(p.y).toBeGreaterThanOrEqual(box.y);
      expect(p.y).toBeLessThanOrEqual(box.y + box.height);
    }
  });

  it('finds paths between two municipalities over partnerships, not through their country, and draws exactly the path', async () => {
    // Two French towns, neither in the hub, that are not partners but share one: four hops over
    // partnerships (town, partnership, town, partnership, town), two through France.
    const kindOf = new Map(graph.nodes.map((x) => [x.id, x.kind]));
    const byId = new Map(graph.nodes.map((x) => [x.id, x]));
    const between = new Map<string, typeof graph.relations>();
    const partnersOf = new Map<string, string[]>();
    for (const r of graph.relations) {
      for (const key of [`${r.from}|${r.to}`, `${r.to}|${r.from}`]) between.set(key, [...(between.get(key) ?? []), r]);
      if (r.kind === 'PARTY_TO') partnersOf.set(r.from, [...(partnersOf.get(r.from) ?? []), r.to]);
    }
    const partiesOf = new Map<string, string[]>();
    for (const [town, ps] of partnersOf) for (const p of ps) partiesOf.set(p, [...(partiesOf.get(p) ?? []), town]);
    const twins = (town: string) => new Set((partnersOf.get(town) ?? []).flatMap((p) => partiesOf.get(p)!).filter((t) => t !== town));
    const eligible = (id: string) => byId.get(id)?.country === 'FR' && !graph.hubNeighbours.has(id);
    let pair: { a: string; b: string } | null = null;
    for (const a of graph.nodes) {
      if (a.kind !== 'MUNICIPALITY' || !eligible(a.id)) continue;
      const direct = twins(a.id);
      for (const c of direct) {
        const b = [...twins(c)].find((t) => t !== a.id && eligible(t) && !direct.has(t));
        if (b) pair = { a: a.id, b };
        if (pair) break;
      }
      if (pair) break;
    }
    expect(pair).not.toBeNull();
    const { a, b } = pair!;
    const [nameA, nameB] = [byId.get(a)!.name, byId.get(b)!.name];

    await app.page.goto(`${app.served.baseUrl}/?focus=${a}&x=${a}&all=0&sel=node:${a}`);
    await waitForGraph(app.page, 60_000);
    const finder = app.page.getByTestId('path-finder');
    // "Located in" is left out by default from a municipality, and the summary says so.
    expect(await finder.getByTestId('path-kinds').locator('summary').textContent()).toContain('(not “located in”)');
    expect(await finder.locator('input[data-kind="LOCATED_IN"]').isChecked()).toBe(false);
    const to = finder.getByRole('combobox', { name: 'Path to' });
    await to.fill(nameB);
    const option = finder.getByRole('option').filter({ has: app.page.locator('.hit-name', { hasText: new RegExp(`^${nameB}$`) }) });
    await option.waitFor({ timeout: 30_000 });
    await option.click();
    const paths = finder.getByTestId('path');
    await paths.first().waitFor({ timeout: 60_000 });
    const headings = await paths.locator('h4').allTextContents();
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) expect(h).toMatch(/^Path \d+ of \d+: 4 hops/);
    for (const hops of await paths.allTextContents()) expect(hops).not.toContain('France');

    // Shown on the graph: the path's nodes in order in the URL, and exactly them drawn, with
    // exactly the path's relationships (a partnership between two drawn towns as one link).
    await paths.first().getByRole('button', { name: 'Show on the graph' }).click();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.getAll('pin').length > 0);
    await waitForGraph(app.page, 60_000);
    const path = new URL(app.page.url()).searchParams.getAll('pin');
    expect(path).toHaveLength(5);
    expect(path[0]).toBe(a);
    expect(path[4]).toBe(b);
    expect(path.some((id) => kindOf.get(id) === 'COUNTRY')).toBe(false);
    const expectedEdges: string[] = [];
    for (let i = 0; i + 1 < path.length; i++) {
      const hop = between.get(`${path[i]}|${path[i + 1]}`) ?? [];
      expect(hop.map((r) => r.kind)).toEqual(['PARTY_TO']);
      if (kindOf.get(path[i + 1]!) === 'PARTNERSHIP')
        expectedEdges.push(`partnership:${path[i + 1]}:${[path[i], path[i + 2]].sort().join(':')}`);
    }
    expect((await modelNodes()).map((x) => x.id).sort()).toEqual(path.filter((id) => kindOf.get(id) !== 'PARTNERSHIP').sort());
    expect((await app.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.edgeIds())).sort()).toEqual(expectedEdges.sort());
    expect(await app.page.getByTestId('canvas').getAttribute('data-emphasized')).toBe(
      path.filter((id) => kindOf.get(id) !== 'PARTNERSHIP').join(' '),
    );

    // With "located in" chosen too, the shortest path is two hops through France.
    await app.page.goto(`${app.served.baseUrl}/?focus=${a}&x=${a}&all=0&sel=node:${a}`);
    await waitForGraph(app.page, 60_000);
    await finder.getByTestId('path-kinds').locator('summary').click();
    await finder.locator('input[data-kind="LOCATED_IN"]').check();
    expect(await finder.getByTestId('path-kinds').locator('summary').textContent()).toBe('Over every kind of relationship');
    await to.fill(nameB);
    await option.waitFor({ timeout: 30_000 });
    await option.click();
    await app.page.waitForFunction(() => /: 2 hops/.test(document.querySelector('[data-testid="path"] h4')?.textContent ?? ''), undefined, {
      timeout: 60_000,
    });
    expect(await paths.first().locator('li.hop').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${nameA} .*France`)),
      expect.stringMatching(new RegExp(`^France .*${nameB}`)),
    ]);
  });
});
