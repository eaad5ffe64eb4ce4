import { describe, expect, it } from 'vitest';
import { waitForGraph } from './harness.js';
import { seedGraphInBrowser } from './seedBrowser.js';

/** The explorer's analysis sections in a real Chromium against the real server on the seed graph: what a user sees. */

const seeded = seedGraphInBrowser();

const ROESELARE = '/?focus=roeselare&x=roeselare&all=0';
const emphasized = async () =>
  ((await seeded.page.getAttribute('[data-testid="canvas"]', 'data-emphasized')) ?? '').split(' ').filter(Boolean);

async function open(path: string): Promise<void> {
  await seeded.page.goto(`${seeded.served.baseUrl}${path}`);
  await waitForGraph(seeded.page);
}

describe('the analysis sections', { timeout: 60_000 }, () => {
  it('lists peers that are not partners, why in words, partners apart; highlights a peer and what it shares, and opens it', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    const peers = seeded.page.getByTestId('peers');
    await peers.getByRole('heading', { name: 'Similar municipalities' }).waitFor();
    const rows = peers.locator('ol.peer-list li.peer');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(2);
    // Dogbo is Roeselare's partner: never a peer, listed under "Already partners" with the partnership.
    expect((await rows.locator('.peer-open').allTextContents()).filter((t) => t.startsWith('Dogbo'))).toEqual([]);
    const partners = peers.getByTestId('already-partners');
    await partners.getByRole('heading', { name: 'Already partners' }).waitFor();
    expect(await partners.locator('.peer-open').allTextContents()).toEqual([expect.stringMatching(/^Dogbo/)]);
    expect(await partners.locator('.peer-why').textContent()).toContain('Already a partner: Roeselare');
    // Every row: a stacked bar with one part per basis, and the why as text one can read.
    const first = rows.first();
    expect(await first.locator('.score-seg').count()).toBeGreaterThan(0);
    const why = first.locator('.peer-why');
    expect(await why.isVisible()).toBe(true);
    expect(await why.textContent()).toMatch(/^Shares with Roeselare \d+ /);
    // N: the seed's municipalities (54 since the second curation pass).
    expect(await why.textContent()).toMatch(/ln\(1 \+ \d+ \/ n\)/);
    await expect(first.getByRole('button').getAttribute('aria-describedby')).resolves.toMatch(/^peer-why-/);

    // Keyboard focus and pointer: the peer's shared evidence that is drawn is emphasised on the canvas.
    const viaVvsg = rows.filter({ hasText: 'VVSG' }).first();
    const peerId = await viaVvsg.getAttribute('data-peer');
    await viaVvsg.locator('.peer-open').focus();
    await seeded.page.waitForFunction(() => !!document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.emphasized);
    expect(await emphasized()).toContain('vvsg');
    await viaVvsg.locator('.peer-open').blur();
    expect(await emphasized()).toEqual([]);
    await viaVvsg.locator('.peer-open').hover();
    expect(await emphasized()).toContain('vvsg');

    // Clicking opens the peer as the focus.
    await viaVvsg.locator('.peer-open').click();
    await seeded.page.waitForFunction((id) => new URL(location.href).searchParams.get('focus') === id, peerId);
    await waitForGraph(seeded.page);
  });

  it('keeps the peers settings (measure, weight, bases, country, level) in the URL', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    const peers = seeded.page.getByTestId('peers');
    const rows = peers.locator('ol.peer-list li.peer');
    await rows.first().waitFor();
    const param = (name: string) => seeded.page.evaluate((n) => new URL(location.href).searchParams.getAll(n), name);
    await peers.getByLabel('Measure', { exact: true }).selectOption('ADAMIC_ADAR');
    await seeded.page.waitForFunction(() => new URL(location.href).searchParams.get('pm') === 'ADAMIC_ADAR');
    await peers.getByLabel('Weight', { exact: true }).selectOption('EQUAL');
    await peers.getByRole('checkbox', { name: 'Themes' }).uncheck();
    await peers.getByLabel('Peers in country (ISO codes)').fill('be');
    await peers.getByLabel('Peers in country (ISO codes)').press('Enter');
    await peers.getByLabel('Level', { exact: true }).selectOption('CITY');
    await seeded.page.waitForFunction(() => new URL(location.href).searchParams.get('pl') === 'CITY');
    expect([await param('pw'), await param('pc'), (await param('pb'))[0]!.split('.')]).toEqual([
      ['EQUAL'],
      ['BE'],
      expect.not.arrayContaining(['THEMES']),
    ]);
    await seeded.page.waitForFunction(() => !document.querySelector('[data-testid="peers"] [role="status"]'));
    // The same link opens the same settings.
    await seeded.page.reload();
    await waitForGraph(seeded.page);
    await rows.first().waitFor();
    expect(await peers.getByLabel('Measure', { exact: true }).inputValue()).toBe('ADAMIC_ADAR');
    expect(await peers.getByLabel('Weight', { exact: true }).inputValue()).toBe('EQUAL');
    expect(await peers.getByRole('checkbox', { name: 'Themes' }).isChecked()).toBe(false);
    expect(await peers.getByLabel('Peers in country (ISO codes)').inputValue()).toBe('BE');
    expect(await peers.getByLabel('Level', { exact: true }).inputValue()).toBe('CITY');
    expect(await rows.locator('.peer-open').first().textContent()).toMatch(/^Ostend/);
    expect(await rows.locator('.peer-why').first().textContent()).toContain(
      'Each shared thing counts 1 / ln(how many municipalities have it)',
    );
  });

  it('finds the shortest paths from the selected node to a searched one, with kinds and quotes, and draws the path', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    const finder = seeded.page.getByTestId('path-finder');
    const to = finder.getByRole('combobox', { name: 'Path to' });
    await to.fill('antwerp');
    const option = finder.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
    await option.waitFor();
    expect(await option.textContent()).toContain('Antwerp');
    await to.press('Enter');
    const paths = finder.getByTestId('path');
    await paths.first().waitFor();
    const first = paths.first();
    expect(await first.locator('h4').textContent()).toMatch(/Path 1 of \d+: 2 hops/);
    const hops = await first.locator('li.hop').allTextContents();
    expect(hops).toHaveLength(2);
    expect(hops[0]).toMatch(/^Roeselare /);
    expect(hops[1]).toContain('Antwerp');
    expect(await first.locator('blockquote').count()).toBeGreaterThan(0);
    const drawnIds = () =>
      seeded.page.evaluate(() => (window as unknown as { __atlas: { nodes(): { id: string }[] } }).__atlas.nodes().map((n) => n.id));
    expect(await drawnIds()).not.toContain('antwerp');
    await first.getByRole('button', { name: 'Show on the graph' }).click();
    await seeded.page.waitForFunction(() =>
      (document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.emphasized ?? '').split(' ').includes('antwerp'),
    );
    await waitForGraph(seeded.page);
    expect(await drawnIds()).toContain('antwerp');
    expect(await emphasized()).toEqual(expect.arrayContaining(['roeselare', 'antwerp']));
    expect(await emphasized()).toHaveLength(3); // the whole path is drawn
    // Exactly the path is drawn, and it is in the URL: its three nodes, pinned.
    expect((await drawnIds()).sort()).toEqual([...(await emphasized())].sort());
    expect(new URL(seeded.page.url()).searchParams.getAll('pin')).toEqual(expect.arrayContaining(['roeselare', 'antwerp']));
    expect(new URL(seeded.page.url()).searchParams.getAll('pin')).toHaveLength(3);
  });

  it('suggests partners for a municipality with the paths that justify them, and draws a path on request', async () => {
    await open(`${ROESELARE}&sel=node:roeselare`);
    const box = seeded.page.getByTestId('suggestions');
    const rows = box.locator('li.suggestion');
    await rows.first().waitFor();
    // Roeselare's memberships of VVSG (derived from "All 300 municipalities in Flanders are members") lead to HIVA.
    const hiva = box.locator('li.suggestion[data-candidate="hiva-ku-leuven"]');
    const text = await hiva.textContent();
    expect(text).toContain('HIVA');
    expect(text).toMatch(/score \d/);
    expect(text).toContain('via VVSG, which has member Roeselare and is supported by HIVA');
    await hiva.getByRole('button', { name: 'Show on the graph' }).first().click();
    await seeded.page.waitForFunction(() =>
      (document.querySelector<HTMLElement>('[data-testid="canvas"]')?.dataset.emphasized ?? '').split(' ').includes('hiva-ku-leuven'),
    );
    expect(await emphasized()).toEqual(expect.arrayContaining(['roeselare', 'vvsg', 'hiva-ku-leuven']));
    // The candidate's name opens it as the focus.
    await hiva.getByRole('button', { name: /HIVA/ }).click();
    await seeded.page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'hiva-ku-leuven');
  });

  it('ranks the approaches for wishes set beside the ratings table, with met and missed wishes, and opens an example case', async () => {
    await open('/?all=0');
    await seeded.page.getByRole('button', { name: 'Approach ratings' }).click();
    const advisor = seeded.page.getByTestId('ratings').getByTestId('advisor');
    await advisor.getByRole('heading', { name: 'Which approach fits?' }).waitFor();
    await expect(advisor.textContent()).resolves.toContain('No wish yet.');
    await advisor.getByLabel('Budget: at most').selectOption({ label: '+' });
    await advisor.getByLabel('Reciprocity: weight').selectOption('3');
    const ranked = advisor.getByRole('list', { name: 'Approaches ranked for your wishes' }).locator('li.recommendation');
    await ranked.first().waitFor();
    expect(await ranked.count()).toBe(8);
    const texts = await ranked.allTextContents();
    // Those that meet every wish come first; the others say which wish they miss, with the printed rating.
    const firstMiss = texts.findIndex((t) => !t.includes('meets all your wishes'));
    expect(firstMiss).toBeGreaterThan(0);
    expect(texts.slice(firstMiss).every((t) => /✗ .*Budget \(\+\+/.test(t))).toBe(true);
    expect(texts[0]).toMatch(/^2\. Twinning score 6\.00 meets all your wishes✓ Budget \(\+\), Reciprocity \(\+\+\)/);
    expect(texts[firstMiss]).toMatch(/^1\. City-to-city partnership score 9\.00 misses 1/);
    // An example case opens as the focus of the graph.
    const caseButton = ranked.locator('.cases button').first();
    const name = await caseButton.textContent();
    await caseButton.click();
    await seeded.page.waitForFunction(
      () => !document.querySelector('[data-testid="ratings"]') && !!new URL(location.href).searchParams.get('focus'),
    );
    await waitForGraph(seeded.page);
    await expect(seeded.page.getByTestId('details').locator('#details-title').textContent()).resolves.toBe(name);
  });
});
