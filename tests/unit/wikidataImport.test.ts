import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'sparqljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { sparqlRequest, type FetchLike } from '../../server/src/importer/wikidata/client.js';
import { WikidataError } from '../../server/src/importer/wikidata/errors.js';
import { importFromWikidata, type WikidataImportOptions } from '../../server/src/importer/wikidata/importWikidata.js';
import { twinningsQuery, TWINNING_VARS, WIKIDATA_SPARQL_ENDPOINT } from '../../server/src/importer/wikidata/query.js';
import { pointOf } from '../../server/src/importer/wikidata/rows.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { gql, openApi } from '../helpers/api.js';
import { syntheticWikidataAnswer } from '../fixtures/syntheticWikidata.js';

const FIXTURE = join(new URL('../fixtures/wikidata/', import.meta.url).pathname, 'twinnings-be.json');
const ANSWER = readFileSync(FIXTURE, 'utf8');
const NOW = new Date('2026-12-01T08:00:00.000Z');

interface Call {
  url: string;
  headers: Record<string, string>;
}

/** A fetch that answers from a script of responses (or errors), recording every call. */
function scriptedFetch(script: (Response | Error)[]): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers });
    const next = script.shift();
    if (next === undefined) throw new Error('the test did not expect another request');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}
const ok = () => new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/sparql-results+json' } });
const status = (code: number, headers: Record<string, string> = {}) => new Response('busy', { status: code, headers });
const offline = () =>
  new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND query.wikidata.org'), { code: 'ENOTFOUND' }) });

function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { sleep: async (ms) => void waits.push(ms), waits };
}

describe('the Wikidata query', () => {
  const parser = new Parser();

  it('parses as SPARQL 1.1, for a country and for a batch of items, and selects the variables the reader reads', () => {
    for (const scope of [{ country: 'BE' }, { qids: ['Q12994', 'Q1296'] }]) {
      const parsed = parser.parse(twinningsQuery(scope));
      expect(parsed.type).toBe('query');
      if (parsed.type !== 'query' || parsed.queryType !== 'SELECT') throw new Error('not a SELECT');
      const vars = (parsed.variables as { value: string }[]).map((v) => v.value);
      expect(vars).toEqual([...TWINNING_VARS]);
    }
    expect(twinningsQuery({ country: 'BE' })).toContain('?country wdt:P297 "BE"');
    expect(twinningsQuery({ qids: ['Q12994', 'Q1296'] })).toContain('VALUES ?item { wd:Q12994 wd:Q1296 }');
  });

  it('refuses a scope that would put text into the query', () => {
    expect(() => twinningsQuery({ country: 'BE" } #' })).toThrow(/ISO 3166-1/);
    expect(() => twinningsQuery({ qids: ['Q1 } DROP'] })).toThrow(/Wikidata item ids/);
    expect(() => twinningsQuery({ qids: [] })).toThrow(/Wikidata item ids/);
  });

  it('reads WKT points on Earth as latitude and longitude, and leaves out points on other globes', () => {
    const wkt = 'http://www.opengis.net/ont/geosparql#wktLiteral';
    expect(pointOf({ type: 'literal', datatype: wkt, value: 'Point(3.125 50.944444444)' })).toEqual({
      latitude: 50.944444444,
      longitude: 3.125,
    });
    expect(pointOf({ type: 'literal', datatype: wkt, value: '<http://www.wikidata.org/entity/Q405> Point(23.47 0.67)' })).toBeUndefined();
    expect(pointOf({ type: 'literal', datatype: wkt, value: 'Point(200 10)' })).toBeUndefined();
  });
});

