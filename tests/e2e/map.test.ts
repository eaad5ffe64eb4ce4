import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { ISOLATED, syntheticPlaces, type PlacesGraph } from '../fixtures/syntheticPlaces.js';
import { newPage, serveStore } from './harness.js';
import { appInBrowser } from './seedBrowser.js';

/**
 * The map view in a real headless Chromium against the real server, on a twin-cities-sized
 * graph made here (17,700 municipalities, 25,900 partnerships): drawn, filtered, selected with
 * the mouse, the detail panel, and the URL carrying the view to a new page.
 */

let graph: PlacesGraph;

const app = appInBrowser(async () => {
  graph = syntheticPlaces();
  const store = new MemoryGraphStore();
  await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  return serveStore(store);
});

async function openMap(path: string, p: Page = app.page): Promise<void> {
  await p.goto(`${app.served.baseUrl}${path}`);
  await p.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.state === 'drawn', undefined, {
    timeout: 30_000,
  });
}

const counts = async (p: Page = app.page) => ({
  places: Number(await p.getAttribute('[data-testid="map"]', 'data-place-count')),
  links: Number(await p.getAttribute('[data-testid="map"]', 'data-link-count')),
});

const onScreen = (id: string, p: Page = app.page) =>
  p.evaluate(
    (i) =>
      (window as unknown as { __atlasMap: { placeOnScreen(id: string): { x: number; y: number } | null } }).__atlasMap.placeOnScreen(i),
    id,
  );

describe('the map view', { timeout: 90_000 }, () => {
  it('draws every municipality and partnership, approximate places included, and applies the filters', async () => {
    await openMap('/?panel=map');
    expect(await counts()).toEqual({ places: 17_700, links: graph.partnerships });
    await expect(app.page.getByTestId('map-legend').textContent()).resolves.toContain(`approximate place (${graph.withoutCoordinates}:`);
    await app.page.screenshot({ path: 'test-results/map-world.png' });
    // The Map button is pressed, the graph's "empty canvas" note is not shown over the map.
    await expect(app.page.getByRole('button', { name: 'Map', exact: true }).getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await app.page.getByText('The canvas is empty').count()).toBe(0);

    // The filters are the graph's: a country keeps its towns and the partnerships among them only
    // (the isolated town's partners are elsewhere), hidden partnerships take the arcs away.
    await openMap(`/?panel=map&country=${ISOLATED.country}`);
    await app.page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.placeCount === '1',
      undefined,
      {
        timeout: 30_000,
      },
    );
    expect(await counts()).toEqual({ places: 1, links: 0 });
    await openMap('/?panel=map&hide=PARTNERSHIP.SOURCE');
    expect(await counts()).toEqual({ places: 17_700, links: 0 });
  });

  it('selects a place with the mouse, shows it in the detail panel and the URL, and a new page opens the same view', async () => {
    await openMap('/?panel=map');
    expect(await onScreen(ISOLATED.id)).not.toBeNull();
    // Zoom in on it as a user would (wheel over the place), then click it.
    for (let i = 0; i < 6; i++) {
      const at = (await onScreen(ISOLATED.id))!;
      const box = (await app.page.getByTestId('map').boundingBox())!;
      await app.page.mouse.move(box.x + at.x, box.y + at.y);
      await app.page.mouse.wheel(0, -300);
      await app.page.waitForTimeout(50);
    }
    const at = (await onScreen(ISOLATED.id))!;
    const box = (await app.page.getByTestId('map').boundingBox())!;
    await app.page.mouse.click(box.x + at.x, box.y + at.y);
    await app.page.waitForFunction((id) => new URL(location.href).searchParams.get('sel') === `node:${id}`, ISOLATED.id);
    await expect(app.page.getByTestId('details').getByRole('heading', { level: 2 }).textContent()).resolves.toBe(ISOLATED.name);
    expect(new URL(app.page.url()).searchParams.get('panel')).toBe('map');
    await app.page.screenshot({ path: 'test-results/map-selected.png' });

    // The copied link: a new page shows the map, the selection on it and the same details.
    const { context: other, page: second } = await newPage(app.browser);
    try {
      await openMap(new URL(app.page.url()).search.replace(/^/, '/'), second);
      await expect(second.getByTestId('details').getByRole('heading', { level: 2 }).textContent()).resolves.toBe(ISOLATED.name);
      const shown = await second.evaluate(
        () => (window as unknown as { __atlasMap: { map: { selectionShown: boolean } } }).__atlasMap.map.selectionShown,
      );
      expect(shown).toBe(true);
      // Centred on the selection.
      const centre = (await onScreen(ISOLATED.id, second))!;
      const size = (await second.getByTestId('map').boundingBox())!;
      expect(Math.abs(centre.x - size.width / 2)).toBeLessThan(2);
      expect(Math.abs(centre.y - size.height / 2)).toBeLessThan(2);
    } finally {
      await other.close();
    }

    // Escape on the map deselects; clicking the sea deselects too.
    await app.page.getByTestId('map').focus();
    await app.page.keyboard.press('Escape');
    await app.page.waitForFunction(() => !new URL(location.href).searchParams.has('sel'));
  });

  it('selects a partnership by its arc', async () => {
    await openMap(`/?panel=map&sel=node:${ISOLATED.id}`);
    // The isolated town's arcs are highlighted; a point on one of them, away from both ends.
    const arc = await app.page.evaluate(() =>
      (
        window as unknown as { __atlasMap: { map: { selectionArcPoint(): { x: number; y: number; partnership: string } | null } } }
      ).__atlasMap.map.selectionArcPoint(),
    );
    expect(arc).not.toBeNull();
    const box = (await app.page.getByTestId('map').boundingBox())!;
    await app.page.mouse.click(box.x + arc!.x, box.y + arc!.y);
    await app.page.waitForFunction((id) => new URL(location.href).searchParams.get('sel') === `node:${id}`, arc!.partnership);
    // The panel loads the partnership's details after the selection changes: wait for its title.
    await app.page.getByTestId('details').locator('#details-title').waitFor();
    await expect(app.page.getByTestId('details').textContent()).resolves.toContain('Partnership');
  });
});
