import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, newPage, serveSeedGraph, type Served } from './harness.js';

export interface AppInBrowser {
  served: Served;
  browser: Browser;
  context: BrowserContext;
  /** A fresh page for each test. */
  page: Page;
}

/**
 * The hooks an explorer suite needs: the real server (as `serve` starts it) and Chromium, once for
 * the file; a new context and page for each test. Read the fields inside tests (they are set by then).
 * `setupTimeoutMs` is for a graph that takes long to build.
 */
export function appInBrowser(serve: () => Promise<Served>, setupTimeoutMs?: number): AppInBrowser {
  const s = {} as AppInBrowser;
  beforeAll(async () => {
    s.served = await serve();
    s.browser = await launchBrowser();
  }, setupTimeoutMs);
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

/** appInBrowser on the seed graph. */
export function seedGraphInBrowser(): AppInBrowser {
  return appInBrowser(serveSeedGraph);
}
