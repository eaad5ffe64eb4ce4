import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { createApp } from '../../server/src/app.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { TokenTable } from '../../server/src/auth.js';
import { EDITOR } from './harness.js';
import { CLIENT_TOKENS } from './loopProbe.js';
import { twinStore } from './twinGraph.js';

/**
 * The API in a process of its own (started by loopProbe.ts), so that the event-loop delay it
 * reports is the server's, not the test runner's: argv[2] picks the graph ("twin": the generated
 * twin-cities-size graph; "seed": the seed graph; "idle": no server at all, only the histogram, to
 * measure what the machine itself adds). It sends { ready, url } once listening, then answers
 * { delay } to { reset } and { read } messages: its own monitorEventLoopDelay histogram.
 */

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** The idle process only, once told { watch }: the slowest /healthz answer since the reset (ms), and how many. */
  healthzMax?: number;
  healthzCount?: number;
}

export type ServerMessage = { ready: true; url: string; nodes: number } | { delay: LoopDelay };
export type ControlMessage = { reset: true } | { read: true } | { watch: string };

const histogram = monitorEventLoopDelay({ resolution: 10 });
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

/** /healthz asked one request after another from this (otherwise idle) process: its answer time is the server's. */
const healthz = { max: 0, count: 0 };
async function watchHealth(url: string): Promise<void> {
  for (;;) {
    const start = performance.now();
    await (await fetch(`${url}/healthz`)).arrayBuffer();
    healthz.max = Math.max(healthz.max, performance.now() - start);
    healthz.count += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function answerControl(): void {
  process.on('message', (message: ControlMessage) => {
    if ('watch' in message) return void watchHealth(message.watch).catch(() => process.exit(1));
    if ('reset' in message) {
      histogram.reset();
      [healthz.max, healthz.count] = [0, 0];
    }
    const delay: LoopDelay = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      mean: ms(histogram.mean),
      healthzMax: Math.round(healthz.max),
      healthzCount: healthz.count,
    };
    process.send!({ delay } satisfies ServerMessage);
  });
  process.on('disconnect', () => process.exit(0));
}

async function main(): Promise<void> {
  const graph = process.argv[2] ?? 'twin';
  if (graph === 'idle') {
    histogram.enable();
    answerControl();
    process.send!({ ready: true, url: '', nodes: 0 } satisfies ServerMessage);
    return;
  }
  const store = graph === 'seed' ? new MemoryGraphStore() : await twinStore();
  if (graph === 'seed') await seedStore(store);
  const tokens = TokenTable.parse(
    [`editor:alice:${EDITOR}`, ...CLIENT_TOKENS.map((token, i) => `reader:client-${i + 1}:${token}`)].join(','),
    'ATLAS_TOKENS',
  );
  const app = await createApp(portsOf(store), { tokens });
  const server = app.http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  histogram.enable();
  answerControl();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.send!({ ready: true, url, nodes: store.graph.nodeCount } satisfies ServerMessage);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
