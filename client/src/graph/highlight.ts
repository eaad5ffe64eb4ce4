import type { CollectionReturnValue, Core, EdgeSingular } from 'cytoscape';

/** A node or a drawn edge, by id. */
export type ElementRef = { type: 'node'; id: string } | { type: 'edge'; id: string };

/**
 * What is highlighted: the selection (its neighbourhood), the node under the pointer (its
 * neighbourhood) and an emphasised set (an analysis panel's peer and evidence, a path). The
 * app keeps it as state; the canvas only applies it.
 */
export interface Highlight {
  selection: ElementRef | null;
  hovered: string | null;
  emphasized: readonly string[];
}

export const NO_HIGHLIGHT: Highlight = { selection: null, hovered: null, emphasized: [] };

/**
 * Applies a Highlight to the drawn elements as classes (`hl`, `em`) and Cytoscape's selection.
 * It remembers what it marked, so a change touches only the elements that change, never all.
 */
export class Highlighter {
  private hl: CollectionReturnValue;
  private em: CollectionReturnValue;

  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement,
  ) {
    this.hl = cy.collection();
    this.em = cy.collection();
  }

  apply(h: Highlight): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.$(':selected').unselect();
      let hl = cy.collection();
      const sel = h.selection ? cy.getElementById(h.selection.id) : null;
      if (sel && sel.nonempty()) {
        sel.select();
        hl = hl.union(sel.isNode() ? sel.closedNeighborhood() : (sel as unknown as EdgeSingular).connectedNodes());
      }
      const hovered = h.hovered ? cy.getElementById(h.hovered) : null;
      if (hovered && hovered.nonempty() && hovered.isNode()) hl = hl.union(hovered.closedNeighborhood());
      this.hl = swapClass(this.hl, hl, 'hl');

      let nodes = cy.collection();
      for (const id of h.emphasized) {
        const n = cy.getElementById(id);
        if (n.nonempty() && n.isNode()) nodes = nodes.union(n);
      }
      this.em = swapClass(this.em, nodes.union(nodes.edgesWith(nodes)), 'em');
    });
    this.container.dataset.emphasized = h.emphasized.filter((id) => this.cy.getElementById(id).nonempty()).join(' ');
  }
}

/** Moves `cls` from the elements in `before` to those in `after`, touching only the difference. */
function swapClass(before: CollectionReturnValue, after: CollectionReturnValue, cls: string): CollectionReturnValue {
  before.difference(after).removeClass(cls);
  after.difference(before).addClass(cls);
  return after;
}
