/**
 * Where the time of one API request goes: runs the 1-hop neighbourhood query through the real
 * server in-process (as the store bench does) under the V8 profiler, then prints the self time
 * per module group (graphql-js, graphql-jit, Apollo, the store, our resolvers, ...).
 *
 *   npm run bench:profile [-- --size m --requests 3000]
 *
 * Writes the raw profile to test-results/request.cpuprofile (open it in Chrome's DevTools).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { createApp } from '../server/src/app.js';
import { createContext } from '../server/src/context.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../server/src/store/ports.js';
import { prng, SIZES } from './syntheticGraph.js';
import { loadGenerated } from './memoryBench.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'm' }, requests: { type: 'string', default: '3000' } } });
const size = SIZES[values.size];
if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const requests = Number(values.requests);

const QUERY = `query NodeNeighborhood($ids: [ID!]!, $depth: Int) {
  neighborhood(ids: $ids, depth: $depth, limit: 2000) { truncated nodes { id kind name } edges { id kind source target } }
}`;

const store = new MemoryGraphStore();
const { municipalityIds } = await loadGenerated(store, size);
const ports = portsOf(store);
const app = await createApp(ports);
const random = prng(11);
const ids = Array.from({ length: requests }, () => municipalityIds[Math.floor(random() * municipalityIds.length)]!);
const run = async () => {
  for (const id of ids) await app.execute({ query: QUERY, variables: { ids: [id], depth: 1 } }, { contextValue: createContext(ports) });
};
await run(); // warm: compile, JIT, caches

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
const started = performance.now();
await run();
const elapsed = performance.now() - started;
const { profile } = await session.post('Profiler.stop');
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/request.cpuprofile', JSON.stringify(profile));

/** Which part of the stack a function belongs to, from its script URL. */
function groupOf(url: string, name: string): string {
  if (url === '') return name === '(garbage collector)' ? 'garbage collection' : name.startsWith('(') ? name : 'V8 builtins';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node core';
  const ours = /\/(server\/src\/[^/]+(?:\/[^/]+)?|bench)\//.exec(url);
  return ours ? ours[1]! : url;
}

const nodes = profile.nodes;
const selfSamples = new Map<number, number>();
for (const id of profile.samples ?? []) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const byGroup = new Map<string, number>();
let total = 0;
for (const node of nodes) {
  const count = selfSamples.get(node.id) ?? 0;
  if (count === 0) continue;
  const group = groupOf(node.callFrame.url, node.callFrame.functionName);
  byGroup.set(group, (byGroup.get(group) ?? 0) + count);
  total += count;
}
/** The pipeline phase a sample belongs to: the nearest caller that names one. */
const PHASES: [RegExp, string][] = [
  [/^getComplexity$/, 'cost estimate (graphql-query-complexity)'],
  [/^validate$/, 'validation'],
  [/^parse$/, 'parse'],
  [/ResolverHandler$|MapHandler$|MapItemHandler$|^callResolver/, 'execution (graphql-jit + resolvers + store)'],
  [/^createContext$/, 'context'],
  [/^processGraphQLRequest$/, 'Apollo request pipeline (other)'],
  [/^executeHTTPGraphQLRequest$|^executeOperation$/, 'Apollo entry (headers, negotiation)'],
];
const parentOf = new Map<number, (typeof nodes)[number]>();
for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node);
const byPhase = new Map<string, number>();
for (const node of nodes) {
  const count = selfSamples.get(node.id) ?? 0;
  if (count === 0) continue;
  let phase = 'other';
  for (let at: (typeof nodes)[number] | undefined = node; at; at = parentOf.get(at.id)) {
    const hit = PHASES.find(([pattern]) => pattern.test(at!.callFrame.functionName));
    if (hit) {
      phase = hit[1];
      break;
    }
  }
  byPhase.set(phase, (byPhase.get(phase) ?? 0) + count);
}
const perRequestUs = (elapsed * 1000) / requests;
console.log(JSON.stringify({ metric: `profile.${size.name}.neighborhood.1hop.api.mean`, value: perRequestUs, unit: 'us' }));
for (const [group, count] of [...byGroup.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(
    JSON.stringify({
      metric: `profile.${size.name}.neighborhood.1hop.self`,
      group,
      share: count / total,
      us: (perRequestUs * count) / total,
    }),
  );
}
for (const [phase, count] of [...byPhase.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(
    JSON.stringify({
      metric: `profile.${size.name}.neighborhood.1hop.phase`,
      phase,
      share: count / total,
      us: (perRequestUs * count) / total,
    }),
  );
}
await app.apollo.stop();
process.exit(0);
