import { useCallback, useState } from 'react';
import type { GraphCanvas } from '../graph/GraphCanvas.js';
import type { Controller } from '../state/controller.js';
import { ApproachRatingsDialog } from './ApproachRatings.js';
import { CanvasView } from './CanvasView.js';
import { DetailPanel } from './DetailPanel.js';
import { FilterPanel } from './FilterPanel.js';
import { Legend } from './Legend.js';
import { ListView } from './ListView.js';
import { MapView } from './MapView.js';
import { SearchBox } from './SearchBox.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useSession } from './useSession.js';

export function App({ controller }: { controller: Controller }) {
  const session = useSession(controller);
  const [canvas, setCanvas] = useState<GraphCanvas | null>(null);
  const [ratings, setRatings] = useState(false);
  const onCanvas = useCallback((c: GraphCanvas | null) => setCanvas(c), []);
  const closeRatings = useCallback(() => setRatings(false), []);
  const panel = session.app.display.panel;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the graph
      </a>
      <header className="topbar">
        <h1>
          <span className="logo" aria-hidden="true">
            ◍
          </span>{' '}
          Cooperation Atlas
        </h1>
        <SearchBox onOpen={(id) => controller.focus(id)} />
        <Toolbar controller={controller} session={session} canvas={canvas} onRatings={() => setRatings(true)} />
      </header>
      <aside className="sidebar" aria-label="Filters and legend">
        <FilterPanel controller={controller} session={session} />
        <Legend graph={session.visible} />
      </aside>
      <main id="main" className="stage">
        <StatusBar controller={controller} session={session} />
        {panel === 'graph' && (
          <div className="zoom-controls" role="group" aria-label="Zoom">
            <button type="button" onClick={() => canvas?.zoomBy(1.25)} aria-label="Zoom in">
              +
            </button>
            <button type="button" onClick={() => canvas?.zoomBy(0.8)} aria-label="Zoom out">
              −
            </button>
            <button type="button" onClick={() => canvas?.fit()} aria-label="Fit the graph to the screen">
              ⤢
            </button>
          </div>
        )}
        {panel === 'graph' && <CanvasView controller={controller} session={session} onCanvas={onCanvas} />}
        {panel === 'list' && <ListView controller={controller} session={session} />}
        {panel === 'map' && <MapView controller={controller} session={session} />}
      </main>
      <DetailPanel controller={controller} session={session} />
      {ratings && (
        <ApproachRatingsDialog
          onClose={closeRatings}
          onOpen={(id) => {
            setRatings(false);
            controller.focus(id);
          }}
        />
      )}
    </div>
  );
}
