/**
 * The highlight domain: what the pointer is over and what an analysis panel emphasises. Not part
 * of the URL (a link opens a view, not a gesture). The selection lives in AppState; the canvas
 * draws the three together (graph/highlight.ts).
 */

/** Who asked for an emphasis, so one panel's "clear" does not wipe another's. */
export type EmphasisSource = 'peers' | 'path' | 'suggestion';

export interface HighlightState {
  hovered: string | null;
  emphasis: { ids: readonly string[]; by: EmphasisSource } | null;
}

export const initialHighlight = (): HighlightState => ({ hovered: null, emphasis: null });

export const hover = (h: HighlightState, id: string | null): HighlightState => (h.hovered === id ? h : { ...h, hovered: id });

/** Emphasise these nodes for `by`; an empty list clears. */
export const emphasize = (h: HighlightState, ids: readonly string[], by: EmphasisSource): HighlightState => ({
  ...h,
  emphasis: ids.length > 0 ? { ids: [...ids], by } : null,
});

/** Clear the emphasis if `by` drew it (any emphasis when `by` is omitted). */
export const clearEmphasis = (h: HighlightState, by?: EmphasisSource): HighlightState =>
  h.emphasis && (by === undefined || h.emphasis.by === by) ? { ...h, emphasis: null } : h;
