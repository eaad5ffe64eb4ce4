import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ControlMessage, LoopDelay, ServerMessage } from './loopServer.js';

export type { LoopDelay } from './loopServer.js';

/** The API in a child process (loopServer.ts) and the event-loop delay it measures on itself. */
export interface LoopServer {
  url: string;
  /** Nodes in its graph. */
  nodes: number;
  /** Clears the server's delay histogram. */
  reset(): Promise<void>;
  /** The server's delay since the last reset, in ms. */
  read(): Promise<LoopDelay>;
  /** The idle process: ask `url`/healthz from now on, one request after another (see LoopDelay.healthzMax). */
  watch(url: string): void;
  /** POST /graphql with a JSON body; the parsed answer. */
  graphql(query: string, headers?: Record<string, string>): Promise<{ status: number; body: GraphqlBody }>;
  close(): Promise<void>;
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const SCRIPT = fileURLToPath(new URL('./loopServer.ts', import.meta.url));

/** Reader tokens the test server also accepts: each is a client of its own for the fairness rules (bench/loadBench.ts). */
export const CLIENT_TOKENS = ['hostile-1-0123456789abcdef', 'hostile-2-0123456789abcdef'] as const;

/** Starts loopServer.ts on `graph` ("twin": generated twin-cities size; "seed"; "idle": no server, see loopServer.ts). */
export async function startLoopServer(graph: 'twin' | 'seed' | 'idle'): Promise<LoopServer> {
  const child: ChildProcess = fork(SCRIPT, [graph], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: ((delay: LoopDelay) => void)[] = [];
  const ready = new Promise<{ url: string; nodes: number }>((resolve, reject) => {
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
  const { url, nodes } = await ready;
  return {
    url,
    nodes,
    reset: async () => {
      await ask({ reset: true });
    },
    read: () => ask({ read: true }),
    watch: (target) => child.send({ watch: target } satisfies ControlMessage),
    async graphql(query, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as GraphqlBody };
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface ProbeResult<T> {
  value: T;
  /** The server's event-loop delay while the probe ran. */
  delay: LoopDelay;
  /** Meanwhile, that of an idle process (the control, when given): what the machine itself adds. */
  machine: LoopDelay | null;
  /** The slowest /healthz answer while it ran (ms), and how many were answered. */
  healthzMax: number;
  healthzCount: number;
}

/**
 * Runs `probe` against the server while /healthz is asked one request after another (its time
 * measured here, or by `control` when given: a busy test runner would add its own delay), and reads the server's own event-loop delay over the probe (plus `settleMs`
 * after it, for work the probe leaves running in the background), and over the same time that
 * of `control`, an idle process (startLoopServer('idle')): on a shared, loaded machine the
 * operating system delays every process, and the control shows by how much.
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
    if (machine?.healthzCount) return { value, delay, machine, healthzMax: machine.healthzMax!, healthzCount: machine.healthzCount };
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
