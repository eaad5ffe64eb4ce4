import { describe, expect, it } from 'vitest';
import { deriveVisible } from '../../../client/src/graph/model.js';
import { nodeSize, toElements } from '../../../client/src/graph/toElements.js';
import { clearFilters } from '../../../client/src/state/filters/index.js';
import { fullGraph } from './fixtures.js';

const visible = (partnerships: 'nodes' | 'edges') =>
  deriveVisible(fullGraph(), { focus: 'roeselare', expanded: [{ id: 'roeselare', kinds: null }], showAll: false }, clearFilters(), {
    partnerships,
    match: null,
  });

describe('toElements', () => {
  it('makes one Cytoscape node per drawn node, nodes before edges, with kind, label and classes', () => {
    const els = toElements(visible('nodes'), { sizeByDegree: false });
    const firstEdge = els.findIndex((e) => e.group === 'edges');
    expect(els.slice(0, firstEdge).every((e) => e.group === 'nodes')).toBe(true);
    const roeselare = els.find((e) => e.data.id === 'roeselare')!;
    expect(roeselare.data).toMatchObject({ label: 'Roeselare', kind: 'MUNICIPALITY', kindLabel: 'Municipality', size: 30 });
    expect(roeselare.classes).toBe('focus expanded');
  });

  it('gives edges their ends, kind, plain-language label and colour', () => {
    const member = toElements(visible('nodes'), { sizeByDegree: true }).find((e) => e.data.id === 'roeselare--MEMBER_OF--vvsg')!;
    expect(member.data).toMatchObject({ source: 'roeselare', target: 'vvsg', kind: 'MEMBER_OF', label: 'member of' });
    expect(member.data.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('labels a partnership drawn as an edge by its type', () => {
    const p = toElements(visible('edges'), { sizeByDegree: true }).find((e) => e.data.kind === 'PARTNERSHIP')!;
    expect(p.data).toMatchObject({ label: 'city-to-city', partnershipId: 'roeselare-dogbo' });
    expect(p.classes).toBe('partnership');
  });

  it('cuts long labels once, keeping the full name beside them', () => {
    const long = { ...visible('nodes').nodes[0]!, name: 'Educational project on sustainable water management in Roeselare schools' };
    const el = toElements({ ...visible('nodes'), nodes: [long], edges: [] }, { sizeByDegree: true })[0]!;
    expect(el.data.label).toBe('Educational project on sust…');
    expect(el.data.name).toBe(long.name);
  });

  it('sizes nodes by degree, growing slower than the degree and capped', () => {
    expect(nodeSize(0, true)).toBeLessThan(nodeSize(4, true));
    expect(nodeSize(100, true) / nodeSize(4, true)).toBeLessThan(3);
    expect(nodeSize(100_000, true)).toBe(80);
    expect(nodeSize(100, false)).toBe(nodeSize(1, false));
  });

  it('is a pure function: the same graph gives the same elements', () => {
    expect(toElements(visible('nodes'), { sizeByDegree: true })).toEqual(toElements(visible('nodes'), { sizeByDegree: true }));
  });
});
