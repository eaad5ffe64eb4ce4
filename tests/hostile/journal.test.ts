import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphNode } from '../../server/src/domain/model.js';
import { checkDataDirectory, DataDirectoryError, repairJournal } from '../../server/src/store/memory/DataDirectory.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';

/**
 * The journal keeps what was confirmed: a damaged record stops the start, naming it; only a torn
 * last record (never confirmed) is dropped by itself; `npm run data -- repair` changes nothing
 * without --apply and then drops exactly what `check` said.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const town = (i: number): GraphNode => ({
  id: `town-${i}`,
  kind: 'MUNICIPALITY',
  name: `Town ${i}`,
  altNames: [],
  names: [],
  level: 'CITY',
  sources: [{ source: 'town-source', locator: `p. ${i}`, quote: 'a test fact' }],
});
const SOURCE: GraphNode = {
  id: 'town-source',
  kind: 'SOURCE',
  name: 'Towns',
  altNames: [],
  names: [],
  sourceType: 'DATASET',
  sources: [{ source: 'town-source', locator: 'all', quote: 'the towns' }],
};

/** The journal's lines with their byte offsets, split by hand. */
function journalLines(path: string): { offset: number; text: string }[] {
  const bytes = readFileSync(path);
  const lines: { offset: number; text: string }[] = [];
  for (let start = 0; start < bytes.length;) {
    const end = bytes.indexOf(0x0a, start);
    lines.push({ offset: start, text: bytes.toString('utf8', start, end) });
    start = end + 1;
  }
  return lines;
}

