import { mkdirSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitForGraph } from './harness.js';
import { seedGraphInBrowser } from './seedBrowser.js';

/**
 * The explorer in English, Dutch and French (issue 13): the main view in each language with its
 * words checked and a screenshot for the README, and a switch of language that changes every word
 * without loading or laying out the graph again.
 */

const e2e = seedGraphInBrowser();
let page: Page;

const SCREENSHOTS = 'docs/screenshots';
const MAIN_VIEW = '/?focus=roeselare&x=roeselare&all=0&sel=node:roeselare';

beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));
beforeEach(() => {
  page = e2e.page;
});

/** Words of each language on the main view: toolbar, legend, detail panel, relationship labels, the filters, a peer's explanation (the server's). */
const WORDS = {
  en: [
    'Show all',
    'Legend',
    'Collapse neighbours',
    'Municipality',
    'Relations',
    'Similar municipalities',
    'Path finder',
    'Node kinds',
    'member of',
    'Shares with Roeselare',
  ],
  nl: [
    'Alles tonen',
    'Legende',
    'Buren inklappen',
    'Gemeente',
    'Relaties',
    'Gelijkaardige gemeenten',
    'Paden zoeken',
    'Soorten knopen',
    'lid van',
    'Deelt met Roeselare',
  ],
  fr: [
    'Tout afficher',
    'Légende',
    'Replier les voisins',
    'Commune',
    'Relations',
    'Communes similaires',
    'Recherche de chemins',
    'Types de nœuds',
    'membre de',
    'Partage avec Roeselare',
  ],
} as const;

/** English words of the explorer that must not be left in a Dutch or French view. */
const ENGLISH_ONLY = [
  'Show all',
  'Legend',
  'Similar municipalities',
  'Path finder',
  'Node kinds',
  'Copy link',
  'Partner suggestions',
  'Shares with',
];

