import { readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getPriority, setPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread on the module next to `base` named `name` (no extension): the .js file when
 * running the built server, the .ts one when running from sources (tsx, vitest), where the worker
 * registers tsx before loading its module.
 */
export function startWorker(name: string, base: string): Worker {
  const fromSources = base.endsWith('.ts');
  const url = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, base);
  if (!fromSources) return new Worker(url);
  // tsx's ESM entry beside the CommonJS one require.resolve finds.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

/** How much less CPU priority (nice) a background worker takes than the thread that serves requests. */
const BACKGROUND_NICENESS = 10;

/**
 * Called inside a worker: lowers this thread's CPU priority (Linux, where a thread has its own
 * id and nice value), so that on a busy machine the main thread, which answers requests, gets the
 * CPU before background analysis. Elsewhere, or when not allowed, nothing happens.
 */
export function yieldCpuToMainThread(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return;
    setPriority(tid, Math.min(19, getPriority(tid) + BACKGROUND_NICENESS));
  } catch {
    // Not Linux, or not permitted: the worker runs at the process's priority.
  }
}
