import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistogram, monitorEventLoopDelay, type IntervalHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { serve } from './harness.js';

/**
 * The server of a load test, in a process of its own (started by tests/hostile/loadProcess.ts):
 * the embedded store on a fresh data directory (journal and fsync included), seeded with the
 * contract graph, served on a loopback port. It measures its OWN event loop (what a request waits
 * for), so that the test's client work does not count against the server.
 *
 * Two measures of the event loop's delay, in milliseconds:
 *   - `wall`: monitorEventLoopDelay (resolution 10 ms), how late the loop's timers ran, whatever
 *     the cause; on a machine shared with other busy processes this includes the time the
 *     operating system gave them;
 *   - `own`: the same lateness of a 10 ms timer, counted only as far as the main thread ran on a
 *     CPU since the timer's previous run (Linux's per-thread schedstat; elsewhere the process's
 *     CPU time): the delay the server's own work caused, its garbage collection included, without
 *     the time the machine ran other processes instead (on a machine of its own the two agree).
 *     The targets are checked on this one; both are reported.
 *
 * Messages in: {measure: 'start'} starts both; {measure: 'stop'} sends back {delay: {wall, own}};
 * {close: true} stops and removes the directory.
 */

export interface DelayFigures {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

/** Nanoseconds the main thread has run on a CPU (Linux), else the process's CPU time. */
function mainThreadRunNs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) * 1000;
  }
}

/** Lateness of a 10 ms timer, each run's counted up to the time the main thread ran since the run before. */
class OwnDelay {
  readonly histogram: RecordableHistogram = createHistogram();
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    let due = performance.now() + 10;
    let ran = mainThreadRunNs();
    const tick = () => {
      const lateNs = (performance.now() - due) * 1e6;
      const now = mainThreadRunNs();
      this.histogram.record(Math.max(1, Math.round(Math.min(lateNs, now - ran))));
      ran = now;
      due = performance.now() + 10;
      this.timer = setTimeout(tick, 10);
    };
    this.timer = setTimeout(tick, 10);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

function figures(h: { percentile(at: number): number; max: number; count: number }): DelayFigures {
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max), count: h.count };
}

export type LoadServerMessage = { ready: true; url: string } | { delay: { wall: DelayFigures; own: DelayFigures } };

const dir = mkdtempSync(join(tmpdir(), 'atlas-load-'));
const { store } = await MemoryGraphStore.open(dir);
await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
const served = await serve(store);
let histogram: IntervalHistogram | undefined;
let own: OwnDelay | undefined;

process.on('message', (message: { measure?: 'start' | 'stop'; close?: boolean }) => {
  if (message.measure === 'start') {
    histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    own = new OwnDelay();
    own.start();
  } else if (message.measure === 'stop' && histogram && own) {
    histogram.disable();
    own.stop();
    process.send!({ delay: { wall: figures(histogram), own: figures(own.histogram) } } satisfies LoadServerMessage);
  } else if (message.close) {
    void served.close().then(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send!({ ready: true, url: served.url } satisfies LoadServerMessage);
