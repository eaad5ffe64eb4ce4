/**
 * Cooperative slicing for long loops on the server's one thread: `await slice()` inside a loop
 * returns at once until about `budgetMs` (10 ms) have passed since the last pause, then lets the event loop
 * run (other requests, timers) before going on. An import of tens of thousands of rows so never
 * holds the thread for more than a slice.
 */
export type Slicer = () => Promise<void> | undefined;

export function timeSlicer(budgetMs = 10): Slicer {
  let since = performance.now();
  return () => {
    const now = performance.now();
    if (now - since < budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** Runs work written as a generator (it yields where it may pause) to its end at once. */
export function runAll<T>(work: Generator<void, T>): T {
  let step = work.next();
  while (!step.done) step = work.next();
  return step.value;
}

/** Runs work written as a generator, pausing through `slice` where it yields once a slice's time is up. */
export async function runSliced<T>(work: Generator<void, T>, slice: Slicer): Promise<T> {
  let step = work.next();
  while (!step.done) {
    const pause = slice();
    if (pause) await pause;
    step = work.next();
  }
  return step.value;
}
