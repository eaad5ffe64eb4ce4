import { beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { GraphNode, GraphRelation } from '../../server/src/domain/model.js';
import { StoreWriteError, type ChangeRecord, type GraphBatch, type GraphStore } from '../../server/src/store/GraphStore.js';
import { CONTRACT_GRAPH_DIR } from './graphStoreContract.js';

const fixtureSources = [{ source: 'fixture', locator: 'test', quote: 'a test fact' }];
const town = (id: string, name: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  kind: 'MUNICIPALITY',
  name,
  altNames: [],
  names: [],
  level: 'CITY',
  country: 'BE',
  sources: fixtureSources,
  ...extra,
});
const memberOf = (from: string, to: string): GraphRelation => ({
  id: `${from}--member-of--${to}`,
  kind: 'MEMBER_OF',
  from,
  to,
  sources: fixtureSources,
});
const change = (id: string, at: string, nodeIds: string[]): ChangeRecord => ({
  id,
  at,
  actor: 'tester',
  action: 'UPDATE_NODE',
  subject: nodeIds[0]!,
  nodeIds,
  before: null,
  after: '{}',
  summary: `change ${id}`,
});

async function collect(batches: AsyncIterable<GraphBatch>): Promise<{ nodes: GraphNode[]; relations: GraphRelation[]; sizes: number[] }> {
  const nodes: GraphNode[] = [];
  const relations: GraphRelation[] = [];
  const sizes: number[] = [];
  for await (const b of batches) {
    nodes.push(...b.nodes);
    relations.push(...b.relations);
    sizes.push(b.nodes.length + b.relations.length);
  }
  return { nodes, relations, sizes };
}

/**
 * The write half of the port (applyChanges, the change log) and the bulk reads imports and
 * exports use, written once and run against every adapter, on the contract fixture graph.
 */
