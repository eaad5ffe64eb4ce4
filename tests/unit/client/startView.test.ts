import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeIds } from '../../../client/src/api/graphApi.js';

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
