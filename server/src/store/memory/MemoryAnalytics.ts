import { countryNodeId, type GraphNode, type GraphRelation, type NodeKind, type RelationKind } from '../../domain/model.js';
import { computeMetrics } from '../analysis/metrics.js';
import { comparePathSteps, INTERMEDIARY_KINDS, suggestionWeight } from '../analysis/suggestions.js';
import {
  adamicAdarWeight,
  comparePeers,
  featuresFromLinked,
  intersect,
  PairScorer,
  SIMILARITY_BASES,
  UNLINKING_RELATIONS,
  type FeatureSets,
  type SimilarityBasis,
} from '../analysis/similarity.js';
import type {
  GraphAnalytics,
  GraphPath,
  NodeMetricsResult,
  PartnerSuggestionResult,
  PathQuery,
  SimilarityMatch,
  SimilarityQuery,
  SuggestionQuery,
} from '../GraphAnalytics.js';
import { compareStrings } from '../searchText.js';
import type { AdjacencyGraph, NodeEntry } from './AdjacencyGraph.js';
import { contextOf } from './listFilter.js';

const UNLINKING: ReadonlySet<RelationKind> = new Set(UNLINKING_RELATIONS);

/** Feature sets of every municipality and, per feature, the municipalities holding it. */
interface FeatureIndex {
  features: Map<number, FeatureSets>;
  holders: Map<string, number[]>;
  /** Feature counts per municipality and basis: sizes[index * 8 + basis number]. */
  sizes: Int32Array;
  /** How many municipalities there are: the most candidates a query can have. */
  candidateCapacity: number;
}

const featureKey = (basis: SimilarityBasis, id: string) => `${basis}\u0000${id}`;

/**
 * GraphAnalytics on the embedded store. The feature index and the metrics are built once per
 * version of the graph (the store bumps `version` on every write) and reused until the next write.
 */
export class MemoryAnalytics implements GraphAnalytics {
  private index: { version: number; value: FeatureIndex } | null = null;
  private metricsCache: { version: number; value: Map<string, NodeMetricsResult> } | null = null;

  constructor(
    private readonly graph: AdjacencyGraph,
    private readonly version: () => number,
    private readonly sortName: (id: string) => string,
  ) {}

