import { availableParallelism, loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR } from './harness.js';
import {
  aliased,
  mostAliases,
  startLoopServer,
  tokenCount,
  whileProbing,
  type GraphqlBody,
  type LoopServer,
  type ProbeResult,
} from './loopProbe.js';

/**
 * The heavy probes of issue 9 must not hold the server's event loop (docs/adr/0024): while each
 * runs on a generated graph of twin-cities size, the server's own event-loop delay (measured in
 * its process, loopServer.ts) stays at p99 <= 50 ms and max <= 250 ms, and /healthz answers
 * within 100 ms. One server (and one generated graph) for the file; the probes run in order, the
 * first of each kind on a graph nothing has been computed for yet (metrics last: their background
 * computation keeps a core busy for minutes). The event-loop targets are checked on the delay the
 * server's own work caused (loopServer.ts: its main thread's run time, so the time a shared machine
 * gives other processes does not count; the wall-clock figures are printed beside). /healthz is
 * asked from an idle process, and its answer time judged twice: counted in the server's own work
 * (its main thread's run time while the answer was awaited), always; and on the wall clock, above
 * what the machine added meanwhile (the idle process's own delay: a shared machine under load
 * delays every process), only when the idle process meets MACHINE_TOO_LOADED and the load average
 * is below the number of cores, else printed.
 */

const HUB = 'city-0'; // twinGraph's skewed choice of parties makes the lowest numbers the hubs

let server: LoopServer;
let control: LoopServer;

beforeAll(async () => {
  [server, control] = await Promise.all([startLoopServer('twin'), startLoopServer('idle')]);
  control.watch(server);
  // A first request pays for loading and compiling the request path once: not what is measured.
  await server.graphql('{ node(id: "city-1") { id } search(text: "zzzz", first: 1) { totalCount } }');
}, 120_000);
afterAll(async () => {
  await server?.close();
  await control?.close();
});

// Windows of at least 2 s: some 200 samples of the 10 ms histogram, so that p99 is not one sample.
const probing = <T>(probe: () => Promise<T>, settleMs = 0) => whileProbing(server, probe, { settleMs, minWindowMs: 2_000, control });

/** An idle process missing these shows a machine too loaded to measure on. */
const MACHINE_TOO_LOADED = { p99: 25, max: 100 };

function expectResponsive(name: string, result: ProbeResult<unknown>, skip: (note: string) => void): void {
  const { delay, healthzMax, healthzCount, healthzOwnMax } = result;
  const machine = result.machine!.wall;
  console.log(
    `${name}: event loop, own work p99 ${delay.own.p99} ms, max ${delay.own.max} ms (wall clock p99 ${delay.wall.p99} ms, max ${delay.wall.max} ms); /healthz slowest ${healthzOwnMax} ms of own work, ${healthzMax} ms wall clock, of ${healthzCount} (an idle process meanwhile: p99 ${machine.p99} ms, max ${machine.max} ms)`,
  );
  expect(healthzCount).toBeGreaterThan(0);
  expect(delay.own.p99).toBeLessThanOrEqual(50);
  expect(delay.own.max).toBeLessThanOrEqual(250);
  expect(healthzOwnMax).toBeLessThanOrEqual(100);
  // An idle process wakes for a moment every 10 ms and is rarely kept waiting; a busy server is, on
  // a machine with more runnable work than cores: the load average says so when the idle process does not.
  const load = loadavg()[0]!;
  if (machine.p99 > MACHINE_TOO_LOADED.p99 || machine.max > MACHINE_TOO_LOADED.max || load > availableParallelism())
    return skip(
      `/healthz on the wall clock not judged: the machine is too loaded (an idle process: p99 ${machine.p99} ms, max ${machine.max} ms; load average ${load.toFixed(1)})`,
    );
  // Above what the machine itself added meanwhile (about 0 on a quiet machine).
  expect(healthzMax).toBeLessThanOrEqual(100 + machine.max);
}

async function answered(query: string, headers: Record<string, string> = {}) {
  const { status, body } = await server.graphql(query, headers);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!;
}

const ALL_PEERS = `similarMunicipalities(id: "${HUB}", first: 100) { peer { id } score byBasis { basis } }`;

