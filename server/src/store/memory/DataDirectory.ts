import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { UserFacingError } from '../../domain/errors.js';
import type { GraphNode, GraphRelation } from '../../domain/model.js';
import type { ChangeRecord, ChangeSet } from '../GraphStore.js';
import { LockHeldError, takeLock } from './directoryLock.js';
import { timeSlicer, type Slicer } from '../../timeSlicer.js';
import { LinePieces, recordChunks, scanJournal, writeAll, type JournalEntry, type JournalScan } from './journal.js';

export type { JournalEntry } from './journal.js';

/**
 * The embedded store's files (docs/adr/0010-embedded-store-persistence.md): a snapshot of the
 * whole graph and an append-only journal of the change sets committed since, in one directory.
 *
 *   snapshot.ndjson  a header line {format, version, seq}, one line per node, relationship and
 *                    change record, and a closing line with their count and SHA-256. Written
 *                    to a temporary file, fsynced, then renamed over the old one: a reader sees
 *                    the old snapshot or the new one, never a mix.
 *   journal.ndjson   one record per committed change set, in parts, each line checksummed, closed
 *                    by a commit line (format and recovery rules: journal.ts), fsynced before
 *                    the change is applied in memory and acknowledged. A crash while appending
 *                    leaves a torn last record, which recovery drops: that change was never
 *                    acknowledged. A record is written a megabyte at a time with pauses between
 *                    (other requests run) and fsynced off the main thread; a write that fails
 *                    half-way is cut off again, so the next record never follows a torn one. A damaged record anywhere else stops the start, naming it;
 *                    `npm run data -- check|repair` shows and mends it.
 *   lock/            held by the one process using the directory (directoryLock.ts).
 *
 * Recovery: the snapshot, then the journal lines with a seq above the snapshot's, in order.
 */

const FORMAT = 'cooperation-atlas-snapshot';
const VERSION = 1;
const SNAPSHOT = 'snapshot.ndjson';
const JOURNAL = 'journal.ndjson';
const LOCK = 'lock';

export class DataDirectoryError extends UserFacingError {
  constructor(message: string) {
    super('DATA_DIRECTORY', message);
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
    let release: () => void;
    try {
      release = takeLock(join(dir, LOCK));
    } catch (e) {
      if (!(e instanceof LockHeldError)) throw e;
      throw new DataDirectoryError(
        `The data directory ${dir} is in use by ${e.message} (a running server or import). Stop it, or import through the running server's API.`,
      );
    }
    return new DataDirectory(dir, release, options.compactAfterBytes ?? 256 * 2 ** 20);
  }

  async recover(): Promise<Recovered> {
    const snapshotPath = join(this.dir, SNAPSHOT);
    const result: Recovered = { existed: existsSync(snapshotPath), nodes: [], relations: [], changes: [], journal: [], droppedBytes: 0 };
    if (result.existed) this.seq = await readSnapshot(snapshotPath, result);
    const journalPath = join(this.dir, JOURNAL);
    if (!existsSync(journalPath)) return result;
    const scan = scanJournal(journalPath, statSync(journalPath).size);
    if (scan.damage) throw new DataDirectoryError(damageMessage(journalPath, scan));
    for (const { entry } of scan.records) {
      if (entry.seq <= this.seq) continue;
      if (entry.seq !== this.seq + 1)
        throw new DataDirectoryError(
          `${journalPath}: change ${entry.seq} follows ${this.seq}; the journal is damaged. Run \`npm run data -- check\` to see what is intact, or restore the directory from a backup.`,
        );
      result.journal.push(entry);
      this.seq = entry.seq;
    }
    const validBytes = scan.tornTail ? scan.tornTail.offset : scan.totalBytes;
    // The torn tail of an append that never completed: that change was never acknowledged.
    if (scan.tornTail) truncate(journalPath, validBytes);
    result.droppedBytes = scan.totalBytes - validBytes;
    this.journalBytes = validBytes;
    return result;
  }

  /** Opens the journal for appending. After recovery; `state` is written as a first snapshot when there was none. */
  async attach(state: () => GraphState, hadSnapshot: boolean): Promise<void> {
    if (!hadSnapshot) await this.writeSnapshot(state());
    this.journalFd = openSync(join(this.dir, JOURNAL), 'a');
  }

  /**
   * Appends one change set and makes it durable (fsync) before resolving; the caller applies it in
   * memory afterwards. The record is written a piece at a time, pausing through `slice` between
   * pieces, and fsynced off the main thread, so a large import does not stall the server; the
   * caller must not commit again before this resolves. When a write fails, the journal is cut back
   * to where the record began. Once the journal has grown past `compactAfterBytes`, the next
   * compactIfDue writes a snapshot.
   */
  async commit(set: ChangeSet | 'clear', slice: Slicer = timeSlicer()): Promise<void> {
    const fd = this.journalFd;
    if (fd === undefined) throw new DataDirectoryError('the data directory is not attached');
    const seq = this.seq + 1;
    let bytes = 0;
    try {
      for (const chunk of recordChunks(seq, set)) {
        writeAll(fd, chunk);
        bytes += chunk.length;
        await slice();
      }
      await fsyncAsync(fd);
    } catch (e) {
      // A record cut short here would read as damage once another record follows it.
      ftruncateSync(fd, this.journalBytes);
      throw e;
    }
    this.seq = seq;
    this.journalBytes += bytes;
    if (this.journalBytes > this.compactAfterBytes) this.compactDue = true;
  }

  private compactDue = false;

  /** Writes a snapshot of `state` when the journal has grown past its bound (call after applying a commit). */
  async compactIfDue(state: () => GraphState, slice: Slicer = timeSlicer()): Promise<void> {
    if (!this.compactDue) return;
    this.compactDue = false;
    await this.compact(state(), slice);
  }

