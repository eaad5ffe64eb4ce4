/** Timing and reporting helpers: one JSON line per result, so runs can be compared over time. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export function emit(name: string, value: number, unit: string): BenchResult {
  const result = { name, value: Number(value.toPrecision(4)), unit };
  console.log(JSON.stringify(result));
  return result;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Runs `fn` once per input after a warm-up pass over the same inputs (so V8 has optimised the
 * code path: steady state, not first calls), and returns the latencies in microseconds, sorted.
 */
export async function latencies<T>(inputs: T[], fn: (input: T) => unknown): Promise<number[]> {
  for (const input of inputs) await fn(input);
  const out: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await fn(input);
    out.push((performance.now() - start) * 1000);
  }
  return out.sort((a, b) => a - b);
}

export function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}