describe('heavy probes on a graph of twin-cities size keep the event loop free', () => {
  it('is a graph of twin-cities size', () => {
    expect(server.nodes).toBeGreaterThan(40_000);
  });

  it('similarMunicipalities on a hub (the first one builds the peer index)', async ({ skip }) => {
    const result = await probing(() => answered(`{ ${ALL_PEERS} }`));
    const peers = result.value.similarMunicipalities as { peer: { id: string }; score: number }[];
    expect(peers).toHaveLength(100);
    expect(peers[0]!.score).toBeGreaterThan(0);
    // /healthz took 177 ms on a quiet CI run while this first request started the peers worker and
    // copied the graph to it in slices of 2,000 nodes (the first ones cold: 60 ms); the slices now
    // start at 125 nodes and grow (PeerThread.ts).
    expectResponsive('similarMunicipalities on a hub', result, skip);
  }, 60_000);

  it('suggestPartners on a hub', async ({ skip }) => {
    const result = await probing(() => answered(`{ suggestPartners(id: "${HUB}", first: 40) { candidate { id } score } }`));
    expect(result.value.suggestPartners).toHaveLength(40);
    expectResponsive('suggestPartners on a hub', result, skip);
  }, 60_000);

  const BROAD_SEARCH = 'search(text: "t", first: 5) { totalCount edges { node { id } } }';
  it(`${mostAliases(BROAD_SEARCH)} aliases of a broad-prefix search (as many as the limits accept)`, async ({ skip }) => {
    const count = mostAliases(BROAD_SEARCH);
    const result = await probing(() => answered(aliased(count, BROAD_SEARCH)));
    expect((result.value[`a${count - 1}`] as { totalCount: number }).totalCount).toBeGreaterThan(40_000);
    expectResponsive(`${count} aliases of a broad-prefix search`, result, skip);
  }, 60_000);

  it('peers right after an edit (the index is rebuilt, in the background)', async ({ skip }) => {
    await answered(
      `mutation { updateNode(id: "city-1", patch: { name: "Town 1 renamed" }, source: { source: "generated", locator: "test", quote: "renamed" }) { node { id } } }`,
      { authorization: `Bearer ${EDITOR}` },
    );
    const result = await probing(() => answered(`{ ${ALL_PEERS} suggestPartners(id: "${HUB}", first: 40) { score } }`));
    expect(result.value.similarMunicipalities).toHaveLength(100);
    expectResponsive('peers after an edit', result, skip);
  }, 60_000);

  // The most aliases of each expensive field that the limits accept (100 aliases and 1,000 tokens;
  // the cost model's 25,000 allows 80 of peers, 24 of suggestions), from two clients at once.
  const EXPENSIVE: [string, number, string][] = (
    [
      ['similarMunicipalities', 80, `similarMunicipalities(id: "${HUB}", first: 1) { score }`],
      ['suggestPartners', 24, `suggestPartners(id: "${HUB}", first: 1) { score }`],
      ['search', 100, 'search(text: "t", first: 1) { totalCount }'],
      ['neighborhood', 100, `neighborhood(ids: ["${HUB}"], depth: 2, limit: 1) { nodes { id } }`],
      ['recommendApproaches', 80, 'recommendApproaches(wishes: [{ feature: BUDGET, max: 2 }]) { score }'],
      ['allShortestPaths', 80, `allShortestPaths(from: "${HUB}", to: "city-8999", maxHops: 6, first: 1) { length }`],
    ] as const
  ).map(([field, cap, selection]) => [field, mostAliases(selection, cap), selection]);
  const twoClients =
    ([field, count, selection]: [string, number, string]) =>
    async ({ skip }: { skip: (note: string) => void }) => {
      const query = aliased(count, selection);
      const result = await probing(() => Promise.all([answered(query), answered(query, { authorization: `Bearer ${EDITOR}` })]));
      expect(Object.keys(result.value[0]!)).toHaveLength(count);
      expectResponsive(`${count} aliases of ${field}`, result, skip);
    };
  for (const probe of EXPENSIVE) it(`${probe[1]} aliases of ${probe[0]}, two clients at once`, twoClients(probe), 120_000);

  /**
   * `times` requests of `query` from each of two clients at once, one after another: the answers,
   * and the slowest one's time (ms) on the wall clock and in the server's own work (loopProbe's timed).
   */
  const fromTwoClients = async (query: string, times: number) => {
    let slowest = 0;
    let slowestOwn = 0;
    const client = async (headers: Record<string, string>) => {
      const replies = [];
      for (let i = 0; i < times; i++) {
        const reply = await server.timed('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        });
        slowest = Math.max(slowest, reply.ms);
        slowestOwn = Math.max(slowestOwn, reply.ownMs);
        replies.push(reply as { status: number; body: GraphqlBody });
      }
      return replies;
    };
    const replies = (await Promise.all([client({}), client({ authorization: `Bearer ${EDITOR}` })])).flat();
    return { replies, slowest: Math.round(slowest), slowestOwn: Math.round(slowestOwn) };
  };

  // Documents past the size limits are refused before they cost anything. Before the limits
  // (docs/adr/0029), 2,000 aliases of metrics (26,002 tokens) were accepted and held the loop up
  // to 249 ms, 400 of neighborhood up to 1,292 ms: parsing, validating and costing them.
  it('2,000 aliases of metrics (past 1,000 tokens): refused fast, twenty times from two clients', async ({ skip }) => {
    const query = aliased(2_000, `metrics(ids: ["${HUB}"]) { degree }`);
    const result = await probing(() => fromTwoClients(query, 10));
    for (const { status, body } of result.value.replies) {
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
    console.log(
      `2,000 aliases of metrics: slowest refusal ${result.value.slowestOwn} ms of the server's own work (${result.value.slowest} ms wall clock)`,
    );
    // Refused fast: a refusal costs the server a few milliseconds (the other client's and /healthz's
    // work meanwhile included).
    expect(result.value.slowestOwn).toBeLessThanOrEqual(50);
    expectResponsive('2,000 aliases of metrics, refused', result, skip);
  }, 120_000);

  // The most work a document within 1,000 tokens asks of validation: the same field repeated
  // (graphql-js compares each pair, and gives up past its own budget: "too intricate"). With
  // 2,000 tokens, 499 x "stats { nodeCount }" reached that budget: 100-120 ms of the server's own
  // work per request (docs/adr/0029).
  const REPEATED: [string, string, number, boolean][] = [
    [`node(id: "${HUB}") { id }`, `{ ${Array.from({ length: 110 }, () => `node(id: "${HUB}") { id }`).join(' ')} }`, 110, true],
    ['stats { nodeCount }', `{ ${Array.from({ length: 249 }, () => 'stats { nodeCount }').join(' ')} }`, 249, true],
    ['nodeCount', `{ stats { ${Array.from({ length: 995 }, () => 'nodeCount').join(' ')} } }`, 995, false],
  ];
  for (const [field, query, times, accepted] of REPEATED) {
    it(`${field} repeated ${times} times (${accepted ? 'answered' : 'refused by validation'}), two clients at once`, async ({ skip }) => {
      expect(tokenCount(query)).toBeLessThanOrEqual(1_000);
      const result = await probing(() => fromTwoClients(query, 3));
      for (const { status, body } of result.value.replies) {
        expect(status).toBe(accepted ? 200 : 400);
        if (!accepted) expect(body.errors?.[0]?.message).toMatch(/too intricate to validate/);
      }
      console.log(
        `${field} repeated ${times} times: slowest answer ${result.value.slowestOwn} ms of the server's own work (${result.value.slowest} ms wall clock)`,
      );
      expectResponsive(`${field} repeated ${times} times`, result, skip);
    }, 120_000);
  }

  it('metrics on a fresh graph', async ({ skip }) => {
    // The answer comes at once; the whole-graph computation it starts runs on in a worker.
    const result = await probing(() => answered(`{ metrics(ids: ["${HUB}"]) { degree stale } }`), 2_000);
    expect(result.value).toEqual({ metrics: [{ degree: expect.any(Number), stale: true }] });
    expectResponsive('metrics on a fresh graph', result, skip);
  }, 60_000);

  // After the fresh graph's: it starts the whole-graph computation too.
  const METRICS = `metrics(ids: ["${HUB}"]) { degree }`;
  it(`${mostAliases(METRICS)} aliases of metrics, two clients at once`, twoClients(['metrics', mostAliases(METRICS), METRICS]), 120_000);
});