export function graphStoreChangesContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore changes contract: ${adapter}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store ??= await open();
      await store.clear();
      await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    });

    describe('graphVersion', () => {
      it('stays while nothing is written and changes with every committed write, even one that keeps the counts', async () => {
        const before = await store.graphVersion();
        expect(before).toMatch(/\S/);
        await store.search('roes', { first: 5, offset: 0 });
        expect(await store.graphVersion()).toBe(before);
        // Swap one relationship for another: the counts of nodes and relationships stay the same.
        await store.applyChanges({
          deleteRelations: ['roeselare--member-of--net-1'],
          putRelations: [memberOf('roermond', 'net-1')],
          log: [change('v1', '2026-01-02T00:00:00.000Z', ['roermond'])],
        });
        const after = await store.graphVersion();
        expect(after).not.toBe(before);
        expect(await store.graphVersion()).toBe(after);
      });
    });

    describe('applyChanges', () => {
      it('puts, deletes and logs in one change, in the documented order', async () => {
        const result = await store.applyChanges({
          deleteRelations: ['roeselare--member-of--net-1'],
          deleteNodes: ['roermond'],
          putNodes: [town('ypres', 'Ypres', { altNames: ['Ieper'] })],
          putRelations: [memberOf('ypres', 'net-1')],
          log: [change('c1', '2026-01-01T00:00:00.000Z', ['ypres'])],
        });
        // roermond had two relationships (LOCATED_IN and PARTICIPATES_IN net-2).
        expect(result).toEqual({ nodesWritten: 1, relationsWritten: 1, nodesDeleted: 1, relationsDeleted: 3 });
        expect(await store.getNodes(['roermond', 'ypres'])).toMatchObject([null, { id: 'ypres', altNames: ['Ieper'] }]);
        expect(await store.getDegrees(['roeselare', 'net-1', 'net-2'])).toEqual([4, 2, 1]);
        expect((await store.search('ieper', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['ypres']);
        expect((await store.search('roermond', { first: 5, offset: 0 })).totalCount).toBe(0);
        const stats = await store.stats();
        expect([stats.nodeCount, stats.relationCount]).toEqual([26, 31]);
      });

      it('refuses the whole change when something to delete does not exist', async () => {
        const before = await store.stats();
        const write = store.applyChanges({ putNodes: [town('ypres', 'Ypres')], deleteNodes: ['atlantis'] });
        await expect(write).rejects.toBeInstanceOf(StoreWriteError);
        await expect(write).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(
          store.applyChanges({ putNodes: [town('ypres', 'Ypres')], deleteRelations: ['no-such-relation'] }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(await store.getNodes(['ypres'])).toEqual([null]);
        expect(await store.stats()).toEqual(before);
      });

      it('refuses a relationship to a node the same change deletes, writing nothing', async () => {
        const before = await store.stats();
        const write = store.applyChanges({
          deleteNodes: ['net-2'],
          putNodes: [town('ypres', 'Ypres')],
          putRelations: [memberOf('ypres', 'net-2')],
        });
        await expect(write).rejects.toMatchObject({ code: 'DANGLING_RELATION' });
        expect(await store.stats()).toEqual(before);
        expect((await store.listChanges({ first: 10, offset: 0 })).totalCount).toBe(0);
      });

      it('replaces a relationship by id, also when it moves to other nodes', async () => {
        const moved: GraphRelation = { ...memberOf('roeselare', 'net-1'), to: 'net-2', note: 'moved' };
        await store.applyChanges({ putRelations: [moved] });
        expect(await store.getRelations([moved.id])).toEqual([{ ...moved }]);
        expect(await store.getDegrees(['net-1', 'net-2'])).toEqual([1, 3]);
      });
    });

    describe('bulk reads', () => {
      it('gets relationships by id, null for unknown ids', async () => {
        const [found, missing] = await store.getRelations(['prog-1--funds--p-roes-tamba', 'nope']);
        expect(missing).toBeNull();
        expect(found).toMatchObject({ kind: 'FUNDS', from: 'prog-1', to: 'p-roes-tamba', amount: 30000, currency: 'EUR' });
      });

      it('lists the relationships of several nodes, each once, by id', async () => {
        const relations = await store.relationsOfNodes(['roeselare', 'p-roes-tamba', 'nope'], ['PARTY_TO']);
        expect(relations.map((r) => r.id)).toEqual([
          'roeselare--party-to--p-roes-graf',
          'roeselare--party-to--p-roes-tamba',
          'tambacounda--party-to--p-roes-tamba',
        ]);
        expect((await store.relationsOfNodes(['roeselare'])).length).toBe(5);
      });

      it('finds nodes by exact normalised name or alternative name, of the kinds asked', async () => {
        expect((await store.findByNames(['LUIK', 'roeselare'])).map((n) => n.id)).toEqual(['liege', 'roeselare']);
        expect((await store.findByNames(['Grafenhainichen', 'roes'])).map((n) => n.id)).toEqual(['grafenhainichen']);
        expect((await store.findByNames(['Belgium', 'Liège'], ['COUNTRY'])).map((n) => n.id)).toEqual(['country-be']);
        expect(await store.findByNames(['', ' - '])).toEqual([]);
      });

      it('finds nodes by Wikidata item, following replacements and deletions', async () => {
        await store.applyChanges({
          putNodes: [town('ypres', 'Ypres', { wikidata: 'Q160002' }), town('ostend', 'Ostend', { wikidata: 'Q9049' })],
        });
        expect(await store.findByWikidata([])).toEqual([]);
        const found = await store.findByWikidata(['Q9049', 'Q160002', 'Q9049', 'Q1']);
        expect(found.map((n) => [n.id, n.wikidata])).toEqual([
          ['ostend', 'Q9049'],
          ['ypres', 'Q160002'],
        ]);
        expect((await store.getNodes(['ypres']))[0]).toEqual(town('ypres', 'Ypres', { wikidata: 'Q160002' }));
        // The QID moves with a replacement and goes with a deletion.
        await store.applyChanges({ putNodes: [town('ypres', 'Ypres', { wikidata: 'Q1296' })], deleteNodes: ['ostend'] });
        expect(await store.findByWikidata(['Q160002', 'Q9049'])).toEqual([]);
        expect((await store.findByWikidata(['Q1296'])).map((n) => n.id)).toEqual(['ypres']);
        await store.applyChanges({ putNodes: [town('ypres', 'Ypres')] });
        expect(await store.findByWikidata(['Q1296'])).toEqual([]);
        // A large change (the embedded store applies it to a copy of its indexes) keeps the QIDs it does not touch.
        await store.applyChanges({ putNodes: [town('ostend', 'Ostend', { wikidata: 'Q9049' })] });
        const many = Array.from({ length: 1_001 }, (_, i) => town(`town-${i}`, `Town ${i}`, { wikidata: `Q${5_000_000 + i}` }));
        await store.applyChanges({ putNodes: many });
        expect((await store.findByWikidata(['Q9049', 'Q5000000', 'Q5001000'])).map((n) => n.id)).toEqual(['ostend', 'town-0', 'town-1000']);
      }, 120_000);

      it('scans the whole graph in batches: nodes by id, then relationships by kind and id', async () => {
        const all = await collect(store.scan({ batchSize: 10 }));
        expect(all.nodes.map((n) => n.id)).toEqual([...all.nodes.map((n) => n.id)].sort());
        expect(all.nodes).toHaveLength(26);
        expect(all.relations).toHaveLength(33);
        expect(all.relations[0]!.kind).toBe('PARTY_TO');
        expect(all.sizes.every((s) => s <= 10)).toBe(true);
      });

      it('scans the nodes of some kinds and the relationships between them, or the nodes only', async () => {
        const sub = await collect(store.scan({ batchSize: 100, kinds: ['MUNICIPALITY', 'PARTNERSHIP'] }));
        expect(sub.nodes).toHaveLength(10);
        expect(sub.relations.map((r) => r.kind)).toEqual(['PARTY_TO', 'PARTY_TO', 'PARTY_TO', 'PARTY_TO', 'PARTY_TO', 'PARTY_TO']);
        const nodesOnly = await collect(store.scan({ batchSize: 100, kinds: ['MUNICIPALITY', 'PARTNERSHIP'], nodesOnly: true }));
        expect([nodesOnly.nodes.length, nodesOnly.relations.length]).toEqual([10, 0]);
      });
    });

    describe('change log', () => {
      it('lists changes newest first, per node, paged', async () => {
        await store.applyChanges({
          log: [change('c1', '2026-01-01T00:00:00.000Z', ['liege']), change('c2', '2026-01-02T00:00:00.000Z', ['liege', 'roeselare'])],
        });
        await store.applyChanges({
          log: [{ ...change('c3', '2026-01-02T00:00:00.000Z', ['roeselare']), source: 'fixture', before: '{"a":1}' }],
        });
        const all = await store.listChanges({ first: 10, offset: 0 });
        expect(all.items.map((c) => c.id)).toEqual(['c3', 'c2', 'c1']);
        expect(all.items[0]).toEqual({ ...change('c3', '2026-01-02T00:00:00.000Z', ['roeselare']), source: 'fixture', before: '{"a":1}' });
        expect(all.items[2]).toEqual(change('c1', '2026-01-01T00:00:00.000Z', ['liege']));
        const liege = await store.listChanges({ nodeId: 'liege', first: 1, offset: 0 });
        expect(liege).toMatchObject({ totalCount: 2, hasNextPage: true });
        expect(liege.items.map((c) => c.id)).toEqual(['c2']);
        expect((await store.listChanges({ nodeId: 'nope', first: 10, offset: 0 })).totalCount).toBe(0);
      });

      it('is emptied by clear and invisible to graph reads', async () => {
        await store.applyChanges({ log: [change('c1', '2026-01-01T00:00:00.000Z', ['liege'])] });
        expect((await store.stats()).nodeCount).toBe(26);
        await store.clear();
        expect((await store.listChanges({ first: 10, offset: 0 })).totalCount).toBe(0);
      });
    });
  });
}
