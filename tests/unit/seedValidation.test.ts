import { describe, expect, it } from 'vitest';
import { findWorldCountriesProblems } from '../../graph-seed/checkQuotes.js';
import { loadSeed, SeedValidationError } from '../../server/src/seed/loadSeed.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { worldCountriesSource } from '../../server/src/domain/countries.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';

const fixture = (name: string) => new URL(`../fixtures/seed/${name}`, import.meta.url).pathname;

function problemsOf(name: string): string {
  try {
    loadSeed(fixture(name));
  } catch (e) {
    if (e instanceof SeedValidationError) return e.message;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('seed validation', () => {
  it('loads a valid directory and derives LOCATED_IN from the country field', () => {
    const graph = loadSeed(fixture('tiny.valid'));
    expect(graph.nodes.map((n) => n.id)).toEqual(['doc', 'country-be', 'mol']);
    expect(graph.relations).toEqual([
      {
        id: 'mol--located-in--country-be',
        kind: 'LOCATED_IN',
        from: 'mol',
        to: 'country-be',
        sources: [{ source: 'doc', locator: 'p1', quote: 'The municipality of Mol' }],
      },
    ]);
  });

  it.each([
    ['bad-yaml.invalid', /bad-yaml\.invalid\/20-broken\.yaml:3: not valid YAML/],
    ['unknown-field.invalid', /10-base\.yaml:5 record "water": Unrecognized key: "colour"/],
    ['bad-slug.invalid', /record "Water_Theme": id: must be a slug/],
    ['dangling.invalid', /record "mol--member-of--climate-alliance": to: no node has the id "climate-alliance"/],
    ['duplicate.invalid', /20-more\.yaml:2 record "mol": duplicate node id, first defined at .*10-base\.yaml:4/],
    [
      'wrong-endpoint.invalid',
      /record "mol--party-to--water": to: a PARTY_TO relationship cannot point to a THEME \("water"\); allowed: PARTNERSHIP/,
    ],
    ['no-sources.invalid', /record "water": sources: every node needs at least one source/],
    ['missing-country.invalid', /record "dogbo": country "BJ" has no COUNTRY node; add one with code: BJ/],
    ['bad-ratings.invalid', /record "twinning": ratings: an approach has exactly eight ratings/],
    ['orphan.invalid', /10-base\.yaml:6 record "water": an orphan node: no relationship links it to the graph/],
    ['orphan.invalid', /10-base\.yaml:4 record "country-fr": a COUNTRY node without a relationship/],
    ['name-source.invalid', /record "country-be": sources: "countries-list" is not a SOURCE node/],
  ])('refuses %s, naming the file, the record and what is wrong', (name, expected) => {
    const message = problemsOf(name);
    expect(message).toMatch(/nothing was loaded/);
    expect(message).toMatch(expected);
  });

  it('accepts a municipality without a country, PERSON and PLACE nodes, and keeps a derived fact marked as derived', () => {
    const graph = loadSeed(fixture('derived.valid'));
    expect(graph.nodes.find((n) => n.id === 'roeselare')).not.toHaveProperty('country');
    expect(graph.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['PERSON', 'PLACE']));
    const member = graph.relations.find((r) => r.kind === 'MEMBER_OF');
    expect(member?.sources).toEqual([
      { source: 'doc', locator: 'p9', quote: 'All 300 municipalities in Flanders are members', derived: true },
    ]);
    expect(graph.relations.find((r) => r.kind === 'LOCATED_IN')?.sources[0]).not.toHaveProperty('derived');
  });

  it('checks citations of world-countries, a data set and not a document, against the installed package', () => {
    const graph = loadSeed(fixture('country-names.valid'));
    expect(findWorldCountriesProblems(graph)).toEqual([
      {
        recordId: 'world-countries',
        source: 'world-countries',
        quote: 'World countries',
        why: 'the package world-countries has no file NOTES.md',
      },
      {
        recordId: 'country-be',
        source: 'world-countries',
        quote: '"common": "Belgie"',
        why: 'the quote must be "common": "België", what world-countries has at BE: translations.nld.common',
      },
    ]);
    // The curated seed: its countries' names quote the package, and its world-countries node is the importer's.
    const seed = loadSeed();
    expect(findWorldCountriesProblems(seed)).toEqual([]);
    expect(seed.nodes.find((n) => n.id === 'world-countries')).toEqual(worldCountriesSource());
    expect(seed.nodes.find((n) => n.id === 'country-be')!.names.map((n) => [n.lang, n.text])).toEqual([
      ['en', 'Belgium'],
      ['fr', 'Belgique'],
      ['nl', 'België'],
    ]);
  });

  it('refuses a provenance whose derived flag is not true', () => {
    expect(() => loadSeed(fixture('derived-false.invalid'))).toThrow(/derived: derived is either true or left out/);
  });

  it('writes nothing to the store when the seed is invalid', async () => {
    const store = new MemoryGraphStore();
    await expect(seedStore(store, { dir: fixture('dangling.invalid') })).rejects.toBeInstanceOf(SeedValidationError);
    expect((await store.stats()).nodeCount).toBe(0);
  });
});
