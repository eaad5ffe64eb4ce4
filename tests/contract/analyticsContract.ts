import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../graph-seed/seedStore.js';
import { SIMILARITY_BASES, SIMILARITY_METRICS, type SimilarityBasis } from '../../server/src/store/analysis/similarity.js';
import type { GraphAnalytics } from '../../server/src/store/GraphAnalytics.js';
import type { GraphStore } from '../../server/src/store/GraphStore.js';
import type { GraphPorts } from '../../server/src/store/ports.js';
import { AnalysisReference } from '../reference/analysisReference.js';
import { CONTRACT_GRAPH_DIR } from './graphStoreContract.js';
import { randomGraph } from './randomGraph.js';

const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

/**
 * The GraphAnalytics contract, written once for every adapter: answers on the fixture graph worked
 * out by hand, and, on random graphs, agreement with the brute-force reference on scores and order.
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

      it('scores peers by shared features and explains them', async () => {
        // Tambacounda is linked to Roeselare, Sint-Niklaas, its two partnerships' programme
        // (prog-1), the school, the approach and the theme; Roeselare shares with it the
        // partnership p-roes-tamba's surroundings.
        const peers = await analytics.similarMunicipalities({ id: 'roeselare', first: 10, metric: 'JACCARD', bases: SIMILARITY_BASES });
        expect(peers.map((p) => p.peer.id)).toContain('tambacounda');
        for (const p of peers) {
          expect(p.score).toBeCloseTo(p.byBasis.reduce((s, b) => s + b.score, 0), 12);
          expect(p.byBasis.map((b) => b.basis)).toEqual(SIMILARITY_BASES);
        }
        const tamba = peers.find((p) => p.peer.id === 'tambacounda')!;
        const themes = tamba.byBasis.find((b) => b.basis === 'THEMES')!;
        expect(ids(themes.shared)).toEqual(['theme-waste']);
      });

      it('leaves out partners when asked, and filters peers by country', async () => {
        const all = await analytics.similarMunicipalities({ id: 'roeselare', first: 10, metric: 'OVERLAP', bases: SIMILARITY_BASES });
        const excluding = await analytics.similarMunicipalities({ id: 'roeselare', first: 10, metric: 'OVERLAP', bases: SIMILARITY_BASES, excludePartners: true });
        expect(ids(all.map((p) => p.peer))).toContain('tambacounda');
        expect(ids(excluding.map((p) => p.peer))).not.toContain('tambacounda');
        const senegal = await analytics.similarMunicipalities({ id: 'roeselare', first: 10, metric: 'OVERLAP', bases: SIMILARITY_BASES, countries: ['SN'] });
        expect(senegal.every((p) => p.peer.country === 'SN')).toBe(true);
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
        const viaPartnerships = await analytics.shortestPaths({ from: 'roeselare', to: 'sint-niklaas', maxHops: 4, first: 10, relationKinds: ['PARTY_TO'] });
        expect(viaPartnerships.map((p) => ids(p.nodes))).toEqual([['roeselare', 'p-roes-tamba', 'tambacounda', 'p-sint-tamba', 'sint-niklaas']]);
        expect(await analytics.shortestPaths({ from: 'roeselare', to: 'sint-niklaas', maxHops: 3, first: 10, relationKinds: ['PARTY_TO'] })).toEqual([]);
        expect((await analytics.shortestPaths({ from: 'liege', to: 'liege', maxHops: 3, first: 10 })).map((p) => ids(p.nodes))).toEqual([['liege']]);
      });

      it('suggests partners reached through partners, networks and programmes, with paths', async () => {
        const suggestions = await analytics.suggestPartners({ id: 'roeselare', first: 10 });
        const liege = suggestions.find((s) => s.candidate.id === 'liege');
        // Liège is not linked to Roeselare but shares the network net-1 with it.
        expect(liege).toBeDefined();
        expect(liege!.paths.map((p) => ids(p.nodes))).toContainEqual(['roeselare', 'net-1', 'liege']);
        expect(suggestions.map((s) => s.candidate.id)).not.toContain('tambacounda');
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

    describe('agrees with the brute-force reference on random graphs', () => {
      it('similar municipalities: same peers, order and scores for every metric', async () => {
        await fc.assert(
          fc.asyncProperty(randomGraph, fc.constantFrom(...SIMILARITY_METRICS), fc.subarray([...SIMILARITY_BASES], { minLength: 1 }), fc.boolean(), async (graph, metric, bases, excludePartners) => {
            await store.clear();
            await store.writeGraph(graph);
            const reference = new AnalysisReference(graph.nodes, graph.relations);
            const weights: Partial<Record<SimilarityBasis, number>> = { THEMES: 2, PARTNER_COUNTRIES: 0.5 };
            for (const m of graph.nodes.filter((n) => n.kind === 'MUNICIPALITY')) {
              const expected = reference.similar(m.id, { metric, bases, weights, first: 5, excludePartners });
              const actual = await analytics.similarMunicipalities({ id: m.id, metric, bases, weights, first: 5, excludePartners });
              expect(actual.map((p) => [p.peer.id, p.score])).toEqual(expected.map((p) => [p.id, p.score]));
              expect(actual.map((p) => p.byBasis.map((b) => ids(b.shared)))).toEqual(expected.map((p) => p.byBasis.map((b) => b.shared)));
            }
          }),
          { numRuns: options.randomRuns },
        );
      });

      it('partner suggestions and shortest paths', async () => {
        await fc.assert(
          fc.asyncProperty(randomGraph, async (graph) => {
            await store.clear();
            await store.writeGraph(graph);
            const reference = new AnalysisReference(graph.nodes, graph.relations);
            const municipalities = graph.nodes.filter((n) => n.kind === 'MUNICIPALITY').map((n) => n.id);
            for (const m of municipalities) {
              const actual = await analytics.suggestPartners({ id: m, first: 5 });
              expect(actual.map((s) => [s.candidate.id, s.score, s.pathCount])).toEqual(reference.suggest(m, 5).map((s) => [s.id, s.score, s.pathCount]));
              for (const s of actual) for (const p of s.paths) expect([p.nodes[0]!.id, p.nodes.at(-1)!.id]).toEqual([m, s.candidate.id]);
            }
            const [a, b] = [municipalities[0]!, municipalities.at(-1)!];
            const paths = await analytics.shortestPaths({ from: a, to: b, maxHops: 4, first: 5 });
            expect(paths.map((p) => ({ nodes: ids(p.nodes), relations: ids(p.relations) }))).toEqual(reference.shortestPaths(a, b, 4, 5));
          }),
          { numRuns: options.randomRuns },
        );
      });
    });
  });
}
