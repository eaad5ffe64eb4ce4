import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { GraphNode, GraphRelation } from '../../domain/model.js';
import type { ChangeRecord, ChangeSet } from '../GraphStore.js';

/**
 * The embedded store's files (docs/adr/0010-embedded-store-persistence.md): a snapshot of the
 * whole graph and an append-only journal of the change sets committed since, in one directory.
 *
 *   snapshot.ndjson  a header line {format, version, seq}, one line per node, relationship and
 *                    change record, and a closing line with their count and SHA-256. Written
 *                    to a temporary file, fsynced, then renamed over the old one: a reader sees
 *                    the old snapshot or the new one, never a mix.
 *   journal.ndjson   one line per committed change set: "<seq>\t<sha256 of json>\t<json>\n",
 *                    fsynced before the change is applied in memory and acknowledged. A crash
 *                    while appending leaves a torn last line, which recovery drops: that change
 *                    was never acknowledged.
 *   lock/            held by the one process using the directory (its pid inside).
 *
 * Recovery: the snapshot, then the journal lines with a seq above the snapshot's, in order.
 */

const FORMAT = 'cooperation-atlas-snapshot';
const VERSION = 1;
const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal.ndjson';
const LOCK = 'lock';

export class DataDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirectoryError';
  }
}

export interface GraphState {
  nodes: Iterable<GraphNode>;
  relations: Iterable<GraphRelation>;
  changes: Iterable<ChangeRecord>;
}

/** What a store replays on open. */
export interface Recovered {
  /** Whether the directory held a snapshot (false: a new directory, to be seeded). */
  existed: boolean;
  nodes: GraphNode[];
  relations: GraphRelation[];
  changes: ChangeRecord[];
  /** Journal entries to apply after the snapshot, in order. */
  journal: JournalEntry[];
  /** Bytes of a torn journal tail that were dropped (0 after a clean stop). */
  droppedBytes: number;
}

export type JournalEntry = { seq: number; clear?: false; set: ChangeSet } | { seq: number; clear: true };

export class DataDirectory {
  private seq = 0;
  private journalFd: number | undefined;
  private journalBytes = 0;

  private constructor(
    readonly dir: string,
    private readonly releaseLock: () => void,
    /** Journal size after which the next commit writes a snapshot and empties the journal. */
    private readonly compactAfterBytes: number,
  ) {}

  /**
   * Takes the directory (creating it), refusing when another live process holds it, and reads
   * what it holds. Call `recover` next, then `attach` once the state is in memory.
   */
  static open(dir: string, options: { compactAfterBytes?: number } = {}): DataDirectory {
    mkdirSync(dir, { recursive: true });
    const release = takeLock(join(dir, LOCK));
    return new DataDirectory(dir, release, options.compactAfterBytes ?? 256 * 2 ** 20);
  }

