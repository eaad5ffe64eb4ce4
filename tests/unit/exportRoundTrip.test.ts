import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../server/src/seed/seedStore.js';
import type { GraphNode, GraphRelation } from '../../server/src/domain/model.js';
import { cypherLiteral, exportGraph, type ExportFormat } from '../../server/src/exporter/exportGraph.js';
import { pathSource, runImport } from '../../server/src/importer/runImport.js';
import type { GraphStore } from '../../server/src/store/GraphStore.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { CONTRACT_GRAPH_DIR } from '../contract/graphStoreContract.js';
import { wholeGraph } from '../helpers/wholeGraph.js';

/** Exports to files, as `npm run export` does; returns the paths written. */
async function exportTo(store: GraphStore, format: ExportFormat, dir: string): Promise<string[]> {
  const main: string[] = [];
  const edges: string[] = [];
  await exportGraph(store, format, { main: (t) => void main.push(t), edges: (t) => void edges.push(t) });
  const paths = [join(dir, format === 'csv' ? 'nodes.csv' : `graph.${format}`)];
  writeFileSync(paths[0]!, main.join(''));
  if (format === 'csv') {
    paths.push(join(dir, 'edges.csv'));
    writeFileSync(paths[1]!, edges.join(''));
  }
  return paths;
}

describe('export then import gives the same graph', () => {
  let original: MemoryGraphStore;
  let dir: string;
  beforeAll(async () => {
    original = new MemoryGraphStore();
    await seedStore(original, { dir: CONTRACT_GRAPH_DIR });
    // Values an export must carry faithfully: coordinates, quotes, line breaks, XML and CSV specials.
    await original.applyChanges({
      putNodes: [
        {
          id: 'ypres',
          kind: 'MUNICIPALITY',
          name: 'Ypres "Ieper" <West> & co, \'t',
          altNames: ['Ieper', 'Wipers'],
          names: [
            { lang: 'de', text: 'Ypern', sources: [{ source: 'fixture', locator: 'names de', quote: 'Ypern, "auf Deutsch"' }] },
            { lang: 'nl', text: 'Ieper', sources: [{ source: 'fixture', locator: 'names nl', quote: 'Ieper, in het Nederlands' }] },
          ],
          description: 'A line,\nand "another" one',
          level: 'CITY',
          country: 'BE',
          latitude: 50.85,
          longitude: 2.8833,
          population: 34_900,
          sources: [{ source: 'fixture', locator: 'x', quote: 'a quote, with "quotes"', importedAt: '2026-11-03T10:00:00.000Z' }],
        },
      ],
      putRelations: [
        {
          id: 'ypres--located-in--country-be',
          kind: 'LOCATED_IN',
          from: 'ypres',
          to: 'country-be',
          sources: [{ source: 'fixture', locator: 'x', quote: 'in Belgium' }],
        },
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'csv', 'graphml', 'gexf'] as const) {
    it(`as ${format}`, async () => {
      const paths = await exportTo(original, format, dir);
      const copy = new MemoryGraphStore();
      await runImport(copy, { sources: paths.map((p) => pathSource(p)), actor: 'test', apply: true });
      const [a, b] = [await wholeGraph(original), await wholeGraph(copy)];
      expect(b.nodes).toEqual(a.nodes);
      expect(b.relations).toEqual(a.relations);
      // And importing it again into the graph it came from changes nothing.
      expect((await runImport(original, { sources: paths.map((p) => pathSource(p)), actor: 'test' })).report.noChange).toBe(true);
    });
  }

  it('writes the name in English, French and Dutch as name@ columns of nodes.csv, and reads an edited one back citing its row', async () => {
    const [nodesCsv] = await exportTo(original, 'csv', dir);
    const text = readFileSync(nodesCsv!, 'utf8');
    expect(text.split('\n')[0]!.split(',').slice(0, 6)).toEqual(['id', 'kind', 'name', 'name@en', 'name@fr', 'name@nl']);
    expect(text).toMatch(/\nypres,MUNICIPALITY,"Ypres ""Ieper"" <West> & co, 't",,,Ieper,/);
    writeFileSync(nodesCsv!, text.replace(`co, 't",,,Ieper,`, `co, 't",,Ypres,Yper,`));
    const copy = new MemoryGraphStore();
    await seedStore(copy, { dir: CONTRACT_GRAPH_DIR });
    await runImport(copy, { sources: [pathSource(nodesCsv!)], actor: 'test', apply: true, replace: true });
    const names = (await copy.getNodes(['ypres']))[0]!.names;
    expect(names.map((n) => [n.lang, n.text, n.sources[0]!.locator])).toEqual([
      ['de', 'Ypern', 'names de'],
      ['fr', 'Ypres', 'x'],
      ['nl', 'Yper', 'x'],
    ]);
  });

  it('filters: the nodes of some kinds and the relationships between them', async () => {
    const chunks: string[] = [];
    const result = await exportGraph(original, 'json', { main: (t) => void chunks.push(t) }, { kinds: ['MUNICIPALITY', 'PARTNERSHIP'] });
    const data = JSON.parse(chunks.join('')) as { nodes: GraphNode[]; relations: GraphRelation[] };
    expect(result).toMatchObject({ nodes: 11, relations: 6 });
    expect(new Set(data.nodes.map((n) => n.kind))).toEqual(new Set(['MUNICIPALITY', 'PARTNERSHIP']));
    expect(data.relations.every((r) => r.kind === 'PARTY_TO')).toBe(true);
  });

  it('a neighbourhood', async () => {
    const chunks: string[] = [];
    const result = await exportGraph(
      original,
      'graphml',
      { main: (t) => void chunks.push(t) },
      { around: ['roeselare', 'nope'], depth: 1 },
    );
    expect(result).toEqual({ nodes: 6, relations: 5, missingIds: ['nope'], supportingNodes: 0 });
    expect(chunks.join('')).toContain('<node id="p-roes-tamba">');
  });

  it('writes Cypher literals that keep every character', () => {
    expect(cypherLiteral({ a: "it's \\ a\nb", n: [1, 2.5], 'odd key': null })).toBe(
      "{a: 'it\\'s \\\\ a\\nb', n: [1.0, 2.5], `odd key`: null}",
    );
    const text = readFileSync(new URL('../fixtures/import/pairs.valid.csv', import.meta.url), 'utf8');
    expect(text.length).toBeGreaterThan(0);
  });
});