describe('the explorer in three languages', { timeout: 90_000 }, () => {
  for (const lang of ['en', 'nl', 'fr'] as const) {
    it(`shows the main view in ${lang} (?lang=${lang})`, async () => {
      const graphqlLanguages = new Set<string>();
      page.on('request', (r: Request) => {
        if (r.url().endsWith('/graphql')) graphqlLanguages.add(r.headers()['accept-language'] ?? '');
      });
      await page.goto(`${e2e.served.baseUrl}${MAIN_VIEW}&lang=${lang}`);
      await waitForGraph(page);
      await page.getByTestId('peers').locator('.peer').first().waitFor();
      await page.locator('[data-testid="details"] .sources').waitFor();
      const text = await page.locator('body').innerText();
      for (const word of WORDS[lang]) expect(text, `"${word}" in the ${lang} view`).toContain(word);
      if (lang !== 'en')
        for (const word of ENGLISH_ONLY)
          expect(text, `English "${word}" left in the ${lang} view`).not.toMatch(new RegExp(`\\b${word}\\b`));
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(lang);
      await expect(page.getByTestId('language').inputValue()).resolves.toBe(lang);
      // The canvas's own label (for screen readers) and the relationship labels drawn on it.
      const canvasLabel = await page.getByTestId('canvas').getAttribute('aria-label');
      expect(canvasLabel).toMatch({ en: /^Graph of \d+ nodes/, nl: /^Graaf van \d+ knopen/, fr: /^Graphe de \d+ nœuds/ }[lang]);
      expect([...graphqlLanguages]).toEqual([lang]);
      await page.screenshot({ path: `${SCREENSHOTS}/explorer-${lang}.png` });
    });
  }

  it('opens in the browser language, else the stored choice; a switch changes every word at once, keeps the drawing, and is stored', async () => {
    const nl = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-BE' });
    const nlPage = await nl.newPage();
    await nlPage.goto(`${e2e.served.baseUrl}/?all=0`);
    await expect(nlPage.getByTestId('empty').textContent()).resolves.toContain('Het canvas is leeg');
    await nl.close();

    await page.goto(`${e2e.served.baseUrl}${MAIN_VIEW}`);
    // The canvas reports its layout done before the first load starts too: wait for the nodes, then their layout.
    await page.waitForFunction(
      () => ((window as unknown as { __atlas?: { modelNodes(): unknown[] } }).__atlas?.modelNodes().length ?? 0) > 0,
    );
    await waitForGraph(page);
    await expect(page.getByRole('button', { name: 'Show all' }).count()).resolves.toBe(1);
    const before = await page.evaluate(() =>
      (window as unknown as { __atlas: { modelNodes(): { id: string; x: number; y: number }[] } }).__atlas.modelNodes(),
    );
    const requests: string[] = [];
    page.on('request', (r: Request) => {
      if (r.url().endsWith('/graphql'))
        requests.push(String((JSON.parse(r.postData() ?? '{}') as { query?: string }).query).match(/query (\w+)/)?.[1] ?? '?');
    });

    // From the change to the re-rendered DOM, measured in the page; four switches, ending in French.
    const SHOW_ALL = { en: 'Show all', nl: 'Alles tonen', fr: 'Tout afficher' };
    const times: number[] = [];
    for (const lang of ['fr', 'nl', 'en', 'fr'] as const) {
      times.push(
        await page.evaluate(
          async ({ lang, word }) => {
            const select = document.querySelector<HTMLSelectElement>('[data-testid="language"]')!;
            const done = () => document.querySelector('.toolbar button')?.textContent === word && document.documentElement.lang === lang;
            const start = performance.now();
            select.value = lang;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            // React renders a discrete event's update before the event returns or in a microtask; poll at the finest grain after that.
            while (!done()) await new Promise((r) => setTimeout(r, 0));
            return performance.now() - start;
          },
          { lang, word: SHOW_ALL[lang] },
        ),
      );
      await page.waitForTimeout(300);
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `language switch (fr, nl, en, fr): ${times.map((t) => t.toFixed(1)).join(', ')} ms from the change to the re-rendered DOM; median ${((sorted[1]! + sorted[2]!) / 2).toFixed(1)} ms`,
    );
    // The target is 100 ms; the bound is generous for a loaded test machine.
    expect(Math.max(...times)).toBeLessThan(1000);
    await expect(page.locator('#legend-title').textContent()).resolves.toBe('Légende');

    expect(new URL(page.url()).searchParams.get('lang')).toBe('fr');
    await expect(page.evaluate(() => localStorage.getItem('atlas.lang'))).resolves.toBe('fr');
    await page.waitForTimeout(500);
    // No graph reloaded: per switch, the names of the nodes held (one request), the filter choices, and the
    // peers panel (peers and partners) for its explanations in the new language.
    expect(requests.filter((r) => r === 'NodeNames')).toHaveLength(4);
    expect([...new Set(requests)].sort()).toEqual(['FilterOptions', 'NodeNames', 'SimilarMunicipalities']);
    const after = await page.evaluate(() =>
      (window as unknown as { __atlas: { modelNodes(): { id: string; x: number; y: number }[] } }).__atlas.modelNodes(),
    );
    expect(after).toEqual(before);
    await expect(page.getByTestId('canvas').getAttribute('data-layout-state')).resolves.toBe('done');

    // The stored choice opens the next visit in French, a ?lang= still wins.
    await page.goto(`${e2e.served.baseUrl}/?all=0`);
    await expect(page.getByTestId('empty').textContent()).resolves.toContain('Le canevas est vide');
    await page.goto(`${e2e.served.baseUrl}/?all=0&lang=nl`);
    await expect(page.getByTestId('empty').textContent()).resolves.toContain('Het canvas is leeg');
  });

  it('keeps the source’s printed feature labels as quotes beside the translated ones', async () => {
    await page.goto(`${e2e.served.baseUrl}/?all=0&lang=nl`);
    await page.getByRole('button', { name: 'Beoordeling van de werkvormen' }).click();
    const header = page.getByTestId('ratings').locator('th[data-feature="GOVERNANCE_STRENGTHENING"]').first();
    await header.waitFor();
    await expect(header.locator('.feature-label').textContent()).resolves.toBe('Bijdrage aan de versterking van het lokaal bestuur');
    // Verbatim, the source's typo included.
    await expect(header.locator('q[lang="en"]').textContent()).resolves.toBe('Contrbution to governance strengthening');
    await expect(page.getByTestId('ratings').textContent()).resolves.toContain('Stedenband');
  });
});
