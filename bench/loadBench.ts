import autocannon from 'autocannon';
import { aliased, CLIENT_TOKENS, mostAliases, startLoopServer, type LoopServer } from '../tests/hostile/loopProbe.js';
import { emit } from './measure.js';

/**
 * npm run bench -- --suites load: the API under load on loopback (autocannon), the server in a
 * child process that measures its own event-loop delay (tests/hostile/loopServer.ts), on the seed
 * graph and on a generated graph of twin-cities size (42k nodes). Per case: requests/s, p50 and
 * p99 latency, and the server's event-loop delay (p99, max) over the case, on the wall clock and
 * counted in its own work (loop_own_*: without the time a shared machine ran other processes). Cases: node by id,
 * search, 2-hop neighbourhood, peers; then, for each of the most expensive queries the cost model
 * and the fairness rules accept, node by id alone and then while two other clients (tokens of
 * their own, so the fairness rules see three clients) send that query one after another, and the
 * second throughput as a share of the first (target >= 0.5): measured back to back, so that a
 * shared machine's load changes the two alike. Every case runs a bounded time with at most 10
 * connections.
 */

const DURATION_S = 5;
const CONNECTIONS = 10;

interface Graph {
  name: 'seed' | 'twin';
  /** A well-connected municipality (a hub), and a search prefix many names start with. */
  hub: string;
  prefix: string;
}

const GRAPHS: Graph[] = [
  { name: 'seed', hub: 'roeselare', prefix: 'r' },
  { name: 'twin', hub: 'city-0', prefix: 't' },
];

const ordinary = (g: Graph): [string, string][] => [
  ['node_by_id', `{ node(id: "${g.hub}") { id kind name } }`],
  ['search', `{ search(text: "${g.prefix}", first: 10) { totalCount edges { node { id name } } } }`],
  ['two_hop', `{ neighborhood(ids: ["${g.hub}"], depth: 2, limit: 200) { truncated nodes { id } edges { id } } }`],
  ['peers', `{ similarMunicipalities(id: "${g.hub}", first: 10) { peer { id } score } }`],
];

/**
 * The most aliases of each expensive field the limits accept (100 aliases and 1,000 tokens; a cost
 * of 25,000: 80 of peers), and a document past the token limit, refused with a 400 each time.
 */
const hostile = (g: Graph): [string, string][] => {
  const most = (name: string, field: string, cap?: number): [string, string] => {
    const count = mostAliases(field, cap);
    return [`${name}_x${count}`, aliased(count, field)];
  };
  return [
    most('metrics', `metrics(ids: ["${g.hub}"]) { degree }`),
    most('neighborhood', `neighborhood(ids: ["${g.hub}"], depth: 2, limit: 1) { nodes { id } }`),
    most('peers', `similarMunicipalities(id: "${g.hub}", first: 1) { score }`, 80),
    most('search', `search(text: "${g.prefix}", first: 1) { totalCount }`),
    ['refused_metrics_x2000', aliased(2_000, `metrics(ids: ["${g.hub}"]) { degree }`)],
  ];
};

function load(server: LoopServer, query: string, options: { connections: number; token?: string }) {
  return autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query }),
    connections: options.connections,
    duration: DURATION_S,
  });
}

async function measure(server: LoopServer, name: string, query: string, hostileQuery?: string): Promise<number> {
  await server.reset();
  const [result, ...others] = await Promise.all([
    load(server, query, { connections: CONNECTIONS }),
    ...(hostileQuery ? CLIENT_TOKENS.map((token) => load(server, hostileQuery, { connections: 1, token })) : []),
  ]);
  const delay = await server.read();
  const rps = result.requests.average;
  emit(`${name}.rps`, rps, 'req/s');
  emit(`${name}.p50`, result.latency.p50, 'ms');
  emit(`${name}.p99`, result.latency.p99, 'ms');
  emit(`${name}.loop_p99`, delay.wall.p99, 'ms');
  emit(`${name}.loop_max`, delay.wall.max, 'ms');
  emit(`${name}.loop_own_p99`, delay.own.p99, 'ms');
  emit(`${name}.loop_own_max`, delay.own.max, 'ms');
  const failed = result.non2xx + result.errors;
  if (failed > 0) emit(`${name}.failed`, failed, 'requests');
  for (const [i, other] of others.entries()) {
    emit(`${name}.hostile_${i + 1}.completed`, other.requests.total, 'requests');
    if (other.non2xx + other.errors > 0) emit(`${name}.hostile_${i + 1}.failed`, other.non2xx + other.errors, 'requests');
  }
  return rps;
}

export async function benchLoad(): Promise<void> {
  for (const graph of GRAPHS) {
    console.error(`# load on the ${graph.name} graph (${DURATION_S} s per case, ${CONNECTIONS} connections, loopback)`);
    const server = await startLoopServer(graph.name);
    try {
      // The peer index and the search path warmed up first: what is measured is steady state.
      await server.graphql(
        `{ ${ordinary(graph)
          .map(([n, q]) => `${n}: ${q.slice(1, -1)}`)
          .join(' ')} }`,
      );
      const [, nodeById] = ordinary(graph)[0]!;
      await load(server, nodeById, { connections: CONNECTIONS });
      for (const [name, query] of ordinary(graph)) await measure(server, `load.${graph.name}.${name}`, query);
      for (const [name, query] of hostile(graph)) {
        const baseline = await measure(server, `load.${graph.name}.node_by_id_before_${name}`, nodeById);
        const rps = await measure(server, `load.${graph.name}.node_by_id_beside_2x${name}`, nodeById, query);
        emit(`load.${graph.name}.node_by_id_beside_2x${name}.share_of_baseline`, rps / baseline, 'ratio');
      }
    } finally {
      await server.close();
    }
  }
}