  async similarMunicipalities(query: SimilarityQuery): Promise<SimilarityMatch[]> {
    const self = this.graph.entry(query.id);
    if (!self || self.node.kind !== 'MUNICIPALITY') return [];
    const index = this.featureIndex();
    const own = index.features.get(self.index) ?? new Map<SimilarityBasis, string[]>();
    const bases = query.bases;
    const width = bases.length;
    const basisColumns = bases.map((b) => SIMILARITY_BASES.indexOf(b));
    const excluded = query.excludePartners ? this.linkedOf(self) : null;
    const countries = query.countries && query.countries.length > 0 ? new Set(query.countries) : null;
    const levels = query.levels && query.levels.length > 0 ? new Set<string>(query.levels) : null;
    const filtered = excluded !== null || countries !== null || levels !== null;
    const accepts = (candidate: number) => {
      if (candidate === self.index) return false;
      if (!filtered) return true;
      if (excluded?.has(candidate)) return false;
      const node = this.graph.entryAt(candidate).node;
      return (!countries || countries.has(node.country ?? '')) && (!levels || levels.has(node.level ?? ''));
    };

    // Count shared features per candidate and basis in flat arrays, walking own features in basis,
    // then id order, so that the Adamic-Adar sums add up in the same order as scorePair's.
    // Hub features (a country, a big network) have thousands of holders: this loop is the cost.
    const scratch = this.scratchFor(index.candidateCapacity * width);
    const stamp = ++scratch.stamp;
    const { seen, slot: slots, shared, adamicAdar } = scratch;
    const candidates: number[] = [];
    for (let b = 0; b < width; b++) {
      for (const z of own.get(bases[b]!) ?? []) {
        const holding = index.holders.get(featureKey(bases[b]!, z))!;
        const weight = adamicAdarWeight(holding.length);
        for (let h = 0; h < holding.length; h++) {
          const candidate = holding[h]!;
          let slot: number;
          if (seen[candidate] !== stamp) {
            seen[candidate] = stamp;
            if (!accepts(candidate)) {
              slots[candidate] = -1;
              continue;
            }
            slot = candidates.length;
            slots[candidate] = slot;
            candidates.push(candidate);
            for (let i = slot * width; i < slot * width + width; i++) {
              shared[i] = 0;
              adamicAdar[i] = 0;
            }
          } else {
            slot = slots[candidate]!;
            if (slot < 0) continue;
          }
          shared[slot * width + b]! += 1;
          adamicAdar[slot * width + b]! += weight;
        }
      }
    }

    const scorer = new PairScorer(query);
    const ownSizes = basisColumns.map((c) => index.sizes[self.index * SIMILARITY_BASES.length + c]!);
    // With every basis in canonical order, a candidate's sizes are read in place.
    const allBases = width === SIMILARITY_BASES.length && basisColumns.every((c, i) => c === i);
    const theirSizes = new Int32Array(width);
    const top: { candidate: number; slot: number; score: number; sortName: string; id: string }[] = [];
    for (let slot = 0; slot < candidates.length; slot++) {
      const candidate = candidates[slot]!;
      let score: number;
      if (allBases) score = scorer.score(ownSizes, 0, index.sizes, candidate * width, shared, adamicAdar, slot * width);
      else {
        for (let b = 0; b < width; b++) theirSizes[b] = index.sizes[candidate * SIMILARITY_BASES.length + basisColumns[b]!]!;
        score = scorer.score(ownSizes, 0, theirSizes, 0, shared, adamicAdar, slot * width);
      }
      if (score <= 0) continue;
      if (top.length === query.first && score < top[top.length - 1]!.score) continue;
      const id = this.graph.entryAt(candidate).node.id;
      insertTop(top, { candidate, slot, score, sortName: this.sortName(id), id }, query.first, comparePeers);
    }

    return top.map(({ candidate, slot, score }) => {
      const theirs = index.features.get(candidate)!;
      for (let b = 0; b < width; b++) theirSizes[b] = index.sizes[candidate * SIMILARITY_BASES.length + basisColumns[b]!]!;
      const parts: number[] = [];
      scorer.score(ownSizes, 0, theirSizes, 0, shared, adamicAdar, slot * width, parts);
      return {
        peer: this.graph.entryAt(candidate).node,
        score,
        byBasis: bases.map((basis, b) => ({
          basis,
          score: parts[b]!,
          // A country feature without a COUNTRY node (possible in imported data) has no evidence node.
          shared: intersect(own.get(basis) ?? [], theirs.get(basis) ?? []).flatMap((id) => this.graph.node(id) ?? []),
        })),
      };
    });
  }

  private scratch: { stamp: number; seen: Int32Array; slot: Int32Array; shared: Float64Array; adamicAdar: Float64Array } | null = null;

  /** Per-call working arrays, reused across calls (grown when the graph or the query needs more). */
  private scratchFor(countCells: number) {
    const nodes = this.graph.nodeCount;
    if (!this.scratch || this.scratch.seen.length < nodes || this.scratch.shared.length < countCells) {
      this.scratch = {
        stamp: 0,
        seen: new Int32Array(Math.max(nodes, 1)),
        slot: new Int32Array(Math.max(nodes, 1)),
        shared: new Float64Array(Math.max(countCells, 1)),
        adamicAdar: new Float64Array(Math.max(countCells, 1)),
      };
    }
    return this.scratch;
  }

