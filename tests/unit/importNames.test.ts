import { beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { mergeNames } from '../../server/src/domain/merge.js';
import { parseNode } from '../../server/src/domain/graphRules.js';
import { gazetteerAltNames, MAX_GAZETTEER_ALT_NAMES } from '../../server/src/importer/fields.js';
import { MappingError } from '../../server/src/importer/mapping.js';
import { pathSource, runImport, type ImportOptions } from '../../server/src/importer/runImport.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';

const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;
const NOW = new Date('2026-11-03T10:00:00.000Z');
const cite = (locator: string) => [{ source: 'fixture', locator, quote: 'a quote' }];

describe('names per language in a record', () => {
  const node = (names: unknown) => ({ id: 'x', kind: 'THEME', name: 'Water', names, sources: cite('a') });

  it('are validated: a language code, a name text, a source, one name per language; kept in language order', () => {
    expect(
      parseNode(
        node([
          { lang: 'nl', text: 'Water', sources: cite('b') },
          { lang: 'fr', text: 'Eau', sources: cite('c') },
        ]),
      ),
    ).toEqual({
      node: expect.objectContaining({ names: [expect.objectContaining({ lang: 'fr' }), expect.objectContaining({ lang: 'nl' })] }),
    });
    expect(parseNode(node([{ lang: 'NL', text: 'Water', sources: cite('b') }]))).toEqual({
      problems: ['names.0.lang: must be a lowercase language code such as "en", "nl" or "fr"'],
    });
    expect(parseNode(node([{ lang: 'nl', text: 'Wa\u0007ter', sources: cite('b') }]))).toEqual({
      problems: [expect.stringMatching(/^names\.0\.text: contains the control character U\+0007/)],
    });
    expect(parseNode(node([{ lang: 'nl', text: 'Water', sources: [] }]))).toEqual({
      problems: ['names.0.sources: a name in a language needs its source'],
    });
    expect(
      parseNode(
        node([
          { lang: 'nl', text: 'Water', sources: cite('b') },
          { lang: 'nl', text: 'Waters', sources: cite('c') },
        ]),
      ),
    ).toEqual({ problems: [expect.stringMatching(/^names\.1\.lang: a second name in "nl"/)] });
  });

  it('merge per language: a new language is added, the same text adds its citation once, another text is a conflict', () => {
    const current = [{ lang: 'nl', text: 'Luik', sources: cite('a') }];
    const { names, conflicts } = mergeNames(
      current,
      [
        { lang: 'nl', text: 'Luik', sources: [...cite('a'), ...cite('b')] },
        { lang: 'fr', text: 'Liège', sources: cite('c') },
        { lang: 'de', text: 'Lüttich', sources: cite('d') },
      ],
      false,
    );
    expect(names).toEqual([
      { lang: 'de', text: 'Lüttich', sources: cite('d') },
      { lang: 'fr', text: 'Liège', sources: cite('c') },
      { lang: 'nl', text: 'Luik', sources: [...cite('a'), ...cite('b')] },
    ]);
    expect(conflicts).toEqual([]);
    expect(current).toEqual([{ lang: 'nl', text: 'Luik', sources: cite('a') }]);
    const other = mergeNames(current, [{ lang: 'nl', text: 'Luyck', sources: cite('e') }], false);
    expect(other.names).toEqual(current);
    expect(other.conflicts).toEqual([{ field: 'names.nl', current: 'Luik', offered: 'Luyck', replaced: false }]);
    expect(mergeNames(current, [{ lang: 'nl', text: 'Luyck', sources: cite('e') }], true).names).toEqual([
      { lang: 'nl', text: 'Luyck', sources: cite('e') },
    ]);
  });
});

describe('importing names per language', () => {
  let store: MemoryGraphStore;
  const run = (file: string, extra: Partial<ImportOptions> = {}) =>
    runImport(store, { sources: [pathSource(join(FIXTURES, file))], actor: 'test', now: NOW, ...extra });
  beforeEach(async () => {
    store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
  });

  it('reads name@<lang> columns of a node list, each name citing its row; a second run changes nothing', async () => {
    const { changes } = await run('names.valid.csv', { apply: true });
    const source = changes.putNodes!.find((n) => n.kind === 'SOURCE')!.id;
    const [ypres, liege] = await store.getNodes(['ypres', 'liege']);
    const row = (line: number, quote: string) => [{ source, locator: `line ${line}`, quote, importedAt: NOW.toISOString() }];
    expect(ypres!.names).toEqual([
      { lang: 'fr', text: 'Ypres', sources: row(2, 'ypres,MUNICIPALITY,Ypres,Ieper,Ypres,CITY,BE') },
      { lang: 'nl', text: 'Ieper', sources: row(2, 'ypres,MUNICIPALITY,Ypres,Ieper,Ypres,CITY,BE') },
    ]);
    // Liège was in the graph: its Dutch name is merged in, an empty cell says nothing.
    expect(liege!.names).toEqual([{ lang: 'nl', text: 'Luik', sources: row(3, 'liege,MUNICIPALITY,Liège,Luik,,CITY,BE') }]);
    expect(liege!.altNames).toEqual(['Luik', 'Lüttich']);
    const again = await run('names.valid.csv', { apply: true, now: new Date('2026-12-01T00:00:00Z') });
    expect(again.report.noChange).toBe(true);
  });

  it('takes names from the columns a mapping names per language, and matches places by them', async () => {
    const mapping = {
      entities: [
        {
          ref: 'place',
          kind: 'MUNICIPALITY',
          name: 'city',
          names: { nl: 'naam', fr: 'nom' },
          country: 'country',
          defaults: { level: 'CITY' },
        },
      ],
    };
    await run('places-nl.valid.csv', { apply: true, mapping });
    const [bruges] = await store.getNodes(['bruges-be']);
    expect(bruges!.names.map((n) => [n.lang, n.text, n.sources[0]!.locator])).toEqual([
      ['fr', 'Bruges', 'line 2'],
      ['nl', 'Brugge', 'line 2'],
    ]);
    expect((await store.search('Anvers', { first: 5, offset: 0 })).items.map((h) => [h.node.id, h.score])).toEqual([['antwerp-be', 101]]);
    // France was not in the graph: its COUNTRY node has its names from world-countries, which is now a SOURCE.
    const [france, worldCountries] = await store.getNodes(['country-fr', 'world-countries']);
    expect(france!.names).toEqual([
      {
        lang: 'en',
        text: 'France',
        sources: [{ source: 'world-countries', locator: 'FR: name.common', quote: '"common": "France"', importedAt: NOW.toISOString() }],
      },
      {
        lang: 'fr',
        text: 'France',
        sources: [
          { source: 'world-countries', locator: 'FR: translations.fra.common', quote: '"common": "France"', importedAt: NOW.toISOString() },
        ],
      },
      {
        lang: 'nl',
        text: 'Frankrijk',
        sources: [
          {
            source: 'world-countries',
            locator: 'FR: translations.nld.common',
            quote: '"common": "Frankrijk"',
            importedAt: NOW.toISOString(),
          },
        ],
      },
    ]);
    expect(worldCountries).toMatchObject({ kind: 'SOURCE', authors: 'Mohammed Le Doze', url: 'https://github.com/mledoze/countries' });
    // Another file naming the place only in Dutch finds the same node.
    const dutch = await run('places-nl.valid.csv', {
      mapping: {
        entities: [{ ref: 'place', kind: 'MUNICIPALITY', name: 'naam', country: 'country', create: false }],
        ignoreColumns: ['city', 'nom'],
      },
    });
    expect(dutch.report.matchedExisting.byName).toBe(3);
  });

  it('reports a differing name in a language as a conflict and keeps the graph’s, or replaces it when asked', async () => {
    await run('names.valid.csv', { apply: true });
    const other = await run('names-other-spelling.valid.csv', { apply: true });
    expect(other.report.conflicts.examples).toEqual([
      'line 2: ypres.names.nl is "Ieper" in the graph, "Yper" in the file; kept the graph\'s',
    ]);
    expect((await store.getNodes(['ypres']))[0]!.names.map((n) => n.text)).toEqual(['Ypres', 'Ieper']);
    await run('names-other-spelling.valid.csv', { apply: true, replace: true });
    expect((await store.getNodes(['ypres']))[0]!.names.map((n) => n.text)).toEqual(['Ypres', 'Yper']);
  });

  it('keeps a gazetteer’s alternate names as alternative names: Latin script, no codes or transliterations, each spelling once', async () => {
    const { report } = await run('geonames.valid.tsv', { apply: true, mapping: { preset: 'geonames' } });
    expect(report.merged.updatedNodes).toBe(1);
    const [liege] = await store.getNodes(['liege']);
    expect(liege).toMatchObject({ population: 195968, latitude: 50.63373 });
    expect(liege!.altNames).toEqual(['Luik', 'Lüttich', 'Leodium', 'Luettich']);
    expect((await store.search('Leodium', { first: 5, offset: 0 })).items.map((h) => h.node.id)).toEqual(['liege']);
    expect(gazetteerAltNames(['Brussel', ...Array.from({ length: 50 }, (_, i) => `Name ${i}`)], 'Brussels')).toHaveLength(
      MAX_GAZETTEER_ALT_NAMES,
    );
    expect((await run('geonames.valid.tsv', { apply: true, mapping: { preset: 'geonames' } })).report.noChange).toBe(true);
  });

  it('reads a pair list’s altNames1/altNames2 and city1@<lang>/city2@<lang> columns', async () => {
    await run('pairs-names.valid.csv', { apply: true });
    const [roeselare, paris] = await store.getNodes(['roeselare', 'paris-fr']);
    expect(roeselare!.altNames).toEqual(['Roulers', 'Rousselare']);
    expect(paris!.names.map((n) => [n.lang, n.text, n.sources[0]!.locator])).toEqual([['fr', 'Paris', 'line 2']]);
  });

  it('refuses a mapping with a language that is not a language code', async () => {
    const mapping = { entities: [{ ref: 'place', kind: 'MUNICIPALITY', name: 'city', names: { Dutch: 'naam' } }] };
    await expect(run('places-nl.valid.csv', { mapping })).rejects.toThrow(MappingError);
    await expect(run('places-nl.valid.csv', { mapping })).rejects.toThrow(/names\.Dutch/);
  });
});
