import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { resolveCountry } from '../../server/src/domain/countries.js';
import { MappingError } from '../../server/src/importer/mapping.js';
import { ImportRejected } from '../../server/src/importer/planImport.js';
import { ImportInputError } from '../../server/src/importer/readers.js';
import { pathSource, runImport, uploadSource, type ImportOptions } from '../../server/src/importer/runImport.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';

const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;
const fixture = (name: string) => join(FIXTURES, name);
const NOW = new Date('2026-11-03T10:00:00.000Z');

describe('countries from free text', () => {
  it('resolves names, codes, nations of the UK, territories and notes to ISO codes', () => {
    const code = (text: string) => {
      const r = resolveCountry(text);
      return 'code' in r ? r.code : r.problem;
    };
    expect(
      [
        'Belgium',
        'BE',
        'België',
        'England, United Kingdom',
        'Scotland',
        'Republic of Ireland',
        'Georgia (country)',
        'Réunion, France',
        'Brandenburg, Germany',
        'Ivory Coast',
        'Turkey',
        'in Italy',
      ].map(code),
    ).toEqual(['BE', 'BE', 'BE', 'GB', 'GB', 'IE', 'GE', 'RE', 'DE', 'CI', 'TR', 'IT']);
  });

  it('never guesses a misspelling, and says what was probably meant', () => {
    expect(resolveCountry('Kazakhstah')).toEqual({ problem: expect.stringMatching(/did you mean "Kazakhstan" \(KZ\)/) });
    expect(resolveCountry('Atlantis')).toEqual({ problem: expect.stringMatching(/"Atlantis" is not a country/) });
    expect(resolveCountry('Northern Cyprus', new Map([['northern cyprus', 'CY']]))).toEqual({ code: 'CY' });
  });
});