describe('the journal of a data directory under damage', () => {
  let dir: string;
  let journal: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-journal-'));
    journal = join(dir, 'journal.ndjson');
    // A directory whose snapshot holds the source, and a journal of 5 confirmed records: one town each.
    const { store } = await MemoryGraphStore.open(dir);
    await store.applyChanges({ putNodes: [SOURCE] });
    await store.close();
    const { store: again } = await MemoryGraphStore.open(dir);
    for (let i = 1; i <= 5; i++) await again.applyChanges({ putNodes: [town(i)] });
    await again.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const towns = async (store: MemoryGraphStore) =>
    (await store.getNodes([1, 2, 3, 4, 5].map((i) => `town-${i}`))).map((n) => n?.id ?? null);

  /** Flips one byte inside the quoted name "Town <i>" of record i. */
  const damageRecord = (i: number) => {
    const line = journalLines(journal).find((l) => l.text.includes(`"Town ${i}"`))!;
    const bytes = readFileSync(journal);
    const at = line.offset + Buffer.byteLength(line.text.slice(0, line.text.indexOf(`"Town ${i}"`) + 1));
    bytes[at] = bytes[at]! ^ 0x20; // "Town" -> "town"
    writeFileSync(journal, bytes);
    return line.offset;
  };

  it('writes one record per change set, each line with its checksum, closed by a commit line', () => {
    const lines = journalLines(journal);
    // Change 1 (the source) is in the snapshot; the journal holds changes 2-6.
    expect(lines.map((l) => l.text.split('\t').slice(0, 2).join(' '))).toEqual([
      '2 p',
      '2 c',
      '3 p',
      '3 c',
      '4 p',
      '4 c',
      '5 p',
      '5 c',
      '6 p',
      '6 c',
    ]);
    for (const l of lines) expect(l.text.split('\t')[2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a flipped byte in record 2 of 5 stops the start, naming record 2, its offset and what to run; nothing is dropped', async () => {
    const offset = damageRecord(2);
    const before = readFileSync(journal);
    const attempt = MemoryGraphStore.open(dir);
    await expect(attempt).rejects.toBeInstanceOf(DataDirectoryError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`journal\\.ndjson: record 2 \\(change 3\\) at byte ${offset} is damaged: .*checksum does not match`),
    );
    await expect(MemoryGraphStore.open(dir)).rejects.toThrow(
      /1 record before it is intact; 3 whole records follow it\.[\s\S]*npm run data -- check[\s\S]*npm run data -- repair --apply/,
    );
    expect(readFileSync(journal).equals(before)).toBe(true);
  });

  it('a damaged LAST record (confirmed, newline-terminated) is refused too, not taken for a torn tail', async () => {
    damageRecord(5);
    await expect(MemoryGraphStore.open(dir)).rejects.toThrow(/record 5 \(change 6\) at byte \d+ is damaged/);
  });

  it('a torn tail (the last record cut short, never confirmed) is dropped by itself, and everything before it kept', async () => {
    const torn = '7\tp\t0123\t{"putNodes":[{"id":"half';
    appendFileSync(journal, torn);
    const { store, droppedBytes } = await MemoryGraphStore.open(dir);
    expect(droppedBytes).toBe(Buffer.byteLength(torn));
    expect(await towns(store)).toEqual(['town-1', 'town-2', 'town-3', 'town-4', 'town-5']);
    await store.close();
  });

  it('a last record whose parts are written but whose commit line is not is unconfirmed: dropped', async () => {
    const lines = journalLines(journal);
    // Cut the journal before the last commit line.
    const lastCommit = lines.at(-1)!;
    writeFileSync(journal, readFileSync(journal).subarray(0, lastCommit.offset));
    const { store, droppedBytes } = await MemoryGraphStore.open(dir);
    expect(droppedBytes).toBe(lastCommit.offset - lines.at(-2)!.offset);
    expect(await towns(store)).toEqual(['town-1', 'town-2', 'town-3', 'town-4', null]);
    await store.close();
  });

  it('check shows what is intact and what a repair would drop; repair without --apply changes nothing; with it, drops exactly that', async () => {
    const offset = damageRecord(2);
    const before = readFileSync(journal);
    const check = await checkDataDirectory(dir);
    expect(check.scan!.records.map((r) => r.seq)).toEqual([2]);
    expect(check.scan!.damage).toMatchObject({ number: 2, seq: 3, offset });
    expect(check.scan!.recordsAfterDamage).toBe(3);
    expect(check.repairAt).toBe(offset);

    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/dataCli.ts', ...args, dir], { cwd: ROOT }).catch(
        (e: { stdout: string; code: number }) => e,
      );
    const shown = await cli('repair');
    expect(shown.stdout).toContain('record 1 (change 2): intact');
    expect(shown.stdout).toContain(`record 2 (change 3) at byte ${offset}: DAMAGED`);
    expect(shown.stdout).toContain(
      `A repair keeps records 1 and drops record 2 and everything after it: ${(before.length - offset).toLocaleString('en')} bytes, 4 records.`,
    );
    expect(shown.stdout).toContain('Nothing was changed.');
    expect(readFileSync(journal).equals(before)).toBe(true);

    const copy = repairJournal(dir, check)!;
    expect(readFileSync(journal).equals(before.subarray(0, offset))).toBe(true);
    expect(readFileSync(copy).equals(before.subarray(offset))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('journal.ndjson.dropped-'))).toHaveLength(1);
    const { store } = await MemoryGraphStore.open(dir);
    expect(await towns(store)).toEqual(['town-1', null, null, null, null]);
    await store.close();
  }, 60_000);

  it('a change set larger than one part is written in parts and read back whole', async () => {
    const { store } = await MemoryGraphStore.open(dir);
    const many = Array.from({ length: 4_500 }, (_, i) => town(100 + i));
    await store.applyChanges({ putNodes: many });
    await store.close();
    expect(journalLines(journal).filter((l) => l.text.startsWith('7\tp\t'))).toHaveLength(3);
    const { store: again } = await MemoryGraphStore.open(dir);
    expect((await again.getNodes(['town-100', 'town-4599'])).map((n) => n?.name)).toEqual(['Town 100', 'Town 4599']);
    await again.close();
  });
});