  async suggestPartners(query: SuggestionQuery): Promise<PartnerSuggestionResult[]> {
    const self = this.graph.entry(query.id);
    if (!self) return [];
    const kinds = new Set<NodeKind>(query.kinds && query.kinds.length > 0 ? query.kinds : ['MUNICIPALITY', 'ORGANIZATION']);
    const mine = this.linkedOf(self);
    const intermediaries = [...mine]
      .filter((i) => INTERMEDIARY_KINDS.has(this.graph.entryAt(i).node.kind))
      .map((i) => ({ index: i, id: this.graph.entryAt(i).node.id, linked: this.linkedOf(this.graph.entryAt(i)) }))
      .sort((a, b) => compareStrings(a.id, b.id));

    const found = new Map<number, { score: number; via: { index: number; id: string; weight: number }[] }>();
    for (const i of intermediaries) {
      const weight = suggestionWeight(i.linked.size);
      for (const c of i.linked) {
        if (c === self.index || mine.has(c) || !kinds.has(this.graph.entryAt(c).node.kind)) continue;
        let entry = found.get(c);
        if (!entry) found.set(c, (entry = { score: 0, via: [] }));
        entry.score += weight;
        entry.via.push({ index: i.index, id: i.id, weight });
      }
    }
    const ranked: { candidate: number; score: number; sortName: string; id: string }[] = [];
    for (const [candidate, { score }] of found) {
      const id = this.graph.entryAt(candidate).node.id;
      insertTop(ranked, { candidate, score, sortName: this.sortName(id), id }, query.first, comparePeers);
    }
    return ranked.map(({ candidate, score }) => {
      const via = found.get(candidate)!.via.sort((a, b) => b.weight - a.weight || compareStrings(a.id, b.id));
      const target = this.graph.entryAt(candidate);
      const paths = via.slice(0, 5).map((i) => {
        const middle = this.graph.entryAt(i.index);
        const first = this.linkStep(self, middle);
        const second = this.linkStep(middle, target);
        return { nodes: [...first.nodes, ...second.nodes.slice(1)], relations: [...first.relations, ...second.relations] };
      });
      return { candidate: target.node, score, paths, pathCount: via.length };
    });
  }

  async shortestPaths(query: PathQuery): Promise<GraphPath[]> {
    const from = this.graph.entry(query.from);
    const to = this.graph.entry(query.to);
    if (!from || !to) return [];
    if (from === to) return [{ nodes: [from.node], relations: [] }];
    const kinds = query.relationKinds && query.relationKinds.length > 0 ? new Set(query.relationKinds) : null;
    const steps = (entry: NodeEntry) => this.steps(entry, kinds);

    // Distances to `to`, breadth-first, at most maxHops; then walk forward from `from` along
    // steps that bring the distance down by one, in step order, until `first` paths are found.
    const distance = new Map<number, number>([[to.index, 0]]);
    let frontier = [to];
    for (let d = 1; d <= query.maxHops && frontier.length > 0 && !distance.has(from.index); d++) {
      const next: NodeEntry[] = [];
      for (const u of frontier) {
        for (const step of steps(u)) {
          if (distance.has(step.other.index)) continue;
          distance.set(step.other.index, d);
          next.push(step.other);
        }
      }
      frontier = next;
    }
    const total = distance.get(from.index);
    if (total === undefined) return [];
    const paths: GraphPath[] = [];
    const walk = (u: NodeEntry, nodes: GraphNode[], relations: GraphRelation[]) => {
      if (paths.length >= query.first) return;
      if (u === to) {
        paths.push({ nodes: nodes.slice(), relations: relations.slice() });
        return;
      }
      const remaining = distance.get(u.index)!;
      for (const step of steps(u).sort(comparePathSteps)) {
        if (distance.get(step.other.index) !== remaining - 1) continue;
        nodes.push(step.other.node);
        relations.push(step.relation);
        walk(step.other, nodes, relations);
        nodes.pop();
        relations.pop();
      }
    };
    walk(from, [from.node], []);
    return paths;
  }

  async metrics(ids: readonly string[]): Promise<(NodeMetricsResult | null)[]> {
    if (!this.metricsCache || this.metricsCache.version !== this.version()) {
      const nodeIds = [...this.graph.nodeIds()];
      const edges = [...this.graph.relations()].map((r) => [r.from, r.to] as const);
      this.metricsCache = { version: this.version(), value: computeMetrics(nodeIds, edges) };
    }
    const value = this.metricsCache.value;
    return ids.map((id) => value.get(id) ?? null);
  }

