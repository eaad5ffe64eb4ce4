import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import type { ChangeSet } from '../GraphStore.js';

/**
 * The journal's format (docs/adr/0015-journal-records-and-repair.md). One committed change set is
 * one RECORD: one or more part lines, then a commit line, each line checksummed on its own:
 *
 *   <seq>\tp\t<sha256>\t{"putNodes":[...at most PART_SIZE...]}\n     a part of the change set
 *   <seq>\tc\t<sha256>\t{"parts":N}\n                               the commit: the record is whole
 *
 * where <sha256> is the SHA-256 of "<seq>\t<type>\t<payload>". A change set is written as parts so
 * that no single string has to hold it (an import of a million rows). A record is confirmed once
 * its commit line is on disk (fsync) — only then is the change applied and acknowledged.
 *
 * Reading tells two cases apart:
 *   - a TORN TAIL: the last record has no commit line (the process stopped while writing it, so it
 *     was never confirmed): dropped by itself;
 *   - DAMAGE: any line that ends with a newline but fails its checksum, or a record not followed by
 *     its commit: a confirmed change is unreadable, so the start is refused, naming the record.
 * Lines of the first format (`<seq>\t<sha256 of json>\t<json>`, one line per change set) still read.
 */

const PART_SIZE = 2_000;
const HEX64 = /^[0-9a-f]{64}$/;

export type JournalEntry = { seq: number; clear?: false; set: ChangeSet } | { seq: number; clear: true };

/** One record as found: where it is and what it holds. */
export interface JournalRecord {
  /** 1-based position in the journal. */
  number: number;
  seq: number;
  /** Byte offset of its first line, and its length in bytes. */
  offset: number;
  bytes: number;
  entry: JournalEntry;
}

export interface JournalDamage {
  /** The record's 1-based position in the journal. */
  number: number;
  seq: number | undefined;
  offset: number;
  reason: string;
}

export interface JournalScan {
  /** Intact, confirmed records up to the damage (or the end), in order. */
  records: JournalRecord[];
  damage?: JournalDamage;
  /** Records found whole after the damage (a repair drops them too: they may build on it). */
  recordsAfterDamage: number;
  /** The unconfirmed last record, when the journal ends in one. */
  tornTail?: { offset: number; bytes: number; seq: number | undefined };
  totalBytes: number;
}

function checksum(seq: number, type: string, payload: string): string {
  return createHash('sha256').update(`${seq}\t${type}\t${payload}`).digest('hex');
}

function line(seq: number, type: 'p' | 'c', payload: string): string {
  return `${seq}\t${type}\t${checksum(seq, type, payload)}\t${payload}\n`;
}

const LIST_KEYS = ['deleteRelations', 'deleteNodes', 'putNodes', 'putRelations', 'log'] as const;

/** Lines gathered into pieces of about a megabyte (journal records and snapshots are written so). */
export class LinePieces {
  private pending: string[] = [];
  private length = 0;

  add(text: string): void {
    this.pending.push(text);
    this.length += text.length;
  }

  /** Whether a piece is ready to be taken. */
  get full(): boolean {
    return this.length > 1 << 20;
  }

  /** The lines added since the last take, as UTF-8 bytes. */
  take(): Buffer {
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.length = 0;
    return buffer;
  }
}

/**
 * The bytes of one record for `set`, in pieces of about a megabyte, the commit line in the last:
 * a writer may pause between pieces (a large import is written a piece at a time, letting other
 * requests run), and a record cut short anywhere lacks its commit line, so it reads as a torn tail.
 */
export function* recordChunks(seq: number, set: ChangeSet | 'clear'): Generator<Buffer> {
  const pieces = new LinePieces();
  let parts = 0;
  const part = (payload: string) => {
    pieces.add(line(seq, 'p', payload));
    parts += 1;
  };
  if (set === 'clear') part('{"clear":true}');
  else {
    for (const key of LIST_KEYS) {
      const list = set[key] ?? [];
      for (let i = 0; i < list.length; i += PART_SIZE) {
        part(JSON.stringify({ [key]: list.slice(i, i + PART_SIZE) }));
        if (pieces.full) yield pieces.take();
      }
    }
    if (parts === 0) part('{}');
  }
  pieces.add(line(seq, 'c', JSON.stringify({ parts })));
  yield pieces.take();
}

/** Appends `buffer` to the file descriptor, however many writes it takes. */
export function writeAll(fd: number, buffer: Buffer): void {
  let written = 0;
  while (written < buffer.length) written += writeSync(fd, buffer, written);
}

type Line =
  | { kind: 'part'; seq: number; payload: Record<string, unknown> }
  | { kind: 'commit'; seq: number; parts: number }
  | { kind: 'legacy'; seq: number; payload: Record<string, unknown> };

