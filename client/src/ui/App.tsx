import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphCanvas } from '../graph/GraphCanvas.js';
import type { Controller } from '../state/controller.js';
import { CanvasView } from './CanvasView.js';
import { DetailPanel } from './DetailPanel.js';
import { FilterPanel } from './FilterPanel.js';
import { Legend } from './Legend.js';
import { ListView } from './ListView.js';
import { SearchBox } from './SearchBox.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useSession } from './useSession.js';

// What the first screen does not show loads when it is first wanted (ADR 0030): the map (with
// d3-geo and its outlines), the neighbour table and the approaches' ratings.
const MapView = lazy(() => import('./MapView.js').then((m) => ({ default: m.MapView })));
const NeighbourTable = lazy(() => import('./NeighbourTable.js').then((m) => ({ default: m.NeighbourTable })));
const ApproachRatingsDialog = lazy(() => import('./ApproachRatings.js').then((m) => ({ default: m.ApproachRatingsDialog })));

export function App({ controller }: { controller: Controller }) {
  const { t } = useTranslation();
  const session = useSession(controller);
  const [canvas, setCanvas] = useState<GraphCanvas | null>(null);
  const [ratings, setRatings] = useState(false);
  const [tableFor, setTableFor] = useState<string | null>(null);
  const closeTable = useCallback(() => setTableFor(null), []);
  const onCanvas = useCallback((c: GraphCanvas | null) => setCanvas(c), []);
  const closeRatings = useCallback(() => setRatings(false), []);
  const panel = session.app.display.panel;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="topbar">
        <h1>
          <span className="logo" aria-hidden="true">
            ◍
          </span>{' '}
          {t('app.title')}
        </h1>
        <SearchBox onOpen={(id) => controller.focus(id)} />
        <Toolbar controller={controller} session={session} canvas={canvas} onRatings={() => setRatings(true)} />
      </header>
      <aside className="sidebar" aria-label={t('app.sidebar')}>
        <FilterPanel controller={controller} session={session} />
        {/* The map has its own key, under it. */}
        {panel !== 'map' && (
          <Legend
            graph={session.visible}
            overview={session.scope === 'overview' && panel === 'graph' && session.overview ? session.app.display.groupBy : null}
          />
        )}
      </aside>
      <main id="main" className="stage">
        <StatusBar controller={controller} session={session} onTable={setTableFor} />
        {panel === 'graph' && (
          <div className="zoom-controls" role="group" aria-label={t('zoom.group')}>
            <button type="button" onClick={() => canvas?.zoomBy(1.25)} aria-label={t('zoom.in')}>
              +
            </button>
            <button type="button" onClick={() => canvas?.zoomBy(0.8)} aria-label={t('zoom.out')}>
              −
            </button>
            <button type="button" onClick={() => canvas?.fit()} aria-label={t('zoom.fit')}>
              ⤢
            </button>
          </div>
        )}
        {panel === 'graph' && <CanvasView controller={controller} session={session} onCanvas={onCanvas} />}
        {panel === 'list' && <ListView controller={controller} session={session} />}
        <Suspense fallback={null}>
          {panel === 'map' && <MapView controller={controller} session={session} />}
          {tableFor && panel !== 'map' && session.data.nodes.has(tableFor) && (
            <NeighbourTable key={tableFor} controller={controller} session={session} id={tableFor} onClose={closeTable} />
          )}
        </Suspense>
      </main>
      <DetailPanel controller={controller} session={session} onTable={setTableFor} />
      {ratings && (
        <Suspense fallback={null}>
          <ApproachRatingsDialog
            onClose={closeRatings}
            onOpen={(id) => {
              setRatings(false);
              controller.focus(id);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
