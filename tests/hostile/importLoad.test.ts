import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR } from './harness.js';
import { startLoopServer, type DelayFigures, type LoopServer } from './loopProbe.js';
import { pairList } from './pairList.js';

/**
 * An import of twin-cities size through the API (25,917 pairs among 17,717 places, generated
 * here) must not stall the server: while it runs, the server's event-loop delay stays at
 * p99 <= 50 ms and max <= 250 ms, /healthz answers within 100 ms, and node-by-id reads are answered.
 * The server runs in a process of its own (loopServer.ts: the contract graph, on a data directory)
 * and measures its own event loop, so the test's client work does not count against it; the targets
 * are checked on the delay its own work caused (see loopServer.ts: on a machine shared with other
 * busy processes, the wall-clock figures, also printed, include the time the machine ran those instead).
 */

const percentile = (values: number[], at: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((at / 100) * sorted.length) - 1)]!;
};

describe('an import of twin-cities size through the API', () => {
  let server: LoopServer;
  beforeAll(async () => {
    server = await startLoopServer('contract', { dataDir: true });
  });
  afterAll(() => server?.close());

  it('keeps the event loop responsive: p99 <= 50 ms, max <= 250 ms, /healthz within 100 ms, reads answered', async () => {
    const { text: content, placesUsed } = pairList(25_917, 17_717);
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      server.timed('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    await server.reset();
    const importing = post(
      {
        query:
          'mutation($c: String!) { importData(input: { fileName: "twins.csv", content: $c, apply: true }) { applied rows skippedRows createdNodes { kind count } } }',
        variables: { c: content },
      },
      { authorization: `Bearer ${EDITOR}` },
    );
    let done = false;
    void importing.finally(() => (done = true));
    const reads: number[] = [];
    const health: number[] = [];
    const healthOwn: number[] = [];
    while (!done) {
      const read = await post({ query: '{ node(id: "roeselare") { id } }' });
      expect(read.body.data.node.id).toBe('roeselare');
      reads.push(read.ms);
      const healthz = await server.timed('/healthz');
      expect(healthz.body.status).toBe('ok');
      health.push(healthz.ms);
      healthOwn.push(healthz.ownMs);
    }
    const result = await importing;
    const delay = await server.read();
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data.importData).toMatchObject({ applied: true, rows: 25_917, skippedRows: 0 });
    expect(result.body.data.importData.createdNodes).toEqual(
      expect.arrayContaining([
        { kind: 'MUNICIPALITY', count: placesUsed },
        { kind: 'PARTNERSHIP', count: 25_917 },
      ]),
    );
    const f = (d: DelayFigures) => `p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`;
    console.log(
      `import ${(result.ms / 1000).toFixed(1)} s; server event loop, own work: ${f(delay.own)}; wall clock: ${f(delay.wall)}; ` +
        `${reads.length} reads (p99 ${percentile(reads, 99).toFixed(0)} ms, max ${Math.max(...reads).toFixed(0)} ms); /healthz max ${Math.max(...healthOwn).toFixed(0)} ms own, ${Math.max(...health).toFixed(0)} ms wall clock`,
    );
    expect(reads.length).toBeGreaterThan(1);
    expect(delay.own.p99).toBeLessThanOrEqual(50);
    expect(delay.own.max).toBeLessThanOrEqual(250);
    expect(Math.max(...healthOwn)).toBeLessThanOrEqual(100);
  }, 300_000);
});