/** A line's content, or why it is unreadable. */
function parseLine(text: string): Line | string {
  const fields = text.split('\t');
  const seq = Number(fields[0]);
  if (!Number.isInteger(seq) || seq < 1) return 'it does not start with a change number';
  if (fields.length >= 3 && HEX64.test(fields[1]!)) {
    const json = fields.slice(2).join('\t');
    if (createHash('sha256').update(json).digest('hex') !== fields[1]) return 'its checksum does not match';
    return { kind: 'legacy', seq, payload: JSON.parse(json) as Record<string, unknown> };
  }
  if (fields.length < 4 || (fields[1] !== 'p' && fields[1] !== 'c')) return 'it is not a journal line';
  const payload = fields.slice(3).join('\t');
  if (checksum(seq, fields[1], payload) !== fields[2]) return 'its checksum does not match';
  const value = JSON.parse(payload) as Record<string, unknown>;
  if (fields[1] === 'c')
    return typeof value.parts === 'number' ? { kind: 'commit', seq, parts: value.parts } : 'a commit line without its count of parts';
  return { kind: 'part', seq, payload: value };
}

/** The lines of a file with their byte offsets, read in pieces (a journal may be larger than a string can be). */
function* linesOf(path: string): Generator<{ offset: number; text: string; terminated: boolean }> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(4 << 20);
    let carry: Buffer = Buffer.alloc(0);
    let base = 0;
    for (let position = 0; position < size;) {
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) break;
      position += read;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end = data.indexOf(0x0a); end >= 0; end = data.indexOf(0x0a, start)) {
        yield { offset: base + start, text: data.toString('utf8', start, end), terminated: true };
        start = end + 1;
      }
      carry = Buffer.from(data.subarray(start));
      base += start;
    }
    if (carry.length > 0) yield { offset: base, text: carry.toString('utf8'), terminated: false };
  } finally {
    closeSync(fd);
  }
}

interface OpenRecord {
  seq: number;
  offset: number;
  parts: Record<string, unknown>[];
}

/** Reads a journal: its intact records, the first damage, a torn tail. Never changes the file. */
export function scanJournal(path: string, totalBytes: number): JournalScan {
  const scan: JournalScan = { records: [], recordsAfterDamage: 0, totalBytes };
  let open: OpenRecord | undefined;
  let previousSeq: number | undefined;
  const damage = (offset: number, seq: number | undefined, reason: string) => {
    scan.damage ??= { number: scan.records.length + 1, seq, offset, reason };
  };
  const close = (record: OpenRecord, end: number, entry: JournalEntry) => {
    if (scan.damage) scan.recordsAfterDamage += 1;
    else if (previousSeq !== undefined && record.seq !== previousSeq + 1)
      damage(record.offset, record.seq, `it is change ${record.seq}, but change ${previousSeq} came before it`);
    else scan.records.push({ number: scan.records.length + 1, seq: record.seq, offset: record.offset, bytes: end - record.offset, entry });
    previousSeq = record.seq;
  };
  for (const { offset, text, terminated } of linesOf(path)) {
    if (!terminated) {
      // The newline is the last byte of a record's write: without it the write never completed.
      if (!scan.damage) scan.tornTail = { offset: open?.offset ?? offset, bytes: totalBytes - (open?.offset ?? offset), seq: open?.seq };
      open = undefined;
      break;
    }
    let parsed: Line | string;
    try {
      parsed = parseLine(text);
    } catch {
      parsed = 'its content is not JSON';
    }
    if (typeof parsed === 'string') {
      const written = Number(text.slice(0, text.indexOf('\t')));
      damage(
        open?.offset ?? offset,
        open?.seq ?? (Number.isInteger(written) && written > 0 ? written : undefined),
        `its line at byte ${offset} fails (${parsed})`,
      );
      open = undefined;
      continue;
    }
    const end = offset + Buffer.byteLength(text) + 1;
    if (open && parsed.seq !== open.seq) {
      damage(open.offset, open.seq, `it has no commit line, and change ${parsed.seq} follows it`);
      open = undefined;
    }
    if (parsed.kind === 'legacy') {
      close({ seq: parsed.seq, offset, parts: [] }, end, entryOf(parsed.seq, [parsed.payload]));
    } else if (parsed.kind === 'part') {
      open ??= { seq: parsed.seq, offset, parts: [] };
      open.parts.push(parsed.payload);
    } else if (!open || open.parts.length !== parsed.parts) {
      damage(open?.offset ?? offset, parsed.seq, `its commit line counts ${parsed.parts} parts, ${open?.parts.length ?? 0} were found`);
      open = undefined;
    } else {
      close(open, end, entryOf(open.seq, open.parts));
      open = undefined;
    }
  }
  if (open && !scan.damage) scan.tornTail = { offset: open.offset, bytes: totalBytes - open.offset, seq: open.seq };
  return scan;
}

function entryOf(seq: number, parts: Record<string, unknown>[]): JournalEntry {
  if (parts.some((p) => p.clear === true)) return { seq, clear: true };
  const set: Record<string, unknown[]> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (!Array.isArray(value)) continue;
      const list = (set[key] ??= []);
      for (const item of value) list.push(item);
    }
  }
  return { seq, set: set as ChangeSet };
}
