import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_EXAMPLES } from '../../server/src/graphiqlExamples.js';
import { launchBrowser, newPage, serveSeedGraph, type Served } from './harness.js';

/** GraphiQL as a developer meets it: offline, with the schema loaded, the docs and the examples. */
describe('GraphiQL in Chromium', () => {
  let served: Served;
  let browser: Browser;
  beforeAll(async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production'; // as npm start runs it (Apollo's default would turn introspection off)
    try {
      served = await serveSeedGraph();
    } finally {
      process.env.NODE_ENV = previous;
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('loads the schema: the docs pane lists the fields of Query, and the examples open as tabs', async () => {
    const { context, page } = await newPage(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    try {
      await page.goto(`${served.baseUrl}/graphql`);
      await page.getByRole('button', { name: /show documentation explorer/i }).click();
      const docs = page.locator('.graphiql-doc-explorer');
      await docs.getByText('Query', { exact: true }).first().click();
      await expect.poll(() => docs.innerText(), { timeout: 15_000 }).toMatch(/similarMunicipalities/);
      const text = await docs.innerText();
      for (const field of ['node', 'search', 'neighborhood', 'shortestPath', 'recommendApproaches']) expect(text).toContain(field);
      // One tab per named example.
      const tabs = await page.locator('.graphiql-tab').allInnerTexts();
      expect(tabs.map((t) => t.trim())).toEqual(expect.arrayContaining(GRAPHIQL_EXAMPLES.map((e) => e.name)));
      expect(failed).toEqual([]);
      await page.screenshot({ path: 'test-results/graphiql.png' });
    } finally {
      await context.close();
    }
  });
});