describe('import', () => {
  let store: MemoryGraphStore;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-import-'));
  const run = (file: string, extra: Partial<ImportOptions> = {}) =>
    runImport(store, { sources: [pathSource(file.startsWith('/') ? file : fixture(file))], actor: 'test', now: NOW, ...extra });
  const snapshot = async () => ({ stats: await store.stats(), changes: (await store.listChanges({ first: 1000, offset: 0 })).totalCount });
  beforeEach(async () => {
    store = new MemoryGraphStore();
    await seedStore(store, { dir: CONTRACT_GRAPH_DIR });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('a pair list (the shape of twin-cities.csv)', () => {
    it('is a dry run by default: reports and writes nothing', async () => {
      const before = await snapshot();
      const outcome = await run('pairs.valid.csv');
      expect(outcome.applied).toBeNull();
      expect(outcome.report.preset).toBe('pairs');
      // Roeselare - Gräfenhainichen and Roeselare - Tambacounda are partnerships the graph has.
      expect(outcome.report.created.nodes).toMatchObject({ MUNICIPALITY: 3, PARTNERSHIP: 2 });
      expect(await snapshot()).toEqual(before);
    });

    it('matches places by name, alternative name and country, accent- and case-insensitively', async () => {
      const { report, changes } = await run('pairs.valid.csv', { apply: true });
      // Roeselare (also written ROESELARE/BE), Gräfenhainichen, Tambacounda (Sénégal), Luik and Liège (both liege).
      expect(report.matchedExisting.byName).toBe(5);
      const updated = changes.log!.filter((c) => c.action === 'UPDATE_NODE').map((c) => c.subject);
      expect(updated).toEqual(expect.arrayContaining(['roeselare', 'grafenhainichen', 'tambacounda', 'liege']));
      const created = changes.putNodes!.filter((n) => n.kind === 'MUNICIPALITY' && !updated.includes(n.id)).map((n) => [n.id, n.country]);
      expect(created).toEqual([
        ['lyon-fr', 'FR'],
        ['ypres-gb', 'GB'],
        ['sankt-polten-at', 'AT'],
      ]);
      // The partnerships with Gräfenhainichen and Tambacounda exist: merged, not doubled.
      expect(
        (await store.relations({ nodeId: 'roeselare', direction: 'OUT', kinds: ['PARTY_TO'], first: 10, offset: 0 })).items.map(
          (e) => e.other.id,
        ),
      ).toEqual(['p-roes-graf', 'p-roes-tamba']);
      expect(
        (await store.relations({ nodeId: 'liege', direction: 'OUT', kinds: ['PARTY_TO'], first: 10, offset: 0 })).items.map(
          (e) => e.other.id,
        ),
      ).toEqual(['liege-lyon-fr']);
      const [graf] = await store.getNodes(['p-roes-graf']);
      expect(graf!.sources.map((s) => s.source)).toEqual([
        'fixture',
        changes.putNodes!.find((n) => n.kind === 'SOURCE' && n.id.startsWith('import-'))!.id,
      ]);
    });

    it('reports skipped rows with their line and why: duplicates, same place, unknown country', async () => {
      const { report } = await run('pairs.valid.csv');
      expect(report.skipped).toEqual(
        expect.arrayContaining([
          { reason: 'the same pair as an earlier row (listed twice, in either order)', rows: ['line 5'] },
          { reason: 'both sides of the pair are the same place', rows: ['line 6'] },
          { reason: expect.stringMatching(/"Atlantis" is not a country/), rows: ['line 7'] },
        ]),
      );
      expect(report.skippedRows).toBe(3);
    });

    it('gives every imported fact its provenance: the file as a SOURCE, the line, the time', async () => {
      const { changes } = await run('pairs.valid.csv', { apply: true });
      const source = changes.putNodes!.find((n) => n.id.startsWith('import-pairs-valid-'))!;
      expect(source).toMatchObject({ kind: 'SOURCE', sourceType: 'DATASET', name: 'pairs.valid.csv' });
      const [lyon] = await store.getNodes(['lyon-fr']);
      expect(lyon!.sources).toEqual([
        { source: source.id, locator: 'line 4', quote: 'Luik,Belgium,50.63,5.57,Lyon,France,45.76,4.83', importedAt: NOW.toISOString() },
      ]);
      expect(lyon).toMatchObject({ latitude: 45.76, longitude: 4.83, level: 'MUNICIPALITY' });
      // Countries the graph lacked get their COUNTRY node, citing the ISO list; places their LOCATED_IN.
      expect((await store.getNodes(['country-fr']))[0]).toMatchObject({
        kind: 'COUNTRY',
        code: 'FR',
        name: 'France',
        sources: [{ source: 'iso-3166-1' }],
      });
      expect((await store.getRelations(['lyon-fr--located-in--country-fr']))[0]).not.toBeNull();
      const log = await store.listChanges({ nodeId: source.id, first: 5, offset: 0 });
      expect(log.items[0]).toMatchObject({ action: 'IMPORT', actor: 'test', at: NOW.toISOString() });
    });

    it('is idempotent: the same file twice changes nothing the second time', async () => {
      await run('pairs.valid.csv', { apply: true });
      const after = await snapshot();
      const again = await run('pairs.valid.csv', { apply: true, now: new Date('2026-12-01T00:00:00Z') });
      expect(again.report.noChange).toBe(true);
      expect(again.applied).toBeNull();
      expect(await snapshot()).toEqual(after);
    });

    it('reads an upload from memory as it reads the file from disk: the same plan, the same SOURCE id (its content hash)', async () => {
      const fromDisk = await run('pairs.valid.csv');
      const text = readFileSync(fixture('pairs.valid.csv'), 'utf8');
      const fromMemory = await runImport(store, { sources: [uploadSource('pairs.valid.csv', text)], actor: 'test', now: NOW });
      expect(fromMemory.changes).toEqual(fromDisk.changes);
      expect(
        fromMemory.changes.putNodes!.some(
          (n) =>
            n.id ===
            `import-pairs-valid-${createHash('sha256')
              .update(readFileSync(fixture('pairs.valid.csv')))
              .digest('hex')
              .slice(0, 10)}`,
        ),
      ).toBe(true);
    });

    it('reports an ambiguous match as uncertain and skips the row instead of guessing', async () => {
      await store.applyChanges({
        putNodes: [
          {
            id: 'liege-2',
            kind: 'MUNICIPALITY',
            name: 'Liège',
            altNames: [],
            names: [],
            level: 'PROVINCE',
            country: 'BE',
            sources: [{ source: 'fixture', locator: 'x', quote: 'another Liège' }],
          },
        ],
      });
      const { report } = await run('pairs.valid.csv');
      const uncertain = report.skipped.find((g) => g.reason.startsWith('uncertain'))!;
      expect(uncertain.reason).toContain('liege, liege-2');
      expect(uncertain.rows).toEqual(['line 5']);
    });
  });

  /** A "London" the graph names without a country (as the seed's, whose source gives none). */
  const putLondonWithoutCountry = () =>
    store.applyChanges({
      putNodes: [
        {
          id: 'london',
          kind: 'MUNICIPALITY',
          name: 'London',
          altNames: [],
          names: [],
          level: 'CITY',
          sources: [{ source: 'fixture', locator: 'x', quote: 'London, a member' }],
        },
      ],
    });

  it("keeps places of two countries apart when the graph's node of that name has no country", async () => {
    // The graph's "London" says no country; the file names a London in Canada and one in the UK.
    await putLondonWithoutCountry();
    const file = join(dir, 'two-londons.csv');
    writeFileSync(
      file,
      'city1,country1,city2,country2\nLondon,Canada,Nanjing,China\nLondon,"England, United Kingdom",Beijing,China\nLondon,England,Berlin,Germany\n',
    );
    const { report } = await run(file, { apply: true });
    expect(report.conflicts.count).toBe(0);
    expect(report.notes).toEqual([
      expect.stringMatching(/^1 node without a country that rows of several countries name was not merged.*"london" \(CA, GB\)$/),
    ]);
    const [london, ca, gb] = await store.getNodes(['london', 'london-ca', 'london-gb']);
    expect(london).toMatchObject({ name: 'London' });
    expect(london!.country).toBeUndefined();
    expect([ca?.country, gb?.country]).toEqual(['CA', 'GB']);
    const partnersOf = async (id: string) =>
      (await store.relations({ nodeId: id, direction: 'OUT', kinds: ['PARTY_TO'], first: 10, offset: 0 })).items
        .map((e) => e.other.id)
        .sort();
    expect(await partnersOf('london-gb')).toHaveLength(2);
    expect(await partnersOf('london-ca')).toHaveLength(1);
    expect(await partnersOf('london')).toEqual([]);
    // Again: each row finds its own country's London before the one without a country.
    const again = await run(file);
    expect(again.report.noChange).toBe(true);
    expect(again.report.skipped).toEqual([]);
  });

  it("gives a country to the graph's node without one when the file's rows name it in one country only", async () => {
    await putLondonWithoutCountry();
    const file = join(dir, 'one-london.csv');
    writeFileSync(file, 'city1,country1,city2,country2\nLondon,England,Beijing,China\nLondon,United Kingdom,Berlin,Germany\n');
    const { report } = await run(file, { apply: true });
    expect(report.notes).toEqual([]);
    expect((await store.getNodes(['london']))[0]!.country).toBe('GB');
    expect((await store.getNodes(['london-gb']))[0]).toBeNull();
  });

  it('imports a membership list: members and networks matched or created, MEMBER_OF with its role', async () => {
    const { report } = await run('memberships.valid.csv', { apply: true });
    expect(report.created.nodes).toMatchObject({ MUNICIPALITY: 1, NETWORK: 1 });
    expect(report.created.relations).toMatchObject({ MEMBER_OF: 2 });
    // The graph had Roeselare in Climate Net without a role: the file's role fills it in.
    expect((await store.getRelations(['roeselare--member-of--net-1']))[0]!.role).toBe('founding member');
    expect(report.conflicts.count).toBe(0);
    expect(
      (await store.relations({ nodeId: 'net-1', direction: 'IN', kinds: ['MEMBER_OF'], first: 10, offset: 0 })).items.map(
        (e) => e.other.id,
      ),
    ).toEqual(['ghent-be', 'liege', 'roeselare']);
  });

  it('imports a node list and then an edge list by id', async () => {
    await run('nodes.valid.csv', { apply: true });
    const { report } = await run('edges.valid.csv', { apply: true });
    expect(report.created.relations).toEqual({ MEMBER_OF: 1, PARTICIPATES_IN: 1 });
    expect((await store.getNodes(['ghent-university']))[0]).toMatchObject({ orgType: 'UNIVERSITY', altNames: ['UGent'] });
    // "Aqua NGO" (BE) is the graph's ngo-a: merged by name, not created under the file's id.
    expect((await store.getNodes(['aqua-ngo']))[0]).toBeNull();
  });

  it('imports GraphML from a drawing tool, matching a node of another id by name and country', async () => {
    const { report } = await run('gephi.valid.graphml', { apply: true });
    expect(report.created.nodes).toMatchObject({ MUNICIPALITY: 1 });
    expect((await store.getRelations(['roeselare--member-of--net-2']))[0]).not.toBeNull();
    expect((await store.getNodes(['ypres']))[0]).toMatchObject({ country: 'BE', level: 'CITY' });
  });

  describe('bad input: a clear message naming the file and line, and the graph exactly as it was', () => {
    const refuses = async (file: string, error: new (...args: never[]) => Error, message: RegExp, extra: Partial<ImportOptions> = {}) => {
      const before = await snapshot();
      const attempt = run(file, { apply: true, ...extra });
      await expect(attempt).rejects.toBeInstanceOf(error);
      await expect(attempt).rejects.toThrow(message);
      expect(await snapshot()).toEqual(before);
    };

    it('malformed CSV', () =>
      refuses('malformed.invalid.csv', ImportInputError, /malformed\.invalid\.csv:\d+: not valid CSV: Quote Not Closed/));
    it('an unknown column', () =>
      refuses('unknown-column.invalid.csv', MappingError, /unknown-column\.invalid\.csv: .*unknown column "mayor"/s));
    it('a wrong type', () =>
      refuses('wrong-type.invalid.csv', ImportRejected, /line 3: column "since": since must be a whole number, not "nineteen-ninety"/));
    it('a broken encoding', () =>
      refuses('broken-encoding.invalid.csv', ImportInputError, /broken-encoding\.invalid\.csv:3: the file is not valid UTF-8/));
    it('malformed JSON', () => refuses('bad-json.invalid.json', ImportInputError, /bad-json\.invalid\.json:1: not valid JSON/));
    it('a wrong type in JSON', () => refuses('wrong-type.invalid.json', ImportRejected, /nodes\[0\]: foundedYear must be a whole number/));
    it('malformed GraphML', () => refuses('broken.invalid.graphml', ImportInputError, /broken\.invalid\.graphml:\d+: not valid XML/));
    it('a mapping naming a column the file lacks', () =>
      refuses('pairs.valid.csv', MappingError, /names the column "town", which the file does not have/, {
        mapping: { entities: [{ ref: 'a', kind: 'MUNICIPALITY', name: 'town' }], ignoreColumns: ['city1'] },
      }));

    it('a file with more rows than an import takes stops at the limit', async () => {
      const path = join(dir, 'many.csv');
      writeFileSync(path, `city1,country1,city2,country2\n${'A,Belgium,B,France\n'.repeat(2_001)}`);
      await refuses(path, ImportInputError, /many\.csv:2002: the file has more than 2,000 rows/, { maxRows: 2_000 });
    });
  });
});
