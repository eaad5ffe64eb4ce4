/**
 * Preloaded into a server a bench watches (`node --import tsx --import ./bench/loopWatch.ts ...`,
 * with LOOP_WATCH_FILE set): a 5 ms timer notes each of its turns: when (on the monotonic clock a
 * V8 CPU profile uses, so a profile tells what ran in between), how long since the turn before
 * (wall clock) and how much of that the main thread was on a CPU (Linux schedstat: the server's
 * own work, not the time a shared machine gave other processes). Every turn of the event loop
 * runs a timer that is due, so a long gap is the loop held: nothing else could run. Written to
 * LOOP_WATCH_FILE as JSON when the process exits; bench/loopBlocks.ts reads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Per turn of the timer: [end (µs, monotonic), gap (ms, wall clock), of which the main thread ran (ms)]. */
export type LoopTurns = [number, number, number][];

export const WATCH_PERIOD_MS = 5;

function runNs(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) * 1000;
  }
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

const file = process.env.LOOP_WATCH_FILE;
if (file) {
  const turns: LoopTurns = [];
  let last = nowUs();
  let ran = runNs();
  setInterval(() => {
    const now = nowUs();
    const running = runNs();
    const gapMs = (now - last) / 1000;
    turns.push([now, gapMs, Math.min(gapMs, (running - ran) / 1e6)]);
    last = now;
    ran = running;
  }, WATCH_PERIOD_MS).unref();
  process.on('exit', () => writeFileSync(file, JSON.stringify(turns)));
}
