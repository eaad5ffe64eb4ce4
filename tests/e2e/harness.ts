import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { CLIENT_DIST } from '../../server/src/staticClient.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';

/** Debian's Chromium; never a downloaded browser build. CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine needs: no sandbox as root, and no background traffic to a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Served {
  app: AtlasApp;
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built explorer to serve (default client/dist; the client benchmark's build is client/dist-bench). */
  clientDist?: string;
}

/** The real API server on the seed graph, with the built explorer, on a free port of the loopback. */
export async function serveSeedGraph(options: ServeOptions = {}): Promise<Served> {
  const store = new MemoryGraphStore();
  await seedStore(store);
  return serveStore(store, options);
}

/** The real API server on a store the caller filled (a synthetic graph), with the built explorer. */
export async function serveStore(store: MemoryGraphStore, { clientDist = CLIENT_DIST }: ServeOptions = {}): Promise<Served> {
  if (!existsSync(`${clientDist}/index.html`)) {
    throw new Error(
      clientDist === CLIENT_DIST
        ? 'The explorer is not built: run npm run build:client first.'
        : `No built explorer in ${clientDist}: run npm run build:bench first.`,
    );
  }
  const app = await createApp(portsOf(store), { clientDist });
  const server = await new Promise<Server>((resolve) => {
    const s = app.http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await app.apollo.stop();
      await store.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: install it with apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context and page. Benchmarks pass `bypassCSP`: they poll with string predicates
 * (tsx rewrites inner functions with a helper the page lacks), which the app's CSP forbids as eval.
 */
export async function newPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
  { bypassCSP = false } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, bypassCSP });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page };
}

/** Waits until the view is loaded and the canvas (or the list) shows it, laid out. */
export async function waitForGraph(page: Page, timeout = 15_000): Promise<void> {
  const settled = () =>
    page.waitForFunction(
      () => {
        if (document.querySelector('[data-testid="loading"]')) return false;
        if (document.querySelector('[data-testid="list-view"]')) return true;
        const c = document.querySelector<HTMLElement>('[data-testid="canvas"]');
        return !!c && c.dataset.layoutState === 'done';
      },
      undefined,
      { timeout },
    );
  // Twice, a moment apart: a fresh page reports "done" before its first load has started.
  await settled();
  await page.waitForTimeout(300);
  await settled();
}
