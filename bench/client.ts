import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { FCOSE_FULL_QUALITY_MAX } from '../client/src/graph/layouts.js';
import { LARGE_GRAPH_ELEMENTS } from '../client/src/graph/style.js';
import { fileURLToPath } from 'node:url';
import { seedStore } from '../server/src/seed/seedStore.js';
import { pathSource, runImport } from '../server/src/importer/runImport.js';
import { MemoryGraphStore } from '../server/src/store/memory/MemoryGraphStore.js';
import { syntheticPlaces } from '../tests/fixtures/syntheticPlaces.js';
import { HUB, syntheticAtlas } from '../tests/fixtures/syntheticAtlas.js';
import { launchBrowser, newPage, serveSeedGraph, serveStore, type Served } from '../tests/e2e/harness.js';
import { benchDataAvailable } from './data.js';
import { measureMap, type MapFigures } from './mapBench.js';
import {
  browserMemory,
  measureScreens,
  measureTyping,
  type BrowserMemory,
  type Hub,
  type KeyFigures,
  type ScreenFigures,
  type TypingFigures,
} from './atlasBench.js';
import { DEFAULT_BUDGETS } from '../client/src/state/budgets.js';
import { TWIN_CITIES_CSV } from './twinCities.js';

/**
 * npm run bench:client [-- --sizes 1000,5000,10000 --runs 3 --suites seed,sizes,map,atlas --renderer auto|webgl|canvas]
 *
 * The explorer in headless Chromium (Debian's), built client against the real server on the seed
 * graph. Prints one JSON line per figure: {"name", "value", "unit", ...}; medians over --runs.
 *  - client.seed.*: from navigation start to the seed graph drawn and laid out (the whole graph,
 *    the default view) and to a municipality's neighbourhood; and the worker's refinement.
 *  - client.<n>.*: synthetic graphs of n elements drawn by the explorer's own toElements and
 *    GraphCanvas (bench.html): layout, first render, zoom frame rate, hover and select repaint.
 *  - client.map.<graph>.*: the map view (?panel=map) on a synthetic graph of the twin-cities' size
 *    (17,700 municipalities, 25,900 partnerships) and on the real list (../shared/data/twin-cities.csv
 *    imported over the seed graph in memory, when the file is there): navigation to drawn, frames
 *    per second while wheel-zooming and dragging over Europe.
 *  - client.atlas.<graph>.*: the first screen, a hub expanded, the browser's memory and the search
 *    box's answers while they load, on a synthetic graph of the twin-cities' size and on the real
 *    list when it is there (atlasSuite below).
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000' },
    runs: { type: 'string', default: '3' },
    suites: { type: 'string', default: 'seed,sizes,map,atlas' },
    renderer: { type: 'string', default: 'auto' },
  },
});
if (!['auto', 'webgl', 'canvas'].includes(values.renderer)) {
  console.error('--renderer is auto (WebGL where the browser has it in hardware), webgl or canvas');
  process.exit(2);
}
const suites = new Set(values.suites.split(','));
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 10) || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench:client -- --sizes 1000,5000,10000 --runs 3');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const emit = (name: string, value: number, unit: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ name, value: Math.round(value * 10) / 10, unit, ...extra }));

interface Mark {
  startTime: number;
  detail: { nodes: number; edges: number; ms: number; workerMs?: number };
}

async function loadToLaidOut(page: Page, url: string, refined: boolean): Promise<{ laidOut: Mark; refined: Mark | null }> {
  await page.goto(url);
  // Done: nothing loading, the canvas laid out, and for a graph refined in the worker, refined.
  await page.waitForFunction(
    `(() => {
      const state = document.querySelector('[data-testid="canvas"]')?.dataset.layoutState;
      const laid = performance.getEntriesByName('atlas:laid-out').pop();
      if (state !== 'done' || document.querySelector('[data-testid="loading"]') || !laid) return false;
      return !${refined} || laid.detail.nodes <= ${FCOSE_FULL_QUALITY_MAX} || performance.getEntriesByName('atlas:refined').length > 0;
    })()`,
    undefined,
    { timeout: 120_000 },
  );
  // A string, not a function: tsx would wrap inner functions in a helper the page does not have.
  return page.evaluate(`(() => {
    const pick = (name) => performance.getEntriesByName(name).map((m) => ({ startTime: m.startTime, detail: m.detail })).pop() ?? null;
    return { laidOut: pick('atlas:laid-out'), refined: ${refined} ? pick('atlas:refined') : null };
  })()`) as Promise<{ laidOut: Mark; refined: Mark | null }>;
}

/** The production build plus bench.html (npm run build:bench; npm run bench:client builds it first). */
const clientDist = fileURLToPath(new URL('../client/dist-bench', import.meta.url));
const served = await serveSeedGraph({ clientDist });
const browser = await launchBrowser();
try {
  if (suites.has('seed')) await seedSuite();
  if (suites.has('sizes')) await sizesSuite();
  if (suites.has('map')) await mapSuite();
  if (suites.has('atlas')) await atlasSuite();
} finally {
  await browser.close();
  await served.close();
}