describe('importing twinnings from Wikidata', () => {
  let store: MemoryGraphStore;
  const run = (extra: Partial<WikidataImportOptions>) =>
    importFromWikidata(store, { countries: ['BE'], actor: 'test', now: NOW, ...extra, client: { sleep: async () => {}, ...extra.client } });
  const snapshot = async () => ({
    stats: await store.stats(),
    version: await store.graphVersion(),
    changes: (await store.listChanges({ first: 1000, offset: 0 })).totalCount,
  });
  const node = async (id: string) => (await store.getNodes([id]))[0];
  beforeEach(async () => {
    store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
  });

  it('is a dry run by default: one polite request, a report, nothing written', async () => {
    const before = await snapshot();
    const { fetch, calls } = scriptedFetch([ok()]);
    const outcome = await run({ client: { fetch, userAgent: 'CooperationAtlas/0.1.0 (https://example.org/atlas) test' } });
    expect(outcome.applied).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.startsWith(`${WIKIDATA_SPARQL_ENDPOINT}?query=`)).toBe(true);
    expect(decodeURIComponent(calls[0]!.url.split('?query=')[1]!)).toBe(twinningsQuery({ country: 'BE' }));
    expect(calls[0]!.headers).toEqual({
      Accept: 'application/sparql-results+json',
      'User-Agent': 'CooperationAtlas/0.1.0 (https://example.org/atlas) test',
    });
    // 7 places (one without a label), 5 twinnings (Ghent - Liège stated on both items is one).
    expect([outcome.places, outcome.twinnings, outcome.report.rows]).toEqual([7, 5, 12]);
    // SOURCE: wikidata, and for the new countries (CD, JP) the ISO list and world-countries' names.
    expect(outcome.report.created.nodes).toEqual({ MUNICIPALITY: 3, PARTNERSHIP: 3, COUNTRY: 2, SOURCE: 3 });
    expect(outcome.report.matchedExisting).toMatchObject({ byName: 3, byWikidata: 0, byId: 0 });
    expect(outcome.report.merged.nodes).toBe(4); // Roeselare, Gräfenhainichen, Liège, and their partnership
    expect(outcome.report.skipped).toEqual([
      { reason: 'a name is missing', rows: ['https://www.wikidata.org/wiki/Q98765432', 'https://www.wikidata.org/wiki/Q1296#P190'] },
    ]);
  });

  it('applies: merges into the graph’s places by name and country, with QIDs, coordinates, population and provenance', async () => {
    const { fetch } = scriptedFetch([ok()]);
    const outcome = await run({ apply: true, client: { fetch } });
    expect(outcome.applied).not.toBeNull();

    expect(await node('roeselare')).toMatchObject({
      name: 'Roeselare',
      wikidata: 'Q12994',
      latitude: 50.944444444,
      longitude: 3.125,
      population: 64430,
      level: 'CITY',
    });
    const roeselareSources = (await node('roeselare'))!.sources;
    expect(roeselareSources.at(-1)).toEqual({
      source: 'wikidata',
      locator: 'https://www.wikidata.org/wiki/Q12994',
      quote: 'Q12994: Roeselare (en), Roeselare (nl), Roulers (fr)',
      importedAt: NOW.toISOString(),
    });
    // Two best-rank populations: the larger.
    expect(await node('liege')).toMatchObject({ wikidata: 'Q3929', population: 197013, altNames: ['Luik', 'Lüttich'] });
    expect((await node('liege'))!.names.map((n) => n.text)).toEqual(['Liège', 'Liège', 'Luik']);
    const ghentItem = {
      source: 'wikidata',
      locator: 'https://www.wikidata.org/wiki/Q1296',
      quote: 'Q1296: Ghent (en), Gent (nl), Gand (fr)',
    };
    expect(await node('ghent-be')).toMatchObject({
      kind: 'MUNICIPALITY',
      name: 'Ghent',
      altNames: [],
      names: [
        { lang: 'en', text: 'Ghent', sources: [ghentItem] },
        { lang: 'fr', text: 'Gand', sources: [ghentItem] },
        { lang: 'nl', text: 'Gent', sources: [ghentItem] },
      ],
      wikidata: 'Q1296',
      country: 'BE',
      level: 'MUNICIPALITY',
      latitude: 51.053611111,
      longitude: 3.725,
    });
    // The graph's Roeselare gets the labels as names per language; search finds every one.
    expect((await node('roeselare'))!.names.map((n) => [n.lang, n.text])).toEqual([
      ['en', 'Roeselare'],
      ['fr', 'Roulers'],
      ['nl', 'Roeselare'],
    ]);
    expect((await store.search('Gand', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['ghent-be']);
    expect((await store.search('Roulers', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['roeselare']);
    expect(await node('country-jp')).toMatchObject({ kind: 'COUNTRY', code: 'JP' });
    expect(await node('wikidata')).toMatchObject({
      kind: 'SOURCE',
      name: 'Wikidata',
      sourceType: 'DATASET',
      url: 'https://www.wikidata.org/',
    });

    // The graph's Roeselare - Gräfenhainichen twinning cites the statement; Ghent - Liège is one new partnership.
    expect((await node('p-roes-graf'))!.sources.at(-1)).toMatchObject({
      source: 'wikidata',
      locator: 'https://www.wikidata.org/wiki/Q12994#P190',
      quote: 'Roeselare (Q12994) twinned administrative body Gräfenhainichen (Q14809)',
    });
    const ghentLiege = (await store.relationsOfNodes(['ghent-be'], ['PARTY_TO'])).map((r) => r.to);
    expect(ghentLiege.sort()).toEqual(['ghent-be-kawasaki-jp', 'ghent-be-liege']);
    expect(await node('ghent-be-liege')).toMatchObject({
      kind: 'PARTNERSHIP',
      partnershipType: 'TWINNING',
      name: 'Ghent - Liège',
      sources: [{ source: 'wikidata', locator: 'https://www.wikidata.org/wiki/Q1296#P190' }],
    });
    // The API serves the QID and the coordinates the map draws.
    const api = await gql(await openApi(store), '{ node(id: "roeselare") { wikidata ... on Municipality { latitude longitude } } }');
    expect(api).toEqual({ data: { node: { wikidata: 'Q12994', latitude: 50.944444444, longitude: 3.125 } } });
    const log = await store.listChanges({ first: 100, offset: 0 });
    expect(log.items.filter((c) => c.action === 'IMPORT').map((c) => c.subject)).toEqual(['wikidata']);
  });

  it('changes nothing when run again: every place is matched by its QID', async () => {
    await run({ apply: true, client: scriptedFetch([ok()]) });
    const after = await snapshot();
    const again = await run({ client: scriptedFetch([ok()]) });
    expect(again.report.noChange).toBe(true);
    expect(again.report.totals).toEqual({ putNodes: 0, putRelations: 0 });
    expect(again.report.matchedExisting).toMatchObject({ byWikidata: 6, byName: 0 });
    const applied = await run({ apply: true, client: scriptedFetch([ok()]) });
    expect(applied.applied).toBeNull();
    expect(await snapshot()).toEqual(after);
  });

  it('matches by QID before the name: a renamed place keeps its node, and a namesake with another QID is not merged', async () => {
    await run({ apply: true, client: scriptedFetch([ok()]) });
    const renamed = ANSWER.replaceAll('"Roeselare"', '"Roeselare (city)"');
    const outcome = await run({ client: scriptedFetch([new Response(renamed)]) });
    expect(outcome.report.noChange).toBe(true);
    // Another item called Ghent in Belgium is another place: a new node, not the graph's Ghent.
    const namesake = ANSWER.replaceAll('entity/Q1296"', 'entity/Q2000001"');
    const other = await run({ client: scriptedFetch([new Response(namesake)]) });
    expect(other.report.created.nodes).toMatchObject({ MUNICIPALITY: 1 });
    expect(other.report.matchedExisting.byName).toBe(0);
  });

  it('a large answer (a change of more than 1,000 records) is found by QID the next time: nothing to change', async () => {
    const answer = JSON.stringify(syntheticWikidataAnswer(800));
    const first = await run({ apply: true, client: scriptedFetch([new Response(answer)]) });
    expect(first.twinnings).toBe(728); // 800 rows, every 10th pair stated from both sides
    expect(first.report.created.nodes.PARTNERSHIP).toBe(728);
    expect((first.changes.putNodes?.length ?? 0) + (first.changes.putRelations?.length ?? 0)).toBeGreaterThan(1_000);
    const again = await run({ client: scriptedFetch([new Response(answer)]) });
    expect(again.report.noChange).toBe(true);
    expect(again.report.matchedExisting.byWikidata).toBe(first.places);
  });

  it('imports a saved answer (--file) exactly as the service’s', async () => {
    const fromFile = await run({ countries: undefined, file: FIXTURE });
    const fromService = await run({ client: scriptedFetch([ok()]) });
    expect(fromFile.requests).toBe(0);
    expect(fromFile.report.created).toEqual(fromService.report.created);
    expect(fromFile.changes.putNodes?.map((n) => n.id)).toEqual(fromService.changes.putNodes?.map((n) => n.id));
  });

  it('offline: one line with a stable code that says what to do, no retry, the graph as it was', async () => {
    const before = await snapshot();
    const { fetch, calls } = scriptedFetch([offline()]);
    const error = await run({ apply: true, client: { fetch } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WikidataError);
    expect((error as WikidataError).code).toBe('NETWORK_UNAVAILABLE');
    expect((error as WikidataError).message).toBe(
      'could not reach query.wikidata.org (ENOTFOUND). Check your connection or use --file <saved response.json>.',
    );
    expect(calls).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a saved file that is not SPARQL JSON results', async () => {
    const html = await sparqlRequest('SELECT * {}', { fetch: scriptedFetch([new Response('<!DOCTYPE html><html>')]).fetch }).catch(
      (e) => e,
    );
    expect(html).toMatchObject({
      code: 'WIKIDATA_BAD_RESPONSE',
      message: expect.stringMatching(/is not JSON \(it starts "<!DOCTYPE html><html>"\)/),
    });
    const shape = await sparqlRequest('SELECT * {}', { fetch: scriptedFetch([new Response('{"results": {}}')]).fetch }).catch((e) => e);
    expect(shape).toMatchObject({ code: 'WIKIDATA_BAD_RESPONSE', message: expect.stringMatching(/is not SPARQL JSON results/) });
  });
});

describe('the service’s rules', () => {
  it('on 429 waits as long as Retry-After says, else backs off exponentially, then succeeds', async () => {
    const { sleep, waits } = recordingSleep();
    const { fetch, calls } = scriptedFetch([status(429, { 'Retry-After': '3' }), status(429), status(429), ok()]);
    const answer = await sparqlRequest('SELECT * {}', { fetch, sleep, userAgent: 'test' });
    expect(answer.results.bindings).toHaveLength(7);
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([3_000, 2_000, 4_000]);
  });

  it('on 5xx retries with backoff, then succeeds; gives up after maxAttempts with a stable code', async () => {
    const first = recordingSleep();
    const answer = await sparqlRequest('SELECT * {}', {
      fetch: scriptedFetch([status(503), status(502), ok()]).fetch,
      sleep: first.sleep,
      userAgent: 'test',
    });
    expect(answer.head.vars).toContain('twinCoord');
    expect(first.waits).toEqual([1_000, 2_000]);

    const second = recordingSleep();
    const failing = scriptedFetch([status(500), status(500), status(500)]);
    const error = await sparqlRequest('SELECT * {}', {
      fetch: failing.fetch,
      sleep: second.sleep,
      userAgent: 'test',
      maxAttempts: 3,
    }).catch((e) => e);
    expect(error).toMatchObject({
      code: 'WIKIDATA_UNAVAILABLE',
      message: expect.stringMatching(/^query\.wikidata\.org answered HTTP 500 3 times/),
    });
    expect(failing.calls).toHaveLength(3);
    expect(second.waits).toEqual([1_000, 2_000]);

    const limited = await sparqlRequest('SELECT * {}', {
      fetch: scriptedFetch([status(429), status(429)]).fetch,
      sleep: async () => {},
      userAgent: 'test',
      maxAttempts: 2,
    }).catch((e) => e);
    expect(limited).toMatchObject({ code: 'WIKIDATA_RATE_LIMITED' });
  });

  it('does not retry a refused query (4xx other than 429), and says what the service said', async () => {
    const { fetch, calls } = scriptedFetch([new Response('MalformedQueryException: Encountered " <EOF> "\nmore', { status: 400 })]);
    const error = await sparqlRequest('SELECT', { fetch, userAgent: 'test' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'WIKIDATA_REFUSED', message: expect.stringContaining('HTTP 400: MalformedQueryException') });
    expect(calls).toHaveLength(1);
  });

  it('gives each request a timeout, and a timed-out request is a clear error', async () => {
    let signal: AbortSignal | undefined;
    const fetch: FetchLike = async (_url, init) => {
      signal = init.signal;
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    const error = await sparqlRequest('SELECT * {}', { fetch, userAgent: 'test', timeoutMs: 5_000 }).catch((e) => e);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(error).toMatchObject({ code: 'WIKIDATA_TIMEOUT', message: expect.stringMatching(/did not answer within 5\.0 s/) });
  });

  it('asks for QIDs 50 at a time, one request after another', async () => {
    const store = new MemoryGraphStore();
    const qids = Array.from({ length: 120 }, (_, i) => `Q${1000 + i}`);
    const empty = () => new Response(JSON.stringify({ head: { vars: [...TWINNING_VARS] }, results: { bindings: [] } }));
    const { fetch, calls } = scriptedFetch([empty(), empty(), empty()]);
    const outcome = await importFromWikidata(store, { qids, actor: 'test', now: NOW, client: { fetch, userAgent: 'test' } });
    expect(outcome.requests).toBe(3);
    const asked = calls.map((c) => (decodeURIComponent(c.url.split('?query=')[1]!).match(/wd:Q\d+/g) ?? []).length);
    expect(asked).toEqual([50, 50, 20]);
    expect(outcome.report.noChange).toBe(true);
  });
});