  /**
   * A snapshot of `state` at the current seq, then an empty journal. `state` must not change until
   * this resolves (the store holds its writes back meanwhile).
   */
  async compact(state: GraphState, slice: Slicer = timeSlicer()): Promise<void> {
    await this.writeSnapshot(state, slice);
    if (this.journalFd !== undefined) {
      ftruncateSync(this.journalFd, 0);
      await fsyncAsync(this.journalFd);
    }
    this.journalBytes = 0;
  }

  close(): void {
    if (this.journalFd !== undefined) closeSync(this.journalFd);
    this.journalFd = undefined;
    this.releaseLock();
  }

  private async writeSnapshot(state: GraphState, slice: Slicer = timeSlicer()): Promise<void> {
    const path = join(this.dir, SNAPSHOT);
    const temporary = `${path}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      for (const chunk of snapshotChunks(state, this.seq)) {
        writeAll(fd, chunk);
        await slice();
      }
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
    syncDirectory(this.dir);
  }
}

const fsyncAsync = promisify(fsync);

/** The snapshot of `state` at `seq`, in pieces of about a megabyte. */
function* snapshotChunks(state: GraphState, seq: number): Generator<Buffer> {
  const hash = createHash('sha256');
  let count = 0;
  const pieces = new LinePieces();
  const line = (value: unknown, hashed = true) => {
    const text = `${JSON.stringify(value)}\n`;
    if (hashed) hash.update(text);
    pieces.add(text);
  };
  line({ format: FORMAT, version: VERSION, seq });
  const records = [
    ['n', state.nodes],
    ['r', state.relations],
    ['c', state.changes],
  ] as const;
  for (const [key, values] of records) {
    for (const value of values) {
      line({ [key]: value });
      count += 1;
      if (pieces.full) yield pieces.take();
    }
  }
  line({ end: true, count, sha256: hash.digest('hex') }, false);
  yield pieces.take();
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
  const damaged = (why: string) =>
    new DataDirectoryError(`${path}:${lineNumber}: ${why}; the snapshot is damaged. Restore the directory from a backup.`);
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
      if (value.format !== FORMAT || value.version !== VERSION || typeof value.seq !== 'number')
        throw damaged(`not a ${FORMAT} version ${VERSION} header`);
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

function truncate(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The message that stops a start on a damaged journal: which record, where, what to run. */
export function damageMessage(path: string, scan: JournalScan): string {
  const d = scan.damage!;
  const after = scan.recordsAfterDamage;
  return [
    `${path}: record ${d.number}${d.seq !== undefined ? ` (change ${d.seq})` : ''} at byte ${d.offset} is damaged: ${d.reason}.`,
    `${scan.records.length} record${scan.records.length === 1 ? '' : 's'} before it ${scan.records.length === 1 ? 'is' : 'are'} intact; ${after} whole record${after === 1 ? '' : 's'} follow${after === 1 ? 's' : ''} it.`,
    'These were confirmed changes, so the server does not start without you deciding:',
    '  npm run data -- check            shows what is intact and what a repair would drop',
    '  npm run data -- repair --apply   drops the damaged record and everything after it (a copy is kept)',
    'or restore the directory from a backup.',
  ].join('\n');
}

/** What `npm run data -- check` finds, and what a repair would do. */
export interface DirectoryCheck {
  journal: string;
  scan: JournalScan | undefined;
  /** The byte offset a repair truncates the journal to, or undefined when nothing is to drop. */
  repairAt: number | undefined;
}

/**
 * Checks a data directory's snapshot (throws DataDirectoryError when damaged: restore it) and
 * journal, holding its lock (so never while a server uses it). Changes nothing.
 */
export async function checkDataDirectory(
  dir: string,
): Promise<DirectoryCheck & { snapshotSeq: number | undefined; counts: { nodes: number; relations: number; changes: number } }> {
  const directory = DataDirectory.open(dir);
  try {
    const snapshotPath = join(dir, SNAPSHOT);
    const into: Recovered = { existed: true, nodes: [], relations: [], changes: [], journal: [], droppedBytes: 0 };
    const snapshotSeq = existsSync(snapshotPath) ? await readSnapshot(snapshotPath, into) : undefined;
    const journal = join(dir, JOURNAL);
    const scan = existsSync(journal) ? scanJournal(journal, statSync(journal).size) : undefined;
    const repairAt = scan?.damage?.offset ?? scan?.tornTail?.offset;
    return {
      journal,
      scan,
      repairAt,
      snapshotSeq,
      counts: { nodes: into.nodes.length, relations: into.relations.length, changes: into.changes.length },
    };
  } finally {
    directory.close();
  }
}

/**
 * Drops the journal from `check.repairAt` on (the damaged record and every record after it, or a
 * torn tail), after copying the dropped bytes beside it; returns the copy's path.
 */
export function repairJournal(dir: string, check: DirectoryCheck): string | undefined {
  if (check.repairAt === undefined) return undefined;
  const directory = DataDirectory.open(dir);
  try {
    const copy = `${check.journal}.dropped-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    const fd = openSync(check.journal, 'r');
    const out = openSync(copy, 'w');
    try {
      const chunk = Buffer.alloc(4 << 20);
      for (let position = check.repairAt; ;) {
        const read = readSync(fd, chunk, 0, chunk.length, position);
        if (read === 0) break;
        writeAll(out, chunk.subarray(0, read));
        position += read;
      }
      fsyncSync(out);
    } finally {
      closeSync(fd);
      closeSync(out);
    }
    truncate(check.journal, check.repairAt);
    syncDirectory(dir);
    return copy;
  } finally {
    directory.close();
  }
}
