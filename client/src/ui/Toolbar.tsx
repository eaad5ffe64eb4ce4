import { useRef, useState } from 'react';
import type { GraphCanvas } from '../graph/GraphCanvas.js';
import { edgesCsv, nodesCsv, toJson } from '../graph/exportData.js';
import { exportPng, exportSvg } from '../graph/imageExport.js';
import type { PartnershipMode } from '../graph/model.js';
import { wholeGraphElements, type Controller, type Session } from '../state/controller.js';
import { LAYOUTS, isLayoutName } from '../state/display/index.js';
import { download } from './download.js';

interface Props {
  controller: Controller;
  session: Session;
  canvas: GraphCanvas | null;
  onRatings(): void;
}

/** View controls: whole graph, layout, partnership drawing, size, list/graph, exports. */
export function Toolbar({ controller, session, canvas, onRatings }: Props) {
  const { display, view } = session.app;
  const [copied, setCopied] = useState(false);
  const menu = useRef<HTMLDetailsElement>(null);
  const closeMenu = () => menu.current?.removeAttribute('open');
  const stamp = new Date().toISOString().slice(0, 10);
  const downloadPng = async () => canvas && download(`cooperation-atlas-${stamp}.png`, await exportPng(canvas.cy));
  const downloadSvg = () => canvas && download(`cooperation-atlas-${stamp}.svg`, exportSvg(canvas.cy), 'image/svg+xml');
  const exportJson = () =>
    download(
      `cooperation-atlas-${stamp}.json`,
      toJson(session.visible, { url: window.location.href, exportedAt: new Date().toISOString() }),
      'application/json',
    );
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt('Copy this link:', window.location.href);
    }
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="View">
      <button
        type="button"
        aria-pressed={view.showAll}
        onClick={() => controller.setShowAll(!view.showAll)}
        title={
          session.scope === 'overview' || (session.size && !view.showAll && wholeGraphElements(session.size) > session.budgets.overview)
            ? 'The whole graph is larger than the drawing budget: shows the overview, or what the filters match when it fits'
            : 'Show every node of the graph, with the filters applied'
        }
      >
        Show all
      </button>
      <label>
        Layout{' '}
        <select
          value={display.layout}
          onChange={(e) => isLayoutName(e.target.value) && controller.setDisplay({ layout: e.target.value })}
          data-testid="layout"
        >
          {LAYOUTS.map((l) => (
            <option key={l.name} value={l.name}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Partnerships as{' '}
        <select
          value={display.partnerships}
          onChange={(e) => controller.setDisplay({ partnerships: partnershipMode(e.target.value) })}
          data-testid="partnerships"
        >
          <option value="auto">links where they only join their parties</option>
          <option value="edges">direct links between parties</option>
          <option value="nodes">nodes with their parties</option>
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={display.sizeByDegree} onChange={(e) => controller.setDisplay({ sizeByDegree: e.target.checked })} />{' '}
        Size by relations
      </label>
      <div className="segmented" role="group" aria-label="Show as">
        <button type="button" aria-pressed={display.panel === 'graph'} onClick={() => controller.setDisplay({ panel: 'graph' })}>
          Graph
        </button>
        <button type="button" aria-pressed={display.panel === 'list'} onClick={() => controller.setDisplay({ panel: 'list' })}>
          List
        </button>
        <button type="button" aria-pressed={display.panel === 'map'} onClick={() => controller.setDisplay({ panel: 'map' })}>
          Map
        </button>
      </div>
      <button type="button" onClick={onRatings}>
        Approach ratings
      </button>
      <details className="menu" ref={menu}>
        <summary>Export</summary>
        <div className="menu-items" onClick={closeMenu}>
          <button type="button" onClick={() => void downloadPng()} disabled={!canvas}>
            Image (PNG)
          </button>
          <button type="button" onClick={downloadSvg} disabled={!canvas}>
            Image (SVG)
          </button>
          <button type="button" onClick={exportJson}>
            Data (JSON)
          </button>
          <button type="button" onClick={() => download(`cooperation-atlas-nodes-${stamp}.csv`, nodesCsv(session.visible), 'text/csv')}>
            Nodes (CSV)
          </button>
          <button type="button" onClick={() => download(`cooperation-atlas-relations-${stamp}.csv`, edgesCsv(session.visible), 'text/csv')}>
            Relations (CSV)
          </button>
        </div>
      </details>
      <button type="button" onClick={() => void copyLink()} title="Copy a link to exactly this view">
        {copied ? 'Link copied' : 'Copy link'}
      </button>
    </div>
  );
}

const partnershipMode = (value: string): PartnershipMode => (value === 'edges' || value === 'nodes' ? value : 'auto');
