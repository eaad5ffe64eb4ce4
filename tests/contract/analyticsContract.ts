import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { SIMILARITY_BASES, SIMILARITY_METRICS, type SimilarityBasis } from '../../server/src/store/analysis/similarity.js';
import type { GraphAnalytics, SimilarityQuery } from '../../server/src/store/GraphAnalytics.js';
import type { GraphStore } from '../../server/src/store/GraphStore.js';
import type { GraphPorts } from '../../server/src/store/ports.js';
import { AnalysisReference } from '../reference/analysisReference.js';
import { CONTRACT_GRAPH_DIR } from './graphStoreContract.js';
import { peerBasesGraph } from './peerBasesGraph.js';
import { randomGraph } from './randomGraph.js';

const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

/**
 * The GraphAnalytics contract, written once for every adapter: answers on the fixture graph worked
 * out by hand, and, on random graphs, agreement with the reference written from ADR 0014 on scores
 * and order.
 */
export function analyticsContract(adapter: string, open: () => Promise<GraphPorts>, options: { randomRuns: number }): void {
  describe(`GraphAnalytics contract: ${adapter}`, () => {
    let store: GraphStore;
    let analytics: GraphAnalytics;
    beforeAll(async () => {
      ({ store, analytics } = await open());
    });

    describe('on the fixture graph', () => {
      beforeAll(async () => {
        await store.clear();
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
      });

      // Hand computation (docs/adr/0014): N = 7 municipalities; r(n) = ln(1 + 7 / n) for a feature n
      // of them have. Roeselare: partners Tambacounda (n 2) and Gräfenhainichen (1) x 3, school-b (2),
      // net-1 (2), prog-1 (3), proj-2 (1), theme-waste (2) x 0.5, approaches c2c (3) and tw (2) x 0.5,
      // partner countries DE (1) and SN (2) x 0.5. Sint-Niklaas has Tambacounda x 3, prog-1 and SN x
      // 0.5, all shared with Roeselare: 0.30889...; Liège shares net-1 and c2c x 0.5: 0.08057...
      const r = (n: number) => Math.log(1 + 7 / n);
      const roeselareWeight = 3 * (r(2) + r(1)) + r(2) + r(2) + r(3) + r(1) + 0.5 * r(2) + 0.5 * (r(3) + r(2)) + 0.5 * (r(1) + r(2));

      it('ranks peers by the rarity-weighted Jaccard of the ADR, partners left out, with the numbers worked by hand', async () => {
        const peers = await analytics.similarMunicipalities({ id: 'roeselare', first: 10, metric: 'JACCARD', bases: SIMILARITY_BASES });
        expect(peers.map((p) => p.peer.id)).toEqual(['sint-niklaas', 'liege']);
        const sint = 3 * r(2) + r(3) + 0.5 * r(2);
        expect(peers[0]!.score).toBeCloseTo(sint / (roeselareWeight + sint - sint), 12);
        expect(peers[0]!.score).toBeCloseTo(0.30889490820299087, 12);
        const liegeShared = r(2) + 0.5 * r(3);
        const liege = r(1) + r(2) + r(1) + 0.5 * r(1) + 0.5 * r(3);
        expect(peers[1]!.score).toBeCloseTo(liegeShared / (roeselareWeight + liege - liegeShared), 12);
        expect(peers[1]!.score).toBeCloseTo(0.0805730827070444, 12);
        expect(peers[0]!.byBasis.filter((b) => b.shared.length > 0).map((b) => [b.basis, b.shared.map((f) => f.node.id)])).toEqual([
          ['PARTNER_MUNICIPALITIES', ['tambacounda']],
          ['FUNDING_PROGRAMS', ['prog-1']],
          ['PARTNER_COUNTRIES', ['country-sn']],
        ]);
        expect(peers[0]!.byBasis[0]!.shared[0]).toMatchObject({ holders: 2 });
        expect(peers[0]!.byBasis[0]!.shared[0]!.weight).toBeCloseTo(3 * r(2), 12);
        expect(peers[0]!.totals.own).toBeCloseTo(roeselareWeight, 12);
        expect(peers[0]!.municipalityCount).toBe(7);
        expect(peers[0]!.partnerships).toEqual([]);
      });

      it('lists the partners apart, with what the two share', async () => {
        const partners = await analytics.similarMunicipalities({
          id: 'roeselare',
          first: 10,
          metric: 'JACCARD',
          bases: SIMILARITY_BASES,
          onlyPartners: true,
        });
        expect(partners.map((p) => [p.peer.id, ids(p.partnerships)])).toEqual([
          ['tambacounda', ['p-roes-tamba']],
          ['grafenhainichen', ['p-roes-graf']],
        ]);
        const tambaShared = r(2) + r(3) + 0.5 * r(2) + 0.5 * r(3);
        const tamba = 3 * (r(2) + r(1)) + r(2) + r(3) + 0.5 * r(2) + 0.5 * r(3) + 0.5 * r(2);
        expect(partners[0]!.score).toBeCloseTo(tambaShared / (roeselareWeight + tamba - tambaShared), 12);
        const grafShared = 0.5 * r(2);
        const graf = 3 * r(2) + 0.5 * r(2) + 0.5 * r(2);
        expect(partners[1]!.score).toBeCloseTo(grafShared / (roeselareWeight + graf - grafShared), 12);
        const all = await analytics.similarMunicipalities({
          id: 'roeselare',
          first: 10,
          metric: 'JACCARD',
          bases: SIMILARITY_BASES,
          excludePartners: false,
        });
        expect(all.map((p) => p.peer.id)).toEqual(['sint-niklaas', 'tambacounda', 'liege', 'grafenhainichen']);
      });

      it('filters peers by country and level', async () => {
        const query = { id: 'roeselare', first: 10, metric: 'JACCARD', bases: SIMILARITY_BASES } as const;
        expect((await analytics.similarMunicipalities({ ...query, countries: ['BE'] })).map((p) => p.peer.id)).toEqual([
          'sint-niklaas',
          'liege',
        ]);
        expect(
          (await analytics.similarMunicipalities({ ...query, countries: ['SN'], excludePartners: false })).map((p) => p.peer.id),
        ).toEqual(['tambacounda']);
        expect(
          (await analytics.similarMunicipalities({ ...query, levels: ['MUNICIPALITY'], excludePartners: false })).map((p) => p.peer.id),
        ).toEqual(['tambacounda', 'grafenhainichen']);
      });

      it('answers an empty list for an unknown id or a node that is not a municipality', async () => {
        expect(await analytics.similarMunicipalities({ id: 'atlantis', first: 5, metric: 'JACCARD', bases: SIMILARITY_BASES })).toEqual([]);
        expect(await analytics.similarMunicipalities({ id: 'ngo-a', first: 5, metric: 'JACCARD', bases: SIMILARITY_BASES })).toEqual([]);
        expect(await analytics.suggestPartners({ id: 'atlantis', first: 5 })).toEqual([]);
      });

      it('finds every shortest path, in step order', async () => {
        const paths = await analytics.shortestPaths({ from: 'roeselare', to: 'tambacounda', maxHops: 4, first: 10 });
        expect(paths.map((p) => ids(p.nodes))).toEqual([['roeselare', 'p-roes-tamba', 'tambacounda']]);
        expect(ids(paths[0]!.relations)).toEqual(['roeselare--party-to--p-roes-tamba', 'tambacounda--party-to--p-roes-tamba']);
        const viaPartnerships = await analytics.shortestPaths({
          from: 'roeselare',
          to: 'sint-niklaas',
          maxHops: 4,
          first: 10,
          relationKinds: ['PARTY_TO'],
        });
        expect(viaPartnerships.map((p) => ids(p.nodes))).toEqual([
          ['roeselare', 'p-roes-tamba', 'tambacounda', 'p-sint-tamba', 'sint-niklaas'],
        ]);
        expect(
          await analytics.shortestPaths({ from: 'roeselare', to: 'sint-niklaas', maxHops: 3, first: 10, relationKinds: ['PARTY_TO'] }),
        ).toEqual([]);
        expect((await analytics.shortestPaths({ from: 'liege', to: 'liege', maxHops: 3, first: 10 })).map((p) => ids(p.nodes))).toEqual([
          ['liege'],
        ]);
      });

      it('suggests partners two steps away, hubs discounted, with paths of at most two steps', async () => {
        // reach(Roeselare) = Tambacounda, Gräfenhainichen (partnerships), proj-2, net-1. Through
        // Tambacounda (reach 2: Roeselare, Sint-Niklaas) and net-1 (reach 2: Roeselare, Liège):
        // each 1 / ln 3, and each candidate reaches 2 nodes: score (1 / ln 3) / ln 3. Equal scores,
        // paths and circles: the names decide.
        const suggestions = await analytics.suggestPartners({ id: 'roeselare', first: 10 });
        expect(suggestions.map((s) => s.candidate.id)).toEqual(['liege', 'sint-niklaas']);
        for (const s of suggestions) expect(s.score).toBeCloseTo(1 / Math.log(3) ** 2, 12);
        expect(suggestions.map((s) => s.paths.map((p) => ids(p.nodes)))).toEqual([
          [['roeselare', 'net-1', 'liege']],
          [['roeselare', 'p-roes-tamba', 'tambacounda', 'p-sint-tamba', 'sint-niklaas']],
        ]);
        expect(suggestions.map((s) => [s.pathCount, s.candidateDegree, ids(s.via)])).toEqual([
          [1, 2, ['net-1']],
          [1, 2, ['tambacounda']],
        ]);
      });

      it('computes degree, betweenness and communities', async () => {
        const [roeselare, missing] = await analytics.metrics(['roeselare', 'atlantis']);
        expect(missing).toBeNull();
        expect(roeselare!.degree).toBe(5);
        expect(roeselare!.betweenness).toBeGreaterThan(0);
        expect(roeselare!.betweenness).toBeLessThanOrEqual(1);
        expect(Number.isInteger(roeselare!.community)).toBe(true);
      });
    });

    describe('each basis counts what its name says (a graph counted by hand)', () => {
      beforeAll(async () => {
        await store.clear();
        await store.bulkUpsert(peerBasesGraph());
      });
      const equal = { id: 'a', first: 10, metric: 'JACCARD', weighting: 'EQUAL' } as const;
      const peersOf = async (basis: SimilarityBasis, extra: Partial<SimilarityQuery> = {}) =>
        (await analytics.similarMunicipalities({ ...equal, bases: [basis], ...extra })).map((p) => [p.peer.id, p.score] as const);

      it('partner municipalities: the other parties of my partnerships, not of partnerships mine collaborates with', async () => {
        // A {X}, B {X}: 1. C's partner Y is not A's, though A's partnership collaborates with C's.
        expect(await peersOf('PARTNER_MUNICIPALITIES')).toEqual([['b', 1]]);
        expect(await peersOf('PARTNER_MUNICIPALITIES', { id: 'c' })).toEqual([]);
        expect(await peersOf('PARTNER_MUNICIPALITIES', { id: 'x' })).toEqual([]);
      });

      it('projects, programmes, themes and approaches: what is shared, partners left out', async () => {
        expect(await peersOf('PROJECTS')).toEqual([['b', 1]]);
        expect(await peersOf('FUNDING_PROGRAMS')).toEqual([['b', 1]]);
        expect(await peersOf('FUNDING_PROGRAMS', { excludePartners: false })).toEqual([
          ['b', 1],
          ['x', 1],
        ]);
        expect(await peersOf('THEMES')).toEqual([['b', 1]]);
        expect(await peersOf('APPROACHES')).toEqual([['b', 1]]);
        expect(await peersOf('PARTNER_ORGANIZATIONS')).toEqual([['c', 1]]);
      });

      it('networks: shared over all, and rare networks count more under RARITY', async () => {
        // EQUAL: A {N1}; C and D {N1}: 1; B {N1, N2}: 1/2.
        expect(await peersOf('NETWORKS')).toEqual([
          ['c', 1],
          ['d', 1],
          ['b', 0.5],
        ]);
        // RARITY, N = 6: N1 (4 have it) ln 2.5, N2 (1) ln 7; A-B = ln 2.5 / (ln 2.5 + ln 7).
        const rarity = await analytics.similarMunicipalities({ ...equal, weighting: 'RARITY', bases: ['NETWORKS'] });
        expect(rarity.map((p) => p.peer.id)).toEqual(['c', 'd', 'b']);
        expect(rarity[2]!.score).toBeCloseTo(Math.log(2.5) / (Math.log(2.5) + Math.log(7)), 12);
        expect(rarity[2]!.score).toBeCloseTo(0.32013501846753667, 12);
      });

      it("partner countries: my partners' and partner organisations' countries, never my own", async () => {
        // A (BE): X is in SN, the NGO G in BE (left out). C (NL) gets BE from G and Y.
        expect(await peersOf('PARTNER_COUNTRIES')).toEqual([['b', 1]]);
        expect(await peersOf('PARTNER_COUNTRIES', { id: 'c', excludePartners: false })).toEqual([['x', 1]]);
      });

      it('a co-partner with a direct tie stays a peer, the tie as evidence; excludeDirectTies leaves it out', async () => {
        const peers = await analytics.similarMunicipalities({ id: 'a', first: 10, metric: 'JACCARD', bases: SIMILARITY_BASES });
        expect(peers.map((p) => [p.peer.id, ids(p.directTies)])).toEqual([
          ['b', ['b--supports--a']],
          ['c', []],
          ['d', ['d--collaborates_with--a']],
        ]);
        // r(n) = ln(1 + 6 / n); A and B share X (x 3), N1, F1, P1, T1 and AP1 (x 0.5), SN (x 0.5).
        const r = (n: number) => Math.log(1 + 6 / n);
        const a = 3 * r(2) + r(2) + r(4) + r(3) + r(2) + 0.5 * r(3) + 0.5 * r(3) + 0.5 * r(2);
        const b = 3 * r(2) + (r(4) + r(1)) + r(3) + r(2) + 0.5 * r(3) + 0.5 * r(3) + 0.5 * r(2);
        const shared = 3 * r(2) + r(4) + r(3) + r(2) + 0.5 * r(3) + 0.5 * r(3) + 0.5 * r(2);
        expect(peers[0]!.score).toBeCloseTo(shared / (a + b - shared), 12);
        expect(peers[0]!.score).toBeCloseTo(0.7372916403143177, 12);
        const untied = await analytics.similarMunicipalities({
          id: 'a',
          first: 10,
          metric: 'JACCARD',
          bases: SIMILARITY_BASES,
          excludeDirectTies: true,
        });
        expect(untied.map((p) => p.peer.id)).toEqual(['c']);
      });
    });

    describe('after an edit', () => {
      beforeAll(async () => {
        await store.clear();
        await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
      });

      it('answers metrics of the edited graph, also when the edit keeps the numbers of nodes and relationships', async () => {
        // Roeselare: two PARTY_TO, COORDINATES proj-2, MEMBER_OF net-1, LOCATED_IN Belgium. Liège:
        // PARTICIPATES_IN proj-1, MEMBER_OF net-1, LOCATED_IN Belgium.
        expect((await analytics.metrics(['roeselare', 'liege'])).map((m) => m!.degree)).toEqual([5, 3]);
        const [swapped] = await store.getRelations(['roeselare--member-of--net-1']);
        await store.applyChanges({
          deleteRelations: [swapped!.id],
          putRelations: [{ ...swapped!, id: 'liege--coordinates--proj-2', kind: 'COORDINATES', from: 'liege', to: 'proj-2' }],
        });
        expect((await analytics.metrics(['roeselare', 'liege'])).map((m) => m!.degree)).toEqual([4, 4]);
      });
    });

    describe('agrees with the reference written from the ADR on random graphs', () => {
      // Each run clears and writes a graph; on a server under load that takes seconds.
      const RANDOM_TIMEOUT = 180_000;

      it(
        'similar municipalities: same peers, order and scores for every metric, weighting and filter',
        { timeout: RANDOM_TIMEOUT },
        async () => {
          let compared = 0;
          await fc.assert(
            fc.asyncProperty(
              randomGraph,
              fc.constantFrom(...SIMILARITY_METRICS),
              fc.constantFrom('RARITY' as const, 'EQUAL' as const),
              fc.subarray([...SIMILARITY_BASES], { minLength: 1 }),
              fc.boolean(),
              fc.boolean(),
              fc.integer({ min: 1, max: 5 }),
              async (graph, metric, weighting, bases, excludePartners, excludeDirectTies, first) => {
                await store.clear();
                await store.bulkUpsert(graph);
                const reference = new AnalysisReference(graph.nodes, graph.relations);
                const weights: Partial<Record<SimilarityBasis, number>> = { THEMES: 2, PARTNER_COUNTRIES: 0.25 };
                for (const m of graph.nodes.filter((n) => n.kind === 'MUNICIPALITY')) {
                  const expected = reference.similar(m.id, {
                    metric,
                    weighting,
                    bases,
                    weights,
                    first,
                    excludePartners,
                    excludeDirectTies,
                  });
                  const actual = await analytics.similarMunicipalities({
                    id: m.id,
                    metric,
                    weighting,
                    bases,
                    weights,
                    first,
                    excludePartners,
                    excludeDirectTies,
                  });
                  expect(actual.map((p) => p.peer.id)).toEqual(expected.map((p) => p.id));
                  actual.forEach((p, i) => expect(p.score).toBeCloseTo(expected[i]!.score, 12));
                  expect(actual.map((p) => p.byBasis.map((b) => b.shared.map((f) => f.node.id)))).toEqual(
                    expected.map((p) => p.byBasis.map((b) => b.shared)),
                  );
                  compared += expected.length;
                }
              },
            ),
            { numRuns: options.randomRuns },
          );
          // The property compared real peers, not only empty lists.
          expect(compared).toBeGreaterThan(0);
        },
      );

      it('partner suggestions and shortest paths', { timeout: RANDOM_TIMEOUT }, async () => {
        let compared = 0;
        await fc.assert(
          fc.asyncProperty(randomGraph, async (graph) => {
            await store.clear();
            await store.bulkUpsert(graph);
            const reference = new AnalysisReference(graph.nodes, graph.relations);
            const municipalities = graph.nodes.filter((n) => n.kind === 'MUNICIPALITY').map((n) => n.id);
            for (const m of municipalities) {
              const actual = await analytics.suggestPartners({ id: m, first: 5 });
              const expected = reference.suggest(m, 5);
              expect(actual.map((s) => [s.candidate.id, s.pathCount])).toEqual(expected.map((s) => [s.id, s.pathCount]));
              actual.forEach((s, i) => expect(s.score).toBeCloseTo(expected[i]!.score, 12));
              compared += expected.length;
              for (const s of actual) {
                for (const p of s.paths) {
                  expect([p.nodes[0]!.id, p.nodes.at(-1)!.id]).toEqual([m, s.candidate.id]);
                  // Two steps: a step is a relationship, or a partnership walked through.
                  const partnershipsWalked = p.nodes.slice(1, -1).filter((n) => n.kind === 'PARTNERSHIP').length;
                  expect(p.relations.length - partnershipsWalked).toBe(2);
                }
              }
            }
            const [a, b] = [municipalities[0]!, municipalities.at(-1)!];
            const paths = await analytics.shortestPaths({ from: a, to: b, maxHops: 4, first: 5 });
            expect(paths.map((p) => ({ nodes: ids(p.nodes), relations: ids(p.relations) }))).toEqual(reference.shortestPaths(a, b, 4, 5));
          }),
          { numRuns: options.randomRuns },
        );
        expect(compared).toBeGreaterThan(0);
      });
    });
  });
}
