import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, newPage, serveSeedGraph, type Served } from './harness.js';

export interface SeedBrowser {
  served: Served;
  browser: Browser;
  context: BrowserContext;
  /** A fresh page for each test. */
  page: Page;
}

/**
 * The hooks an explorer suite needs: the real server on the seed graph and Chromium, once for the
 * file; a new context and page for each test. Read the fields inside tests (they are set by then).
 */
export function seedGraphInBrowser(): SeedBrowser {
  const s = {} as SeedBrowser;
  beforeAll(async () => {
    s.served = await serveSeedGraph();
    s.browser = await launchBrowser();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.served?.close();
  });
  beforeEach(async () => {
    ({ context: s.context, page: s.page } = await newPage(s.browser));
  });
  afterEach(async () => {
    await s.context?.close();
  });
  return s;
}