async function seedSuite(): Promise<void> {
  console.error(`# explorer in ${browser.version()}, seed graph from ${served.baseUrl}`);
  const views = [
    { key: 'seed.all', path: '/', label: 'whole seed graph (default view)' },
    { key: 'seed.focus', path: '/?focus=roeselare&x=roeselare&all=0', label: 'Roeselare and its neighbours' },
  ];
  for (const view of views) {
    const laid: number[] = [];
    const refinedAt: number[] = [];
    let shape: Mark['detail'] | null = null;
    let renderer = '';
    for (let i = 0; i < runs; i++) {
      const { context, page } = await newPage(browser, undefined, { bypassCSP: true });
      const r = await loadToLaidOut(page, `${served.baseUrl}${view.path}`, true);
      laid.push(r.laidOut.startTime);
      if (r.refined) refinedAt.push(r.refined.startTime);
      shape = r.laidOut.detail;
      renderer = (await page.evaluate(
        `(() => { const r = window.__atlas.renderer(); return r.kind + ' (' + r.reason + ')'; })()`,
      )) as string;
      await context.close();
    }
    emit(`client.${view.key}.loadToLaidOut`, median(laid), 'ms', {
      view: view.label,
      nodes: shape?.nodes,
      edges: shape?.edges,
      renderer,
      target: view.key === 'seed.all' ? '<= 1000' : undefined,
    });
    if (refinedAt.length > 0)
      emit(`client.${view.key}.loadToRefined`, median(refinedAt), 'ms', {
        view: view.label,
        note: 'force layout finished in a Web Worker',
      });
  }
}

async function sizesSuite(): Promise<void> {
  const { context, page } = await newPage(browser, { width: 1600, height: 1000 }, { bypassCSP: true });
  await page.goto(`${served.baseUrl}/bench.html${values.renderer === 'auto' ? '' : `?renderer=${values.renderer}`}`);
  await page.waitForFunction(() => document.title === 'bench ready');
  for (const size of sizes) {
    const results: any[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await page.evaluate((n) => (window as any).__bench.draw(n), size);
      // Zoom as a user does, with the mouse wheel over the graph, in and out for 1.5 s.
      const zoom = await page.evaluate(() => (window as any).__bench.wheelZoomFps(1500));
      Object.assign(r, { zoomFps: zoom.fps, zoomSteadyFps: zoom.steadyFps, zoomFirstFrameMs: zoom.firstFrameMs });
      Object.assign(r, await page.evaluate(() => (window as any).__bench.highlight()));
      results.push(r);
    }
    const r0 = results[0];
    const m = (k: string) => median(results.map((r) => r[k] as number));
    const shape = { nodes: r0.nodes, edges: r0.edges, renderer: r0.renderer };
    emit(`client.${size}.layout`, m('layoutMs'), 'ms', { ...shape, layout: r0.placement });
    emit(`client.${size}.firstRender`, m('firstRenderMs'), 'ms', {
      ...shape,
      target: size <= 1000 ? '<= 500' : size >= 10000 ? '<= 2500' : undefined,
    });
    emit(`client.${size}.zoomFps`, m('zoomFps'), 'frames/s', {
      ...shape,
      target: size >= 10000 ? '>= 45' : undefined,
      note:
        size > LARGE_GRAPH_ELEMENTS
          ? 'frames drawn per second over 1.5 s of wheel zooming; a large graph moves a snapshot of its nodes, edges hidden until the view stands still (ADR 0030)'
          : 'frames drawn per second over 1.5 s of wheel zooming',
    });
    emit(`client.${size}.zoomSteadyFps`, m('zoomSteadyFps'), 'frames/s', { ...shape, note: 'after the first zoom frame' });
    emit(`client.${size}.zoomFirstFrame`, m('zoomFirstFrameMs'), 'ms', { ...shape, note: 'from the first wheel event to its frame' });
    emit(`client.${size}.hoverRepaint`, m('hoverMs'), 'ms', {
      ...shape,
      target: size <= 1000 ? '<= 100' : size >= 10000 ? '<= 300' : undefined,
    });
    emit(`client.${size}.selectRepaint`, m('selectMs'), 'ms', {
      ...shape,
      target: size <= 1000 ? '<= 100' : size >= 10000 ? '<= 300' : undefined,
    });
  }
  await context.close();
}

