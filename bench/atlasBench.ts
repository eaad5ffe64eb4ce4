import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { newPage } from '../tests/e2e/harness.js';

/**
 * The explorer at the twin-cities' size in headless Chromium, for bench/client.ts's atlas suite:
 * the first screen, a hub expanded, the whole browser's memory, and how fast the search box
 * answers key presses while the overview and a hub expansion load.
 */

/** A hub to expand: its id, and how many nodes the expansion draws (itself and the budget of its neighbours). */
export interface Hub {
  id: string;
  name: string;
  drawn: number;
}

export interface BrowserMemory {
  /**
   * The browser's own memory: anonymous and shared-memory pages (JS heaps, malloc, canvas and GPU
   * buffers) summed over the browser and every process it started, each page counted once
   * (proportional set size). Pages of files (the Chromium binary, libraries, fonts) are left out:
   * they are shared with every other Chromium on the machine, so their share moves with what else runs.
   */
  footprintMB: number;
  /** Proportional set size summed the same way, file pages included (moves with other Chromiums running). */
  pssMB: number;
  /** Resident set size summed the same way (shared pages counted in each process: an upper bound). */
  rssMB: number;
  processes: number;
  /** The largest renderer's footprint (the page's own process, in practice). */
  rendererMB: number;
}

/**
 * The whole browser's memory from /proc: the browser process (asked over CDP) and all its
 * descendants (zygotes, renderers, GPU, network and storage services). Null where /proc cannot be read.
 */
