import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AtlasApp } from '../server/src/app.js';
import { latencies } from './measure.js';

/**
 * What a user pays: the same operation POSTed to the real HTTP server on loopback, one request at
 * a time over one kept-alive connection (so connection set-up is not counted, as for a browser or
 * a client library that reuses its connection). Latencies in microseconds, sorted; every answer
 * must be a 200 without errors, or the run stops.
 */
export async function httpLatencies<T>(app: AtlasApp, inputs: T[], body: (input: T) => object): Promise<number[]> {
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (payload: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  try {
    return await latencies(
      inputs.map((input) => JSON.stringify(body(input))),
      post,
    );
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}
