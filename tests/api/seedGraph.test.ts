import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMissingQuotes, readVvsgSourceText, VVSG_SOURCE_ID } from '../../graph-seed/checkQuotes.js';
import { loadSeed, type SeedGraph } from '../../server/src/seed/loadSeed.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { AtlasApp } from '../../server/src/app.js';
import { NODE_KINDS } from '../../server/src/domain/model.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { gql, openApi } from '../helpers/api.js';

const SOURCE_TEXT = readVvsgSourceText();

/** The summary table rows of the source, parsed from its text: the approach name and eight printed cells. */
function summaryTableRows(): string[][] {
  return SOURCE_TEXT.split('\n')
    .filter((line) => /^\| [A-Z][^|]+ \| [-+1]/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

describe('the seed graph', () => {
  let graph: SeedGraph;
  let app: AtlasApp;
  beforeAll(async () => {
    graph = loadSeed();
    const store = new MemoryGraphStore();
    await seedStore(store, { graph });
    app = await openApi(store);
  });
  afterAll(() => app.apollo.stop());

  it('quotes the source verbatim in every provenance of every node and relationship', () => {
    expect(findMissingQuotes(graph, VVSG_SOURCE_ID, SOURCE_TEXT)).toEqual([]);
    const records = [...graph.nodes, ...graph.relations];
    expect(records.every((r) => r.sources.length > 0)).toBe(true);
  });

  it('holds every node kind, and hundreds of facts', async () => {
    const { data } = await gql(app, '{ stats { nodeCount relationCount nodesByKind { kind count } } }');
    for (const kind of NODE_KINDS) expect(data.stats.nodesByKind).toContainEqual({ kind, count: expect.any(Number) });
    expect(data.stats.nodesByKind.every((k: { count: number }) => k.count > 0)).toBe(true);
    expect(data.stats.nodeCount).toBeGreaterThan(300);
    expect(data.stats.relationCount).toBeGreaterThan(500);
  });

  it('has the eight approaches with the summary table ratings exactly as printed', async () => {
    const rows = summaryTableRows();
    expect(rows).toHaveLength(8);
    const { data } = await gql(app, '{ approaches { number name altNames ratings { printed } } }');
    expect(data.approaches).toHaveLength(8);
    data.approaches.forEach((approach: { number: number; name: string; altNames: string[]; ratings: { printed: string }[] }, i: number) => {
      const [rowName, ...cells] = rows[i]!;
      expect([approach.name, ...approach.altNames]).toContain(rowName);
      expect(approach.ratings.map((r) => r.printed)).toEqual(cells);
      expect(approach.number).toBe(i + 1);
    });
  });

  it('finds Roeselare from "roese", with its partnership with Dogbo since 2010', async () => {
    const { data } = await gql(
      app,
      `{ search(text: "roese", first: 3) { edges { node { id kind name
      ... on Municipality { countryCode partnerships { name since partnershipType parties { node { id ... on Municipality { countryCode } } } } } } } } }`,
    );
    const top = data.search.edges[0].node;
    // The source never states Roeselare's country, so the graph records none (nothing guessed).
    expect(top).toMatchObject({ id: 'roeselare', kind: 'MUNICIPALITY', countryCode: null });
    const dogbo = top.partnerships.find((p: { name: string }) => p.name.includes('Dogbo'));
    expect(dogbo).toMatchObject({ since: 2010, partnershipType: 'CITY_TO_CITY' });
    expect(dogbo.parties).toContainEqual({ node: { id: 'dogbo', countryCode: 'BJ' } });
  });

  it('keeps Ostend (Belgium) and Ostende (Argentina) distinct, and links them by one formal partnership since 2021', async () => {
    const { data } = await gql(
      app,
      `{ a: node(id: "ostend") { ... on Municipality { countryCode partnerships { id since partnershipType } } }
      b: node(id: "ostende") { ... on Municipality { countryCode foundedYear } } }`,
    );
    expect(data.a.countryCode).toBe('BE');
    expect(data.b).toEqual({ countryCode: 'AR', foundedYear: 1909 });
    expect(data.a.partnerships).toContainEqual({ id: 'ostend-ostende', since: 2021, partnershipType: 'FORMAL_PARTNERSHIP' });
  });

  it('merges spellings of one entity: AfriFoodLinks, AfriFOODlinks and AfriF00Dlinks are one node', async () => {
    for (const text of ['AfriFoodLinks', 'AfriFOODlinks', 'AfriF00Dlinks']) {
      const { data } = await gql(app, 'query($t: String!) { search(text: $t) { edges { node { id } } } }', { t: text });
      expect(
        data.search.edges.map((e: { node: { id: string } }) => e.node.id),
        text,
      ).toEqual(['afrifoodlinks']);
    }
  });

  it('does not turn a plan into a partnership, nor one-off participation into membership', async () => {
    const { data } = await gql(
      app,
      `{
      w: node(id: "wevelgem") { ... on Municipality { partnerships { parties { node { id } } } } }
      b: node(id: "bruges") { relations(kinds: [MEMBER_OF, PARTICIPATES_IN], direction: OUT) { edges { node { id } relation { kind } } } }
    }`,
    );
    const wevelgemParties = data.w.partnerships.flatMap((p: { parties: { node: { id: string } }[] }) => p.parties.map((x) => x.node.id));
    expect(wevelgemParties).not.toContain('jinja');
    const milan = data.b.relations.edges.filter((e: { node: { id: string } }) => e.node.id === 'milan-urban-food-policy-pact');
    expect(milan.map((e: { relation: { kind: string } }) => e.relation.kind)).toEqual(['PARTICIPATES_IN']);
  });

  it('records a country only where the source states it: Mol (Belgium) has one, the cities of the Milan pact list do not', async () => {
    const { data } = await gql(
      app,
      `{ mol: node(id: "mol") { ... on Municipality { countryCode } }
      london: node(id: "london") { ... on Municipality { countryCode country { id } } }
      uk: node(id: "country-gb") { id } }`,
    );
    expect(data).toEqual({ mol: { countryCode: 'BE' }, london: { countryCode: null, country: null }, uk: null });
  });

  it('keeps the amounts the source states as properties', async () => {
    const { data } = await gql(
      app,
      `{ node(id: "duffel") { relations(kinds: [FUNDS], direction: OUT) { edges { node { id } relation { year money { amount currency period } } } } } }`,
    );
    expect(data.node.relations.edges).toContainEqual({
      node: { id: 'red-cross-pakistan' },
      relation: { year: 2022, money: { amount: 2250, currency: 'EUR', period: 'TOTAL' } },
    });
  });

  it('names who publishes a source only where the source says so: the Platforma & Nalas handbook has both', async () => {
    const { data } = await gql(
      app,
      `{ handbook: node(id: "lit-platforma-nalas-2021") { ... on Source { publishedBy { id } } }
         magazine: node(id: "zoersel-magazine-2018") { ... on Source { publishedBy { id } } } }`,
    );
    expect(data.handbook.publishedBy.map((n: { id: string }) => n.id).sort()).toEqual(['nalas', 'platforma']);
    expect(data.magazine.publishedBy).toEqual([]);
  });

  it('lists Flemish city-to-city partners through the API filters', async () => {
    const { data } = await gql(
      app,
      `{ municipalities(filter: { countries: ["BE"], approaches: ["city-to-city-partnership"] }, first: 50) { edges { node { id } } } }`,
    );
    const ids = data.municipalities.edges.map((e: { node: { id: string } }) => e.node.id);
    // Roeselare is a city-to-city partner too, but the source does not state its country.
    expect([...ids].sort()).toEqual(['deinze', 'lievegem', 'mol', 'ostend']);
    expect(ids).not.toContain('ostende');
  });
});
