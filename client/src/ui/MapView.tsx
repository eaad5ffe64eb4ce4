import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { t as tr } from '../i18n/index.js';
import { loadBasemap } from '../map/basemap.js';
import { loadMapLayer } from '../map/mapApi.js';
import { MapCanvas } from '../map/MapCanvas.js';
import { applyFilters, projectLayer, type ProjectedLayer } from '../map/mapModel.js';
import type { Controller, Session } from '../state/controller.js';

interface Loaded {
  layer: ProjectedLayer;
  unplaced: number;
  approximate: number;
}

/**
 * The map view: every municipality at its place and every partnership as an arc, under the same
 * filters and selection as the graph. A thin bridge from state to MapCanvas and back.
 */
export function MapView({ controller, session }: { controller: Controller; session: Session }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const ref = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapCanvas | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { filters, selection } = session.app;

  useLayoutEffect(() => {
    const started = performance.now();
    const map = new MapCanvas(ref.current!, {
      onSelect: (sel) => controller.select(sel),
      onDrawn: (info) => {
        performance.mark('atlas:map-drawn', { detail: { ...info, ms: performance.now() - started } });
        if (ref.current) ref.current.dataset.state = 'drawn';
      },
    });
    mapRef.current = map;
    (window as unknown as { __atlasMap?: object }).__atlasMap = {
      placeOnScreen: (id: string) => map.placeOnScreen(id),
      zoom: () => map.zoom,
      frames: () => map.frames,
      map,
    };
    return () => {
      mapRef.current = null;
      map.destroy();
    };
  }, [controller]);

  // The layer is asked again in another language: places are named in the reader's language.
  useEffect(() => {
    let live = true;
    Promise.all([loadBasemap(), loadMapLayer(language)])
      .then(([basemap, data]) => {
        if (!live || !mapRef.current) return;
        mapRef.current.setBasemap(basemap);
        const layer = projectLayer(data, (p) => basemap.projection(p));
        setLoaded({ layer, unplaced: data.unplaced, approximate: layer.approx.reduce((s, a) => s + a, 0) });
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.userMessage : tr('messages:error.map')));
    return () => {
      live = false;
    };
  }, [controller, language]);

  const scene = useMemo(
    () =>
      loaded &&
      applyFilters(loaded.layer, {
        hiddenNodeKinds: filters.hiddenNodeKinds,
        hiddenRelationKinds: filters.hiddenRelationKinds,
        match: session.match,
      }),
    [loaded, filters, session.match],
  );

  useLayoutEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !scene) return;
    map.setData(loaded.layer, scene);
    ref.current!.dataset.placeCount = String(scene.places.length);
    ref.current!.dataset.linkCount = String(scene.links.length);
  }, [loaded, scene]);

  useLayoutEffect(() => mapRef.current?.setSelection(selection), [selection, scene]);

  // A link that names a place opens the map on it; a place chosen elsewhere (search, detail
  // panel) is brought on screen when it is not.
  const centred = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !scene) return;
    const first = !centred.current;
    centred.current = true;
    if (selection?.type !== 'node') return;
    const at = map.placeOnScreen(selection.id);
    const box = ref.current!.getBoundingClientRect();
    const visible = at && at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
    if (first) map.centerOn(selection.id);
    else if (!visible) map.centerOn(selection.id, map.zoom);
  }, [loaded, scene, selection]);

  const label = scene
    ? t('map.label', {
        municipalities: t('count.municipalities', { count: scene.places.length }),
        partnerships: t('count.partnerships', { count: scene.links.length }),
      })
    : t('map.labelLoading');
  return (
    <div className="map-view">
      <div className="zoom-controls" role="group" aria-label={t('zoom.group')}>
        <button type="button" onClick={() => mapRef.current?.zoomBy(1.5)} aria-label={t('zoom.in')}>
          +
        </button>
        <button type="button" onClick={() => mapRef.current?.zoomBy(1 / 1.5)} aria-label={t('zoom.out')}>
          −
        </button>
        <button type="button" onClick={() => mapRef.current?.fit()} aria-label={t('zoom.world')}>
          ⤢
        </button>
      </div>
      <div
        ref={ref}
        className="map"
        tabIndex={0}
        role="application"
        aria-roledescription={t('map.roleDescription')}
        aria-label={label}
        data-testid="map"
      />
      {!loaded && !error && (
        <p className="map-note" role="status" data-testid="map-loading">
          <span className="spinner" aria-hidden="true" /> {t('map.loading')}
        </p>
      )}
      {error && (
        <p className="map-note error" role="alert">
          {error}
        </p>
      )}
      {loaded && (
        <p className="map-legend" data-testid="map-legend">
          <Trans
            i18nKey="map.legend"
            values={{ count: loaded.approximate }}
            components={{
              dot: <span className="dot" aria-hidden="true" />,
              ring: <span className="ring" aria-hidden="true" />,
              arc: <span className="arc" aria-hidden="true" />,
            }}
          />
          {loaded.unplaced > 0 && t('map.unplaced', { count: loaded.unplaced })}
        </p>
      )}
    </div>
  );
}
