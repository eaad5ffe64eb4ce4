import { SIMILARITY_BASES, type MunicipalityFeatures, type SimilarityBasis } from './features.js';
import {
  adamicAdarWeight,
  comparePeers,
  rarityWeight,
  scoreParts,
  basisWeightsOf,
  pairTotals,
  type BasisSums,
  type PairTotals,
  type FeatureWeighting,
  type SimilarityMetric,
} from './similarity.js';
import type { SimilarityQuery } from '../GraphAnalytics.js';
import { insertTop } from '../ranking.js';
import { runAll } from '../../timeSlicer.js';

export interface IndexedMunicipality {
  id: string;
  sortName: string;
  country?: string;
  level?: string;
}

export interface PeerQuery {
  id: string;
  first: number;
  metric: SimilarityMetric;
  weighting: FeatureWeighting;
  bases: readonly SimilarityBasis[];
  weights?: Partial<Record<SimilarityBasis, number>>;
  countries?: readonly string[];
  levels?: readonly string[];
  excludePartners: boolean;
  excludeDirectTies: boolean;
  /** Only the municipality's partners, every one of them (score 0 included). */
  onlyPartners: boolean;
}

export interface SharedFeature {
  id: string;
  /** How many municipalities have it. */
  holders: number;
  /** What it adds to the shared weight (see similarity.ts). */
  weight: number;
}

export interface PeerHit {
  id: string;
  score: number;
  byBasis: { basis: SimilarityBasis; score: number; shared: SharedFeature[] }[];
  /** Ids of the partnerships the two share (the peer is then a partner), sorted. */
  partnerships: string[];
  /** Ids of the relationships directly between the two, sorted. */
  directTies: string[];
  /** W(a), W(b) and S of the module comment of similarity.ts, over the query's bases. */
  totals: PairTotals;
}

/** A port query with its defaults filled in. */
export function peerQueryOf(query: SimilarityQuery): PeerQuery {
  return {
    ...query,
    weighting: query.weighting ?? 'RARITY',
    excludePartners: query.excludePartners ?? true,
    excludeDirectTies: query.excludeDirectTies ?? false,
    onlyPartners: query.onlyPartners ?? false,
  };
}

const BASES = SIMILARITY_BASES.length;
/** Steps (map and set operations) between two points where building the index may pause. */
const PIECE = 2_000;
/** Relative slack on pruning bounds, far above rounding differences between summation orders. */
const SLACK = 1e-9;

/**
 * Every municipality's features, numbered, with their holders: the one engine behind
 * similarMunicipalities on both stores (the embedded store builds it from its adjacency, Neo4j
 * from one bulk read per graph version). Features are numbered by basis, then id, so a
 * municipality's sorted feature list is also the canonical order in which sums are taken.
 */
export class PeerIndex {
  readonly size: number;
  private readonly slotById = new Map<string, number>();
  private readonly featureIds: string[] = [];
  // Set by fill(), which the constructor runs at once or building() in slices.
  private featureBasis!: Uint8Array;
  private holderCount!: Int32Array;
  private rarity!: Float64Array;
  private adamicAdar!: Float64Array;
  private featStart!: Int32Array;
  private featList!: Int32Array;
  private holderStart!: Int32Array;
  private holderList!: Int32Array;
  /** Sum of feature weights per municipality and basis: [slot * 8 + basis]. */
  private rarityTotals!: Float64Array;
  private countTotals!: Float64Array;
  private seen!: Int32Array;
  private accepted!: Uint8Array;
  private partial!: Float64Array;
  private stamp = 0;

  /** The index, built at once (see building for the same in slices). */
  constructor(
    readonly municipalities: readonly IndexedMunicipality[],
    private readonly info: readonly MunicipalityFeatures[],
    at = true,
  ) {
    this.size = municipalities.length;
    if (at) runAll(this.fill());
  }

  /**
   * The same index as work that yields about every PIECE steps (to be run with runSliced): on a
   * twin-cities-size graph the build holds a thread for hundreds of milliseconds in one piece,
   * which the Neo4j adapter would do on the main thread.
   */
  static *building(municipalities: readonly IndexedMunicipality[], info: readonly MunicipalityFeatures[]): Generator<void, PeerIndex> {
    const index = new PeerIndex(municipalities, info, false);
    yield* index.fill();
    return index;
  }

