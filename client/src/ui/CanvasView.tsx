import { useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { GraphCanvas } from '../graph/GraphCanvas.js';
import type { Highlight } from '../graph/highlight.js';
import { toElements } from '../graph/toElements.js';
import type { Controller, Session } from '../state/controller.js';

interface Props {
  controller: Controller;
  session: Session;
  onCanvas(canvas: GraphCanvas | null): void;
}

/** The canvas: a thin bridge from the derived elements and the highlight state to the GraphCanvas module, and back from its events. */
export function CanvasView({ controller, session, onCanvas }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<GraphCanvas | null>(null);
  const { visible, app } = session;
  const highlightState = useSyncExternalStore(controller.highlight.subscribe, controller.highlight.get);
  const highlight = useMemo<Highlight>(
    () => ({ selection: app.selection, hovered: highlightState.hovered, emphasized: highlightState.emphasis?.ids ?? [] }),
    [app.selection, highlightState],
  );
  const elements = useMemo(() => toElements(visible, { sizeByDegree: app.display.sizeByDegree }), [visible, app.display.sizeByDegree]);
  const layoutKey = `${app.display.layout}|${app.display.partnerships}`;
  const lastLayoutKey = useRef<string | null>(null);

  useLayoutEffect(() => {
    const canvas = new GraphCanvas(ref.current!, {
      onSelect: (sel) => controller.select(sel),
      onToggleExpand: (id) => controller.toggleExpand(id),
      onHover: (id) => controller.hover(id),
    });
    canvasRef.current = canvas;
    onCanvas(canvas);
    (window as unknown as { __atlas?: object }).__atlas = {
      nodes: () => canvas.renderedNodes(),
      edgeCount: () => canvas.cy.edges().length,
      /** Model positions and kinds, to find each node in an exported image. */
      modelNodes: () => canvas.cy.nodes().map((n) => ({ id: n.id(), kind: String(n.data('kind')), x: n.position('x'), y: n.position('y') })),
    };
    return () => {
      onCanvas(null);
      canvasRef.current = null;
      canvas.destroy();
    };
  }, [controller, onCanvas]);

  // A layout effect: the canvas takes the new elements in the same task as the DOM update, so
  // nothing (a user, a test) sees the new state with the old drawing.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const relayout = lastLayoutKey.current !== null && lastLayoutKey.current !== layoutKey;
    lastLayoutKey.current = layoutKey;
    canvas.update(elements, { layout: app.display.layout, focus: app.view.focus, relayout });
    ref.current!.dataset.nodeCount = String(visible.nodes.length);
    ref.current!.dataset.edgeCount = String(visible.edges.length);
  }, [elements, layoutKey, app.display.layout, app.view.focus, visible]);

  useLayoutEffect(() => canvasRef.current?.setHighlight(highlight), [highlight]);

  const label = `Graph of ${visible.nodes.length} nodes and ${visible.edges.length} relationships. Arrow keys move along relationships from the selected node, Enter expands or collapses it, plus and minus zoom, 0 fits. The List view presents the same graph as a table.`;
  return (
    <div
      ref={ref}
      className="canvas"
      tabIndex={0}
      role="application"
      aria-roledescription="graph"
      aria-label={label}
      data-testid="canvas"
    />
  );
}
