import { describe, expect, it } from 'vitest';
import { Controller, type UrlPort } from '../../../client/src/state/controller.js';
import { clearEmphasis, emphasize, hover, initialHighlight } from '../../../client/src/state/highlight/index.js';

describe('highlight state', () => {
  it('hovers and un-hovers a node, keeping the same state when nothing changes', () => {
    const h = hover(initialHighlight(), 'roeselare');
    expect(h.hovered).toBe('roeselare');
    expect(hover(h, 'roeselare')).toBe(h);
    expect(hover(h, null).hovered).toBeNull();
  });

  it('clears only the emphasis the same panel drew', () => {
    const byPath = emphasize(initialHighlight(), ['roeselare', 'vvsg'], 'path');
    expect(byPath.emphasis).toEqual({ ids: ['roeselare', 'vvsg'], by: 'path' });
    expect(clearEmphasis(byPath, 'peers')).toBe(byPath);
    expect(clearEmphasis(byPath, 'path').emphasis).toBeNull();
    expect(clearEmphasis(byPath).emphasis).toBeNull();
    expect(emphasize(byPath, [], 'peers').emphasis).toBeNull();
  });
});

describe('the controller and the highlight', () => {
  const memoryUrl = (): UrlPort => {
    let search = '';
    return { read: () => search, write: (s) => void (search = s) };
  };

  it('ends an emphasis when the selection changes, not when the view does', () => {
    const controller = new Controller(memoryUrl());
    // The API is not called in this test: stop loading before it starts.
    controller.sync = async () => {};
    controller.select({ type: 'node', id: 'roeselare' });
    controller.emphasize(['roeselare', 'antwerp'], 'path');
    controller.setDisplay({ layout: 'grid' });
    expect(controller.highlight.get().emphasis?.ids).toEqual(['roeselare', 'antwerp']);
    controller.select({ type: 'node', id: 'antwerp' });
    expect(controller.highlight.get().emphasis).toBeNull();
  });
});
