import { describe, expect, it } from 'vitest';
import { keyCommand, neighbourInDirection, startNode } from '../../../client/src/graph/keyboard.js';

describe('keyCommand', () => {
  it('reads arrows as moves and the documented keys as their commands', () => {
    expect(keyCommand({ key: 'ArrowLeft' })).toEqual({ type: 'move', direction: 'left' });
    expect(keyCommand({ key: 'ArrowUp' })).toEqual({ type: 'move', direction: 'up' });
    expect(keyCommand({ key: 'Enter' })).toEqual({ type: 'toggleExpand' });
    expect(keyCommand({ key: 'e' })).toEqual({ type: 'toggleExpand' });
    expect(keyCommand({ key: 'Escape' })).toEqual({ type: 'deselect' });
    expect(keyCommand({ key: '+' })).toEqual({ type: 'zoom', factor: 1.25 });
    expect(keyCommand({ key: '=' })).toEqual({ type: 'zoom', factor: 1.25 });
    expect(keyCommand({ key: '-' })).toEqual({ type: 'zoom', factor: 0.8 });
    expect(keyCommand({ key: '0' })).toEqual({ type: 'fit' });
  });

  it('leaves other keys and shortcuts with a modifier to the browser', () => {
    expect(keyCommand({ key: 'x' })).toBeNull();
    expect(keyCommand({ key: 'ArrowLeft', altKey: true })).toBeNull();
    expect(keyCommand({ key: '0', ctrlKey: true })).toBeNull();
    expect(keyCommand({ key: '+', metaKey: true })).toBeNull();
  });
});

describe('neighbourInDirection', () => {
  const from = { id: 'a', x: 0, y: 0 };
  // Screen coordinates: y grows downwards, so "up" is negative y.
  const east = { id: 'east', x: 100, y: 10 };
  const south = { id: 'south', x: -5, y: 80 };
  const northWest = { id: 'nw', x: -50, y: -60 };

  it('picks the neighbour whose direction is nearest the arrow', () => {
    expect(neighbourInDirection(from, [east, south, northWest], 'right')).toBe('east');
    expect(neighbourInDirection(from, [east, south, northWest], 'down')).toBe('south');
    expect(neighbourInDirection(from, [east, south, northWest], 'up')).toBe('nw');
    expect(neighbourInDirection(from, [east, south, northWest], 'left')).toBe('nw');
  });

  it('prefers the nearer of two neighbours in the same direction', () => {
    expect(
      neighbourInDirection(
        from,
        [
          { id: 'far', x: 300, y: 0 },
          { id: 'near', x: 30, y: 0 },
        ],
        'right',
      ),
    ).toBe('near');
  });

  it('finds nothing when no neighbour lies within a quarter turn of the arrow', () => {
    expect(neighbourInDirection(from, [east], 'left')).toBeNull();
    expect(neighbourInDirection(from, [], 'up')).toBeNull();
  });
});

describe('startNode', () => {
  const nodes = [
    { id: 'b', degree: 3 },
    { id: 'a', degree: 3 },
    { id: 'c', degree: 1 },
  ];
  it('starts at the focus when it is drawn, else at the best connected node', () => {
    expect(startNode(nodes, 'c')).toBe('c');
    expect(startNode(nodes, 'gone')).toBe('a');
    expect(startNode(nodes, null)).toBe('a');
    expect(startNode([], null)).toBeNull();
  });
});
