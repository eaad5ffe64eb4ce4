import { useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphCanvas } from '../graph/GraphCanvas.js';
import type { Highlight } from '../graph/highlight.js';
import { GROUP_PREFIX, overviewElements } from '../graph/overviewElements.js';
import { toElements } from '../graph/toElements.js';
import type { Controller, Session } from '../state/controller.js';

interface Props {
  controller: Controller;
  session: Session;
  onCanvas(canvas: GraphCanvas | null): void;
}

/** The canvas: a thin bridge from the derived elements and the highlight state to the GraphCanvas module, and back from its events. */
export function CanvasView({ controller, session, onCanvas }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<GraphCanvas | null>(null);
  const { visible, app } = session;
  const highlightState = useSyncExternalStore(controller.highlight.subscribe, controller.highlight.get);
  const highlight = useMemo<Highlight>(
    () => ({ selection: app.selection, hovered: highlightState.hovered, emphasized: highlightState.emphasis?.ids ?? [] }),
    [app.selection, highlightState],
  );
  const overview = session.scope === 'overview' ? session.overview : null;
  const elements = useMemo(
    () =>
      overview
        ? overviewElements({
            groups: overview.groups.map((g) => ({ ...g, nodeId: g.node?.id ?? null, opens: overview.groupBy === 'KIND' })),
            links: overview.links,
          })
        : toElements(visible, { sizeByDegree: app.display.sizeByDegree }),
    // app.lang: relationship and kind labels are words of the catalogues.
    [overview, visible, app.display.sizeByDegree, app.lang],
  );
  // The overview: largest groups in the middle, rings outwards (fast, and no force layout for a few hundred groups).
  const layout = overview ? 'concentric' : app.display.layout;
  const layoutKey = `${layout}|${app.display.partnerships}|${overview ? 'overview' : 'graph'}`;
  const lastLayoutKey = useRef<string | null>(null);

  useLayoutEffect(() => {
    const canvas = new GraphCanvas(ref.current!, {
      onSelect: (sel) => {
        if (!sel?.id.startsWith(GROUP_PREFIX)) return controller.select(sel);
        // A group of the overview: open its country or network, if it has one, or its kind's best connected nodes.
        const group = canvasRef.current?.cy.getElementById(sel.id);
        if (group?.nonempty())
          controller.openOverviewGroup({ key: group.data('key') as string, nodeId: (group.data('nodeId') as string | null) ?? null });
      },
      onToggleExpand: (id) => controller.toggleExpand(id),
      onHover: (id) => controller.hover(id),
    });
    canvasRef.current = canvas;
    onCanvas(canvas);
    (window as unknown as { __atlas?: object }).__atlas = {
      nodes: () => canvas.renderedNodes(),
      edgeCount: () => canvas.cy.edges().length,
      /** The drawn edges' ids (a relationship's id, or partnership:ID:A:B for a partnership drawn as a link). */
      edgeIds: () => canvas.cy.edges().map((e) => e.id()),
      renderer: () => canvas.renderer,
      /** An element's label and classes on the canvas (its own and the highlight's, hl and em). */
      element: (id: string) => {
        const ele = canvas.cy.getElementById(id);
        return { label: String(ele.data('label')), classes: ele.classes() as unknown as string[] };
      },
      /** Model positions, kinds and radii, to find each node in an exported image and count overlaps. */
      modelNodes: () =>
        canvas.cy.nodes().map((n) => ({
          id: n.id(),
          kind: String(n.data('kind')),
          x: n.position('x'),
          y: n.position('y'),
          r: Number(n.data('size')) / 2,
        })),
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
    canvas.update(elements, { layout, focus: overview ? null : app.view.focus, relayout });
    ref.current!.dataset.nodeCount = String(visible.nodes.length);
    ref.current!.dataset.edgeCount = String(visible.edges.length);
    ref.current!.dataset.scope = session.scope;
  }, [elements, layoutKey, layout, overview, app.view.focus, visible, session.scope]);

  useLayoutEffect(() => canvasRef.current?.setHighlight(highlight), [highlight]);

  const label = t('canvas.label', {
    nodes: t('count.nodes', { count: visible.nodes.length }),
    relationships: t('count.relationships', { count: visible.edges.length }),
  });
  return (
    <div
      ref={ref}
      className="canvas"
      tabIndex={0}
      role="application"
      aria-roledescription={t('canvas.roleDescription')}
      aria-label={label}
      data-testid="canvas"
    />
  );
}
