import { describe, expect, it } from 'vitest';
import { exportSelectionOf, withView } from '../../../client/src/graph/exportData.js';
import { RELATION_KINDS } from '../../../client/src/graph/kinds.js';
import { deriveVisible } from '../../../client/src/graph/model.js';
import { clearFilters } from '../../../client/src/state/filters/index.js';
import { fullGraph } from './fixtures.js';

const roeselare = (partnerships: 'edges' | 'nodes') =>
  deriveVisible(fullGraph(), { focus: 'roeselare', expanded: [{ id: 'roeselare', kinds: null }], showAll: false }, clearFilters(), {
    partnerships,
    match: null,
  });

describe('the data downloads: what the explorer asks the server to export', () => {
  it('the drawn nodes and each partnership drawn as an edge between its parties', () => {
    const g = roeselare('edges');
    expect(g.nodes.map((n) => n.id)).not.toContain('roeselare-dogbo');
    expect(exportSelectionOf(g, [])).toEqual({ ids: ['country-be', 'dogbo', 'roeselare', 'roeselare-dogbo', 'vvsg'], relationKinds: null });
    expect(exportSelectionOf(roeselare('nodes'), []).ids).toEqual(['country-be', 'roeselare', 'roeselare-dogbo', 'vvsg']);
  });

  it('the relationship kinds the view shows, when the filter hides some', () => {
    const { relationKinds } = exportSelectionOf(roeselare('edges'), ['MEMBER_OF', 'LOCATED_IN']);
    expect(relationKinds).toHaveLength(RELATION_KINDS.length - 2);
    expect(relationKinds).toContain('PARTY_TO');
    expect(relationKinds).not.toContain('MEMBER_OF');
    expect(relationKinds).not.toContain('LOCATED_IN');
  });

  it('keeps the view under "view", first, and the export byte for byte after it', () => {
    const exported = '{\n  "nodes": [\n    {"id":"a"}\n  ],\n  "relations": [\n  ]\n}\n';
    const text = withView(exported, { url: 'http://x/?focus=a', exportedAt: '2026-01-01T00:00:00Z' });
    expect(JSON.parse(text)).toEqual({
      view: { url: 'http://x/?focus=a', exportedAt: '2026-01-01T00:00:00Z' },
      nodes: [{ id: 'a' }],
      relations: [],
    });
    expect(text.endsWith(exported.slice(1))).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)[0]).toBe('view');
  });
});
