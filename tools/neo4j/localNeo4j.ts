/**
 * A real Neo4j Community 5.26 server on this machine, without Docker: for
 * development, tests and CI.
 *
 * Maven fetches the Neo4j jars once (into ~/.m2) and compiles a tiny launcher
 * (src/main/java/atlas/Neo4jLauncher.java) that runs Neo4j embedded with only
 * the Bolt connector on 127.0.0.1 and authentication off. See README.md.
 *
 *   const neo4j = await startLocalNeo4j({ port: 0 }); // 0 = any free port
 *   // ... neo4j-driver against neo4j.uri, auth none ...
 *   await neo4j.stop();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1. Default 7687; 0 picks a free port. */
  port?: number;
  /** Neo4j home (data/ and logs/ go inside). Default: a fresh temp dir, removed by stop(). */
  dataDir?: string;
  /** Receives progress lines and the server's own output. Default: only the one-time build notice, on stderr. */
  log?: (line: string) => void;
  /** How long to wait for the server once built. Default 180 s, or NEO4J_START_TIMEOUT_MS. */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  /** bolt://127.0.0.1:PORT — connect with auth none. */
  uri: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Settles when the server process exits, for whatever reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, wait for a clean exit (SIGKILL after 30 s), remove a temp data dir. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_PORT = 7687;
const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const POM = path.join(TOOL_DIR, 'pom.xml');
const SRC_DIR = path.join(TOOL_DIR, 'src');
const TARGET = path.join(TOOL_DIR, 'target');
const CLASSES = path.join(TARGET, 'classes');
const LAUNCHER_CLASS = path.join(CLASSES, 'atlas', 'Neo4jLauncher.class');
const CLASSPATH_FILE = path.join(TARGET, 'classpath.txt');
const STAMP = path.join(TARGET, '.build-stamp');
const LOCK = path.join(TARGET, '.build-lock');
const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'); // Debian's mvn colors even with -B
const BUILD_TIMEOUT_MS = 20 * 60_000;
const STOP_TIMEOUT_MS = 30_000;