  /** linked(x) of GraphAnalytics, as node indexes. */
  linkedOf(entry: NodeEntry): Set<number> {
    const context = contextOf(this.graph, entry);
    const inContext = new Set(context.map((c) => c.index));
    const linked = new Set<number>();
    for (const c of context) {
      for (let pass = 0; pass < 2; pass++) {
        const relations = pass === 0 ? c.out : c.in;
        const ends = pass === 0 ? c.outNodes : c.inNodes;
        for (let i = 0; i < relations.length; i++) {
          if (!UNLINKING.has(relations[i]!.kind) && !inContext.has(ends[i]!)) linked.add(ends[i]!);
        }
      }
    }
    return linked;
  }

  private featureIndex(): FeatureIndex {
    if (this.index && this.index.version === this.version()) return this.index.value;
    const features = new Map<number, FeatureSets>();
    const holders = new Map<string, number[]>();
    const sizes = new Int32Array(this.graph.nodeCount * SIMILARITY_BASES.length);
    for (const id of this.graph.nodeIds()) {
      const entry = this.graph.entry(id)!;
      if (entry.node.kind !== 'MUNICIPALITY') continue;
      const sets = featuresFromLinked(
        [...this.linkedOf(entry)].map((i) => this.graph.entryAt(i).node),
        countryNodeId,
      );
      features.set(entry.index, sets);
      for (const [basis, list] of sets) {
        sizes[entry.index * SIMILARITY_BASES.length + SIMILARITY_BASES.indexOf(basis)] = list.length;
        for (const z of list) {
          const key = featureKey(basis, z);
          const holding = holders.get(key);
          if (holding) holding.push(entry.index);
          else holders.set(key, [entry.index]);
        }
      }
    }
    this.index = { version: this.version(), value: { features, holders, sizes, candidateCapacity: features.size } };
    return this.index.value;
  }

  /** The relationships a path may take from a node: both directions, of the allowed kinds. */
  private steps(entry: NodeEntry, kinds: ReadonlySet<RelationKind> | null) {
    const out: { relation: GraphRelation; other: NodeEntry }[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const relations = pass === 0 ? entry.out : entry.in;
      const ends = pass === 0 ? entry.outNodes : entry.inNodes;
      for (let i = 0; i < relations.length; i++) {
        if (!kinds || kinds.has(relations[i]!.kind)) out.push({ relation: relations[i]!, other: this.graph.entryAt(ends[i]!) });
      }
    }
    return out;
  }

  /**
   * How b is in linked(a): directly (the relationship with the smallest id), or through a node of
   * context(a) (the one with the smallest id, each relationship the smallest id).
   */
  private linkStep(a: NodeEntry, b: NodeEntry): GraphPath {
    const direct = this.steps(a, null)
      .filter((s) => s.other === b && !UNLINKING.has(s.relation.kind))
      .sort(comparePathSteps)[0];
    if (direct) return { nodes: [a.node, b.node], relations: [direct.relation] };
    const context = contextOf(this.graph, a).slice(1).sort((x, y) => compareStrings(x.node.id, y.node.id));
    for (const c of context) {
      const toC = this.steps(a, null).filter((s) => s.other === c).sort(comparePathSteps)[0];
      const toB = this.steps(c, null).filter((s) => s.other === b && !UNLINKING.has(s.relation.kind)).sort(comparePathSteps)[0];
      if (toC && toB) return { nodes: [a.node, c.node, b.node], relations: [toC.relation, toB.relation] };
    }
    throw new Error(`${b.node.id} is not linked to ${a.node.id}`);
  }
}

/** Keeps `top` as the best `limit` items under `compare`, inserting one item (O(limit)). */
function insertTop<T>(top: T[], item: T, limit: number, compare: (a: T, b: T) => number): void {
  if (top.length === limit && compare(item, top[top.length - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && compare(item, top[i - 1]!) < 0) i--;
  top.splice(i, 0, item);
  if (top.length > limit) top.pop();
}
