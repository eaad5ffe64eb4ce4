import type { GraphNode, GraphRelation, NodeKind } from '../../server/src/domain/model.js';
import { normalizeText } from '../../server/src/domain/normalize.js';

/**
 * Brute-force reference for the analysis contracts, written from docs/adr/0014-peers-and-suggestions.md
 * over plain arrays: no index, all pairs, and none of the production arithmetic (only the node
 * types and the sort-name normaliser are imported). Slow on purpose; the stores must agree with it
 * on peers, scores and order.
 */

export const BASES = [
  'PARTNER_MUNICIPALITIES',
  'PARTNER_ORGANIZATIONS',
  'NETWORKS',
  'FUNDING_PROGRAMS',
  'PROJECTS',
  'THEMES',
  'APPROACHES',
  'PARTNER_COUNTRIES',
] as const;
export type Basis = (typeof BASES)[number];
export type Metric = 'JACCARD' | 'OVERLAP' | 'ADAMIC_ADAR' | 'WEIGHTED';

/** The ADR's default basis weights. */
export const DEFAULT_WEIGHTS: Record<Basis, number> = {
  PARTNER_MUNICIPALITIES: 3,
  PARTNER_ORGANIZATIONS: 1,
  NETWORKS: 1,
  FUNDING_PROGRAMS: 1,
  PROJECTS: 1,
  THEMES: 0.5,
  APPROACHES: 0.5,
  PARTNER_COUNTRIES: 0.5,
};

const KIND_BASIS: Partial<Record<NodeKind, Basis>> = {
  ORGANIZATION: 'PARTNER_ORGANIZATIONS',
  NETWORK: 'NETWORKS',
  FUNDING_PROGRAM: 'FUNDING_PROGRAMS',
  PROJECT: 'PROJECTS',
  THEME: 'THEMES',
  APPROACH: 'APPROACHES',
};

const ignored = (r: GraphRelation) => r.kind === 'LOCATED_IN' || r.kind === 'PART_OF';
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface PeerOptions {
  metric: Metric;
  bases: readonly Basis[];
  weighting?: 'RARITY' | 'EQUAL';
  weights?: Partial<Record<Basis, number>>;
  first: number;
  excludePartners?: boolean;
  excludeDirectTies?: boolean;
  countries?: string[];
}

export class AnalysisReference {
  private readonly byId: Map<string, GraphNode>;
  private readonly municipalities: GraphNode[];
  private readonly featureCache = new Map<string, Map<Basis, string[]>>();

