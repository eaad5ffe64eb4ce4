import type { Worker } from 'node:worker_threads';
import type { GraphAnalytics, MetricsInput, NodeMetricsResult } from '../store/GraphAnalytics.js';
import type { MetricsAnswer, MetricsJob } from './metricsWorker.js';
import { startWorker } from '../workerThread.js';

/** What the API answers for metrics: the last computed values, when, and whether the graph has changed since. */
export interface MetricsSnapshot {
  /** ISO time of the computation the values come from; null before the first one finished. */
  computedAt: string | null;
  /** True when the graph has changed since (or nothing is computed yet): a newer computation is on its way. */
  stale: boolean;
  values: (NodeMetricsResult | null)[];
}

/** Computes metrics for a graph somewhere other than the main thread. */
export type MetricsComputer = (input: MetricsInput) => Promise<Map<string, NodeMetricsResult>>;

/**
 * Whole-graph metrics (betweenness and Louvain take minutes on a 42k-node graph) never computed
 * in a request: a worker thread computes them once per graph version, in the background, started
 * by the first request that finds them missing or out of date and by a periodic check for
 * changes. Requests answer at once with the last values (stale until the new ones arrive).
 */
export class BackgroundMetrics {
  private current: { version: string; computedAt: string; values: Map<string, NodeMetricsResult> } | null = null;
  private running: { version: string; worker?: Worker } | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly analytics: GraphAnalytics,
    private readonly compute: MetricsComputer = (input) => this.inWorker(input),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The metrics of these ids as last computed (null for unknown ids); starts a computation if out of date. */
  async lookup(ids: readonly string[]): Promise<MetricsSnapshot> {
    const version = await this.analytics.graphVersion();
    this.refresh(version);
    const current = this.current;
    return {
      computedAt: current?.computedAt ?? null,
      stale: current?.version !== version,
      values: current ? ids.map((id) => current.values.get(id) ?? null) : ids.map(() => null),
    };
  }

  /** Checks for changes every `everyMs` and recomputes after one (the timer does not keep the process alive). */
  watch(everyMs: number): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.analytics.graphVersion().then(
        (v) => this.refresh(v),
        () => {},
      );
    }, everyMs);
    this.timer.unref();
  }

  /** Resolves once the metrics of the current graph are computed (for tests and benchmarks). */
  async settled(timeoutMs = 600_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const version = await this.analytics.graphVersion();
      if (this.current?.version === version) return;
      this.refresh(version);
      if (Date.now() > until) throw new Error('metrics were not computed in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the periodic check and any computation under way (a later lookup starts again). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    const running = this.running;
    this.running = null;
    await running?.worker?.terminate();
  }

  private refresh(version: string): void {
    if (this.current?.version === version || this.running) return;
    const running: { version: string; worker?: Worker } = { version };
    this.running = running;
    void (async () => {
      try {
        const input = await this.analytics.metricsInput();
        const values = await this.compute(input);
        if (this.running === running) this.current = { version, computedAt: this.now().toISOString(), values };
      } catch (e) {
        if (this.running === running) console.error('Graph metrics could not be computed:', e);
      } finally {
        if (this.running === running) this.running = null;
      }
    })();
  }

  /** Sends the graph to a fresh worker as compact arrays (cheap to copy) and reads the answer back. */
  private inWorker(input: MetricsInput): Promise<Map<string, NodeMetricsResult>> {
    const job: MetricsJob = { ids: input.nodeIds, ends: input.ends };
    const worker = startWorker('metricsWorker', import.meta.url);
    if (this.running) this.running.worker = worker;
    return new Promise((resolve, reject) => {
      worker.once('message', (answer: MetricsAnswer) => {
        const values = new Map<string, NodeMetricsResult>();
        input.nodeIds.forEach((id, i) =>
          values.set(id, { degree: answer.degree[i]!, betweenness: answer.betweenness[i]!, community: answer.community[i]! }),
        );
        void worker.terminate();
        resolve(values);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the metrics worker stopped (exit code ${code})`)));
      worker.postMessage(job, [job.ends.buffer as ArrayBuffer]);
    });
  }
}

const shared = new WeakMap<GraphAnalytics, BackgroundMetrics>();

/** The one BackgroundMetrics of an analytics port (so every request and the app share its results). */
export function metricsFor(analytics: GraphAnalytics): BackgroundMetrics {
  let metrics = shared.get(analytics);
  if (!metrics) {
    metrics = new BackgroundMetrics(analytics);
    shared.set(analytics, metrics);
  }
  return metrics;
}
