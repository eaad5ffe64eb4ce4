import { describe, expect, it } from 'vitest';
import { csvField, edgesCsv, nodesCsv, toJson } from '../../../client/src/graph/exportData.js';
import { deriveVisible } from '../../../client/src/graph/model.js';
import { clearFilters } from '../../../client/src/state/filters/index.js';
import { fullGraph } from './fixtures.js';

const g = deriveVisible(fullGraph(), { focus: 'roeselare', expanded: [{ id: 'roeselare', kinds: null }], showAll: false }, clearFilters(), {
  partnerships: 'edges',
  match: null,
});

describe('exports', () => {
  it('JSON holds the drawn nodes and edges and the view they came from', () => {
    const data = JSON.parse(toJson(g, { url: 'http://x/?focus=roeselare', exportedAt: '2026-01-01T00:00:00Z' }));
    expect(data.view).toBe('http://x/?focus=roeselare');
    expect(data.nodes.map((n: { id: string }) => n.id).sort()).toEqual(g.nodes.map((n) => n.id).sort());
    expect(data.edges.find((e: { kind: string }) => e.kind === 'PARTNERSHIP')).toMatchObject({
      label: 'city-to-city',
      partnershipId: 'roeselare-dogbo',
    });
  });

  it('CSV quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('CSV has a header and one row per node or edge', () => {
    const nodes = nodesCsv(g).trim().split('\r\n');
    expect(nodes[0]).toBe('id,kind,name,country,degree,since,until');
    expect(nodes).toHaveLength(g.nodes.length + 1);
    const edges = edgesCsv(g).trim().split('\r\n');
    expect(edges).toHaveLength(g.edges.length + 1);
    expect(edges.some((l) => l.includes('Roeselare') && l.includes('city-to-city'))).toBe(true);
  });
});
