/**
 * Keyboard navigation on the canvas as pure functions: which command a key means, and which
 * neighbour an arrow leads to. The canvas owner feeds them positions and carries the result out.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export type KeyCommand =
  | { type: 'move'; direction: Direction }
  | { type: 'toggleExpand' }
  | { type: 'deselect' }
  | { type: 'zoom'; factor: number }
  | { type: 'fit' };

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** The command a key press on the canvas means, or null (the key is left to the browser). */
export function keyCommand(e: KeyLike): KeyCommand | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const direction = ARROWS[e.key];
  if (direction) return { type: 'move', direction };
  switch (e.key) {
    case 'Enter':
    case 'e':
      return { type: 'toggleExpand' };
    case 'Escape':
      return { type: 'deselect' };
    case '+':
    case '=':
      return { type: 'zoom', factor: 1.25 };
    case '-':
      return { type: 'zoom', factor: 0.8 };
    case '0':
      return { type: 'fit' };
    default:
      return null;
  }
}

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/** Screen angles: y grows downwards. */
const ANGLE: Record<Direction, number> = { right: 0, down: Math.PI / 2, left: Math.PI, up: -Math.PI / 2 };

/**
 * The neighbour an arrow leads to from `from`: the one whose direction is nearest the arrow's,
 * within a quarter turn either side; between equal angles the nearer one. Null when none lies
 * that way.
 */
export function neighbourInDirection(from: Placed, neighbours: readonly Placed[], direction: Direction): string | null {
  let best: { id: string; diff: number; dist: number } | null = null;
  for (const n of neighbours) {
    if (n.id === from.id) continue;
    let diff = Math.abs(Math.atan2(n.y - from.y, n.x - from.x) - ANGLE[direction]);
    if (diff > Math.PI) diff = 2 * Math.PI - diff;
    if (diff > Math.PI / 2 + 1e-9) continue;
    const dist = Math.hypot(n.x - from.x, n.y - from.y);
    if (!best || diff < best.diff - 1e-9 || (Math.abs(diff - best.diff) <= 1e-9 && dist < best.dist)) best = { id: n.id, diff, dist };
  }
  return best?.id ?? null;
}

/** Where an arrow starts when nothing is selected: the focus if drawn, else the best connected node (first by id on ties). */
export function startNode(nodes: readonly { id: string; degree: number }[], focus: string | null): string | null {
  if (focus && nodes.some((n) => n.id === focus)) return focus;
  let best: { id: string; degree: number } | null = null;
  for (const n of nodes) if (!best || n.degree > best.degree || (n.degree === best.degree && n.id < best.id)) best = n;
  return best?.id ?? null;
}