  constructor(
    readonly nodes: readonly GraphNode[],
    readonly relations: readonly GraphRelation[],
  ) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    this.municipalities = nodes.filter((n) => n.kind === 'MUNICIPALITY');
  }

  private kind(id: string): NodeKind {
    return this.byId.get(id)!.kind;
  }

  /** Partnerships m is PARTY_TO and projects it PARTICIPATES_IN or COORDINATES. */
  context(m: string): string[] {
    const out: string[] = [];
    for (const r of this.relations) {
      if (r.from !== m || out.includes(r.to)) continue;
      if (
        (r.kind === 'PARTY_TO' && this.kind(r.to) === 'PARTNERSHIP') ||
        ((r.kind === 'PARTICIPATES_IN' || r.kind === 'COORDINATES') && this.kind(r.to) === 'PROJECT')
      )
        out.push(r.to);
    }
    return out;
  }

  /** Other municipalities PARTY_TO a partnership m is PARTY_TO. */
  partners(m: string): Set<string> {
    const mine = this.relations.filter((r) => r.kind === 'PARTY_TO' && r.from === m && this.kind(r.to) === 'PARTNERSHIP').map((r) => r.to);
    return new Set(
      this.relations
        .filter((r) => r.kind === 'PARTY_TO' && mine.includes(r.to) && r.from !== m && this.kind(r.from) === 'MUNICIPALITY')
        .map((r) => r.from),
    );
  }

  /** Municipalities joined to m by one relationship other than LOCATED_IN / PART_OF. */
  directTies(m: string): Set<string> {
    const out = new Set<string>();
    for (const r of this.relations) {
      if (ignored(r)) continue;
      if (r.from === m && r.to !== m && this.kind(r.to) === 'MUNICIPALITY') out.add(r.to);
      if (r.to === m && r.from !== m && this.kind(r.from) === 'MUNICIPALITY') out.add(r.from);
    }
    return out;
  }

  features(m: string): Map<Basis, string[]> {
    const cached = this.featureCache.get(m);
    if (cached) return cached;
    const context = this.context(m);
    const around = new Set([m, ...context]);
    const own = this.byId.get(m)!.country;
    const sets = new Map<Basis, Set<string>>(BASES.map((b) => [b, new Set<string>()]));
    const country = (id: string) => {
      const c = this.byId.get(id)!.country;
      if (c && c !== own) sets.get('PARTNER_COUNTRIES')!.add(`country-${c.toLowerCase()}`);
    };
    for (const c of context) if (this.kind(c) === 'PROJECT') sets.get('PROJECTS')!.add(c);
    for (const r of this.relations) {
      if (ignored(r)) continue;
      for (const [via, other] of [
        [r.from, r.to],
        [r.to, r.from],
      ] as const) {
        if (!around.has(via) || around.has(other)) continue;
        if (this.kind(other) === 'MUNICIPALITY') {
          if (via !== m && this.kind(via) === 'PARTNERSHIP' && r.kind === 'PARTY_TO') {
            sets.get('PARTNER_MUNICIPALITIES')!.add(other);
            country(other);
          }
          continue;
        }
        const basis = KIND_BASIS[this.kind(other)];
        if (!basis) continue;
        sets.get(basis)!.add(other);
        if (basis === 'PARTNER_ORGANIZATIONS') country(other);
      }
    }
    const out = new Map(BASES.map((b) => [b, [...sets.get(b)!].sort(byCodeUnits)]));
    this.featureCache.set(m, out);
    return out;
  }

  /** How many municipalities have feature `id` in `basis`. */
  holders(basis: Basis, id: string): number {
    return this.municipalities.filter((m) => this.features(m.id).get(basis)!.includes(id)).length;
  }

  /** Every pair scored straight from the ADR's formula, then filtered, ordered and cut. */
  similar(id: string, options: PeerOptions) {
    const n = this.municipalities.length;
    const c = options.bases.map((b) => options.weights?.[b] ?? DEFAULT_WEIGHTS[b]);
    const r = (basis: Basis, f: string) => (options.weighting === 'EQUAL' ? 1 : Math.log(1 + n / this.holders(basis, f)));
    const sumR = (basis: Basis, list: readonly string[]) => list.reduce((s, f) => s + r(basis, f), 0);
    const mine = this.features(id);
    const partners = this.partners(id);
    const ties = this.directTies(id);
    const out = [];
    for (const peer of this.municipalities) {
      if (peer.id === id) continue;
      if ((options.excludePartners ?? true) && partners.has(peer.id)) continue;
      if (options.excludeDirectTies && ties.has(peer.id)) continue;
      if (options.countries && !options.countries.includes(peer.country ?? '')) continue;
      const theirs = this.features(peer.id);
      const shared = options.bases.map((b) => mine.get(b)!.filter((f) => theirs.get(b)!.includes(f)));
      const ownR = options.bases.map((b) => sumR(b, mine.get(b)!));
      const theirR = options.bases.map((b) => sumR(b, theirs.get(b)!));
      const sharedR = options.bases.map((b, i) => sumR(b, shared[i]!));
      let wa = 0;
      let wb = 0;
      let s = 0;
      for (let i = 0; i < c.length; i++) {
        wa += c[i]! * ownR[i]!;
        wb += c[i]! * theirR[i]!;
        s += c[i]! * sharedR[i]!;
      }
      const div = (x: number, d: number) => (d > 0 ? x / d : 0);
      const totalC = c.reduce((x, y) => x + y, 0);
      const parts = options.bases.map((b, i) => {
        switch (options.metric) {
          case 'JACCARD':
            return div(c[i]! * sharedR[i]!, wa + wb - s);
          case 'OVERLAP':
            return div(c[i]! * sharedR[i]!, Math.min(wa, wb));
          case 'ADAMIC_ADAR':
            return c[i]! * shared[i]!.reduce((x, f) => x + 1 / Math.log(Math.max(2, this.holders(b, f))), 0);
          case 'WEIGHTED':
            return div(c[i]!, totalC) * div(sharedR[i]!, ownR[i]! + theirR[i]! - sharedR[i]!);
        }
      });
      const score = parts.reduce((x, y) => x + y, 0);
      if (score > 0)
        out.push({
          id: peer.id,
          sortName: normalizeText(peer.name),
          score,
          byBasis: options.bases.map((basis, i) => ({ basis, score: parts[i]!, shared: shared[i]! })),
        });
    }
    return out.sort((a, b) => b.score - a.score || byCodeUnits(a.sortName, b.sortName) || byCodeUnits(a.id, b.id)).slice(0, options.first);
  }

  /** reach(x): one relationship away (not LOCATED_IN / PART_OF, not a partnership), or a party of x's partnerships. */
  reach(x: string): Set<string> {
    const out = new Set<string>();
    const partnerships = new Set<string>();
    for (const r of this.relations) {
      if (ignored(r)) continue;
      const other = r.from === x ? r.to : r.to === x ? r.from : null;
      if (other === null || other === x) continue;
      if (this.kind(other) !== 'PARTNERSHIP') out.add(other);
      else if (r.kind === 'PARTY_TO' && r.from === x) partnerships.add(other);
    }
    for (const r of this.relations) if (r.kind === 'PARTY_TO' && partnerships.has(r.to) && r.from !== x) out.add(r.from);
    return out;
  }

  suggest(id: string, first: number, kinds: NodeKind[] = ['MUNICIPALITY', 'ORGANIZATION']) {
    const mine = this.reach(id);
    const found = new Map<string, { sum: number; paths: number }>();
    const middle = [...mine]
      .filter((i) => ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT'].includes(this.kind(i)))
      .sort(byCodeUnits);
    for (const i of middle) {
      const theirs = this.reach(i);
      const weight = 1 / Math.log(1 + theirs.size);
      for (const c of theirs) {
        if (c === id || mine.has(c) || !kinds.includes(this.kind(c))) continue;
        const f = found.get(c) ?? { sum: 0, paths: 0 };
        f.sum += weight;
        f.paths += 1;
        found.set(c, f);
      }
    }
    return [...found]
      .map(([c, f]) => {
        const size = this.reach(c).size;
        return {
          id: c,
          sortName: normalizeText(this.byId.get(c)!.name),
          score: f.sum * (1 / Math.log(1 + Math.max(1, size))),
          pathCount: f.paths,
          size,
        };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.pathCount - a.pathCount ||
          a.size - b.size ||
          byCodeUnits(a.sortName, b.sortName) ||
          byCodeUnits(a.id, b.id),
      )
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
    // Step by step: the next node's id, then the relationship's id.
    const stepOrder = (a: { nodes: string[]; relations: string[] }, b: { nodes: string[]; relations: string[] }) => {
      for (let i = 0; i < a.relations.length; i++) {
        const c = byCodeUnits(a.nodes[i + 1]!, b.nodes[i + 1]!) || byCodeUnits(a.relations[i]!, b.relations[i]!);
        if (c !== 0) return c;
      }
      return 0;
    };
    return all
      .filter((p) => p.relations.length === shortest)
      .sort(stepOrder)
      .slice(0, first);
  }
}
