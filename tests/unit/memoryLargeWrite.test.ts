import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GraphNode, GraphRelation } from '../../server/src/domain/model.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';

/**
 * A large change set is applied without holding the event loop and without a reader ever seeing
 * part of it (docs/adr/0023): the store answers reads meanwhile, with the graph as it was until
 * the whole change is in, and the change is durable before it is visible.
 */

const SOURCES = [{ source: 'fixture', locator: 'p. 1', quote: 'as the fixture says' }];

function town(i: number): GraphNode {
  return { id: `town-${i}`, kind: 'MUNICIPALITY', name: `Town ${i}`, altNames: [], names: [], sources: SOURCES };
}

function partnership(i: number): { node: GraphNode; relations: GraphRelation[] } {
  const id = `pair-${i}`;
  return {
    node: { id, kind: 'PARTNERSHIP', name: `Pair ${i}`, altNames: [], names: [], sources: SOURCES },
    relations: [0, 1].map((k) => ({
      id: `${id}-${k}`,
      kind: 'PARTY_TO' as const,
      from: `town-${(i + k * 7) % 2_000}`,
      to: id,
      sources: SOURCES,
    })),
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('a large write to the embedded store', () => {
  it('lets other work run while it is applied, and readers see the graph before it or after it, never a part', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-large-write-'));
    dirs.push(dir);
    const { store } = await MemoryGraphStore.open(dir);
    const towns = Array.from({ length: 2_000 }, (_, i) => town(i));
    await store.bulkUpsert({ nodes: towns, relations: [] });
    const pairs = Array.from({ length: 30_000 }, (_, i) => partnership(i));

    const seen = new Set<string>();
    let turns = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        await new Promise((resolve) => setImmediate(resolve));
        turns += 1;
        const stats = await store.stats();
        const [last] = await store.getNodes(['pair-29999']);
        seen.add(`${stats.nodeCount}/${stats.relationCount}/${last ? 'last' : 'none'}`);
      }
    })();
    await store.applyChanges({ putNodes: pairs.map((p) => p.node), putRelations: pairs.flatMap((p) => p.relations) });
    writing = false;
    await reader;

    // The reader ran during the write, and only ever saw the whole graph before or after it.
    expect(turns).toBeGreaterThan(5);
    expect([...seen].every((s) => s === '2000/0/none' || s === '32000/60000/last')).toBe(true);
    expect(seen.has('2000/0/none')).toBe(true);
    const [one] = await store.relations({ nodeId: 'town-7', direction: 'OUT', offset: 0, first: 100 }).then((p) => [p.totalCount]);
    expect(one).toBe(pairs.flatMap((p) => p.relations).filter((r) => r.from === 'town-7').length);
    expect((await store.search('pair 29999', { offset: 0, first: 5 })).items[0]?.node.id).toBe('pair-29999');

    // Durable: a reopen finds it.
    await store.close();
    const reopened = await MemoryGraphStore.open(dir);
    expect((await reopened.store.stats()).nodeCount).toBe(32_000);
    expect((await reopened.store.stats()).relationCount).toBe(60_000);
    await reopened.store.close();
  }, 120_000);

  it('runs writes one at a time: an edit sent during a large write is applied after it, and both last', async () => {
    const store = new MemoryGraphStore();
    await store.bulkUpsert({ nodes: Array.from({ length: 2_000 }, (_, i) => town(i)), relations: [] });
    const pairs = Array.from({ length: 5_000 }, (_, i) => partnership(i));
    const large = store.applyChanges({ putNodes: pairs.map((p) => p.node), putRelations: pairs.flatMap((p) => p.relations) });
    const edit = store.applyChanges({ putNodes: [{ ...town(3), name: 'Renamed' }] });
    await Promise.all([large, edit]);
    expect((await store.getNodes(['town-3']))[0]?.name).toBe('Renamed');
    expect((await store.stats()).nodeCount).toBe(7_000);
  });
});
