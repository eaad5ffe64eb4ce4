import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR } from './harness.js';
import { pairList } from './pairList.js';
import type { DelayFigures, LoadServerMessage } from './loadServer.js';

/**
 * An import of twin-cities size through the API (25,917 pairs among 17,717 places, generated
 * here) must not stall the server: while it runs, the server's event-loop delay stays at
 * p99 <= 50 ms and max <= 250 ms, /healthz answers within 100 ms, and node-by-id reads are answered.
 * The server runs in a process of its own (loadServer.ts) and measures its own event loop, so the
 * test's client work does not count against it; the targets are checked on the delay its own work
 * caused (see loadServer.ts: on a machine shared with other busy processes, the wall-clock figures,
 * also printed, include the time the machine ran those instead).
 */

/** The server process and a way to talk to it. */
class LoadServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static start(): Promise<LoadServer> {
    const child = fork(new URL('./loadServer.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the load server stopped (exit code ${code})`)));
      child.once('message', (m: LoadServerMessage) => {
        if ('ready' in m) resolve(new LoadServer(child, m.url));
      });
    });
  }

  startMeasuring(): void {
    this.child.send({ measure: 'start' });
  }

  stopMeasuring(): Promise<{ wall: DelayFigures; own: DelayFigures }> {
    return new Promise((resolve) => {
      const listener = (m: LoadServerMessage) => {
        if (!('delay' in m)) return;
        this.child.off('message', listener);
        resolve(m.delay);
      };
      this.child.on('message', listener);
      this.child.send({ measure: 'stop' });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ close: true });
    await exited;
  }

  /** Nanoseconds the server's main thread has run on a CPU (Linux's schedstat), or undefined elsewhere. */
  private runNs(): number | undefined {
    try {
      return Number(readFileSync(`/proc/${this.child.pid}/task/${this.child.pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return undefined;
    }
  }

  /**
   * A request and how long its answer took (ms): `ms` as the client saw it, `ownMs` counted only as
   * far as the server's main thread ran meanwhile (its own work before answering, not the time the
   * machine gave other processes; `ms` where that cannot be read).
   */
  async timed(path: string, init?: RequestInit): Promise<{ ms: number; ownMs: number; status: number; body: any }> {
    const ran = this.runNs();
    const started = performance.now();
    const response = await fetch(`${this.url}${path}`, init);
    const body = await response.json();
    const ms = performance.now() - started;
    const after = this.runNs();
    const ownMs = ran === undefined || after === undefined ? ms : Math.min(ms, (after - ran) / 1e6);
    return { ms, ownMs, status: response.status, body };
  }
}

const percentile = (values: number[], at: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((at / 100) * sorted.length) - 1)]!;
};

describe('an import of twin-cities size through the API', () => {
  let server: LoadServer;
  beforeAll(async () => {
    server = await LoadServer.start();
  });
  afterAll(() => server?.close());

  it('keeps the event loop responsive: p99 <= 50 ms, max <= 250 ms, /healthz within 100 ms, reads answered', async () => {
    const { text: content, placesUsed } = pairList(25_917, 17_717);
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      server.timed('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    server.startMeasuring();
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
    const delay = await server.stopMeasuring();
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
