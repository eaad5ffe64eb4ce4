import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Locks this module instance holds (a worker process runs test files one after another). */
const acquired = new Set<string>();

/**
 * A lock across test worker processes, so that the test files sharing the run's one Neo4j
 * database take turns (each clears and seeds it). A lock left by a dead process is taken over.
 */
export async function acquireExclusive(name: string, timeoutMs = 590_000): Promise<() => void> {
  const dir = path.join(os.tmpdir(), `atlas-lock-${name.replace(/[^a-z0-9]+/gi, '-')}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'pid'), String(process.pid));
      acquired.add(dir);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        acquired.delete(dir);
        process.off('exit', release);
        rmSync(dir, { recursive: true, force: true });
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (holderIsGone(dir)) rmSync(dir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${dir}`, { cause: e });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Dead, or this very process, which reuses workers across test files and holds nothing now (see acquired). */
function holderIsGone(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8'));
  } catch {
    return false; // being created right now
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return !acquired.has(dir);
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