/** JVM flags: a modest heap, plus the module openings Neo4j's own launcher passes (page cache and native I/O need them). */
const JVM_FLAGS = [
  '-Xms256m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

function javaBin(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

function mavenBin(): string {
  return process.env.MVN ?? 'mvn';
}

/** The major version of `java` (JAVA_HOME/bin/java if JAVA_HOME is set), or undefined if it cannot run. */
export function javaVersion(): number | undefined {
  const r = spawnSync(javaBin(), ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/** True when a Java runtime is on PATH (or in JAVA_HOME). Neo4j 5.26 needs 17 or 21. */
export function javaAvailable(): boolean {
  return javaVersion() !== undefined;
}

/** The Neo4j version pom.xml asks for, e.g. "5.26.30". */
export function neo4jVersion(): string {
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'));
  return m?.[1] ?? 'unknown';
}

// ---------------------------------------------------------------- build

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

function readClasspath(): string[] {
  return readFileSync(CLASSPATH_FILE, 'utf8')
    .trim()
    .split(path.delimiter)
    .filter((s) => s.length > 0);
}

/** 'fresh' when the last build is newer than pom.xml and the Java source and its jars are still in ~/.m2. */
function buildState(): 'fresh' | 'stale' | 'missing-jars' {
  if (!existsSync(CLASSPATH_FILE)) return 'missing-jars';
  const jars = readClasspath();
  if (jars.length === 0 || !jars.every((j) => existsSync(j))) return 'missing-jars';
  if (!existsSync(STAMP) || !existsSync(LAUNCHER_CLASS)) return 'stale';
  const stamp = statSync(STAMP).mtimeMs;
  return stamp >= statSync(POM).mtimeMs && stamp >= newestMtime(SRC_DIR) ? 'fresh' : 'stale';
}

function runMaven(log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['-B', '-q', '-Dstyle.color=never', '-f', POM, 'compile'];
    let child: ChildProcess;
    try {
      child = spawn(mavenBin(), args, { cwd: TOOL_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      reject(new LocalNeo4jError(`maven failed to start (${mavenBin()}): ${(e as Error).message}`));
      return;
    }
    const lines: string[] = [];
    const keep = (raw: string) => {
      const line = raw.replace(ANSI_COLOR, '').trimEnd();
      if (line === '' || line === '[ERROR]') return;
      lines.push(line);
      if (lines.length > 60) lines.shift();
    };
    createInterface({ input: child.stdout! }).on('line', keep);
    createInterface({ input: child.stderr! }).on('line', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new LocalNeo4jError(
          e.code === 'ENOENT'
            ? `maven not found: "${mavenBin()}" is not on PATH (install Maven 3.8+, or set MVN)`
            : `maven failed to start: ${e.message}`,
        ),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve();
        return;
      }
      const why = signal
        ? `was killed (${signal}${signal === 'SIGKILL' ? `, build timeout ${BUILD_TIMEOUT_MS / 60_000} min` : ''})`
        : `exited with code ${code}`;
      const tail = lines.filter((l) => !/^\[ERROR\] (To see|Re-run|For more|\[Help)/.test(l)).slice(-25);
      log(`maven build failed: ${why}`);
      reject(
        new LocalNeo4jError(`maven failed to build the Neo4j launcher (mvn ${args.join(' ')} in ${TOOL_DIR}) ${why}:\n${tail.join('\n')}`),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Cross-process lock so that parallel test workers build only once. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(TARGET, { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 60_000;
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > BUILD_TIMEOUT_MS) unlinkSync(LOCK); // left by a killed build
      } catch {
        // gone meanwhile: retry
      }
      if (Date.now() > deadline) throw new LocalNeo4jError(`timed out waiting for another build of the Neo4j launcher (lock ${LOCK})`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

let building: Promise<string[]> | undefined;

/** Builds the launcher if needed and returns the JVM classpath. Memoized per process. */
export function ensureLauncherBuilt(log: (line: string) => void = defaultLog): Promise<string[]> {
  if (building) return building;
  building = (async () => {
    if (buildState() !== 'fresh') {
      await withBuildLock(async () => {
        const state = buildState(); // another process may have built it while we waited
        if (state === 'fresh') return;
        log(
          state === 'missing-jars'
            ? 'fetching Neo4j jars from Maven Central (first run only)...'
            : 'rebuilding the Neo4j launcher (pom.xml or Java source changed)...',
        );
        await runMaven(log);
        if (!existsSync(CLASSPATH_FILE) || !existsSync(LAUNCHER_CLASS))
          throw new LocalNeo4jError(`maven succeeded but ${CLASSPATH_FILE} or ${LAUNCHER_CLASS} is missing`);
        writeFileSync(STAMP, `${new Date().toISOString()}\n`);
      });
    }
    return [CLASSES, ...readClasspath()];
  })();
  building.catch(() => {
    building = undefined; // allow a retry after a failure
  });
  return building;
}

function defaultLog(line: string): void {
  if (line.startsWith('fetching ') || line.startsWith('rebuilding ')) process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------- ports

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? resolve(false) : reject(e)));
    server.listen({ port, host: HOST, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: HOST });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// ---------------------------------------------------------------- start / stop

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts Neo4j Community on bolt://127.0.0.1:PORT (auth disabled) and
 * resolves once the server printed NEO4J_READY and the port accepts TCP.
 * Rejects with a LocalNeo4jError naming what failed: java missing, maven
 * failed, port in use, server exited, or timeout.
 */
export async function startLocalNeo4j(opts: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const log = opts.log ?? defaultLog;
  const envTimeout = Number(process.env.NEO4J_START_TIMEOUT_MS);
  const timeoutMs = opts.startTimeoutMs ?? (Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : 180_000);

  const javaMajor = javaVersion();
  if (javaMajor === undefined) {
    throw new LocalNeo4jError(
      `java not found: "${javaBin()}" does not run. Neo4j 5.26 needs a Java 17 or 21 runtime (and Maven needs the JDK): install openjdk-17-jdk or set JAVA_HOME.`,
    );
  }
  if (javaMajor < 17)
    throw new LocalNeo4jError(
      `java ${javaMajor} found ("${javaBin()}"), but Neo4j 5.26 needs Java 17 or 21: set JAVA_HOME to a newer JDK.`,
    );
  if (javaMajor > 21) log(`warning: java ${javaMajor} found; Neo4j 5.26 supports Java 17 and 21`);

  const requested = opts.port ?? DEFAULT_PORT;
  if (!Number.isInteger(requested) || requested < 0 || requested > 65535) throw new LocalNeo4jError(`invalid Bolt port: ${requested}`);

  const classpath = await ensureLauncherBuilt(log);

  const port = requested === 0 ? await freePort() : requested;
  if (!(await portIsFree(port)))
    throw new LocalNeo4jError(`port in use: ${HOST}:${port} is already taken (another Neo4j?). Stop it or choose another port.`);

  const tempDir = opts.dataDir ? undefined : mkdtempSync(path.join(os.tmpdir(), 'atlas-neo4j-'));
  const dataDir = path.resolve(opts.dataDir ?? tempDir!);
  mkdirSync(dataDir, { recursive: true });

  const extraJvm = (process.env.NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean);
  const args = [
    ...JVM_FLAGS,
    ...extraJvm,
    '-cp',
    classpath.join(path.delimiter),
    'atlas.Neo4jLauncher',
    '--data-dir',
    dataDir,
    '--port',
    String(port),
    '--host',
    HOST,
    '--exit-on-stdin-eof',
  ];
  if (tempDir) args.push('--delete-data-dir-on-exit');
  if (process.env.NEO4J_PAGE_CACHE) args.push('--page-cache', process.env.NEO4J_PAGE_CACHE);

  const started = Date.now();
  const child = spawn(javaBin(), args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const recent: string[] = [];
  const onLine = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    if (opts.log) opts.log(line);
  };
  const stdoutLines = createInterface({ input: child.stdout! });
  stdoutLines.on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  child.stdin!.on('error', () => {}); // EPIPE after the child died is fine

  // If this Node process exits without stop(), let the server shut itself
  // down (it also does so when its stdin closes).
  const onProcessExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', onProcessExit);

  const cleanup = async () => {
    process.off('exit', onProcessExit);
    if (tempDir) await rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const failWith = async (message: string): Promise<never> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 10_000);
      }
    }
    await cleanup();
    const failed = recent.find((l) => l.startsWith('NEO4J_FAILED'));
    const detail = failed ?? recent.slice(-15).join('\n');
    throw new LocalNeo4jError(detail ? `${message}\n${detail}` : message);
  };

  const ready = await new Promise<'ready' | 'timeout' | { exit: string } | { error: NodeJS.ErrnoException }>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutMs);
    const settle = (v: 'ready' | 'timeout' | { exit: string } | { error: NodeJS.ErrnoException }) => {
      clearTimeout(timer);
      resolve(v);
    };
    stdoutLines.on('line', (line) => {
      if (line.startsWith('NEO4J_READY')) settle('ready');
    });
    child.once('error', (error) => settle({ error }));
    // 'close' rather than 'exit': by then the last lines of output have been read.
    child.once('close', (code, signal) => settle({ exit: signal ? `signal ${signal}` : `code ${code}` }));
  });

  if (ready === 'timeout')
    return failWith(
      `timeout: Neo4j did not become ready on ${HOST}:${port} within ${timeoutMs / 1000} s (set NEO4J_START_TIMEOUT_MS to wait longer)`,
    );
  if (typeof ready === 'object' && 'error' in ready) {
    return failWith(
      ready.error.code === 'ENOENT' ? `java not found: cannot run "${javaBin()}"` : `java failed to start: ${ready.error.message}`,
    );
  }
  if (typeof ready === 'object') {
    const text = recent.join('\n');
    if (/Address already in use|BindException|PortBindException/i.test(text))
      return failWith(`port in use: Neo4j could not bind ${HOST}:${port}`);
    if (/Lock file has been locked by another process/.test(text))
      return failWith(`data dir in use: another Neo4j process holds the store lock in ${dataDir}`);
    return failWith(`Neo4j exited (${ready.exit}) before it was ready`);
  }

  // READY was printed; make sure the Bolt port really accepts connections.
  let connected = false;
  for (let i = 0; i < 20 && !connected; i++) {
    connected = await canConnect(port);
    if (!connected) await sleep(250);
  }
  if (!connected) return failWith(`Neo4j reported ready but ${HOST}:${port} refuses TCP connections`);
  log(`Neo4j ready on bolt://${HOST}:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid})`);

  let stopping: Promise<void> | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, signal) => {
      if (!stopping) log(`Neo4j (pid ${child.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`})`);
      resolve({ code, signal });
    });
  });
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
          log(`Neo4j (pid ${child.pid}) did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
          child.kill('SIGKILL');
          await waitForExit(child, 10_000);
        }
      }
      child.stdin?.destroy();
      await cleanup();
    })());

  return { uri: `bolt://${HOST}:${port}`, port, dataDir, pid: child.pid!, exited, stop };
}
