import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { stylesheet } from '../../../client/src/graph/style.js';

/** The line each relationship kind is drawn with, as Cytoscape computes it from the stylesheet. */
function lineStyles(large: boolean): Record<string, string> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: stylesheet({ large }),
    elements: [
      { data: { id: 'a', kind: 'MUNICIPALITY', size: 10 } },
      { data: { id: 'b', kind: 'COUNTRY', size: 10 } },
      { data: { id: 'c', kind: 'NETWORK', size: 10 } },
      { data: { id: 'located', source: 'a', target: 'b', kind: 'LOCATED_IN', colour: '#b0b0b0' } },
      { data: { id: 'member', source: 'a', target: 'c', kind: 'MEMBER_OF', colour: '#9467bd' } },
      { data: { id: 'part', source: 'c', target: 'b', kind: 'PART_OF', colour: '#7f7f7f' } },
    ],
  });
  const styles = Object.fromEntries(cy.edges().map((e) => [e.id(), String(e.style('line-style'))]));
  cy.destroy();
  return styles;
}

describe('the canvas stylesheet', () => {
  it('draws relationship kinds dotted, solid or dashed in a graph of ordinary size', () => {
    expect(lineStyles(false)).toEqual({ located: 'dotted', member: 'solid', part: 'dashed' });
  });

  it('draws every edge of a large graph in a solid line (ADR 0030)', () => {
    expect(lineStyles(true)).toEqual({ located: 'solid', member: 'solid', part: 'solid' });
  });
});