async function mapSuite(): Promise<void> {
  const synthetic = new MemoryGraphStore();
  const graph = syntheticPlaces();
  await synthetic.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
  await mapFigures('synthetic', await serveStore(synthetic, { clientDist }), 'synthetic: 17,700 municipalities, 25,900 partnerships');
  if (!benchDataAvailable(TWIN_CITIES_CSV, 'map figures on the twin-cities list (the synthetic graph only)')) return;
  const twin = new MemoryGraphStore();
  await seedStore(twin);
  await runImport(twin, { sources: [pathSource(TWIN_CITIES_CSV)], apply: true, actor: 'bench' });
  await mapFigures('twinCities', await serveStore(twin, { clientDist }), 'twin-cities.csv imported over the seed graph');
}

async function mapFigures(key: string, at: Served, label: string): Promise<void> {
  try {
    const results: MapFigures[] = [];
    for (let i = 0; i < runs; i++) results.push(await measureMap(browser, `${at.baseUrl}/?panel=map`));
    const m = (k: keyof MapFigures) => median(results.map((r) => r[k]));
    const shape = { graph: label, places: results[0]!.places, links: results[0]!.links, renderer: 'canvas 2d (own, src/map/MapCanvas.ts)' };
    emit(`client.map.${key}.loadToDrawn`, m('loadToDrawnMs'), 'ms', {
      ...shape,
      target: '<= 2000',
      note: 'navigation to every place and arc drawn (API answer, base map, first frame)',
    });
    emit(`client.map.${key}.firstFrame`, m('firstFrameMs'), 'ms', { ...shape, note: 'the first full frame, clustering included' });
    emit(`client.map.${key}.zoomFps`, m('zoomFps'), 'frames/s', {
      ...shape,
      target: '>= 30',
      note: 'wheel zoom over Europe for 1.5 s; the last full frame moves during the gesture',
    });
    emit(`client.map.${key}.panFps`, m('panFps'), 'frames/s', { ...shape, target: '>= 30', note: 'dragging over Europe for 1.5 s' });
  } finally {
    await at.close();
  }
}

/**
 * client.atlas.<graph>.*: the explorer at the twin-cities' size, on a synthetic graph with hubs
 * (tests/fixtures/syntheticAtlas.ts) and on the real list when it is there (imported over the seed
 * graph in memory, as for the map), in a browser of its own so that its memory is the explorer's:
 *  - firstScreen: "/" until the overview is drawn and settled; the JS heap and the whole browser's
 *    memory (every Chromium process, from /proc) then;
 *  - hubExpansion: a hub's URL until it is expanded and laid out (the synthetic network of 1,503
 *    neighbours; the best-connected country of the real list), with the nodes drawn, the pairs
 *    overlapping (from the positions) and the browser's memory then;
 *  - searchWhileLoading.*: key presses in the search box to the text on screen (and to the
 *    suggestions drawn) while "/" loads the overview and while the hub's expansion loads.
 */
async function atlasSuite(): Promise<void> {
  const own = await launchBrowser();
  try {
    // What the same browser takes with one blank page, to read the figures against.
    const blank = await newPage(own);
    await blank.page.goto('about:blank');
    const emptyBrowserMB = Math.round((await browserMemory(own))?.footprintMB ?? NaN);
    await blank.context.close();
    const graph = syntheticAtlas();
    const store = new MemoryGraphStore();
    await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
    const synthetic = `synthetic: ${graph.nodes.length} nodes, ${graph.relations.length} relationships`;
    const hub = { id: HUB.id, name: HUB.name, drawn: 1 + Math.min(DEFAULT_BUDGETS.neighbours, graph.hubNeighbours.size) };
    await atlasFigures(own, emptyBrowserMB, 'synthetic', await serveStore(store, { clientDist }), synthetic, hub, ['town 1', 'town 42']);
    if (!benchDataAvailable(TWIN_CITIES_CSV, 'atlas figures on the twin-cities list (the synthetic graph only)')) return;
    const twin = new MemoryGraphStore();
    await seedStore(twin);
    await runImport(twin, { sources: [pathSource(TWIN_CITIES_CSV)], apply: true, actor: 'bench' });
    const stats = await twin.stats();
    const best = (await twin.listNodes({ kind: 'COUNTRY', filter: {}, sort: { field: 'DEGREE', direction: 'DESC' }, first: 1, offset: 0 }))
      .items[0]!;
    const [degree] = await twin.getDegrees([best.id]);
    await atlasFigures(
      own,
      emptyBrowserMB,
      'twinCities',
      await serveStore(twin, { clientDist }),
      `twin-cities.csv imported over the seed graph: ${stats.nodeCount} nodes, ${stats.relationCount} relationships`,
      {
        id: best.id,
        name: `${best.name}, the best-connected country (${degree} relationships)`,
        drawn: 1 + Math.min(DEFAULT_BUDGETS.neighbours, degree!),
      },
      ['leuv', 'nant', 'berl'],
    );
  } finally {
    await own.close();
  }
}