export async function browserMemory(browser: Browser): Promise<BrowserMemory | null> {
  const cdp = await browser.newBrowserCDPSession();
  let info: { processInfo: { type: string; id: number }[] };
  try {
    info = (await cdp.send('SystemInfo.getProcessInfo')) as typeof info;
  } finally {
    await cdp.detach();
  }
  const root = info.processInfo.find((p) => p.type === 'browser')?.id;
  if (root === undefined) return null;
  const renderers = new Set(info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const all: number[] = [];
  for (const queue = [root]; queue.length > 0;) {
    const pid = queue.pop()!;
    all.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  let footprint = 0;
  let pss = 0;
  let rss = 0;
  let renderer = 0;
  for (const pid of all) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
      const own = kb('Pss_Anon') + kb('Pss_Shmem');
      footprint += own;
      pss += kb('Pss');
      rss += kb('Rss');
      if (renderers.has(pid)) renderer = Math.max(renderer, own);
    } catch (e) {
      // A process that ended while we looked (a spare renderer) holds nothing any more.
      if ((e as NodeJS.ErrnoException).code === 'ESRCH' || (e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return null;
    }
  }
  return { footprintMB: footprint / 1024, pssMB: pss / 1024, rssMB: rss / 1024, processes: all.length, rendererMB: renderer / 1024 };
}

/**
 * Installed before the page's own scripts: for each key press in the main search box, from the
 * key's event time (when the browser received it, so a busy main thread counts) to
 *  - handlerMs: the input event handled;
 *  - paintedMs: the frame after it, the text on screen (a task queued from requestAnimationFrame);
 *  - suggestionsMs: the suggestions answering that text drawn (unless a later key superseded them);
 * and the main thread's long tasks, so that "at any moment" covers the moments no key fell in.
 */
const KEY_RECORDER = `(() => {
  const keys = [];
  let pending = null;
  let seq = 0;
  window.__typing = keys;
  // When the search box appeared on screen: keys can be typed from then on.
  window.__inputAt = null;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('header input[role="combobox"]')) return;
    observer.disconnect();
    // On screen: the frame after it was added (a task queued from requestAnimationFrame).
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__inputAt = performance.now(); };
      ch.port2.postMessage(null);
    });
  }).observe(document, { subtree: true, childList: true });
  // The main thread's long tasks (50 ms or more): a key pressed during one waits for its end.
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const isSearch = (t) => t instanceof HTMLInputElement && t.getAttribute('role') === 'combobox' && !t.closest('[data-testid="path-finder"]');
  document.addEventListener('keydown', (e) => { if (isSearch(e.target)) pending = { key: e.key, t0: e.timeStamp }; }, true);
  document.addEventListener('input', (e) => {
    if (!isSearch(e.target) || !pending) return;
    const p = pending;
    pending = null;
    const id = ++seq;
    const rec = { key: p.key, handlerMs: performance.now() - p.t0, paintedMs: null, suggestionsMs: null };
    keys.push(rec);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { rec.paintedMs = performance.now() - p.t0; };
      ch.port2.postMessage(null);
    });
    const q = e.target.value.trim();
    if (!q) return;
    const poll = () => {
      if (seq !== id) return;
      const popup = document.querySelector('[data-testid="search-popup"]');
      if (popup && popup.dataset.state === 'done' && popup.dataset.query === q) rec.suggestionsMs = performance.now() - p.t0;
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
})()`;

/**
 * The view is loaded and laid out (as waitForGraph asks), in the scope given, with at least `nodes`
 * nodes on the canvas (the overview's groups count): the page's time then, else false.
 */
const settled = (scope: string, nodes: number) => `(() => {
  const c = document.querySelector('[data-testid="canvas"]');
  const ok = !document.querySelector('[data-testid="loading"]') && !!c && c.dataset.layoutState === 'done' &&
    c.dataset.scope === '${scope}' && !!window.__atlas && window.__atlas.modelNodes().length >= ${nodes};
  return ok ? performance.now() : false;
})()`;

export interface KeyFigures {
  presses: number;
  /** Key to the text on screen: the slowest and the median press. */
  worstMs: number;
  medianMs: number;
  /** Key to its suggestions drawn, over the presses that were not superseded. */
  suggestions: number;
  worstSuggestionsMs: number;
  medianSuggestionsMs: number;
  /** How long the load typed through lasted, from the first press to the view settled. */
  windowMs: number;
  /** The longest task on the page's main thread in that window (0: none of 50 ms or more). */
  longestTaskMs: number;
}

const median = (xs: number[]) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);

/**
 * Types into the search box, as a user waiting for the view would (a word a key every 40 ms, a
 * pause of 350 ms, the word erased), from the moment given until `done` holds twice 300 ms apart;
 * then the figures of the presses since `from` (index in the recorder) and the long tasks since
 * `pageT0` (page time). The keys go out one after the other whatever the page is doing: a press
 * sent while the main thread is busy waits for it, and its time counts from when it was sent.
 */
async function typeUntil(page: Page, words: readonly string[], done: string, from: number, pageT0: number): Promise<KeyFigures> {
  const t0 = Date.now();
  let settledAt: number | null = null;
  let pageSettledAt = 0;
  let word = 0;
  const check = async () => {
    const at = (await page.evaluate(done)) as number | false;
    if (at === false) settledAt = null;
    else if (settledAt === null) {
      settledAt = Date.now();
      pageSettledAt = at;
    }
    return settledAt !== null && Date.now() - settledAt >= 300;
  };
  outer: for (;;) {
    if (Date.now() - t0 > 120_000) throw new Error('the view did not settle within 120 s while typing');
    const w = words[word++ % words.length]!;
    for (const key of [...w.split(''), 'pause', ...w.split('').map(() => 'Backspace')]) {
      if (key === 'pause') await page.waitForTimeout(350);
      else {
        await page.keyboard.press(key);
        await page.waitForTimeout(40);
      }
      if (await check()) break outer;
    }
  }
  // The last press's frame and suggestions have had time to come.
  await page.waitForTimeout(500);
  const keys = ((await page.evaluate('window.__typing')) as { paintedMs: number | null; suggestionsMs: number | null }[]).slice(from);
  const painted = keys.map((k) => k.paintedMs).filter((x): x is number => x !== null);
  const suggested = keys.map((k) => k.suggestionsMs).filter((x): x is number => x !== null);
  const tasks = (await page.evaluate('window.__longTasks')) as [number, number][];
  const inWindow = tasks.filter(([start, ms]) => start + ms >= pageT0 && start <= pageSettledAt).map(([, ms]) => ms);
  return {
    presses: painted.length,
    worstMs: Math.max(...painted),
    medianMs: median(painted),
    suggestions: suggested.length,
    worstSuggestionsMs: suggested.length > 0 ? Math.max(...suggested) : NaN,
    medianSuggestionsMs: median(suggested),
    windowMs: pageSettledAt - pageT0,
    longestTaskMs: Math.max(0, ...inWindow),
  };
}

export interface TypingFigures {
  /** While "/" loads and draws the overview, from the search box's appearance. */
  overview: KeyFigures;
  /** While a hub's expansion (opened in the page, by going forward to its URL) loads and is laid out. */
  hub: KeyFigures;
}

/** Search-box answers while the overview loads, then while the hub is expanded in the same page. */
export async function measureTyping(browser: Browser, baseUrl: string, hub: Hub, words: readonly string[]): Promise<TypingFigures> {
  const { context, page } = await newPage(browser, undefined, { bypassCSP: true });
  try {
    await page.addInitScript(KEY_RECORDER);
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
    const input = page.locator('header input[role="combobox"]').first();
    await input.waitFor({ timeout: 60_000 });
    await input.focus();
    const shownAt = (await (await page.waitForFunction('window.__inputAt')).jsonValue()) as number;
    const overview = await typeUntil(page, words, settled('overview', 1), 0, shownAt);
    // Forward to the hub's URL in the page (as a link or Forward would), typing from the same moment.
    const start = (await page.evaluate(
      `(() => {
        const mark = { from: window.__typing.length, at: performance.now() };
        history.pushState(null, '', '/?focus=${encodeURIComponent(hub.id)}&x=${encodeURIComponent(hub.id)}&all=0');
        dispatchEvent(new PopStateEvent('popstate'));
        return mark;
      })()`,
    )) as { from: number; at: number };
    const hubTyping = await typeUntil(page, words, settled('view', hub.drawn), start.from, start.at);
    return { overview, hub: hubTyping };
  } finally {
    await context.close();
  }
}

export interface ScreenFigures {
  firstScreenMs: number;
  heapMB: number;
  renderer: string;
  memoryFirst: BrowserMemory | null;
  hubMs: number;
  drawn: number;
  overlapping: number;
  memoryHub: BrowserMemory | null;
}

/** "/" until the overview is drawn, and the hub's URL until its expansion is laid out, with the browser's memory at each. */
export async function measureScreens(browser: Browser, baseUrl: string, hub: Hub): Promise<ScreenFigures> {
  const { context, page } = await newPage(browser, undefined, { bypassCSP: true });
  try {
    await page.goto(`${baseUrl}/`);
    const firstScreenMs = await settledAt(page, settled('overview', 1));
    const heapMB = ((await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0')) as number) / 2 ** 20;
    const memoryFirst = await browserMemory(browser);
    const renderer = (await page.evaluate(
      `(() => { const r = window.__atlas.renderer(); return r.kind + ' (' + r.reason + ')'; })()`,
    )) as string;
    await page.goto(`${baseUrl}/?focus=${encodeURIComponent(hub.id)}&x=${encodeURIComponent(hub.id)}&all=0`);
    const hubMs = await settledAt(page, settled('view', hub.drawn));
    const memoryHub = await browserMemory(browser);
    const nodes = (await page.evaluate('window.__atlas.modelNodes()')) as { x: number; y: number; r: number }[];
    let overlapping = 0;
    for (let a = 0; a < nodes.length; a++)
      for (let b = a + 1; b < nodes.length; b++)
        if (Math.hypot(nodes[a]!.x - nodes[b]!.x, nodes[a]!.y - nodes[b]!.y) < nodes[a]!.r + nodes[b]!.r) overlapping++;
    return { firstScreenMs, heapMB, renderer, memoryFirst, hubMs, drawn: nodes.length, overlapping, memoryHub };
  } finally {
    await context.close();
  }
}

/**
 * The page's time when `predicate` first held (polled each frame) and still held 300 ms later, as
 * waitForGraph asks: a fresh page reports its layout done before its first load starts.
 */
async function settledAt(page: Page, predicate: string): Promise<number> {
  for (;;) {
    const at = (await (await page.waitForFunction(predicate, undefined, { timeout: 120_000 })).jsonValue()) as number;
    await page.waitForTimeout(300);
    if (await page.evaluate(predicate)) return at;
  }
}
