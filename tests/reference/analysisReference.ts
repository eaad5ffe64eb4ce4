import { countryNodeId, type GraphNode, type GraphRelation, type NodeKind } from '../../server/src/domain/model.js';
import {
  comparePeers,
  featuresFromLinked,
  scorePair,
  UNLINKING_RELATIONS,
  type FeatureSets,
  type ScoreOptions,
  type SimilarityBasis,
} from '../../server/src/store/analysis/similarity.js';
import { comparePathsByStep, INTERMEDIARY_KINDS, suggestionWeight } from '../../server/src/store/analysis/suggestions.js';
import { normalizeText, compareStrings } from '../../server/src/store/searchText.js';

/**
 * Brute-force reference implementations of the analysis contracts (GraphAnalytics), straight from
 * their definitions over plain arrays: no index, all pairs. Slow on purpose; the stores must agree
 * with it on scores and order.
 */
export class AnalysisReference {
  private readonly byId: Map<string, GraphNode>;

  constructor(
    readonly nodes: readonly GraphNode[],
    readonly relations: readonly GraphRelation[],
  ) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
  }

  context(id: string): string[] {
    const out = [id];
    for (const r of this.relations) {
      if (r.from !== id || !['PARTY_TO', 'PARTICIPATES_IN', 'COORDINATES'].includes(r.kind)) continue;
      if (['PARTNERSHIP', 'PROJECT', 'FUNDING_PROGRAM'].includes(this.byId.get(r.to)!.kind) && !out.includes(r.to)) out.push(r.to);
    }
    return out;
  }

  linked(id: string): Set<string> {
    const context = this.context(id);
    const linked = new Set<string>();
    for (const r of this.relations) {
      if ((UNLINKING_RELATIONS as readonly string[]).includes(r.kind)) continue;
      if (context.includes(r.from) && !context.includes(r.to)) linked.add(r.to);
      if (context.includes(r.to) && !context.includes(r.from)) linked.add(r.from);
    }
    return linked;
  }

  features(id: string): FeatureSets {
    return featuresFromLinked([...this.linked(id)].map((x) => this.byId.get(x)!), countryNodeId);
  }

  similar(id: string, options: ScoreOptions & { first: number; excludePartners?: boolean; countries?: string[] }) {
    const municipalities = this.nodes.filter((n) => n.kind === 'MUNICIPALITY');
    const features = new Map(municipalities.map((m) => [m.id, this.features(m.id)]));
    const holders = (basis: SimilarityBasis, z: string) => municipalities.filter((m) => features.get(m.id)!.get(basis)?.includes(z)).length;
    const own = features.get(id)!;
    const excluded = options.excludePartners ? this.linked(id) : new Set<string>();
    return municipalities
      .filter((m) => m.id !== id && !excluded.has(m.id) && (!options.countries || options.countries.includes(m.country ?? '')))
      .map((m) => ({ id: m.id, sortName: normalizeText(m.name), ...scorePair(own, features.get(m.id)!, { ...options, holders }) }))
      .filter((m) => m.score > 0)
      .sort(comparePeers)
      .slice(0, options.first);
  }

  suggest(id: string, first: number, kinds: NodeKind[] = ['MUNICIPALITY', 'ORGANIZATION']) {
    const mine = this.linked(id);
    const scores = new Map<string, { score: number; paths: number }>();
    const intermediaries = [...mine].filter((i) => INTERMEDIARY_KINDS.has(this.byId.get(i)!.kind)).sort(compareStrings);
    for (const i of intermediaries) {
      const theirs = this.linked(i);
      const weight = suggestionWeight(theirs.size);
      for (const c of [...theirs]) {
        if (c === id || mine.has(c) || !kinds.includes(this.byId.get(c)!.kind)) continue;
        const s = scores.get(c) ?? { score: 0, paths: 0 };
        s.score += weight;
        s.paths += 1;
        scores.set(c, s);
      }
    }
    return [...scores]
      .map(([c, s]) => ({ id: c, sortName: normalizeText(this.byId.get(c)!.name), score: s.score, pathCount: s.paths }))
      .sort(comparePeers)
      .slice(0, first);
  }

  /** Every shortest path, by enumerating all simple paths up to maxHops. */
  shortestPaths(from: string, to: string, maxHops: number, first: number): { nodes: string[]; relations: string[] }[] {
    if (!this.byId.has(from) || !this.byId.has(to)) return [];
    if (from === to) return [{ nodes: [from], relations: [] }];
    const all: { nodes: string[]; relations: string[] }[] = [];
    const walk = (u: string, nodes: string[], rels: string[]) => {
      if (u === to) return void all.push({ nodes: nodes.slice(), relations: rels.slice() });
      if (rels.length === maxHops) return;
      for (const r of this.relations) {
        const v = r.from === u ? r.to : r.to === u ? r.from : null;
        if (v === null || nodes.includes(v)) continue;
        walk(v, [...nodes, v], [...rels, r.id]);
      }
    };
    walk(from, [from], []);
    if (all.length === 0) return [];
    const shortest = Math.min(...all.map((p) => p.relations.length));
    return all.filter((p) => p.relations.length === shortest).sort(comparePathsByStep).slice(0, first);
  }
}