async function atlasFigures(
  own: Browser,
  emptyBrowserMB: number,
  key: string,
  at: Served,
  graph: string,
  hub: Hub,
  words: string[],
): Promise<void> {
  try {
    const screens: ScreenFigures[] = [];
    const typing: TypingFigures[] = [];
    for (let i = 0; i < runs; i++) {
      screens.push(await measureScreens(own, at.baseUrl, hub));
      typing.push(await measureTyping(own, at.baseUrl, hub, words));
    }
    const m = (f: (s: ScreenFigures) => number) => median(screens.map(f));
    const last = screens[screens.length - 1]!;
    const memory = (pick: (s: ScreenFigures) => BrowserMemory | null) =>
      screens.every((s) => pick(s) !== null)
        ? {
            value: m((s) => pick(s)!.footprintMB),
            extra: {
              pssMB: Math.round(m((s) => pick(s)!.pssMB)),
              rssMB: Math.round(m((s) => pick(s)!.rssMB)),
              rendererMB: Math.round(m((s) => pick(s)!.rendererMB)),
              processes: pick(last)!.processes,
              emptyBrowserMB,
            },
          }
        : null;
    emit(
      `client.atlas.${key}.firstScreen`,
      m((s) => s.firstScreenMs),
      'ms',
      {
        graph,
        renderer: last.renderer,
        target: '<= 2000',
        note: 'navigation to the overview drawn, nothing loading',
      },
    );
    emit(
      `client.atlas.${key}.firstScreenHeap`,
      m((s) => s.heapMB),
      'MB',
      { graph, note: 'JS heap (performance.memory) at the first screen' },
    );
    for (const [name, pick, when] of [
      ['firstScreenMemory', (s: ScreenFigures) => s.memoryFirst, 'at the first screen'],
      ['hubMemory', (s: ScreenFigures) => s.memoryHub, 'with the hub expanded'],
    ] as const) {
      const mem = memory(pick);
      if (!mem) console.error(`# skipped: client.atlas.${key}.${name} (no /proc to read the browser's processes from)`);
      else
        emit(`client.atlas.${key}.${name}`, mem.value, 'MB', {
          graph,
          ...mem.extra,
          target: '<= 300',
          note: `the whole browser ${when}: anonymous and shared memory of every Chromium process, each page once (pssMB adds the binary's and libraries' pages, shared with other Chromiums; rssMB counts shared pages in each process; rendererMB: the page's process; emptyBrowserMB: this browser with a blank page)`,
        });
    }
    emit(
      `client.atlas.${key}.hubExpansion`,
      m((s) => s.hubMs),
      'ms',
      {
        graph,
        renderer: last.renderer,
        hub: hub.name,
        drawn: last.drawn,
        overlapping: last.overlapping,
        target: '<= 1000, 0 overlapping, at most the budget (100) drawn',
        note: 'navigation to the hub expanded and laid out',
      },
    );
    for (const [phase, pick, what] of [
      ['overview', (t: TypingFigures) => t.overview, 'while "/" loads and draws the overview'],
      ['hub', (t: TypingFigures) => t.hub, `while ${hub.name} is expanded and laid out`],
    ] as const) {
      const k = (f: (x: KeyFigures) => number) => median(typing.map((t) => f(pick(t))));
      emit(
        `client.atlas.${key}.searchWhileLoading.${phase}`,
        k((x) => x.worstMs),
        'ms',
        {
          graph,
          presses: k((x) => x.presses),
          medianMs: Math.round(k((x) => x.medianMs)),
          windowMs: Math.round(k((x) => x.windowMs)),
          longestTaskMs: Math.round(k((x) => x.longestTaskMs)),
          target: '<= 100',
          note: `the slowest key press in the search box, from the key to its text on screen, ${what}`,
        },
      );
      emit(
        `client.atlas.${key}.suggestionsWhileLoading.${phase}`,
        k((x) => x.worstSuggestionsMs),
        'ms',
        {
          graph,
          answered: k((x) => x.suggestions),
          medianMs: Math.round(k((x) => x.medianSuggestionsMs)),
          note: `the slowest key to its suggestions drawn (a 120 ms pause before asking, then the API), ${what}`,
        },
      );
    }
  } finally {
    await at.close();
  }
}