  private *fill(): Generator<void> {
    const { municipalities, info } = this;
    const n = this.size;
    let steps = 0;
    /** True once PIECE steps have been taken since the last pause: where the work may pause. */
    const due = (weight = 1) => {
      steps += weight;
      if (steps < PIECE) return false;
      steps = 0;
      return true;
    };
    for (let slot = 0; slot < n; slot++) {
      this.slotById.set(municipalities[slot]!.id, slot);
      if (due()) yield;
    }
    const numbers = SIMILARITY_BASES.map(() => new Map<string, number>());
    const basisOf: number[] = [];
    for (let b = 0; b < BASES; b++) {
      const basis = SIMILARITY_BASES[b]!;
      const ids = new Set<string>();
      for (const m of info) {
        for (const id of m.features.get(basis) ?? []) ids.add(id);
        if (due()) yield;
      }
      const sorted = [...ids].sort();
      yield;
      for (const id of sorted) {
        numbers[b]!.set(id, this.featureIds.length);
        this.featureIds.push(id);
        basisOf.push(b);
        if (due()) yield;
      }
    }
    const f = this.featureIds.length;
    this.featureBasis = Uint8Array.from(basisOf);
    this.featStart = new Int32Array(n + 1);
    const lists: number[] = [];
    for (let slot = 0; slot < n; slot++) {
      this.featStart[slot] = lists.length;
      SIMILARITY_BASES.forEach((basis, b) => {
        for (const id of info[slot]!.features.get(basis) ?? []) lists.push(numbers[b]!.get(id)!);
      });
      if (due(10)) yield;
    }
    this.featStart[n] = lists.length;
    this.featList = Int32Array.from(lists);
    this.holderCount = new Int32Array(f);
    for (const z of this.featList) this.holderCount[z]!++;
    this.holderStart = new Int32Array(f + 1);
    for (let z = 0; z < f; z++) this.holderStart[z + 1] = this.holderStart[z]! + this.holderCount[z]!;
    this.holderList = new Int32Array(this.featList.length);
    const fill = this.holderStart.slice(0, f);
    for (let slot = 0; slot < n; slot++) {
      for (let k = this.featStart[slot]!; k < this.featStart[slot + 1]!; k++) this.holderList[fill[this.featList[k]!]!++] = slot;
    }
    yield;
    this.rarity = new Float64Array(f);
    this.adamicAdar = new Float64Array(f);
    for (let z = 0; z < f; z++) {
      this.rarity[z] = rarityWeight(n, this.holderCount[z]!);
      this.adamicAdar[z] = adamicAdarWeight(this.holderCount[z]!);
    }
    yield;
    this.rarityTotals = new Float64Array(n * BASES);
    this.countTotals = new Float64Array(n * BASES);
    for (let slot = 0; slot < n; slot++) {
      for (let k = this.featStart[slot]!; k < this.featStart[slot + 1]!; k++) {
        const z = this.featList[k]!;
        this.rarityTotals[slot * BASES + this.featureBasis[z]!]! += this.rarity[z]!;
        this.countTotals[slot * BASES + this.featureBasis[z]!]! += 1;
      }
    }
    this.seen = new Int32Array(n);
    this.accepted = new Uint8Array(n);
    this.partial = new Float64Array(n);
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /**
   * Municipalities sharing the most with query.id under the query's rules (GraphAnalytics.similarMunicipalities).
   * `exhaustive` scores every municipality, no index walk and no pruning: the brute force the
   * benchmark checks the pruned answers against.
   */
  query(query: PeerQuery, options: { exhaustive?: boolean } = {}): PeerHit[] {
    const self = this.slotById.get(query.id);
    if (self === undefined || query.first <= 0) return [];
    const basisSlots = query.bases.map((b) => SIMILARITY_BASES.indexOf(b));
    const wanted = new Int8Array(BASES).fill(-1);
    basisSlots.forEach((b, i) => (wanted[b] = i));
    const own: number[] = [];
    for (let k = this.featStart[self]!; k < this.featStart[self + 1]!; k++)
      if (wanted[this.featureBasis[this.featList[k]!]!]! >= 0) own.push(this.featList[k]!);
    const accept = this.acceptor(self, query);
    let candidates: number[];
    if (options.exhaustive) candidates = this.municipalities.map((_, slot) => slot).filter(accept);
    else if (query.onlyPartners)
      candidates = [...this.info[self]!.partners.keys()].flatMap((id) => this.slotById.get(id) ?? []).filter(accept);
    else if (query.metric === 'JACCARD' || query.metric === 'ADAMIC_ADAR') candidates = this.prunedCandidates(self, own, query, accept);
    else candidates = this.allCandidates(own, accept);

    const score = this.scorer(self, own, query);
    const ranked: { slot: number; score: number; sortName: string; id: string }[] = [];
    for (const slot of candidates) {
      const s = score(slot);
      if (s > 0 || query.onlyPartners)
        insertTop(
          ranked,
          { slot, score: s, sortName: this.municipalities[slot]!.sortName, id: this.municipalities[slot]!.id },
          query.first,
          comparePeers,
        );
    }
    const mark = this.ownMark();
    for (const z of own) mark[z] = 0;
    return ranked.map((r) => this.exact(self, r.slot, own, query));
  }

  /**
   * The score of `self` with any municipality, as exact() computes it (same sums, same order:
   * the candidate's features are sorted, so shared ones are met in canonical order), without
   * building the evidence: a mark per own feature makes it one pass over the candidate's list.
   */
  private scorer(self: number, own: readonly number[], query: PeerQuery): (slot: number) => number {
    const width = query.bases.length;
    const column = new Int8Array(BASES).fill(-1);
    query.bases.forEach((b, i) => (column[SIMILARITY_BASES.indexOf(b)] = i));
    // Marks set here are cleared by query() once the ranking is done.
    const mark = this.ownMark();
    for (const z of own) mark[z] = 1;
    const totals = query.weighting === 'RARITY' ? this.rarityTotals : this.countTotals;
    const basisNumbers = query.bases.map((b) => SIMILARITY_BASES.indexOf(b));
    const c = basisWeightsOf(query);
    let cTotal = 0;
    for (const w of c) cTotal += w;
    const ownR = basisNumbers.map((b) => totals[self * BASES + b]!);
    let ownW = 0;
    for (let i = 0; i < width; i++) ownW += c[i]! * ownR[i]!;
    const shared = new Float64Array(width);
    const adamicAdar = new Float64Array(width);
    const rarity = query.weighting === 'RARITY';
    const ratio = (x: number, d: number) => (d > 0 ? x / d : 0);
    return (slot) => {
      shared.fill(0);
      adamicAdar.fill(0);
      for (let j = this.featStart[slot]!; j < this.featStart[slot + 1]!; j++) {
        const z = this.featList[j]!;
        if (mark[z] !== 1) continue;
        const col = column[this.featureBasis[z]!]!;
        shared[col]! += rarity ? this.rarity[z]! : 1;
        adamicAdar[col]! += this.adamicAdar[z]!;
      }
      let theirW = 0;
      let sharedW = 0;
      for (let i = 0; i < width; i++) {
        theirW += c[i]! * totals[slot * BASES + basisNumbers[i]!]!;
        sharedW += c[i]! * shared[i]!;
      }
      let score = 0;
      for (let i = 0; i < width; i++) {
        switch (query.metric) {
          case 'JACCARD':
            score += ratio(c[i]! * shared[i]!, ownW + theirW - sharedW);
            break;
          case 'OVERLAP':
            score += ratio(c[i]! * shared[i]!, Math.min(ownW, theirW));
            break;
          case 'ADAMIC_ADAR':
            score += c[i]! * adamicAdar[i]!;
            break;
          case 'WEIGHTED':
            score += ratio(c[i]!, cTotal) * ratio(shared[i]!, ownR[i]! + totals[slot * BASES + basisNumbers[i]!]! - shared[i]!);
            break;
        }
      }
      return score;
    };
  }

  private markScratch: Uint8Array | null = null;

  private ownMark(): Uint8Array {
    if (!this.markScratch) this.markScratch = new Uint8Array(this.featureIds.length);
    return this.markScratch;
  }

  private acceptor(self: number, query: PeerQuery): (slot: number) => boolean {
    const mine = this.info[self]!;
    const countries = query.countries && query.countries.length > 0 ? new Set(query.countries) : null;
    const levels = query.levels && query.levels.length > 0 ? new Set(query.levels) : null;
    const excluded = new Set<number>([self]);
    if (query.excludePartners && !query.onlyPartners) for (const id of mine.partners.keys()) excluded.add(this.slotById.get(id) ?? -1);
    if (query.excludeDirectTies) for (const id of mine.directTies.keys()) excluded.add(this.slotById.get(id) ?? -1);
    return (slot) => {
      if (excluded.has(slot)) return false;
      const m = this.municipalities[slot]!;
      return (!countries || countries.has(m.country ?? '')) && (!levels || levels.has(m.level ?? ''));
    };
  }

  /** c_b by basis number (0 for bases the query leaves out). */
  private basisWeightsByNumber(query: PeerQuery): Float64Array {
    const c = new Float64Array(BASES);
    basisWeightsOf(query).forEach((w, i) => (c[SIMILARITY_BASES.indexOf(query.bases[i]!)] = w));
    return c;
  }

  /** What a shared feature adds to S (to the score under ADAMIC_ADAR): c_b * r(f). */
  private valueOf(query: PeerQuery): (z: number) => number {
    const c = this.basisWeightsByNumber(query);
    if (query.metric === 'ADAMIC_ADAR') return (z) => c[this.featureBasis[z]!]! * this.adamicAdar[z]!;
    return query.weighting === 'RARITY' ? (z) => c[this.featureBasis[z]!]! * this.rarity[z]! : (z) => c[this.featureBasis[z]!]!;
  }

  /** W(x) over the query's bases. */
  private totalOf(slot: number, query: PeerQuery, c: readonly number[]): number {
    const totals = query.weighting === 'RARITY' ? this.rarityTotals : this.countTotals;
    let sum = 0;
    query.bases.forEach((basis, i) => (sum += c[i]! * totals[slot * BASES + SIMILARITY_BASES.indexOf(basis)]!));
    return sum;
  }

  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Every accepted municipality sharing a feature with `own`. */
  private allCandidates(own: readonly number[], accept: (slot: number) => boolean): number[] {
    const stamp = this.nextStamp();
    const out: number[] = [];
    for (const z of own) {
      for (let h = this.holderStart[z]!; h < this.holderStart[z + 1]!; h++) {
        const slot = this.holderList[h]!;
        if (this.seen[slot] === stamp) continue;
        this.seen[slot] = stamp;
        if (accept(slot)) out.push(slot);
      }
    }
    return out;
  }

  /**
   * Candidates that can reach the top `first` under JACCARD or ADAMIC_ADAR, found by walking the
   * own features from the most to the least specific and stopping once the features left could
   * not lift a new municipality above the current `first`-th best (a shared country adds little,
   * so its thousands of holders are rarely walked). The scores here are bounds; the exact ones
   * are taken afterwards in canonical order.
   */
  private prunedCandidates(self: number, own: readonly number[], query: PeerQuery, accept: (slot: number) => boolean): number[] {
    const value = this.valueOf(query);
    const order = own.slice().sort((a, b) => value(b) - value(a) || this.holderCount[a]! - this.holderCount[b]!);
    const rest = new Float64Array(order.length + 1);
    for (let k = order.length - 1; k >= 0; k--) rest[k] = rest[k + 1]! + value(order[k]!);
    const jaccard = query.metric === 'JACCARD';
    const c = basisWeightsOf(query);
    const ownTotal = jaccard ? this.totalOf(self, query, c) : 0;
    if (jaccard && ownTotal <= 0) return [];
    const totals = new Map<number, number>();
    const lower = (slot: number) => {
      const s = this.partial[slot]!;
      return jaccard ? s / (ownTotal + totals.get(slot)! - s) : s;
    };
    // Any municipality first met after step k shares at most rest[k]: its score is at most that
    // over ownTotal (Jaccard), or rest[k] itself (Adamic-Adar).
    const newcomerBound = (k: number) => (jaccard ? rest[k]! / ownTotal : rest[k]!);

    const stamp = this.nextStamp();
    const found: number[] = [];
    let threshold = 0;
    let best = 0;
    // The k-th best is recomputed (O(candidates)) only when the bound has fallen by a fifth since
    // the last time, so a municipality with thousands of features does not pay it at every step.
    let checkedAt = Infinity;
    let k = 0;
    for (; k < order.length; k++) {
      const bound = newcomerBound(k);
      if (found.length >= query.first && bound < best) {
        if (bound < threshold * (1 - SLACK)) break;
        if (bound <= checkedAt * 0.8) {
          checkedAt = bound;
          threshold = kthLargest(found.map(lower), query.first);
          if (bound < threshold * (1 - SLACK)) break;
        }
      }
      const z = order[k]!;
      const v = value(z);
      for (let h = this.holderStart[z]!; h < this.holderStart[z + 1]!; h++) {
        const slot = this.holderList[h]!;
        if (this.seen[slot] !== stamp) {
          this.seen[slot] = stamp;
          this.accepted[slot] = accept(slot) ? 1 : 0;
          if (!this.accepted[slot]) continue;
          this.partial[slot] = 0;
          if (jaccard) totals.set(slot, this.totalOf(slot, query, c));
          found.push(slot);
        } else if (!this.accepted[slot]) continue;
        this.partial[slot]! += v;
        const lb = lower(slot);
        if (lb > best) best = lb;
      }
    }
    if (found.length < query.first) return found;
    threshold = kthLargest(found.map(lower), query.first) * (1 - SLACK);
    const left = rest[k]!;
    return found.filter((slot) => {
      if (!jaccard) return this.partial[slot]! + left >= threshold;
      const theirs = totals.get(slot)!;
      const s = Math.min(this.partial[slot]! + left, theirs, ownTotal);
      return s / (ownTotal + theirs - s) >= threshold;
    });
  }

  /** The exact score of a pair, every sum taken in canonical order (basis, then feature id). */
  private exact(self: number, slot: number, own: readonly number[], query: PeerQuery): PeerHit {
    const width = query.bases.length;
    const column = new Int8Array(BASES).fill(-1);
    query.bases.forEach((b, i) => (column[SIMILARITY_BASES.indexOf(b)] = i));
    const basisTotals = query.weighting === 'RARITY' ? this.rarityTotals : this.countTotals;
    const sharedSums = new Array<number>(width).fill(0);
    const adamicAdarSums = new Array<number>(width).fill(0);
    const shared: SharedFeature[][] = query.bases.map(() => []);
    const value = this.valueOf(query);
    let i = 0;
    let j = this.featStart[slot]!;
    const end = this.featStart[slot + 1]!;
    while (i < own.length && j < end) {
      const a = own[i]!;
      const b = this.featList[j]!;
      if (a < b) i++;
      else if (b < a) j++;
      else {
        const col = column[this.featureBasis[a]!]!;
        sharedSums[col]! += query.weighting === 'RARITY' ? this.rarity[a]! : 1;
        adamicAdarSums[col]! += this.adamicAdar[a]!;
        shared[col]!.push({ id: this.featureIds[a]!, holders: this.holderCount[a]!, weight: value(a) });
        i++;
        j++;
      }
    }
    const sums: BasisSums = {
      own: query.bases.map((b) => basisTotals[self * BASES + SIMILARITY_BASES.indexOf(b)]!),
      theirs: query.bases.map((b) => basisTotals[slot * BASES + SIMILARITY_BASES.indexOf(b)]!),
      shared: sharedSums,
      adamicAdar: adamicAdarSums,
    };
    const c = basisWeightsOf(query);
    const parts = scoreParts(query.metric, c, sums);
    let score = 0;
    for (const p of parts) score += p;
    const totals = pairTotals(c, sums);
    const mine = this.info[self]!;
    const id = this.municipalities[slot]!.id;
    return {
      id,
      score,
      byBasis: query.bases.map((basis, b) => ({ basis, score: parts[b]!, shared: shared[b]! })),
      partnerships: mine.partners.get(id) ?? [],
      directTies: mine.directTies.get(id) ?? [],
      totals,
    };
  }
}

/** The k-th largest of values (k >= 1, values.length >= k). */
function kthLargest(values: number[], k: number): number {
  return Float64Array.from(values).sort()[values.length - k]!;
}
