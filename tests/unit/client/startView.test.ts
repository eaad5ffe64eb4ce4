import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeIds, wholeGraph } from '../../../client/src/api/graphApi.js';

/** Stubs fetch with the GraphQL answers given, in order, and records each request's operation and variables. */
function stubApi(answers: unknown[]): { query: string; variables: Record<string, unknown> }[] {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: { body: string }) => {
      sent.push(JSON.parse(init.body) as { query: string; variables: Record<string, unknown> });
      const data = answers.shift();
      if (data === undefined) throw new Error('no more answers');
      return new Response(JSON.stringify({ data }), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('node ids after a first page asked with the start view', () => {
  it('asks nothing more when the first page holds every id', async () => {
    const sent = stubApi([]);
    const ids = await nodeIds(null, null, undefined, { ids: ['a', 'b'], pageInfo: { hasNextPage: false, endCursor: 'b' } });
    expect(ids).toEqual(['a', 'b']);
    expect(sent).toHaveLength(0);
  });

  it('pages on from the first page when there are more', async () => {
    const sent = stubApi([{ nodeIds: { ids: ['c', 'd'], pageInfo: { hasNextPage: false, endCursor: 'd' } } }]);
    const ids = await nodeIds(null, null, undefined, { ids: ['a', 'b'], pageInfo: { hasNextPage: true, endCursor: 'b' } });
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toContain('query NodeIds');
    expect(sent[0]!.variables).toMatchObject({ after: 'b', kinds: null, filter: null });
  });

  it('asks from the start without a first page', async () => {
    const sent = stubApi([{ nodeIds: { ids: ['a'], pageInfo: { hasNextPage: false, endCursor: 'a' } } }]);
    expect(await nodeIds(null, null)).toEqual(['a']);
    expect(sent[0]!.variables).toMatchObject({ after: null });
  });
});

describe('the whole graph', () => {
  const node = (id: string) => ({ __typename: 'Theme', id, kind: 'THEME', name: id.toUpperCase(), degree: 1 });
  const edge = (id: string, source: string, target: string) => ({
    id,
    kind: 'ADDRESSES_THEME',
    source,
    target,
    since: null,
    until: null,
    year: null,
  });

  it('asks the nodes by id and the relationships among them, each once, for a graph of up to 2,000 nodes', async () => {
    const sent = stubApi([{ nodes: [node('a'), node('b'), null] }, { relationsAmong: [edge('r1', 'a', 'b')] }]);
    const graph = await wholeGraph(undefined, { ids: ['a', 'b', 'gone'], pageInfo: { hasNextPage: false, endCursor: 'gone' } });
    expect(sent.map((r) => r.query.match(/query (\w+)/)?.[1])).toEqual(['Nodes', 'RelationsAmong']);
    expect(sent[0]!.variables).toEqual({ ids: ['a', 'b', 'gone'] });
    expect(graph.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(graph.edges.map((e) => [e.id, e.source, e.target])).toEqual([['r1', 'a', 'b']]);
    expect(graph.truncated).toBe(false);
  });
});
