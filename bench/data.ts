import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real data sets some benchmarks use beside the synthetic graphs (twin-cities.csv, the GeoNames
 * cities). They are not part of the repository: BENCH_DATA_DIR names the folder that holds them,
 * by default ../shared/data beside the checkout (the project's own machines).
 */
export const BENCH_DATA_DIR = resolve(process.env.BENCH_DATA_DIR ?? fileURLToPath(new URL('../../shared/data', import.meta.url)));

export const benchDataFile = (name: string): string => join(BENCH_DATA_DIR, name);

/** True when `path` exists; otherwise prints one line saying which benchmark is skipped and how to enable it. */
export function benchDataAvailable(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.error(`# skipped: ${what} (no ${path}; set BENCH_DATA_DIR to a folder holding it)`);
  return false;
}
