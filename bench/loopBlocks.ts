import { WATCH_PERIOD_MS, type LoopTurns } from './loopWatch.js';

/**
 * What ran while a server's event loop was held (bench/loopWatch.ts finds when), read from a V8
 * CPU profile of the same process (`node --cpu-prof`): for each sample in the stretch, the
 * innermost function of the importer, the store, the API or the edit service on its stack (else
 * the innermost of server/src, else the sampled function itself), the most frequent first.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const PASS_FILES = /\/server\/src\/(importer|store|graphql|editing)\//;

/** A function giving, for a stretch of time, the frames that ran in it with their share of its samples. */
export function framesOver(profile: CpuProfile): (startUs: number, endUs: number) => { frame: string; share: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameCache = new Map<number, string>();
  const frameOf = (id: number): string => {
    let frame = frameCache.get(id);
    if (frame !== undefined) return frame;
    let ours: ProfileNode | undefined;
    let pass: ProfileNode | undefined;
    for (let at: number | undefined = id; at !== undefined && !pass; at = parentOf.get(at)) {
      const node = byId.get(at)!;
      if (PASS_FILES.test(node.callFrame.url)) pass = node;
      else if (!ours && node.callFrame.url.includes('/server/src/')) ours = node;
    }
    const chosen = pass ?? ours ?? byId.get(id)!;
    const file = chosen.callFrame.url.replace(/^.*\/server\/src\//, '').replace(/^.*\/node_modules\//, '');
    frame = `${chosen.callFrame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
    frameCache.set(id, frame);
    return frame;
  };
  const times: number[] = [];
  let time = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((time += delta));
  return (startUs, endUs) => {
    const counts = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      if (times[i]! < startUs || times[i]! > endUs) return;
      const frame = frameOf(id);
      counts.set(frame, (counts.get(frame) ?? 0) + 1);
      total += 1;
    });
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([frame, n]) => ({ frame, share: n / total }));
  };
}

export interface LoopFigures {
  /** Lateness of the watch's timer (ms), wall clock and own work. */
  p99: number;
  max: number;
  ownP99: number;
  ownMax: number;
  /** Gaps of >= 50 ms between the timer's turns (the loop held), longest first. */
  blocks: { startUs: number; endUs: number; ms: number; ownMs: number }[];
}

/** The watch's figures over a stretch (monotonic µs, as process.hrtime.bigint() / 1000n in any process of the machine). */
export function loopFigures(turns: LoopTurns, fromUs: number, toUs: number): LoopFigures {
  const within = turns.filter(([end]) => end >= fromUs && end <= toUs);
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  };
  const late = within.map(([, gap]) => Math.max(0, gap - WATCH_PERIOD_MS));
  const ownLate = within.map(([, , own]) => Math.max(0, own - WATCH_PERIOD_MS));
  const blocks = within
    .filter(([, gap]) => gap >= 50)
    .map(([end, gap, own]) => ({ startUs: end - gap * 1000, endUs: end, ms: gap, ownMs: own }))
    .sort((a, b) => b.ms - a.ms);
  return {
    p99: percentile(late, 0.99),
    max: percentile(late, 1),
    ownP99: percentile(ownLate, 0.99),
    ownMax: percentile(ownLate, 1),
    blocks,
  };
}

/**
 * The figures and the `count` longest blocks by wall clock, then by own work (what the server's
 * own work held; on a busy machine the wall clock also counts time it was not given a CPU), one
 * line each, with what ran in them when a profile is given.
 */
export function formatFigures(figures: LoopFigures, profile?: CpuProfile, count = 5): string[] {
  const where = profile ? framesOver(profile) : undefined;
  const line = (b: LoopFigures['blocks'][number]) => {
    const frames = where?.(b.startUs, b.endUs).map((w) => `${w.frame} ${Math.round(w.share * 100)}%`);
    return `  ${b.ms.toFixed(0).padStart(6)} ms, own ${b.ownMs.toFixed(0).padStart(4)} ms${frames ? `: ${frames.join(', ')}` : ''}`;
  };
  return [
    `event loop (${WATCH_PERIOD_MS} ms timer, lateness): p99 ${figures.p99.toFixed(0)} ms, max ${figures.max.toFixed(0)} ms wall clock; ` +
      `own work p99 ${figures.ownP99.toFixed(0)} ms, max ${figures.ownMax.toFixed(0)} ms; ${figures.blocks.length} gaps of >= 50 ms`,
    'the longest by wall clock:',
    ...figures.blocks.slice(0, count).map(line),
    'the longest by own work:',
    ...[...figures.blocks]
      .sort((x, y) => y.ownMs - x.ownMs)
      .slice(0, count)
      .map(line),
  ];
}
