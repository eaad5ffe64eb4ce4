import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Lexer, Source, TokenKind } from 'graphql';
import { LIMITS } from '../../server/src/limits.js';
import type { ControlMessage, LoopDelay, LoopGraph, ServerMessage } from './loopServer.js';

export type { DelayFigures, LoopDelay } from './loopServer.js';

/** Reader tokens the test server also accepts: each is a client of its own for the fairness rules (bench/loadBench.ts). */
export const CLIENT_TOKENS = ['hostile-1-0123456789abcdef', 'hostile-2-0123456789abcdef'] as const;

/** Nanoseconds a thread of process `pid` (by default this process's main thread) has run on a CPU (Linux), else undefined. */
export function threadRunNs(pid: number = process.pid, tid: number = pid): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

/** The API in a child process (loopServer.ts) and the event-loop delay it measures on itself. */
export interface LoopServer {
  url: string;
  /** Nodes in its graph. */
  nodes: number;
  /** Its process id. */
  pid: number;
  /** Clears the server's delay histograms (and the idle process's /healthz figures). */
  reset(): Promise<void>;
  /** The server's delay since the last reset, in ms: wall clock and its own work (see loopServer.ts). */
  read(): Promise<LoopDelay>;
  /** The idle process: ask `server`'s /healthz from now on, one request after another (see LoopDelay.healthzMax). */
  watch(server: LoopServer): void;
  /** POST /graphql with a JSON body; the parsed answer. */
  graphql(
    query: string,
    headers?: Record<string, string>,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphqlBody }>;
  /**
   * A request and how long its answer took (ms): `ms` as the client saw it, `ownMs` counted only
   * as far as the server's main thread ran meanwhile (its own work before answering, not the time
   * the machine gave other processes; `ms` where that cannot be read).
   */
  timed(path: string, init?: RequestInit): Promise<{ ms: number; ownMs: number; status: number; body: any }>;
  close(): Promise<void>;
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const SCRIPT = fileURLToPath(new URL('./loopServer.ts', import.meta.url));

/**
 * Starts loopServer.ts on `graph` ("twin": generated twin-cities size; "seed"; "contract"; "idle":
 * no server, see loopServer.ts), with the embedded store on a fresh data directory when `dataDir`.
 */
export async function startLoopServer(graph: LoopGraph, { dataDir = false }: { dataDir?: boolean } = {}): Promise<LoopServer> {
  const child: ChildProcess = fork(SCRIPT, [graph, ...(dataDir ? ['dir'] : [])], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: ((delay: LoopDelay) => void)[] = [];
  const ready = new Promise<{ url: string; nodes: number; pid: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the test server stopped (exit code ${code})`)));
    child.on('message', (message: ServerMessage) => {
      if ('ready' in message) resolve(message);
      else waiting.shift()?.(message.delay);
    });
  });
  const ask = (message: ControlMessage) =>
    new Promise<LoopDelay>((resolve) => {
      waiting.push(resolve);
      child.send(message);
    });
  const { url, nodes, pid } = await ready;
  const runNs = () => threadRunNs(child.pid);
  return {
    url,
    nodes,
    pid,
    reset: async () => {
      await ask({ reset: true });
    },
    read: () => ask({ read: true }),
    watch: (target) => child.send({ watch: target.url, pid: target.pid } satisfies ControlMessage),
    async graphql(query, headers = {}, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphqlBody };
    },
    async timed(path, init) {
      const ran = runNs();
      const started = performance.now();
      const response = await fetch(`${url}${path}`, init);
      const body = await response.json();
      const ms = performance.now() - started;
      const after = runNs();
      const ownMs = ran === undefined || after === undefined ? ms : Math.min(ms, (after - ran) / 1e6);
      return { ms, ownMs, status: response.status, body };
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ close: true } satisfies ControlMessage);
      // A server that does not stop within 10 s (a request still running) is killed.
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(kill);
    },
  };
}

export interface ProbeResult<T> {
  value: T;
  /** The server's event-loop delay while the probe ran. */
  delay: LoopDelay;
  /** Meanwhile, that of an idle process (the control, when given): what the machine itself adds. */
  machine: LoopDelay | null;
  /** The slowest /healthz answer while it ran (ms, wall clock), and how many were answered. */
  healthzMax: number;
  healthzCount: number;
  /** The slowest /healthz answer in the server's own work (ms; see LoopDelay.healthzOwnMax), when `control` watched it. */
  healthzOwnMax?: number;
}

/**
 * Runs `probe` against the server while /healthz is asked one request after another (its time
 * measured here, or by `control` when given: a busy test runner would add its own delay), and
 * reads the server's own event-loop delay over the probe (plus `settleMs` after it, for work the
 * probe leaves running in the background), and over the same time that of `control`, an idle
 * process (startLoopServer('idle')): on a shared, loaded machine the operating system delays
 * every process, and the control shows by how much.
 */
export async function whileProbing<T>(
  server: LoopServer,
  probe: () => Promise<T>,
  options: { settleMs?: number; minWindowMs?: number; control?: LoopServer } = {},
): Promise<ProbeResult<T>> {
  const { settleMs = 0, minWindowMs = 0, control } = options;
  const started = performance.now();
  await Promise.all([server.reset(), control?.reset()]);
  let running = true;
  let healthzMax = 0;
  let healthzCount = 0;
  const poll = (async () => {
    while (running) {
      const start = performance.now();
      const response = await fetch(`${server.url}/healthz`);
      await response.arrayBuffer();
      healthzMax = Math.max(healthzMax, performance.now() - start);
      healthzCount += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  try {
    const value = await probe();
    // At least minWindowMs in all: a p99 of a few samples is only their maximum.
    const wait = Math.max(settleMs, minWindowMs - (performance.now() - started));
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const [delay, machine] = await Promise.all([server.read(), control ? control.read() : null]);
    if (machine?.healthzCount)
      return {
        value,
        delay,
        machine,
        healthzMax: machine.healthzMax,
        healthzCount: machine.healthzCount,
        healthzOwnMax: machine.healthzOwnMax,
      };
    return { value, delay, machine, healthzMax: Math.round(healthzMax), healthzCount };
  } finally {
    running = false;
    await poll;
  }
}

/** `count` aliases of one field selection: "{ a0: field a1: field ... }". */
export function aliased(count: number, field: string): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
}

/** Tokens of a document as the parser counts them (comments left out). */
export function tokenCount(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** The most aliases of `field` (at most `cap`) whose document the token and alias limits accept. */
export function mostAliases(field: string, cap: number = LIMITS.queryAliases): number {
  let count = cap;
  while (count > 0 && tokenCount(aliased(count, field)) > LIMITS.queryTokens) count -= 1;
  return count;
}
