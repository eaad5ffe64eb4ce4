import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * The exclusive lock on a data directory: a `lock/` folder holding who took it — process id, host,
 * boot id and the process's start time. A lock is stale, and taken over, when its holder is
 * provably gone: same host and boot, and no process with that id started at that time (a pid
 * reused after `kill -9`, as a restarted container's often is, is not the holder). A lock from
 * another host, or whose holder is alive, is refused.
 */

interface Holder {
  pid: number;
  host?: string;
  bootId?: string;
  /** Start time of the process, in clock ticks since boot (Linux /proc), when known. */
  startTicks?: number;
}

export class LockHeldError extends Error {}

/** Takes the lock folder `dir`; returns its release. Throws LockHeldError naming the holder. */
export function takeLock(dir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(dir);
      if (holder && isHeld(holder)) throw new LockHeldError(describe(holder));
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const fd = openSync(join(dir, 'holder.json'), 'w');
    writeSync(fd, JSON.stringify(self()));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      rmSync(dir, { recursive: true, force: true });
    };
    process.on('exit', release);
    return release;
  }
  throw new LockHeldError(`another process took it at the same moment`);
}

function self(): Holder {
  return { pid: process.pid, host: hostname(), bootId: bootId(), startTicks: startTicks(process.pid) };
}

function readHolder(dir: string): Holder | undefined {
  try {
    const value = JSON.parse(readFileSync(join(dir, 'holder.json'), 'utf8')) as Holder;
    return Number.isInteger(value.pid) ? value : undefined;
  } catch {
    // A lock of the first format: a bare pid.
    try {
      const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      return Number.isInteger(pid) && pid > 0 ? { pid } : undefined;
    } catch {
      return undefined;
    }
  }
}

function isHeld(holder: Holder): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  if (holder.bootId !== undefined && bootId() !== undefined && holder.bootId !== bootId()) return false;
  if (holder.pid === process.pid && holder.startTicks === startTicks(process.pid)) return false;
  if (!pidExists(holder.pid)) return false;
  if (holder.startTicks !== undefined) {
    const now = startTicks(holder.pid);
    if (now !== undefined && now !== holder.startTicks) return false;
  }
  return holder.pid !== process.pid;
}

function describe(holder: Holder): string {
  if (holder.host !== undefined && holder.host !== hostname()) return `process ${holder.pid} on the host ${holder.host}`;
  return `process ${holder.pid}`;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function startTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}
