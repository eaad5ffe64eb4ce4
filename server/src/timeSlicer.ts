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

/**
 * `items` sorted by `compare` into a new array (stable), as work that yields about every 4,000
 * comparisons: runs of 512 sorted with Array.sort, then merged pairwise, pass after pass.
 */
export function* sortedInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  const RUN = 512;
  const STEP = 4_096;
  let from: T[] = [];
  for (let start = 0; start < items.length; start += RUN) {
    for (const item of items.slice(start, start + RUN).sort(compare)) from.push(item);
    yield;
  }
  let to: T[] = new Array<T>(from.length);
  for (let width = RUN; width < from.length; width *= 2) {
    let since = 0;
    for (let low = 0; low < from.length; low += 2 * width) {
      const middle = Math.min(low + width, from.length);
      const high = Math.min(low + 2 * width, from.length);
      let [i, j, k] = [low, middle, low];
      while (i < middle && j < high) {
        to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
        if (++since === STEP) {
          since = 0;
          yield;
        }
      }
      while (i < middle) to[k++] = from[i++]!;
      while (j < high) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
    yield;
  }
  return from;
}
