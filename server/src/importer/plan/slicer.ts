/**
 * Cooperative slicing for long loops on the server's one thread: `await slice()` inside a loop
 * returns at once until about `budgetMs` have passed since the last pause, then lets the event loop
 * run (other requests, timers) before going on. An import of tens of thousands of rows so never
 * holds the thread for more than a slice.
 */
export type Slicer = () => Promise<void> | undefined;

export function timeSlicer(budgetMs = 20): Slicer {
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
