import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pairList } from '../tests/hostile/pairList.js';
import { formatFigures, loopFigures, type CpuProfile } from './loopBlocks.js';
import type { LoopTurns } from './loopWatch.js';

/**
 * The largest import the limits allow (issue 9, item 6): a generated pair list of the twin-cities
 * shape, by default 200,000 rows in 9.4 MB (the limits: 200,000 rows, 10 MB through the API),
 * imported with `npm run import -- --apply` and through the API's importData into the embedded
 * store on a fresh data directory. Prints each way's time and peak RSS (the target: <= 1.5 GB),
 * and for the API the slowest /healthz answered while the import ran. The case of the former
 * limits, 447,669 rows in 20.0 MB (`--rows 447669`), runs through the CLI (given --max-rows); the
 * API now refuses it.
 *
 *   npx tsx bench/importSize.ts [--rows 200000 --places 90000] [--ways cli,api] [--profile]
 *
 * Each way runs in a process of its own (never two at once); the file and the directories are
 * removed afterwards. The API's server measures its event loop (bench/loopWatch.ts): its delay during
 * the import and the ten longest stretches it was held are printed; with `--profile` it runs under
 * the V8 profiler, and each stretch says what ran in it (bench/loopBlocks.ts).
 */

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    places: { type: 'string', default: '90000' },
    ways: { type: 'string', default: 'cli,api' },
    profile: { type: 'boolean', default: false },
  },
});
const ROOT = new URL('..', import.meta.url).pathname;
const TOKEN = 'import-size-editor-token-0123456789';
const work = mkdtempSync(join(tmpdir(), 'atlas-import-size-'));
const file = join(work, 'pairs.csv');

/** The peak RSS of a live process (kB in /proc, returned in MB). */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** A POST that may take many minutes (fetch gives up waiting for the headers after 300 s). */
function postLong(url: string, token: string, body: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function viaCli(): Promise<void> {
  const started = performance.now();
  // GNU time reports the child's peak RSS after it ends.
  const child = spawn(
    '/usr/bin/time',
    ['-v', process.execPath, '--import', 'tsx', 'server/src/importer/cli.ts', file, '--apply', '--max-rows', values.rows],
    {
      cwd: ROOT,
      env: { ...process.env, ATLAS_DATA_DIR: join(work, 'cli') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const code = await exited(child);
  const seconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  console.log(
    `cli: exit ${code}, ${seconds.toFixed(1)} s, peak RSS ${rss ? (Number(rss[1]) / 1024).toFixed(0) : '?'} MB` +
      (code === 0 ? '' : `\n${output.slice(-2000)}`),
  );
}

async function viaApi(content: string): Promise<void> {
  const profiles = join(work, 'profiles');
  const profiler = values.profile ? ['--cpu-prof', '--cpu-prof-dir', profiles] : [];
  const watchFile = join(work, 'loop.json');
  const child = spawn(process.execPath, [...profiler, '--import', 'tsx', '--import', './bench/loopWatch.ts', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      ATLAS_TOKENS: `editor:bench:${TOKEN}`,
      ATLAS_DATA_DIR: join(work, 'api'),
      LOOP_WATCH_FILE: watchFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at http:\/\/localhost:(\d+)\/graphql/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  const before = peakRssMb(child.pid!);
  let healthzMax = 0;
  let healthzCount = 0;
  let resets = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const start = performance.now();
      try {
        await (await fetch(`${url}/healthz`)).arrayBuffer();
      } catch {
        // A pooled connection the server closed as idle (keep-alive timeout) is reset: ask again.
        resets += 1;
        continue;
      }
      healthzMax = Math.max(healthzMax, performance.now() - start);
      healthzCount += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const started = performance.now();
  const startedUs = Number(process.hrtime.bigint() / 1000n);
  const response = await postLong(`${url}/graphql`, TOKEN, {
    query:
      'mutation($c: String!) { importData(input: { fileName: "pairs.csv", content: $c, apply: true }) { applied rows skippedRows createdNodes { kind count } } }',
    variables: { c: content },
  });
  const body = JSON.parse(response.text) as { data?: { importData?: unknown }; errors?: { message: string }[] };
  const seconds = (performance.now() - started) / 1000;
  const endedUs = Number(process.hrtime.bigint() / 1000n);
  running = false;
  await poll;
  const peak = peakRssMb(child.pid!);
  console.log(
    `api: HTTP ${response.status}, ${seconds.toFixed(1)} s, peak RSS ${peak.toFixed(0)} MB (${before.toFixed(0)} MB before the import); ` +
      `/healthz slowest ${healthzMax.toFixed(0)} ms of ${healthzCount} (${resets} reset connections asked again)`,
  );
  console.log(`api: ${JSON.stringify(body.errors ?? body.data?.importData)}`);
  child.kill('SIGTERM');
  await exited(child);
  const profile = values.profile ? (JSON.parse(readFileSync(join(profiles, readdirSync(profiles)[0]!), 'utf8')) as CpuProfile) : undefined;
  const turns = JSON.parse(readFileSync(watchFile, 'utf8')) as LoopTurns;
  for (const line of formatFigures(loopFigures(turns, startedUs, endedUs), profile)) console.log(`api: ${line}`);
}

let server: ChildProcess | undefined;
try {
  const { text, placesUsed } = pairList(Number(values.rows), Number(values.places));
  writeFileSync(file, text);
  console.log(
    `file: ${Number(values.rows).toLocaleString('en')} rows, ${placesUsed.toLocaleString('en')} places, ${Buffer.byteLength(text)} bytes`,
  );
  const ways = new Set(values.ways.split(','));
  if (ways.has('cli')) await viaCli();
  if (ways.has('api')) await viaApi(text);
} finally {
  server?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
