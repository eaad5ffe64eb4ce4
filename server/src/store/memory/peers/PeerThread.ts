import type { Worker } from 'node:worker_threads';
import type { SimilarityQuery, SuggestionQuery } from '../../GraphAnalytics.js';
import type { AdjacencyGraph } from '../AdjacencyGraph.js';
import type { PeerAnswer, SuggestionAnswer } from '../AdjacencyPeers.js';
import { startWorker } from '../../../workerThread.js';
import { StoreUnavailableError } from '../../GraphStore.js';
import type { NodeSlice, PeerJob, PeerReply } from './peerWorker.js';

/** Nodes copied per turn of the event loop when a version is sent (a few ms of work each). */
const SLICE_NODES = 2_000;
/**
 * The first slice of a copy is this small, and each next one twice the one before up to
 * SLICE_NODES: the first copy of a process runs cold (its code not yet optimised, the worker
 * still starting), and 2,000 nodes then took 60 ms in one turn against about 2 ms warm.
 */
const FIRST_SLICE_NODES = 125;
/** A change is sent this long after the last write of a burst (ms). */
const QUIET_MS = 500;

/** An answer of the worker and the version of the graph it was computed on. */
export interface Answered<T> {
  version: number;
  value: T;
}

/**
 * The main thread's side of the peers worker (peerWorker.ts, docs/adr/0024): sends the embedded
 * store's graph to the worker once per version, in slices of up to SLICE_NODES nodes, one per turn of
 * the event loop (a write between two slices starts the copy again), and forwards queries, which
 * wait for the version asked about without holding the event loop. After a write the new version
 * is sent in the background (once the writes have been quiet for QUIET_MS), so the worker's index
 * is usually ready before the next query. The worker starts on first use and does not keep the
 * process alive.
 */
export class PeerThread {
  private worker: Worker | null = null;
  /** The version sent (or being sent) to the worker. */
  private sent: { version: number; done: Promise<boolean> } | null = null;
  private readonly pending = new Map<number, { resolve: (reply: PeerReply) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly graph: AdjacencyGraph,
    private readonly version: () => number,
    private readonly sortName: (id: string) => string,
  ) {}

  /** similarMunicipalities by ids, computed in the worker on the current version (see answer). */
  async similar(query: SimilarityQuery): Promise<Answered<PeerAnswer | null>> {
    return this.answer({ type: 'similar', query }, (reply) => ('similar' in reply ? reply.similar : null));
  }

  async suggest(query: SuggestionQuery): Promise<Answered<SuggestionAnswer[]>> {
    return this.answer({ type: 'suggest', query }, (reply) => ('suggest' in reply ? reply.suggest : []));
  }

  /** A write happened: send the new version once writes are quiet, if the worker is in use. */
  changed(): void {
    if (!this.worker) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(this.version()).catch(() => {}), QUIET_MS);
    this.timer.unref();
  }

  /**
   * Stops the worker (a later query starts another). Queries still waiting on it (a request that
   * arrived as the store closes, at shutdown) answer SERVICE_UNAVAILABLE rather than a server fault.
   */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = null;
    this.sent = null;
    const closing = new StoreUnavailableError('The embedded store is closing (the server is stopping or restarting).');
    for (const waiting of this.pending.values()) waiting.reject(closing);
    this.pending.clear();
    await worker?.terminate();
  }

  /**
   * Asks the worker on the current version. When a write lands while it computes, asks again on
   * the new version (at most twice; then the answer of the version before is returned, and the
   * caller leaves out what has gone since).
   */
  private async answer<T>(
    job: { type: 'similar'; query: SimilarityQuery } | { type: 'suggest'; query: SuggestionQuery },
    read: (reply: PeerReply) => T,
  ): Promise<Answered<T>> {
    for (let attempt = 0; ; attempt++) {
      const version = this.version();
      if (!(await this.send(version))) continue;
      const reply = await this.ask(job);
      if ('error' in reply) throw new Error(`The peers worker failed: ${reply.error}`);
      if (reply.version === this.version() || attempt >= 2) return { version: reply.version, value: read(reply) };
    }
  }

  private ask(job: { type: 'similar'; query: SimilarityQuery } | { type: 'suggest'; query: SuggestionQuery }): Promise<PeerReply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies PeerJob);
    });
  }

  /** Sends `version` unless it is sent already; false when a write came before it was all sent. */
  private send(version: number): Promise<boolean> {
    if (this.sent?.version === version) return this.sent.done;
    const worker = this.ensureWorker();
    const done = this.copy(worker, version);
    this.sent = { version, done };
    void done.then((complete) => {
      if (!complete && this.sent?.done === done) this.sent = null;
    });
    return done;
  }

  private async copy(worker: Worker, version: number): Promise<boolean> {
    worker.postMessage({ type: 'begin', version } satisfies PeerJob);
    const count = this.graph.nodeCount;
    for (let start = 0, size = FIRST_SLICE_NODES; start < count; start += size, size = Math.min(SLICE_NODES, size * 2)) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      if (this.version() !== version || this.worker !== worker) return false;
      const slice = this.slice(start, Math.min(count, start + size));
      worker.postMessage({ type: 'slice', version, slice } satisfies PeerJob, [
        slice.outCounts.buffer as ArrayBuffer,
        slice.targets.buffer as ArrayBuffer,
      ]);
    }
    worker.postMessage({ type: 'end', version } satisfies PeerJob);
    return true;
  }

  /** Nodes numbered start to end - 1 and their outgoing relationships. */
  private slice(start: number, end: number): NodeSlice {
    const slice: NodeSlice = {
      ids: [],
      kinds: [],
      countries: [],
      levels: [],
      sortNames: [],
      outCounts: new Int32Array(end - start),
      relationIds: [],
      relationKinds: [],
      targets: new Int32Array(0),
    };
    const targets: number[] = [];
    for (let i = start; i < end; i++) {
      const entry = this.graph.entryAt(i);
      const node = entry.node;
      slice.ids.push(node.id);
      slice.kinds.push(node.kind);
      slice.countries.push(node.country ?? null);
      slice.levels.push(node.level ?? null);
      slice.sortNames.push(this.sortName(node.id));
      slice.outCounts[i - start] = entry.out.length;
      for (let k = 0; k < entry.out.length; k++) {
        slice.relationIds.push(entry.out[k]!.id);
        slice.relationKinds.push(entry.out[k]!.kind);
        targets.push(entry.outNodes[k]!);
      }
    }
    slice.targets = Int32Array.from(targets);
    return slice;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker('peerWorker', import.meta.url);
    worker.unref();
    worker.on('message', (reply: PeerReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    const fail = (e: Error) => {
      if (this.worker === worker) {
        this.worker = null;
        this.sent = null;
      }
      for (const waiting of this.pending.values()) waiting.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the peers worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
