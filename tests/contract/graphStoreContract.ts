import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSeed } from '../../server/src/seed/loadSeed.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { GraphNode } from '../../server/src/domain/model.js';
import {
  StoreWriteError,
  type GraphStore,
  type ListQuery,
  type NeighbourPage,
  type NeighbourQuery,
  type NodeFilter,
} from '../../server/src/store/GraphStore.js';

export const CONTRACT_GRAPH_DIR = new URL('../fixtures/contract-graph', import.meta.url).pathname;

const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

/**
 * The GraphStore contract, written once, run against every adapter: each adapter's test file calls
 * this with a function that opens an empty store. Expected answers come from the fixture graph
 * tests/fixtures/contract-graph, worked out by hand from the port's documented rules.
 */
export function graphStoreContract(adapter: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${adapter}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open();
      await store.clear();
      await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
    });

    describe('getNodes and getDegrees', () => {
      it('answers in the order asked, null for unknown ids, with every field and its provenance', async () => {
        const [liege, missing, programme] = await store.getNodes(['liege', 'no-such-node', 'prog-1']);
        expect(missing).toBeNull();
        expect(liege).toMatchObject({
          id: 'liege',
          kind: 'MUNICIPALITY',
          name: 'Liège',
          altNames: ['Luik', 'Lüttich'],
          names: [],
          level: 'CITY',
          country: 'BE',
        });
        expect(liege!.sources).toEqual([{ source: 'fixture', locator: 'a', quote: 'Liège' }]);
        expect(programme).toMatchObject({
          startYear: 2022,
          endYear: 2026,
          amount: 30000,
          amountMax: 40000,
          currency: 'EUR',
          amountPeriod: 'PER_YEAR',
        });
      });

      it('keeps the approach ratings exactly as printed, in column order', async () => {
        const [tw] = await store.getNodes(['approach-tw']);
        expect(tw!.ratings!.map((r) => r.printed)).toEqual(['-', '++', '+++', '1', '++', '++', '+++', '+']);
        expect(tw!.ratings![3]!.feature).toBe('PRIVATE_SECTOR_INVOLVEMENT');
      });

      it('counts relationships in and out, 0 for unknown ids', async () => {
        expect(await store.getDegrees(['roeselare', 'tambacounda', 'nope'])).toEqual([5, 3, 0]);
      });
    });

    describe('search', () => {
      const search = (text: string, extra: Partial<{ kinds: GraphNode['kind'][]; first: number; offset: number }> = {}) =>
        store.search(text, { first: 20, offset: 0, ...extra });

      it('finds by prefix and ranks a name that starts with the text above word matches', async () => {
        const page = await search('roes');
        expect(page.items.map((h) => [h.node.id, h.score])).toEqual([
          ['school-b', 81],
          ['roeselare', 81],
          ['p-roes-graf', 81],
          ['p-roes-tamba', 81],
          ['province-x', 61],
        ]);
        expect(page.totalCount).toBe(5);
      });

      it('ignores accents and case, and matches alternative names', async () => {
        expect((await search('LIEGE')).items.map((h) => [h.node.id, h.score])).toEqual([['liege', 101]]);
        expect((await search('luik')).items.map((h) => [h.node.id, h.score])).toEqual([['liege', 100]]);
        expect((await search('lütt')).items.map((h) => h.node.id)).toEqual(['liege']);
        expect((await search('Grafenhainichen')).items.map((h) => [h.node.id, h.score])).toEqual([
          ['grafenhainichen', 101],
          ['p-roes-graf', 61],
        ]);
      });

      it('needs every word to match one name, in any order', async () => {
        expect((await search('tamba roes')).items.map((h) => h.node.id)).toEqual(['p-roes-tamba']);
        expect((await search('roes nowhere')).totalCount).toBe(0);
      });

      it('forgives typos: one edit in words of 5 to 8 letters, two from 9, ranked below every prefix match', async () => {
        // A typo of the whole name (30) above a typo of one word in a longer name (20); +1 on the
        // primary name; ties by sort name. Tambacounda sorts after both partnerships, so only the
        // whole-name rank puts it first.
        expect((await search('roselare')).items.map((h) => [h.node.id, h.score])).toEqual([
          ['roeselare', 31],
          ['p-roes-graf', 21],
          ['p-roes-tamba', 21],
        ]);
        expect((await search('Tambakounde')).items.map((h) => [h.node.id, h.score])).toEqual([
          ['tambacounda', 31],
          ['p-roes-tamba', 21],
          ['p-sint-tamba', 21],
        ]);
        expect((await search('roselare tamba')).items.map((h) => [h.node.id, h.score])).toEqual([['p-roes-tamba', 21]]);
        // The whole of "Roeselare - Tambacounda" with one typo: a whole-name typo of the partnership.
        expect((await search('Roeselare Tambakounda')).items.map((h) => [h.node.id, h.score])).toEqual([['p-roes-tamba', 31]]);
        // An alternative name with a typo: 30, without the primary name's +1.
        expect((await search('Lutich')).items.map((h) => [h.node.id, h.score])).toEqual([['liege', 30]]);
        // Exact and prefix hits stay above every typo: "roermond" is exact (101); "roermonde"
        // is a typo of it (31).
        expect((await search('roermond')).items.map((h) => [h.node.id, h.score])).toEqual([['roermond', 101]]);
        expect((await search('roermonde')).items.map((h) => [h.node.id, h.score])).toEqual([['roermond', 31]]);
        // Too short for a typo, or too many edits for the word's length.
        expect((await search('liek')).totalCount).toBe(0);
        expect((await search('laige')).totalCount).toBe(0);
        expect((await search('tambacoundaxyz')).totalCount).toBe(0);
      });

      it('filters by kind', async () => {
        const page = await search('roe', { kinds: ['MUNICIPALITY'] });
        expect(page.items.map((h) => h.node.id)).toEqual(['roermond', 'roeselare', 'province-x']);
      });

      it('pages with offset, telling whether more follow', async () => {
        const first = await search('roes', { first: 2 });
        expect(ids(first.items.map((h) => h.node))).toEqual(['school-b', 'roeselare']);
        expect(first).toMatchObject({ offset: 0, totalCount: 5, hasNextPage: true });
        const last = await search('roes', { first: 2, offset: 4 });
        expect(ids(last.items.map((h) => h.node))).toEqual(['province-x']);
        expect(last.hasNextPage).toBe(false);
      });

      it('matches nothing for empty or punctuation-only text', async () => {
        expect((await search('  -, ')).totalCount).toBe(0);
      });
    });

    describe('listNodes', () => {
      const list = (kind: ListQuery['kind'], filter: NodeFilter = {}, extra: Partial<ListQuery> = {}) =>
        store.listNodes({ kind, filter, sort: { field: 'NAME', direction: 'ASC' }, first: 50, offset: 0, ...extra });

      it('lists one kind by normalised name', async () => {
        const page = await list('MUNICIPALITY');
        expect(ids(page.items)).toEqual(['grafenhainichen', 'liege', 'province-x', 'roermond', 'roeselare', 'sint-niklaas', 'tambacounda']);
        expect(page.totalCount).toBe(7);
      });

      it('filters by country, level, type and status', async () => {
        expect(ids((await list('MUNICIPALITY', { countries: ['BE'] })).items)).toEqual([
          'liege',
          'province-x',
          'roeselare',
          'sint-niklaas',
        ]);
        expect(ids((await list('MUNICIPALITY', { levels: ['PROVINCE'] })).items)).toEqual(['province-x']);
        expect(ids((await list('PARTNERSHIP', { countries: ['SN'] })).items)).toEqual(['p-roes-tamba', 'p-sint-tamba']);
        expect(ids((await list('PARTNERSHIP', { partnershipTypes: ['TWINNING'] })).items)).toEqual(['p-roes-graf']);
        expect(ids((await list('PARTNERSHIP', { statuses: ['ENDED'] })).items)).toEqual(['p-sint-tamba']);
        expect(ids((await list('ORGANIZATION', { orgTypes: ['SCHOOL'] })).items)).toEqual(['school-b']);
      });

      it('filters by approach, theme and programme through partnerships and projects', async () => {
        expect(ids((await list('MUNICIPALITY', { approachIds: ['approach-c2c'] })).items)).toEqual(['liege', 'roeselare', 'tambacounda']);
        expect(ids((await list('MUNICIPALITY', { themeIds: ['theme-water'] })).items)).toEqual(['liege']);
        expect(ids((await list('ORGANIZATION', { themeIds: ['theme-water'] })).items)).toEqual(['ngo-a']);
        expect(ids((await list('MUNICIPALITY', { programIds: ['prog-1'] })).items)).toEqual(['roeselare', 'sint-niklaas', 'tambacounda']);
        expect(ids((await list('PARTNERSHIP', { approachIds: ['approach-c2c', 'approach-tw'] })).items)).toEqual([
          'p-roes-graf',
          'p-roes-tamba',
        ]);
      });

      it('filters by network membership or participation, not by other links', async () => {
        expect(ids((await list('MUNICIPALITY', { networkIds: ['net-1'] })).items)).toEqual(['liege', 'roeselare']);
        expect(ids((await list('MUNICIPALITY', { networkIds: ['net-2'] })).items)).toEqual(['roermond']);
      });

      it('filters by a year range overlapping own or context periods', async () => {
        expect(ids((await list('MUNICIPALITY', { yearFrom: 2006, yearTo: 2009 })).items)).toEqual([]);
        expect(ids((await list('MUNICIPALITY', { yearFrom: 2004 })).items)).toEqual(['liege', 'roeselare', 'sint-niklaas', 'tambacounda']);
        expect(ids((await list('PARTNERSHIP', { yearTo: 2001 })).items)).toEqual(['p-sint-tamba']);
        expect(ids((await list('PROJECT', { yearFrom: 2020, yearTo: 2020 })).items)).toEqual(['proj-1']);
      });

      it('combines filters with AND', async () => {
        expect(
          ids((await list('MUNICIPALITY', { countries: ['BE'], approachIds: ['approach-c2c'], networkIds: ['net-1'] })).items),
        ).toEqual(['liege', 'roeselare']);
      });

      it('sorts by degree and by year, missing years last, ties by name', async () => {
        const byDegree = await list('MUNICIPALITY', {}, { sort: { field: 'DEGREE', direction: 'DESC' } });
        expect(ids(byDegree.items)).toEqual([
          'roeselare',
          'liege',
          'sint-niklaas',
          'tambacounda',
          'grafenhainichen',
          'province-x',
          'roermond',
        ]);
        const byYear = await list('PARTNERSHIP', {}, { sort: { field: 'YEAR', direction: 'ASC' } });
        expect(ids(byYear.items)).toEqual(['p-sint-tamba', 'p-roes-tamba', 'p-roes-graf']);
        const byYearDesc = await list('PARTNERSHIP', {}, { sort: { field: 'YEAR', direction: 'DESC' } });
        expect(ids(byYearDesc.items)).toEqual(['p-roes-tamba', 'p-sint-tamba', 'p-roes-graf']);
        const byNameDesc = await list('NETWORK', {}, { sort: { field: 'NAME', direction: 'DESC' } });
        expect(ids(byNameDesc.items)).toEqual(['net-2', 'net-1']);
      });

      it('pages', async () => {
        const page = await list('MUNICIPALITY', {}, { first: 3, offset: 3 });
        expect(ids(page.items)).toEqual(['roermond', 'roeselare', 'sint-niklaas']);
        expect(page).toMatchObject({ offset: 3, totalCount: 7, hasNextPage: true });
      });
    });

    describe('relations', () => {
      it('orders by kind, then the other node name, with direction', async () => {
        const page = await store.relations({ nodeId: 'p-roes-tamba', direction: 'IN', first: 50, offset: 0 });
        expect(page.items.map((e) => [e.relation.kind, e.other.id, e.direction])).toEqual([
          ['FUNDS', 'prog-1', 'IN'],
          ['PARTY_TO', 'roeselare', 'IN'],
          ['PARTY_TO', 'tambacounda', 'IN'],
          ['SUPPORTS', 'school-b', 'IN'],
        ]);
        expect(page.items[0]!.relation).toMatchObject({ amount: 30000, amountMax: 40000, currency: 'EUR', amountPeriod: 'PER_YEAR' });
        expect(page.items[1]!.relation.role).toBe('Flemish partner');
      });

      it('filters by kind and direction and pages', async () => {
        const all = await store.relations({ nodeId: 'roeselare', direction: 'BOTH', first: 50, offset: 0 });
        expect(all.items.map((e) => [e.relation.kind, e.other.id])).toEqual([
          ['COORDINATES', 'proj-2'],
          ['LOCATED_IN', 'country-be'],
          ['MEMBER_OF', 'net-1'],
          ['PARTY_TO', 'p-roes-graf'],
          ['PARTY_TO', 'p-roes-tamba'],
        ]);
        const party = await store.relations({ nodeId: 'roeselare', direction: 'OUT', kinds: ['PARTY_TO'], first: 1, offset: 1 });
        expect(party.items.map((e) => e.other.id)).toEqual(['p-roes-tamba']);
        expect(party).toMatchObject({ totalCount: 2, hasNextPage: false });
        expect((await store.relations({ nodeId: 'roeselare', direction: 'IN', first: 50, offset: 0 })).totalCount).toBe(0);
      });

      it('gives an empty page for an unknown node', async () => {
        expect(await store.relations({ nodeId: 'nope', direction: 'BOTH', first: 50, offset: 0 })).toEqual({
          items: [],
          offset: 0,
          totalCount: 0,
          hasNextPage: false,
        });
      });
    });

    describe('neighbours', () => {
      const neighbours = (id: string, extra: Partial<NeighbourQuery> = {}) =>
        store.neighbours({ id, sort: { field: 'DEGREE', direction: 'DESC' }, first: 50, offset: 0, ...extra });
      const rows = (page: NeighbourPage) => page.items.map((r) => r.node.id);

      it('lists the distinct neighbours, best connected first, ties by name, with degree and the joining relationships', async () => {
        const page = await neighbours('p-roes-tamba');
        expect(page.items.map((r) => [r.node.id, r.degree])).toEqual([
          ['roeselare', 5],
          ['school-b', 3],
          ['tambacounda', 3],
          ['approach-c2c', 2],
          ['prog-1', 2],
          ['theme-waste', 2],
        ]);
        expect(page.items[0]!.relations.map((r) => [r.kind, r.from, r.to])).toEqual([['PARTY_TO', 'roeselare', 'p-roes-tamba']]);
        expect(page).toMatchObject({ totalCount: 6, allCount: 6, hasNextPage: false, offset: 0 });
        expect(page.byKind).toEqual([
          { kind: 'MUNICIPALITY', count: 2 },
          { kind: 'ORGANIZATION', count: 1 },
          { kind: 'FUNDING_PROGRAM', count: 1 },
          { kind: 'APPROACH', count: 1 },
          { kind: 'THEME', count: 1 },
        ]);
        expect(page.byRelationKind).toEqual([
          { kind: 'PARTY_TO', count: 2 },
          { kind: 'FUNDS', count: 1 },
          { kind: 'SUPPORTS', count: 1 },
          { kind: 'EXEMPLIFIES', count: 1 },
          { kind: 'ADDRESSES_THEME', count: 1 },
        ]);
        expect(page.byCountry).toEqual([
          { code: 'BE', count: 2 },
          { code: 'SN', count: 1 },
        ]);
      });

      it('filters by node kind, relationship kind, country and text; each count leaves its own filter out', async () => {
        const municipalities = await neighbours('p-roes-tamba', { nodeKinds: ['MUNICIPALITY'], sort: { field: 'NAME', direction: 'ASC' } });
        expect(rows(municipalities)).toEqual(['roeselare', 'tambacounda']);
        expect(municipalities).toMatchObject({ totalCount: 2, allCount: 6 });
        expect(municipalities.byKind).toHaveLength(5);
        expect(municipalities.byRelationKind).toEqual([{ kind: 'PARTY_TO', count: 2 }]);
        expect(municipalities.byCountry).toEqual([
          { code: 'BE', count: 1 },
          { code: 'SN', count: 1 },
        ]);
        const belgian = await neighbours('p-roes-tamba', { countries: ['BE'] });
        expect(rows(belgian)).toEqual(['roeselare', 'school-b']);
        expect(belgian.byKind).toEqual([
          { kind: 'MUNICIPALITY', count: 1 },
          { kind: 'ORGANIZATION', count: 1 },
        ]);
        expect(belgian.byCountry).toEqual([
          { code: 'BE', count: 2 },
          { code: 'SN', count: 1 },
        ]);
        expect(rows(await neighbours('p-roes-tamba', { relationKinds: ['SUPPORTS', 'FUNDS'] }))).toEqual(['school-b', 'prog-1']);
        expect(rows(await neighbours('p-roes-tamba', { text: 'ROES' }))).toEqual(['roeselare', 'school-b']);
        expect(rows(await neighbours('p-roes-tamba', { text: 'school roes' }))).toEqual(['school-b']);
        // A country's own code is its country.
        expect(rows(await neighbours('roeselare', { countries: ['BE'] }))).toEqual(['country-be']);
      });

      it('sorts by kind, country (none last either way) and name, and pages', async () => {
        const by = (field: NeighbourQuery['sort']['field'], direction: 'ASC' | 'DESC') =>
          neighbours('p-roes-tamba', { sort: { field, direction } }).then(rows);
        expect(await by('KIND', 'ASC')).toEqual(['roeselare', 'tambacounda', 'school-b', 'prog-1', 'approach-c2c', 'theme-waste']);
        expect(await by('COUNTRY', 'ASC')).toEqual(['school-b', 'roeselare', 'tambacounda', 'approach-c2c', 'prog-1', 'theme-waste']);
        expect(await by('COUNTRY', 'DESC')).toEqual(['tambacounda', 'school-b', 'roeselare', 'approach-c2c', 'prog-1', 'theme-waste']);
        expect(await by('NAME', 'DESC')).toEqual(['theme-waste', 'tambacounda', 'roeselare', 'school-b', 'prog-1', 'approach-c2c']);
        const page = await neighbours('p-roes-tamba', { first: 2, offset: 2 });
        expect(rows(page)).toEqual(['tambacounda', 'approach-c2c']);
        expect(page).toMatchObject({ offset: 2, totalCount: 6, hasNextPage: true });
      });

      it('gives an empty page with no counts for an unknown node', async () => {
        expect(await neighbours('nope')).toEqual({
          items: [],
          offset: 0,
          totalCount: 0,
          hasNextPage: false,
          allCount: 0,
          byKind: [],
          byRelationKind: [],
          byCountry: [],
        });
      });
    });

    describe('relationsAmong', () => {
      it('gives every relationship with both ends among the nodes, once, ordered by id', async () => {
        const among = await store.relationsAmong(['roeselare', 'p-roes-tamba', 'tambacounda', 'school-b', 'country-be', 'nope']);
        expect(among.map((r) => r.id)).toEqual([
          'roeselare--located-in--country-be',
          'roeselare--party-to--p-roes-tamba',
          'school-b--located-in--country-be',
          'school-b--supports--p-roes-tamba',
          'tambacounda--party-to--p-roes-tamba',
        ]);
        expect(among[1]).toMatchObject({ kind: 'PARTY_TO', from: 'roeselare', to: 'p-roes-tamba', role: 'Flemish partner' });
        expect(among[1]!.sources).toEqual([{ source: 'fixture', locator: 'f', quote: 'fact 1' }]);
      });

      it('filters by kind and is empty when no two nodes are linked', async () => {
        const party = await store.relationsAmong(['roeselare', 'p-roes-tamba', 'tambacounda', 'school-b'], ['PARTY_TO']);
        expect(party.map((r) => r.id)).toEqual(['roeselare--party-to--p-roes-tamba', 'tambacounda--party-to--p-roes-tamba']);
        expect(await store.relationsAmong(['roeselare', 'liege'])).toEqual([]);
        expect(await store.relationsAmong([])).toEqual([]);
      });
    });

    describe('listNodeIds', () => {
      it('lists ids by kind in NODE_KINDS order, then by id, with the filter listNodes applies', async () => {
        const page = await store.listNodeIds({
          kinds: ['PARTNERSHIP', 'MUNICIPALITY'],
          filter: { countries: ['BE'] },
          first: 100,
          offset: 0,
        });
        expect(page.items).toEqual(['liege', 'province-x', 'roeselare', 'sint-niklaas', 'p-roes-graf', 'p-roes-tamba', 'p-sint-tamba']);
        expect(page).toMatchObject({ totalCount: 7, hasNextPage: false, offset: 0 });
      });

      it('pages, and lists every kind when none is given', async () => {
        const page = await store.listNodeIds({
          filter: { countries: ['BE'] },
          kinds: ['MUNICIPALITY', 'PARTNERSHIP'],
          first: 3,
          offset: 2,
        });
        expect(page.items).toEqual(['roeselare', 'sint-niklaas', 'p-roes-graf']);
        expect(page).toMatchObject({ totalCount: 7, hasNextPage: true, offset: 2 });
        const all = await store.listNodeIds({ filter: {}, first: 1000, offset: 0 });
        expect(all.totalCount).toBe(26);
        expect(all.items.slice(0, 8)).toEqual([
          'grafenhainichen',
          'liege',
          'province-x',
          'roermond',
          'roeselare',
          'sint-niklaas',
          'tambacounda',
          'ngo-a',
        ]);
        expect(all.items.slice(-4)).toEqual(['country-be', 'country-de', 'country-sn', 'fixture']);
      });

      it('applies context filters (approach, years) as listNodes does', async () => {
        const page = await store.listNodeIds({
          kinds: ['MUNICIPALITY', 'ORGANIZATION'],
          filter: { approachIds: ['approach-c2c'] },
          first: 100,
          offset: 0,
        });
        // roeselare and tambacounda are party to p-roes-tamba, liege and ngo-a take part in proj-1: both exemplify approach-c2c.
        expect(page.items).toEqual(['liege', 'roeselare', 'tambacounda', 'ngo-a']);
      });
    });

    describe('neighborhood', () => {
      it('returns the 1-hop neighbourhood: nodes by distance then id, edges by source, target, id', async () => {
        const sub = await store.neighborhood({ ids: ['roeselare'], depth: 1, limit: 100 });
        expect(ids(sub.nodes)).toEqual(['roeselare', 'country-be', 'net-1', 'p-roes-graf', 'p-roes-tamba', 'proj-2']);
        // Edges by source id, then target id, then relationship id.
        expect(ids(sub.edges)).toEqual([
          'roeselare--located-in--country-be',
          'roeselare--member-of--net-1',
          'roeselare--party-to--p-roes-graf',
          'roeselare--party-to--p-roes-tamba',
          'roeselare--coordinates--proj-2',
        ]);
        expect(sub).toMatchObject({ truncated: false, missingIds: [] });
      });

      it('follows only the relationship kinds asked for, to the depth asked for', async () => {
        const one = await store.neighborhood({ ids: ['roeselare'], depth: 1, limit: 100, relationKinds: ['PARTY_TO'] });
        expect(ids(one.nodes)).toEqual(['roeselare', 'p-roes-graf', 'p-roes-tamba']);
        const two = await store.neighborhood({ ids: ['roeselare'], depth: 2, limit: 100, relationKinds: ['PARTY_TO'] });
        expect(ids(two.nodes)).toEqual(['roeselare', 'p-roes-graf', 'p-roes-tamba', 'grafenhainichen', 'tambacounda']);
        expect(two.edges).toHaveLength(4);
        expect(two.edges.every((e) => e.kind === 'PARTY_TO')).toBe(true);
      });

      it('enters only the node kinds asked for', async () => {
        const sub = await store.neighborhood({ ids: ['roeselare'], depth: 2, limit: 100, nodeKinds: ['MUNICIPALITY', 'PARTNERSHIP'] });
        expect(ids(sub.nodes)).toEqual(['roeselare', 'p-roes-graf', 'p-roes-tamba', 'grafenhainichen', 'tambacounda']);
      });

      it('starts from several seeds and reports unknown ones', async () => {
        const sub = await store.neighborhood({ ids: ['tambacounda', 'roeselare', 'nope'], depth: 1, limit: 100 });
        expect(ids(sub.nodes)).toEqual([
          'roeselare',
          'tambacounda',
          'country-be',
          'country-sn',
          'net-1',
          'p-roes-graf',
          'p-roes-tamba',
          'p-sint-tamba',
          'proj-2',
        ]);
        expect(sub.missingIds).toEqual(['nope']);
      });

      it('cuts at the limit, says so, and keeps only edges between kept nodes', async () => {
        const sub = await store.neighborhood({ ids: ['roeselare'], depth: 2, limit: 4 });
        expect(ids(sub.nodes)).toEqual(['roeselare', 'country-be', 'net-1', 'p-roes-graf']);
        expect(sub.truncated).toBe(true);
        expect(ids(sub.edges)).toEqual([
          'roeselare--located-in--country-be',
          'roeselare--member-of--net-1',
          'roeselare--party-to--p-roes-graf',
        ]);
      });

      it('includes edges between nodes nearer than the depth, not between two rim nodes', async () => {
        const sub = await store.neighborhood({ ids: ['p-roes-tamba'], depth: 1, limit: 100 });
        expect(ids(sub.nodes)).toEqual(['p-roes-tamba', 'approach-c2c', 'prog-1', 'roeselare', 'school-b', 'tambacounda', 'theme-waste']);
        expect(sub.edges.every((e) => e.from === 'p-roes-tamba' || e.to === 'p-roes-tamba')).toBe(true);
        const deeper = await store.neighborhood({ ids: ['p-roes-tamba'], depth: 2, limit: 100 });
        expect(ids(deeper.edges)).toContain('theme-waste--contributes-to-sdg--sdg-16');
      });
    });

    describe('stats', () => {
      it('counts every kind, zero included', async () => {
        const stats = await store.stats();
        expect(stats.nodeCount).toBe(26);
        expect(stats.relationCount).toBe(33);
        expect(stats.nodesByKind).toMatchObject({ MUNICIPALITY: 7, ORGANIZATION: 2, PARTNERSHIP: 3, APPROACH: 2, SOURCE: 1, COUNTRY: 3 });
        expect(stats.relationsByKind).toMatchObject({ LOCATED_IN: 10, PARTY_TO: 6, AWARDS: 0, FOLLOWS_UP: 0 });
      });
    });

    describe('overview', () => {
      const starts = [
        ['roeselare', 5],
        ['liege', 3],
        ['net-1', 2],
        ['net-2', 2],
        ['prog-1', 2],
      ];

      // The first question on a fresh Neo4j plans all its statements: more time than the default.
      it(
        'groups municipalities by country, sized by members, with partnerships between countries as weights',
        { timeout: 60_000 },
        async () => {
          const o = await store.overview({ groupBy: 'COUNTRY', firstGroups: 10, firstStarts: 2 });
          // BE: Roeselare, Liège, Sint-Niklaas, the province; DE: Roermond, Gräfenhainichen; SN: Tambacounda.
          expect(o.groups.map((g) => [g.key, g.node?.id ?? null, g.size, g.internal])).toEqual([
            ['BE', 'country-be', 4, 0],
            ['DE', 'country-de', 2, 0],
            ['SN', 'country-sn', 1, 0],
          ]);
          // Roeselare and Sint-Niklaas with Tambacounda; Roeselare with Gräfenhainichen.
          expect(o.links).toEqual([
            { a: 'BE', b: 'SN', weight: 2 },
            { a: 'BE', b: 'DE', weight: 1 },
          ]);
          expect(o.groupCount).toBe(3);
          // Ties on degree by id: Liège before Sint-Niklaas and Tambacounda.
          expect(o.starts.map((s) => [s.node.id, s.degree])).toEqual(starts);
        },
      );

      it('keeps the largest groups and only the links between them', async () => {
        const o = await store.overview({ groupBy: 'COUNTRY', firstGroups: 2, firstStarts: 0 });
        expect(o.groups.map((g) => g.key)).toEqual(['BE', 'DE']);
        expect(o.links).toEqual([{ a: 'BE', b: 'DE', weight: 1 }]);
        expect(o.groupCount).toBe(3);
        expect(o.starts).toEqual([]);
      });

      it('groups municipalities by the networks they are members of (taking part is not membership)', async () => {
        const o = await store.overview({ groupBy: 'NETWORK', firstGroups: 10, firstStarts: 2 });
        // Roeselare and Liège are members of Climate Net; no partnership has two member parties.
        expect(o.groups.map((g) => [g.key, g.node?.name ?? null, g.size, g.internal])).toEqual([['net-1', 'Climate Net', 2, 0]]);
        expect(o.links).toEqual([]);
      });

      it('groups every node by kind, with relationships between kinds and within one', async () => {
        const o = await store.overview({ groupBy: 'KIND', firstGroups: 3, firstStarts: 2 });
        expect(o.groups.map((g) => [g.key, g.node, g.size, g.internal])).toEqual([
          ['MUNICIPALITY', null, 7, 0],
          ['COUNTRY', null, 3, 0],
          ['PARTNERSHIP', null, 3, 0],
        ]);
        // Seven municipalities located in a country; six party-to relationships.
        expect(o.links).toEqual([
          { a: 'COUNTRY', b: 'MUNICIPALITY', weight: 7 },
          { a: 'MUNICIPALITY', b: 'PARTNERSHIP', weight: 6 },
        ]);
        expect(o.groupCount).toBe(11);
        const all = await store.overview({ groupBy: 'KIND', firstGroups: 20, firstStarts: 0 });
        // Aqua NGO collaborates with Roes School; MEMBER_OF, PARTICIPATES_IN and PART_OF join municipalities and networks.
        expect(all.groups.find((g) => g.key === 'ORGANIZATION')!.internal).toBe(1);
        expect(all.links).toContainEqual({ a: 'MUNICIPALITY', b: 'NETWORK', weight: 4 });
      });
    });

    describe('bulkUpsert', () => {
      beforeEach(async () => {
        await store.clear();
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
      });

      it('is idempotent: writing the same graph twice changes nothing', async () => {
        const before = await store.stats();
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
        expect(await store.stats()).toEqual(before);
      });

      it('writes nothing when a relationship dangles', async () => {
        const before = await store.stats();
        const node: GraphNode = {
          id: 'new-town',
          kind: 'MUNICIPALITY',
          name: 'New Town',
          altNames: [],
          names: [],
          level: 'CITY',
          country: 'BE',
          sources: [{ source: 'fixture', locator: 'x', quote: 'new town' }],
        };
        const write = store.bulkUpsert({
          nodes: [node],
          relations: [{ id: 'new-town--member-of--ghost', kind: 'MEMBER_OF', from: 'new-town', to: 'ghost', sources: node.sources }],
        });
        await expect(write).rejects.toBeInstanceOf(StoreWriteError);
        await expect(write).rejects.toMatchObject({ code: 'DANGLING_RELATION' });
        expect(await store.getNodes(['new-town'])).toEqual([null]);
        expect(await store.stats()).toEqual(before);
      });

      it('replaces a node by id, keeping its relationships and re-indexing its names', async () => {
        const [old] = await store.getNodes(['roermond']);
        await store.bulkUpsert({ nodes: [{ ...old!, name: 'Ruremonde', altNames: [] }], relations: [] });
        expect((await store.getNodes(['roermond']))[0]!.name).toBe('Ruremonde');
        expect((await store.search('ruremonde', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['roermond']);
        expect((await store.search('roermond', { first: 5, offset: 0 })).totalCount).toBe(0);
        expect(await store.getDegrees(['roermond'])).toEqual([2]);
      });

      it('keeps the last record of an id in one batch, and records no change', async () => {
        const [old] = await store.getNodes(['roermond']);
        await store.bulkUpsert({
          nodes: [
            { ...old!, name: 'First' },
            { ...old!, name: 'Second' },
          ],
          relations: [],
        });
        expect((await store.getNodes(['roermond']))[0]!.name).toBe('Second');
        expect((await store.listChanges({ first: 5, offset: 0 })).totalCount).toBe(0);
      });

      it('completes a load that stopped part-way when it is run again', async () => {
        const graph = loadSeed(CONTRACT_GRAPH_DIR);
        await store.clear();
        // What a load that failed in its relationship statements leaves: every node, some relationships.
        await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations.slice(0, 10) });
        await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
        const stats = await store.stats();
        expect([stats.nodeCount, stats.relationCount]).toEqual([26, 33]);
        expect(await store.getDegrees(['roeselare', 'roermond'])).toEqual([5, 2]);
      });

      it('refuses a dangling relationship before writing any of a batch too large for one Neo4j transaction', async () => {
        const before = await store.stats();
        const sources = [{ source: 'fixture', locator: 'x', quote: 'bulk' }];
        const nodes: GraphNode[] = Array.from({ length: 20_001 }, (_, i) => ({
          id: `bulk-${i}`,
          kind: 'THEME',
          name: `Bulk ${i}`,
          altNames: [],
          names: [],
          sources,
        }));
        const write = store.bulkUpsert({
          nodes,
          relations: [{ id: 'bulk-0--member-of--ghost', kind: 'MEMBER_OF', from: 'bulk-0', to: 'ghost', sources }],
        });
        await expect(write).rejects.toMatchObject({ code: 'DANGLING_RELATION' });
        expect(await store.getNodes(['bulk-0', 'bulk-20000'])).toEqual([null, null]);
        expect(await store.stats()).toEqual(before);
      });

      it('keeps PERSON, PLACE and AWARD nodes, the relationship kinds between them and derived provenance', async () => {
        const src = (quote: string, derived?: true) => [{ source: 'fixture', locator: 'n', quote, ...(derived ? { derived } : {}) }];
        const nodes: GraphNode[] = [
          { id: 'emile', kind: 'PERSON', name: 'Émile Elasha', altNames: ['Emile'], names: [], sources: src('Emile Elasha') },
          {
            id: 'lyamba',
            kind: 'PLACE',
            name: 'Lyamba',
            altNames: [],
            names: [],
            placeType: 'LOCALITY',
            country: 'BE',
            latitude: 50.5,
            longitude: 4.1,
            sources: src('Lyamba'),
          },
          { id: 'prize', kind: 'AWARD', name: 'A prize', altNames: [], names: [], scope: 'EUROPEAN', sources: src('a prize') },
        ];
        const [prog] = await store.getNodes(['prog-1']);
        const relations = [
          {
            id: 'roeselare--founded-by--emile',
            kind: 'FOUNDED_BY' as const,
            from: 'roeselare',
            to: 'emile',
            sources: src('founded by Emile'),
          },
          { id: 'emile--located-in--lyamba', kind: 'LOCATED_IN' as const, from: 'emile', to: 'lyamba', sources: src('lives in Lyamba') },
          {
            id: 'roeselare--wins--prize',
            kind: 'WINS' as const,
            from: 'roeselare',
            to: 'prize',
            year: 2018,
            sources: src('won the prize'),
          },
          { id: 'prog-1--active-in--lyamba', kind: 'ACTIVE_IN' as const, from: 'prog-1', to: 'lyamba', sources: src('all of them', true) },
          {
            id: 'prog-1--funding-for--approach-tw',
            kind: 'FUNDING_FOR' as const,
            from: 'prog-1',
            to: 'approach-tw',
            sources: src('funding for'),
          },
        ];
        await store.bulkUpsert({ nodes: [...nodes, { ...prog!, duration: 3, durationMax: 5, durationUnit: 'MONTH' }], relations });
        const [emile, lyamba, prize, programme] = await store.getNodes(['emile', 'lyamba', 'prize', 'prog-1']);
        expect([emile, lyamba, prize]).toEqual(nodes);
        expect(programme).toMatchObject({ duration: 3, durationMax: 5, durationUnit: 'MONTH' });
        const stats = await store.stats();
        expect(stats.nodesByKind).toMatchObject({ PERSON: 1, PLACE: 1, AWARD: 1 });
        expect(stats.relationsByKind).toMatchObject({ FOUNDED_BY: 1, WINS: 1, ACTIVE_IN: 1, FUNDING_FOR: 1, CONCERNS: 0 });
        expect(
          ids(
            (await store.listNodes({ kind: 'PLACE', filter: {}, sort: { field: 'NAME', direction: 'ASC' }, first: 10, offset: 0 })).items,
          ),
        ).toEqual(['lyamba']);
        expect((await store.search('emile', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['emile']);
        const active = await store.relations({ nodeId: 'lyamba', kinds: ['ACTIVE_IN'], direction: 'IN', first: 10, offset: 0 });
        expect(active.items.map((e) => [e.other.id, e.relation.sources[0]!.derived])).toEqual([['prog-1', true]]);
        const founded = await store.relations({ nodeId: 'emile', kinds: ['FOUNDED_BY'], direction: 'IN', first: 10, offset: 0 });
        expect(founded.items.map((e) => e.other.id)).toEqual(['roeselare']);
      });

      describe('names per language', () => {
        const cite = (quote: string) => [{ source: 'fixture', locator: 'names', quote }];
        const names = [
          { lang: 'fr', text: 'Belgique', sources: cite('"common": "Belgique"') },
          { lang: 'nl', text: 'België', sources: cite('"common": "België"') },
        ];
        const withNames = async () => {
          const [belgium] = await store.getNodes(['country-be']);
          await store.bulkUpsert({ nodes: [{ ...belgium!, altNames: ['Kingdom of Belgium'], names }], relations: [] });
        };

        it('keeps each name with its language and sources, and reads them back as written', async () => {
          await withNames();
          const [belgium, germany] = await store.getNodes(['country-be', 'country-de']);
          expect(belgium!.names).toEqual(names);
          expect(belgium!.name).toBe('Belgium');
          expect(germany!.names).toEqual([]);
        });

        it('finds a node by its name in any language, an exact one scored as its primary name, an alternative name one lower', async () => {
          await withNames();
          const hits = async (text: string) => (await store.search(text, { first: 5, offset: 0 })).items.map((h) => [h.node.id, h.score]);
          expect(await hits('Belgique')).toEqual([['country-be', 101]]);
          expect(await hits('belgie')).toEqual([['country-be', 101]]);
          expect(await hits('Belgium')).toEqual([['country-be', 101]]);
          expect(await hits('Kingdom of Belgium')).toEqual([['country-be', 100]]);
          expect(await hits('belgiq')).toEqual([['country-be', 81]]);
          expect((await store.findByNames(['België'], ['COUNTRY'])).map((n) => n.id)).toEqual(['country-be']);
        });

        it('forgets a name in a language once a write leaves it out', async () => {
          await withNames();
          const [belgium] = await store.getNodes(['country-be']);
          await store.bulkUpsert({ nodes: [{ ...belgium!, names: names.slice(0, 1) }], relations: [] });
          expect((await store.getNodes(['country-be']))[0]!.names.map((n) => n.lang)).toEqual(['fr']);
          expect((await store.search('België', { first: 5, offset: 0 })).items.map((h) => [h.node.id, h.score])).toEqual([]);
        });
      });

      it('reports progress up to the total', async () => {
        await store.clear();
        const seen: [number, number][] = [];
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR, onProgress: (done, total) => seen.push([done, total]) });
        expect(seen.at(-1)).toEqual([59, 59]);
      });

      it('clear empties the store', async () => {
        await store.clear();
        expect((await store.stats()).nodeCount).toBe(0);
        expect((await store.search('roeselare', { first: 5, offset: 0 })).totalCount).toBe(0);
      });
    });
  });
}
