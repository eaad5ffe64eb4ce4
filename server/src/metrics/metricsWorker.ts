import { parentPort } from 'node:worker_threads';
import { computeMetrics } from '../store/analysis/metrics.js';
import { yieldCpuToMainThread } from '../workerThread.js';

/** The message BackgroundMetrics sends: the graph as MetricsInput has it. */
export interface MetricsJob {
  ids: string[];
  ends: Int32Array;
}

/** The answer, in the order of the job's ids. */
export interface MetricsAnswer {
  degree: Int32Array;
  betweenness: Float64Array;
  community: Int32Array;
}

yieldCpuToMainThread();

parentPort?.on('message', (job: MetricsJob) => {
  const ids = job.ids;
  const metrics = computeMetrics({ nodeIds: ids, ends: job.ends });
  const answer: MetricsAnswer = {
    degree: new Int32Array(ids.length),
    betweenness: new Float64Array(ids.length),
    community: new Int32Array(ids.length),
  };
  ids.forEach((id, i) => {
    const m = metrics.get(id);
    answer.degree[i] = m?.degree ?? 0;
    answer.betweenness[i] = m?.betweenness ?? 0;
    answer.community[i] = m?.community ?? 0;
  });
  parentPort!.postMessage(answer, [
    answer.degree.buffer as ArrayBuffer,
    answer.betweenness.buffer as ArrayBuffer,
    answer.community.buffer as ArrayBuffer,
  ]);
});
