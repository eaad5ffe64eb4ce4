import type { Browser } from 'playwright-core';
import { newPage } from '../tests/e2e/harness.js';

/**
 * The map view in headless Chromium: from navigation to every municipality and partnership drawn
 * (API answer, base map, projection, first frame), then frames per second while zooming with the
 * mouse wheel and while dragging, over the densest region (Europe at about country scale).
 */
export interface MapFigures {
  places: number;
  links: number;
  loadToDrawnMs: number;
  firstFrameMs: number;
  zoomFps: number;
  panFps: number;
}

// Strings, not functions: tsx would wrap inner functions in a helper the page does not have.
const GESTURES = `(async () => {
  const el = document.querySelector('[data-testid="map"] canvas');
  const map = window.__atlasMap.map;
  const box = el.getBoundingClientRect();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const run = async (ms, step) => {
    const f0 = map.frames;
    const t0 = performance.now();
    for (let i = 0; performance.now() - t0 < ms; i++) { step(i); await frame(); }
    return ((map.frames - f0) * 1000) / (performance.now() - t0);
  };
  // Over Europe, at about the scale of a country.
  map.fit();
  await frame();
  const p = map.projectionPoint(4.5, 50.5);
  map.zoomBy(10, p);
  await frame();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  const zoomFps = await run(1500, (i) => el.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY: i % 30 < 15 ? -40 : 40, bubbles: true, cancelable: true })));
  el.dispatchEvent(new PointerEvent('pointerdown', { clientX: cx, clientY: cy, pointerId: 1, bubbles: true }));
  const panFps = await run(1500, (i) => el.dispatchEvent(new PointerEvent('pointermove', { clientX: cx + 150 * Math.sin(i / 10), clientY: cy + 80 * Math.cos(i / 10), pointerId: 1, bubbles: true })));
  el.dispatchEvent(new PointerEvent('pointerup', { clientX: cx, clientY: cy, pointerId: 1, bubbles: true }));
  return { zoomFps, panFps };
})()`;

export async function measureMap(browser: Browser, url: string): Promise<MapFigures> {
  const { context, page } = await newPage(browser, { width: 1600, height: 1000 }, { bypassCSP: true });
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.state === 'drawn', undefined, {
      timeout: 120_000,
    });
    const mark = (await page.evaluate(
      `(() => { const m = performance.getEntriesByName('atlas:map-drawn').pop(); return { startTime: m.startTime, detail: m.detail }; })()`,
    )) as {
      startTime: number;
      detail: { places: number; links: number; frameMs: number };
    };
    const fps = (await page.evaluate(GESTURES)) as { zoomFps: number; panFps: number };
    return {
      places: mark.detail.places,
      links: mark.detail.links,
      loadToDrawnMs: mark.startTime,
      firstFrameMs: mark.detail.frameMs,
      ...fps,
    };
  } finally {
    await context.close();
  }
}
