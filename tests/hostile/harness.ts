import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions, type AtlasApp } from '../../server/src/app.js';
import { TokenTable } from '../../server/src/auth.js';
import { portsOf, type GraphAdapter } from '../../server/src/store/ports.js';

export const EDITOR = 'editor-token-0123456789abcdef';
export const TOKENS = TokenTable.parse(`editor:alice:${EDITOR}`, 'ATLAS_TOKENS');

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export interface Served {
  app: AtlasApp;
  url: string;
  close(): Promise<void>;
  /** POST /graphql with a JSON body (or raw text with a content type of the caller's). */
  post(body: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** GET a path; the body is parsed as JSON when the reply says it is JSON. */
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
}

/** The real HTTP stack on a loopback port. */
export async function serve(store: GraphAdapter, options: AppOptions = {}): Promise<Served> {
  const app = await createApp(portsOf(store), { tokens: TOKENS, ...options });
  const server: Server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    url,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.apollo.stop();
    },
    async post(body, headers = {}) {
      const raw = typeof body === 'string' && headers['content-type'] !== undefined;
      return reply(
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: raw ? (body as string) : JSON.stringify(body),
        }),
      );
    },
    async get(path, headers = {}) {
      return reply(await fetch(`${url}${path}`, { headers }));
    },
  };
}

export const SOURCE = { source: 'fixture', locator: 'p. 3', quote: 'as the fixture says' };
