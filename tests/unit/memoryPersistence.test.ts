import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { GraphNode } from '../../server/src/domain/model.js';
import { DataDirectoryError } from '../../server/src/store/memory/DataDirectory.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';

const town = (id: string, name: string): GraphNode => ({
  id,
  kind: 'MUNICIPALITY',
  name,
  altNames: [],
  names: [],
  level: 'CITY',
  country: 'BE',
  sources: [{ source: 'fixture', locator: 'x', quote: 'a test fact' }],
});

describe('the embedded store on a data directory', () => {
  let dir: string;
  const stores: MemoryGraphStore[] = [];
  const open = async () => {
    const opened = await MemoryGraphStore.open(dir);
    stores.push(opened.store);
    return opened;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts empty in a new directory and finds every committed change after a reopen', async () => {
    const first = await open();
    expect(first.existed).toBe(false);
    await seedStore(first.store, { dir: CONTRACT_GRAPH_DIR });
    await first.store.applyChanges({
      putNodes: [town('ypres', 'Ypres')],
      deleteNodes: ['roermond'],
      log: [
        {
          id: 'c1',
          at: '2026-01-01T00:00:00Z',
          actor: 't',
          action: 'CREATE_NODE',
          subject: 'ypres',
          nodeIds: ['ypres'],
          before: null,
          after: '{}',
          summary: 's',
        },
      ],
    });
    const stats = await first.store.stats();
    await first.store.close();

    const second = await open();
    expect(second.existed).toBe(true);
    expect(await second.store.stats()).toEqual(stats);
    expect(await second.store.getNodes(['ypres', 'roermond'])).toMatchObject([{ name: 'Ypres' }, null]);
    expect((await second.store.listChanges({ nodeId: 'ypres', first: 5, offset: 0 })).items.map((c) => c.id)).toEqual(['c1']);
    expect((await second.store.search('ypres', { first: 5, offset: 0 })).totalCount).toBe(1);
  });

  it('drops a torn last journal line (a crash while appending) and keeps everything before it', async () => {
    const first = await open();
    await seedStore(first.store, { dir: CONTRACT_GRAPH_DIR });
    await first.store.applyChanges({ putNodes: [town('ypres', 'Ypres')] });
    // Simulate a crash: no close (the lock stays, held by this live process: release it by hand).
    const journal = join(dir, 'journal.ndjson');
    appendFileSync(journal, '9\tdeadbeef\t{"putNodes":[{"id":"half');
    stores.pop();
    rmSync(join(dir, 'lock'), { recursive: true });

    const second = await open();
    expect(second.droppedBytes).toBeGreaterThan(0);
    expect(await second.store.getNodes(['ypres'])).toMatchObject([{ name: 'Ypres' }]);
    expect((await second.store.stats()).nodeCount).toBe(27);
    await second.store.applyChanges({ putNodes: [town('ghent', 'Ghent')] });
    await second.store.close();
    const third = await open();
    expect(await third.store.getNodes(['ypres', 'ghent'])).toMatchObject([{ name: 'Ypres' }, { name: 'Ghent' }]);
  });

  it('refuses a directory another live process holds, naming it', async () => {
    await open();
    const holder = join(dir, 'lock', 'holder.json');
    const ours = readFileSync(holder, 'utf8');
    const parent = { ...JSON.parse(ours), pid: process.ppid, startTicks: startTicks(process.ppid) };
    writeFileSync(holder, JSON.stringify(parent));
    await expect(MemoryGraphStore.open(dir)).rejects.toThrow(new RegExp(`in use by process ${process.ppid} `));
    writeFileSync(holder, ours);
  });

  it('takes over a lock whose pid now belongs to another process (a restart right after kill -9)', async () => {
    await open();
    stores.pop();
    const holder = join(dir, 'lock', 'holder.json');
    // The parent process is alive, but it is not the holder: the holder started at another time.
    writeFileSync(
      holder,
      JSON.stringify({ ...JSON.parse(readFileSync(holder, 'utf8')), pid: process.ppid, startTicks: startTicks(process.ppid)! - 1 }),
    );
    const second = await open();
    expect((await second.store.stats()).nodeCount).toBe(0);
  });

  it('refuses a damaged snapshot rather than serving part of it', async () => {
    const first = await open();
    await seedStore(first.store, { dir: CONTRACT_GRAPH_DIR });
    await first.store.close();
    await (await open()).store.close(); // folds the journal into the snapshot
    const snapshot = join(dir, 'snapshot.ndjson');
    const text = readFileSync(snapshot, 'utf8');
    writeFileSync(snapshot, text.replace('Roeselare', 'Roeselaer'));
    await expect(MemoryGraphStore.open(dir)).rejects.toBeInstanceOf(DataDirectoryError);
  });

  it('folds the journal into the snapshot on reopen', async () => {
    const first = await open();
    await seedStore(first.store, { dir: CONTRACT_GRAPH_DIR });
    await first.store.applyChanges({ putNodes: [town('ypres', 'Ypres')] });
    expect(statSync(join(dir, 'journal.ndjson')).size).toBeGreaterThan(0);
    await first.store.close();
    const second = await open();
    expect(statSync(join(dir, 'journal.ndjson')).size).toBe(0);
    expect(await second.store.getNodes(['ypres'])).toMatchObject([{ name: 'Ypres' }]);
  });
});

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function startTicks(pid: number): number | undefined {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
}
