import { parentPort } from 'node:worker_threads';
import type { GraphNode, GraphRelation, MunicipalityLevel, NodeKind, RelationKind } from '../../../domain/model.js';
import type { SimilarityQuery, SuggestionQuery } from '../../GraphAnalytics.js';
import { AdjacencyGraph } from '../AdjacencyGraph.js';
import { AdjacencyPeers, type PeerAnswer, type SuggestionAnswer } from '../AdjacencyPeers.js';
import { yieldCpuToMainThread } from '../../../workerThread.js';

/**
 * The peers worker (docs/adr/0024): holds a copy of the embedded store's graph as peers need it
 * (ids, kinds, countries, levels, sort names; relationship ids, kinds and ends), one version at a
 * time, builds its peer index as soon as a version has arrived, and answers similarMunicipalities
 * and suggestPartners by ids with the store's own code (AdjacencyPeers). Messages are handled in
 * order, so a query sent after a version is answered on that version.
 */

/** Consecutive nodes of the graph, in the store's numbering, with their outgoing relationships. */
export interface NodeSlice {
  ids: string[];
  kinds: NodeKind[];
  countries: (string | null)[];
  levels: (MunicipalityLevel | null)[];
  sortNames: string[];
  /** Outgoing relationships per node of the slice, in order; theirs are listed one node after another. */
  outCounts: Int32Array;
  relationIds: string[];
  relationKinds: RelationKind[];
  /** The number of each relationship's target node. */
  targets: Int32Array;
}

export type PeerJob =
  | { type: 'begin'; version: number }
  | { type: 'slice'; version: number; slice: NodeSlice }
  | { type: 'end'; version: number }
  | { type: 'similar'; id: number; query: SimilarityQuery }
  | { type: 'suggest'; id: number; query: SuggestionQuery };

export type PeerReply =
  | { id: number; version: number; similar: PeerAnswer | null }
  | { id: number; version: number; suggest: SuggestionAnswer[] }
  | { id: number; error: string };

const SOURCES: GraphNode['sources'] = [];

/** The graph of the slices, numbered as the store numbers it, and the peers over it. */
export function peersOfSlices(slices: readonly NodeSlice[]): AdjacencyPeers {
  const graph = new AdjacencyGraph();
  const sortNames = new Map<string, string>();
  for (const s of slices) {
    s.ids.forEach((id, i) => {
      const node = { id, kind: s.kinds[i]!, name: '', altNames: [], sources: SOURCES } as unknown as Record<string, unknown>;
      if (s.countries[i] !== null) node.country = s.countries[i];
      if (s.levels[i] !== null) node.level = s.levels[i];
      graph.putNode(node as unknown as GraphNode);
      sortNames.set(id, s.sortNames[i]!);
    });
  }
  let from = 0;
  for (const s of slices) {
    let r = 0;
    for (let i = 0; i < s.ids.length; i++, from++) {
      const source = graph.entryAt(from).node.id;
      for (let k = 0; k < s.outCounts[i]!; k++, r++) {
        const relation = { id: s.relationIds[r]!, kind: s.relationKinds[r]!, from: source, to: graph.entryAt(s.targets[r]!).node.id };
        graph.putRelation({ ...relation, sources: SOURCES } as GraphRelation);
      }
    }
  }
  return new AdjacencyPeers(graph, (id) => sortNames.get(id) ?? '');
}

yieldCpuToMainThread();

let receiving: { version: number; slices: NodeSlice[] } | null = null;
let current: { version: number; peers: AdjacencyPeers } | null = null;

parentPort?.on('message', (job: PeerJob) => {
  switch (job.type) {
    case 'begin':
      receiving = { version: job.version, slices: [] };
      return;
    case 'slice':
      if (receiving?.version === job.version) receiving.slices.push(job.slice);
      return;
    case 'end': {
      if (receiving?.version !== job.version) return;
      const peers = peersOfSlices(receiving.slices);
      receiving = null;
      peers.peerIndex();
      current = { version: job.version, peers };
      return;
    }
    case 'similar':
    case 'suggest': {
      let reply: PeerReply;
      try {
        if (!current) throw new Error('no graph has arrived yet');
        reply =
          job.type === 'similar'
            ? { id: job.id, version: current.version, similar: current.peers.similar(job.query) }
            : { id: job.id, version: current.version, suggest: current.peers.suggest(job.query) };
      } catch (e) {
        reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
      }
      parentPort!.postMessage(reply);
    }
  }
});