  async recover(): Promise<Recovered> {
    const snapshotPath = join(this.dir, SNAPSHOT);
    const result: Recovered = { existed: existsSync(snapshotPath), nodes: [], relations: [], changes: [], journal: [], droppedBytes: 0 };
    if (result.existed) this.seq = await readSnapshot(snapshotPath, result);
    const journalPath = join(this.dir, JOURNAL);
    if (existsSync(journalPath)) {
      const { entries, validBytes, totalBytes } = readJournal(journalPath);
      for (const entry of entries) {
        if (entry.seq <= this.seq) continue;
        if (entry.seq !== this.seq + 1) throw new DataDirectoryError(`${journalPath}: change ${entry.seq} follows ${this.seq}; the journal is damaged. Restore the directory from a backup.`);
        result.journal.push(entry);
        this.seq = entry.seq;
      }
      result.droppedBytes = totalBytes - validBytes;
      if (result.droppedBytes > 0) {
        // The torn tail of an append that never completed: that change was never acknowledged.
        const fd = openSync(journalPath, 'r+');
        try {
          ftruncateSync(fd, validBytes);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      this.journalBytes = validBytes;
    }
    return result;
  }

  /** Opens the journal for appending. After recovery; `state` is written as a first snapshot when there was none. */
  attach(state: () => GraphState, hadSnapshot: boolean): void {
    if (!hadSnapshot) this.writeSnapshot(state());
    this.journalFd = openSync(join(this.dir, JOURNAL), 'a');
  }

  /**
   * Appends one change set and makes it durable (fsync) before returning; the caller applies it in
   * memory afterwards. Every `compactAfterBytes` of journal, `state` (taken after the caller has
   * applied this change) is snapshotted first, at the next commit.
   */
  commit(set: ChangeSet | 'clear', state: () => GraphState): void {
    if (this.journalFd === undefined) throw new DataDirectoryError('the data directory is not attached');
    const seq = this.seq + 1;
    const json = JSON.stringify(set === 'clear' ? { clear: true } : set);
    const line = `${seq}\t${sha256(json)}\t${json}\n`;
    const buffer = Buffer.from(line, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.journalFd, buffer, written);
    fsyncSync(this.journalFd);
    this.seq = seq;
    this.journalBytes += buffer.length;
    if (this.journalBytes > this.compactAfterBytes) this.compactSoon = state;
  }

  private compactSoon: (() => GraphState) | undefined;

  /** Writes a snapshot when the journal has grown past its bound (call after applying a commit). */
  compactIfDue(): void {
    const state = this.compactSoon;
    if (!state) return;
    this.compactSoon = undefined;
    this.compact(state());
  }

  /** A snapshot of `state` at the current seq, then an empty journal. */
  compact(state: GraphState): void {
    this.writeSnapshot(state);
    if (this.journalFd !== undefined) {
      ftruncateSync(this.journalFd, 0);
      fsyncSync(this.journalFd);
    }
    this.journalBytes = 0;
  }

  close(): void {
    if (this.journalFd !== undefined) closeSync(this.journalFd);
    this.journalFd = undefined;
    this.releaseLock();
  }

  private writeSnapshot(state: GraphState): void {
    const path = join(this.dir, SNAPSHOT);
    const temporary = `${path}.tmp`;
    const fd = openSync(temporary, 'w');
    const hash = createHash('sha256');
    let count = 0;
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      if (pending.length === 0) return;
      const buffer = Buffer.from(pending.join(''), 'utf8');
      let written = 0;
      while (written < buffer.length) written += writeSync(fd, buffer, written);
      pending = [];
      pendingLength = 0;
    };
    const line = (value: unknown, hashed = true) => {
      const text = `${JSON.stringify(value)}\n`;
      if (hashed) hash.update(text);
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength > 1 << 20) flush();
    };
    try {
      line({ format: FORMAT, version: VERSION, seq: this.seq });
      const records = (key: string, values: Iterable<unknown>) => {
        for (const value of values) {
          line({ [key]: value });
          count += 1;
        }
      };
      records('n', state.nodes);
      records('r', state.relations);
      records('c', state.changes);
      line({ end: true, count, sha256: hash.digest('hex') }, false);
      flush();
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    syncDirectory(this.dir);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function readSnapshot(path: string, into: Recovered): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  const hash = createHash('sha256');
  let seq: number | undefined;
  let count = 0;
  let closed = false;
  let lineNumber = 0;
  const damaged = (why: string) => new DataDirectoryError(`${path}:${lineNumber}: ${why}; the snapshot is damaged. Restore the directory from a backup.`);
  for await (const line of lines) {
    lineNumber += 1;
    if (closed) throw damaged('text after the closing line');
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw damaged('not JSON');
    }
    if (seq === undefined) {
      if (value.format !== FORMAT || value.version !== VERSION || typeof value.seq !== 'number') throw damaged(`not a ${FORMAT} version ${VERSION} header`);
      seq = value.seq;
      hash.update(`${line}\n`);
      continue;
    }
    if (value.end === true) {
      if (value.count !== count || value.sha256 !== hash.digest('hex')) throw damaged('the checksum does not match');
      closed = true;
      continue;
    }
    hash.update(`${line}\n`);
    count += 1;
    if ('n' in value) into.nodes.push(value.n as GraphNode);
    else if ('r' in value) into.relations.push(value.r as GraphRelation);
    else if ('c' in value) into.changes.push(value.c as ChangeRecord);
    else throw damaged('a line that is neither node, relationship nor change');
  }
  if (seq === undefined || !closed) throw damaged('no closing line');
  return seq;
}

/** The journal's entries up to the first line that is incomplete or fails its checksum. */
function readJournal(path: string): { entries: JournalEntry[]; validBytes: number; totalBytes: number } {
  const totalBytes = statSync(path).size;
  const buffer = readFileSync(path);
  const entries: JournalEntry[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const end = buffer.indexOf(0x0a, offset);
    if (end < 0) break;
    const line = buffer.toString('utf8', offset, end);
    const firstTab = line.indexOf('\t');
    const secondTab = line.indexOf('\t', firstTab + 1);
    if (firstTab < 0 || secondTab < 0) break;
    const json = line.slice(secondTab + 1);
    if (sha256(json) !== line.slice(firstTab + 1, secondTab)) break;
    const seq = Number(line.slice(0, firstTab));
    const parsed = JSON.parse(json) as ChangeSet & { clear?: boolean };
    entries.push(parsed.clear ? { seq, clear: true } : { seq, set: parsed });
    offset = end + 1;
  }
  return { entries, validBytes: offset, totalBytes };
}

/** An exclusive lock on the directory; one left by a dead process is taken over. */
function takeLock(dir: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(dir);
      const fd = openSync(join(dir, 'pid'), 'w');
      writeSync(fd, String(process.pid));
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
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = lockHolder(dir);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new DataDirectoryError(
          `The data directory ${dir.replace(/\/lock$/, '')} is in use by process ${holder} (a running server or import). Stop it, or import through the running server's API.`,
        );
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new DataDirectoryError(`Could not lock the data directory (${dir}).`);
}

function lockHolder(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
