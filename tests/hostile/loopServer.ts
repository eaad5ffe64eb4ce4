import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { seedStore } from '../../graph-seed/seedStore.js';
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
}

export type ServerMessage = { ready: true; url: string; nodes: number } | { delay: LoopDelay };
export type ControlMessage = { reset: true } | { read: true };

const histogram = monitorEventLoopDelay({ resolution: 10 });
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

function answerControl(): void {
  process.on('message', (message: ControlMessage) => {
    if ('reset' in message) histogram.reset();
    const delay: LoopDelay = {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      mean: ms(histogram.mean),
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
