import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistogram, monitorEventLoopDelay, type RecordableHistogram } from 'node:perf_hooks';
import { createApp } from '../../server/src/app.js';
import { TokenTable } from '../../server/src/auth.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { EDITOR } from './harness.js';
import { CLIENT_TOKENS, threadRunNs } from './loopProbe.js';
import { twinStore } from './twinGraph.js';

/**
 * The API in a process of its own (started by loopProbe.ts), so that the event-loop delay it
 * reports is the server's, not the test runner's or the load tool's. argv[2] picks the graph
 * ("twin": the generated twin-cities-size graph; "seed": the seed graph; "contract": the contract
 * fixture; "idle": no server at all, only the measures, to show what the machine itself adds);
 * argv[3] "dir" keeps the embedded store on a fresh data directory (journal and fsync included,
 * removed at close). It sends { ready, url, nodes } once listening.
 *
 * Two measures of the event loop's delay, in milliseconds:
 *   - `wall`: monitorEventLoopDelay (resolution 10 ms), how late the loop's timers ran, whatever
 *     the cause; on a machine shared with other busy processes this includes the time the
 *     operating system gave them;
 *   - `own`: the same lateness of a 10 ms timer, counted only as far as the main thread ran on a
 *     CPU since the timer's previous run (Linux's per-thread schedstat; elsewhere the process's
 *     CPU time): the delay the server's own work caused, its garbage collection included, without
 *     the time the machine ran other processes instead (on a machine of its own the two agree).
 *
 * Messages in (ControlMessage): { reset } clears both and answers { delay }; { read } answers
 * { delay } since the last reset; { watch: url, pid } (the idle process) asks url/healthz one
 * request after another from then on, and its slowest answer is reported in the delay (also
 * counted in the server's own work, process pid's main thread); { close } stops
 * the server, removes the data directory and exits.
 */

export interface DelayFigures {
  p50: number;
  p99: number;
  max: number;
  /** Samples: about one per 10 ms. */
  count: number;
}

export interface LoopDelay {
  wall: DelayFigures;
  own: DelayFigures;
  /** Once told { watch }: the slowest /healthz answer since the reset (ms, wall clock), and how many. */
  healthzMax: number;
  healthzCount: number;
  /** The slowest /healthz answer counted only as far as the server's main thread ran meanwhile (ms; its own work). */
  healthzOwnMax: number;
}

export type LoopGraph = 'twin' | 'seed' | 'contract' | 'idle';
export type ServerMessage = { ready: true; url: string; nodes: number; pid: number } | { delay: LoopDelay };
export type ControlMessage = { reset: true } | { read: true } | { watch: string; pid: number } | { close: true };

/** Nanoseconds the main thread has run on a CPU (Linux), else the process's CPU time. */
function mainThreadRunNs(): number {
  const ns = threadRunNs();
  if (ns !== undefined) return ns;
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/** Lateness of a 10 ms timer, each run's counted up to the time the main thread ran since the run before. */
class OwnDelay {
  histogram: RecordableHistogram = createHistogram();

  constructor() {
    let due = performance.now() + 10;
    let ran = mainThreadRunNs();
    const tick = () => {
      const lateNs = (performance.now() - due) * 1e6;
      const now = mainThreadRunNs();
      this.histogram.record(Math.max(1, Math.round(Math.min(lateNs, now - ran))));
      ran = now;
      due = performance.now() + 10;
      setTimeout(tick, 10).unref();
    };
    setTimeout(tick, 10).unref();
  }
}

const wall = monitorEventLoopDelay({ resolution: 10 });
const own = new OwnDelay();
wall.enable();

function figures(h: { percentile(at: number): number; max: number; count: number }): DelayFigures {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), count: h.count };
}

/**
 * /healthz asked one request after another from this (otherwise idle) process: its answer time is
 * the server's; and that time counted only as far as the server's main thread (process `pid`) ran
 * meanwhile, as loopProbe's timed() does.
 */
const healthz = { max: 0, ownMax: 0, count: 0 };
async function watchHealth(url: string, pid: number): Promise<void> {
  for (;;) {
    const ran = threadRunNs(pid);
    const start = performance.now();
    await (await fetch(`${url}/healthz`)).arrayBuffer();
    const ms = performance.now() - start;
    const after = threadRunNs(pid);
    healthz.max = Math.max(healthz.max, ms);
    healthz.ownMax = Math.max(healthz.ownMax, ran === undefined || after === undefined ? ms : Math.min(ms, (after - ran) / 1e6));
    healthz.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function answerControl(close: () => Promise<void>): void {
  process.on('message', (message: ControlMessage) => {
    if ('watch' in message) return void watchHealth(message.watch, message.pid).catch(() => process.exit(1));
    if ('close' in message) return void close().then(() => process.exit(0));
    if ('reset' in message) {
      wall.reset();
      own.histogram.reset();
      [healthz.max, healthz.ownMax, healthz.count] = [0, 0, 0];
    }
    const delay: LoopDelay = {
      wall: figures(wall),
      own: figures(own.histogram),
      healthzMax: Math.round(healthz.max),
      healthzCount: healthz.count,
      healthzOwnMax: Math.round(healthz.ownMax),
    };
    process.send!({ delay } satisfies ServerMessage);
  });
  process.on('disconnect', () => void close().then(() => process.exit(0)));
}

async function openStore(graph: Exclude<LoopGraph, 'idle'>, dir: string | undefined): Promise<MemoryGraphStore> {
  const store = dir ? (await MemoryGraphStore.open(dir)).store : new MemoryGraphStore();
  if (graph === 'seed') await seedStore(store);
  else if (graph === 'contract') await seedStore(store, { dir: new URL('../fixtures/contract-graph', import.meta.url).pathname });
  else await twinStore(store);
  return store;
}

async function main(): Promise<void> {
  const graph = (process.argv[2] ?? 'twin') as LoopGraph;
  if (graph === 'idle') {
    answerControl(async () => {});
    process.send!({ ready: true, url: '', nodes: 0, pid: process.pid } satisfies ServerMessage);
    return;
  }
  const dir = process.argv[3] === 'dir' ? mkdtempSync(join(tmpdir(), 'atlas-loop-')) : undefined;
  const store = await openStore(graph, dir);
  const tokens = TokenTable.parse(
    [`editor:alice:${EDITOR}`, ...CLIENT_TOKENS.map((token, i) => `reader:client-${i + 1}:${token}`)].join(','),
    'ATLAS_TOKENS',
  );
  const app = await createApp(portsOf(store), { tokens });
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  answerControl(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.apollo.stop();
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  // What starting cost is not measured.
  wall.reset();
  own.histogram.reset();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.send!({ ready: true, url, nodes: store.graph.nodeCount, pid: process.pid } satisfies ServerMessage);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
