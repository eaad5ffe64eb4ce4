import { describe, expect, it } from 'vitest';
import { RING_GAP, discsViewport, overviewElements, ringPositions } from '../../../client/src/graph/overviewElements.js';

describe('the overview placed without a layout', () => {
  it('puts the first group in the middle and the others on rings, no two discs closer than the gap', () => {
    // Sixty groups of falling size, as the overview asks for.
    const diameters = Array.from({ length: 60 }, (_, i) => Math.round(30 + 130 * Math.sqrt(1 / (1 + i))));
    const at = ringPositions(diameters);
    expect(at).toHaveLength(60);
    expect(at[0]).toEqual({ x: 0, y: 0 });
    let closest = Infinity;
    for (let i = 0; i < at.length; i++)
      for (let j = i + 1; j < at.length; j++)
        closest = Math.min(closest, Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y) - (diameters[i]! + diameters[j]!) / 2);
    // Rounded to whole pixels: at most a pixel under the gap.
    expect(closest).toBeGreaterThanOrEqual(RING_GAP - 1);
    // Larger groups nearer the middle.
    const dist = at.map((p) => Math.hypot(p.x, p.y));
    expect(dist[1]!).toBeLessThanOrEqual(dist[59]!);
  });

  it('gives each group element its position, the largest in the middle whatever the order of the groups', () => {
    const els = overviewElements({
      groups: [
        { key: 'BE', label: 'Belgium', size: 10, internal: 0, nodeId: 'country-be' },
        { key: 'FR', label: 'France', size: 100, internal: 0, nodeId: 'country-fr' },
        { key: 'DE', label: 'Germany', size: 50, internal: 0, nodeId: 'country-de' },
      ],
      links: [{ a: 'BE', b: 'FR', weight: 3 }],
    });
    const pos = new Map(els.filter((e) => e.group === 'nodes').map((e) => [e.data.id, e.position]));
    expect(pos.get('group:FR')).toEqual({ x: 0, y: 0 });
    expect(pos.get('group:BE')).toBeDefined();
    expect(pos.get('group:DE')).not.toEqual(pos.get('group:BE'));
  });

  it('fits the discs in the canvas with the margin, no closer than the largest zoom', () => {
    const discs = [
      { x: 0, y: 0, size: 100 },
      { x: 300, y: 0, size: 40 },
    ];
    const { zoom, pan } = discsViewport(discs, 800, 600, 40, 5);
    // 370 model pixels wide (-50 to 320) in 720 screen pixels.
    expect(zoom).toBeCloseTo(720 / 370, 5);
    expect(pan.x + zoom * -50).toBeCloseTo(40, 5);
    expect(pan.x + zoom * 320).toBeCloseTo(760, 5);
    expect(pan.y).toBeCloseTo(300, 5);
    expect(discsViewport([{ x: 0, y: 0, size: 10 }], 800, 600, 40, 1.4).zoom).toBe(1.4);
  });
});
