import type { NodeKind } from '../../domain/model.js';
import { CONTEXT_LINKS, featuresOf, type Tie } from '../analysis/features.js';
import { PeerIndex, peerQueryOf, type PeerHit } from '../analysis/peerIndex.js';
import { pathNodeIds, rankSuggestions, reachOf, type ReachNode, type Step } from '../analysis/suggestions.js';
import type { SimilarityQuery, SuggestionQuery } from '../GraphAnalytics.js';
import type { AdjacencyGraph, NodeEntry } from './AdjacencyGraph.js';

/** similarMunicipalities by ids (what a worker can send back): the hits and N of the rarity weight. */
export interface PeerAnswer {
  hits: PeerHit[];
  municipalityCount: number;
}

/** A partner suggestion by ids: the candidate, the intermediaries and the paths as node and relationship ids. */
export interface SuggestionAnswer {
  candidate: string;
  score: number;
  pathCount: number;
  candidateDegree: number;
  via: string[];
  paths: { nodes: string[]; relations: string[] }[];
}

/**
 * Peers and suggestions over one version of an adjacency graph, by ids: the embedded store's
 * arithmetic (docs/adr/0014), with the caches of that version (the peer index, |reach(x)|). The
 * same code runs in the API's process for small graphs and in the peers worker for large ones
 * (docs/adr/0024), over a copy of the graph; MemoryAnalytics turns the ids into the store's objects.
 * Drop it after a write: it does not notice changes.
 */
export class AdjacencyPeers {
  private index: PeerIndex | null = null;
  private readonly reachSizes = new Map<string, number>();

  constructor(
    private readonly graph: AdjacencyGraph,
    private readonly sortName: (id: string) => string,
  ) {}

  /** similarMunicipalities; null when `query.id` is not a municipality of the graph. */
  similar(query: SimilarityQuery): PeerAnswer | null {
    const self = this.graph.entry(query.id);
    if (!self || self.node.kind !== 'MUNICIPALITY') return null;
    const index = this.peerIndex();
    return { hits: index.query(peerQueryOf(query)), municipalityCount: index.size };
  }

  /** suggestPartners; empty for an unknown id. */
  suggest(query: SuggestionQuery): SuggestionAnswer[] {
    const self = this.graph.entry(query.id);
    if (!self) return [];
    const kinds = new Set<NodeKind>(query.kinds && query.kinds.length > 0 ? query.kinds : ['MUNICIPALITY', 'ORGANIZATION']);
    const ranked = rankSuggestions(
      self.node.id,
      this.reach(self),
      (id) => this.reach(this.graph.entry(id)!),
      (id) => this.reachSize(id),
      kinds,
      query.first,
    );
    return ranked.map((r) => ({
      candidate: r.candidate.id,
      score: r.score,
      pathCount: r.via.length,
      candidateDegree: r.candidateReach,
      via: r.via.map((v) => v.node.id),
      paths: r.via.slice(0, 5).map((v) => ({
        nodes: pathNodeIds(self.node.id, [v.first, v.second]),
        relations: [v.first, v.second].flatMap((s) => s.relations),
      })),
    }));
  }

  /** The peer index of this version (built on first use). */
  peerIndex(): PeerIndex {
    if (this.index) return this.index;
    const municipalities = [];
    const features = [];
    for (const id of this.graph.nodeIds()) {
      const entry = this.graph.entry(id)!;
      if (entry.node.kind !== 'MUNICIPALITY') continue;
      const context = this.contextOf(entry);
      const ties = [entry, ...context].flatMap((c) => this.tiesOf(c));
      features.push(
        featuresOf(
          this.tieEnd(entry),
          context.map((c) => this.tieEnd(c)),
          ties,
        ),
      );
      municipalities.push({ id, sortName: this.sortName(id), country: entry.node.country, level: entry.node.level });
    }
    return (this.index = new PeerIndex(municipalities, features));
  }

  private tieEnd(entry: NodeEntry): ReachNode {
    const n = entry.node;
    return n.country === undefined
      ? { id: n.id, kind: n.kind, sortName: this.sortName(n.id) }
      : { id: n.id, kind: n.kind, country: n.country, sortName: this.sortName(n.id) };
  }

  /** Every relationship of `via` (both directions), as ties; only PARTY_TO ones when asked. */
  private tiesOf(via: NodeEntry, partyToOnly = false): (Tie & { other: ReachNode })[] {
    const out: (Tie & { other: ReachNode })[] = [];
    const end = this.tieEnd(via);
    for (let pass = 0; pass < 2; pass++) {
      const relations = pass === 0 ? via.out : via.in;
      const ends = pass === 0 ? via.outNodes : via.inNodes;
      for (let i = 0; i < relations.length; i++) {
        if (partyToOnly && relations[i]!.kind !== 'PARTY_TO') continue;
        out.push({
          via: end,
          relation: relations[i]!.kind,
          relationId: relations[i]!.id,
          other: this.tieEnd(this.graph.entryAt(ends[i]!)),
        });
      }
    }
    return out;
  }

  /** context(m) of GraphAnalytics without m: its partnerships and projects. */
  private contextOf(entry: NodeEntry): NodeEntry[] {
    const context: NodeEntry[] = [];
    for (let i = 0; i < entry.out.length; i++) {
      const target = this.graph.entryAt(entry.outNodes[i]!);
      if (CONTEXT_LINKS.some((l) => l.relation === entry.out[i]!.kind && l.kind === target.node.kind) && !context.includes(target))
        context.push(target);
    }
    return context;
  }

  /** reach(x) of GraphAnalytics. */
  private reach(entry: NodeEntry): Map<string, Step> {
    const ties = this.tiesOf(entry);
    for (let i = 0; i < entry.out.length; i++) {
      const target = this.graph.entryAt(entry.outNodes[i]!);
      if (entry.out[i]!.kind === 'PARTY_TO' && target.node.kind === 'PARTNERSHIP') ties.push(...this.tiesOf(target, true));
    }
    return reachOf(entry.node.id, ties);
  }

  private reachSize(id: string): number {
    let size = this.reachSizes.get(id);
    if (size === undefined) this.reachSizes.set(id, (size = this.reach(this.graph.entry(id)!).size));
    return size;
  }
}
