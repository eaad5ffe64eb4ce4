import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticClient } from '../../../server/src/staticClient.js';

/** The router that serves the built explorer, on a real HTTP server with a stand-in dist folder. */
async function serve(dist: string) {
  const app = express();
  app.get('/graphql', (_req, res) => void res.json({ api: true }));
  app.use(staticClient(dist));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}

describe('staticClient', () => {
  let built: Awaited<ReturnType<typeof serve>>;
  let missing: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'atlas-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>explorer</title>');
    writeFileSync(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
    built = await serve(dist);
    missing = await serve(join(dist, 'nope'));
  });
  afterAll(async () => {
    await built.close();
    await missing.close();
  });

  it('serves index.html at / and for other page paths (the app reads the view from the URL)', async () => {
    for (const path of ['/', '/?focus=roeselare', '/some/page']) {
      const r = await fetch(`${built.base}${path}`, { headers: { accept: 'text/html' } });
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('<title>explorer</title>');
      expect(r.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache life, and a 404 for a missing one', async () => {
    const ok = await fetch(`${built.base}/assets/main-abc123.js`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${built.base}/assets/gone.js`)).status).toBe(404);
  });

  it('leaves the API alone', async () => {
    expect(await (await fetch(`${built.base}/graphql`)).json()).toEqual({ api: true });
  });

  it('says in plain words what to run when the explorer is not built', async () => {
    const r = await fetch(`${missing.base}/`, { headers: { accept: 'text/html' } });
    expect(r.status).toBe(503);
    const text = (await r.text()).replace(/<[^>]+>/g, '');
    expect(text).toContain('The explorer is not built yet: run npm run build');
  });
});
