import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateGraph } from '../../bench/syntheticGraph.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { launchBrowser, newPage, serveSeedGraph, serveStore, waitForGraph } from './harness.js';

/**
 * The SVG export against the PNG export of the same view, both through the Export menu: the SVG is
 * rendered by Chromium at the PNG's size and compared pixel by pixel, and at every node's centre.
 */

// The kinds' colours (client/src/graph/kinds.ts), written out so the test does not trust the code it checks.
const KIND_COLOUR: Record<string, [number, number, number]> = {
  MUNICIPALITY: [0x1f, 0x77, 0xb4],
  ORGANIZATION: [0xff, 0x7f, 0x0e],
  PARTNERSHIP: [0xd6, 0x27, 0x28],
  PROJECT: [0x2c, 0xa0, 0x2c],
  NETWORK: [0x94, 0x67, 0xbd],
  FUNDING_PROGRAM: [0x8c, 0x56, 0x4b],
  APPROACH: [0xe3, 0x77, 0xc2],
  THEME: [0x17, 0xbe, 0xcf],
  SDG: [0xbc, 0xbd, 0x22],
  COUNTRY: [0x7f, 0x7f, 0x7f],
  SOURCE: [0x4b, 0x4b, 0x4b],
};

let browser: Browser;
let context: BrowserContext;
let page: Page;
const logs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  ({ context, page } = await newPage(browser));
  logs.length = 0;
  page.on('console', (m) => logs.push(m.text()));
});
afterEach(async () => {
  await context?.close();
});

/** The layout is done, and a refinement in the worker (large graphs) has moved the nodes for the last time. */
async function waitForStill(): Promise<void> {
  await waitForGraph(page, 90_000);
  const positions = () =>
    page.evaluate(() => JSON.stringify((window as unknown as { __atlas: { modelNodes(): unknown[] } }).__atlas.modelNodes()));
  let before = await positions();
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(500);
    const now = await positions();
    if (now === before) return;
    before = now;
  }
  throw new Error('the nodes kept moving for 30 s');
}

async function save(name: string): Promise<Buffer> {
  await page.locator('.menu summary', { hasText: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync((await download.path())!);
}

interface Comparison {
  pngSize: [number, number];
  svgSize: [number, number];
  /** Blocks of 8 x 8 pixels where either image is not white, and those where the two differ strongly. */
  inked: number;
  differing: number;
  /** Per node: its kind, the SVG's colour at its centre, and the distance to the nearest PNG colour there. */
  centres: { id: string; kind: string; svg: number[]; nearest: number }[];
}

/** Renders both images at the PNG's size in the page and compares them. */
async function compare(png: Buffer, svg: string, name: string): Promise<Comparison> {
  // Kept for a person to look at when the comparison fails.
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${name}.png`, png);
  writeFileSync(`test-results/${name}.svg`, svg);
  const nodes = await page.evaluate(() =>
    (window as unknown as { __atlas: { modelNodes(): { id: string; kind: string; x: number; y: number }[] } }).__atlas.modelNodes(),
  );
  const viewBox = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number) as [number, number, number, number];
  const judge = await browser.newPage();
  try {
    return await judge.evaluate(
      async ({ pngUrl, svgUrl, nodes, viewBox }) => {
        const load = (src: string) =>
          new Promise<HTMLImageElement>((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img);
            img.onerror = () => reject(new Error('image did not load'));
            img.src = src;
          });
        const [p, s] = await Promise.all([load(pngUrl), load(svgUrl)]);
        const w = p.naturalWidth;
        const h = p.naturalHeight;
        const pixels = (img: HTMLImageElement) => {
          const c = document.createElement('canvas');
          c.width = w;
          c.height = h;
          const ctx = c.getContext('2d')!;
          ctx.fillStyle = '#fff';
          ctx.fillRect(0, 0, w, h);
          ctx.drawImage(img, 0, 0, w, h);
          return ctx.getImageData(0, 0, w, h).data;
        };
        const a = pixels(p);
        const b = pixels(s);
        // Compared in blocks of 8 x 8 pixels (4 x 4 at the SVG's scale): text
        // rasterised by two engines differs at the edges of every glyph, a missing shape or label
        // changes whole blocks.
        const B = 8;
        let inked = 0;
        let differing = 0;
        for (let by = 0; by + B <= h; by += B) {
          for (let bx = 0; bx + B <= w; bx += B) {
            const sa = [0, 0, 0];
            const sb = [0, 0, 0];
            for (let y = by; y < by + B; y++) {
              for (let x = bx; x < bx + B; x++) {
                const i = (y * w + x) * 4;
                for (let ch = 0; ch < 3; ch++) {
                  sa[ch]! += a[i + ch]!;
                  sb[ch]! += b[i + ch]!;
                }
              }
            }
            const ma = sa.map((v) => v / (B * B));
            const mb = sb.map((v) => v / (B * B));
            if (ma.every((v) => v > 245) && mb.every((v) => v > 245)) continue;
            inked++;
            if (Math.max(...ma.map((v, ch) => Math.abs(v - mb[ch]!))) > 48) differing++;
          }
        }
        const scale = w / viewBox[2];
        // Per node: the SVG's colour at its centre, and how far the nearest PNG colour within 2 px is
        // from it (a glyph of a label crossing the centre may land a pixel apart).
        const centres = nodes.map((n) => {
          const x = Math.round((n.x - viewBox[0]) * scale);
          const y = Math.round((n.y - viewBox[1]) * scale);
          const i = (y * w + x) * 4;
          const svg = [b[i]!, b[i + 1]!, b[i + 2]!];
          let nearest = Infinity;
          for (let dy = -2; dy <= 2; dy++) {
            for (let dx = -2; dx <= 2; dx++) {
              const j = ((y + dy) * w + x + dx) * 4;
              nearest = Math.min(
                nearest,
                Math.max(Math.abs(a[j]! - svg[0]!), Math.abs(a[j + 1]! - svg[1]!), Math.abs(a[j + 2]! - svg[2]!)),
              );
            }
          }
          return { id: n.id, kind: n.kind, svg, nearest };
        });
        return {
          pngSize: [w, h] as [number, number],
          svgSize: [s.naturalWidth, s.naturalHeight] as [number, number],
          inked,
          differing,
          centres,
        };
      },
      {
        pngUrl: `data:image/png;base64,${png.toString('base64')}`,
        svgUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        nodes,
        viewBox,
      },
    );
  } finally {
    await judge.close();
  }
}

const distance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

function expectMatch(c: Comparison, kinds: string[]): void {
  // The PNG is drawn at twice the scale, over the same bounds.
  expect(Math.abs(c.pngSize[0] - 2 * c.svgSize[0])).toBeLessThanOrEqual(2);
  expect(Math.abs(c.pngSize[1] - 2 * c.svgSize[1])).toBeLessThanOrEqual(2);
  expect(c.inked).toBeGreaterThan(1_000);
  // Anti-aliasing and text rendering differ a little; shapes, lines and labels must not.
  expect(c.differing / c.inked).toBeLessThan(0.06);
  // Every node's centre has the same colour in both images, and every kind is there in its colour.
  const off = c.centres.filter((n) => n.nearest > 40);
  expect(off.length / c.centres.length).toBeLessThan(0.01);
  for (const kind of kinds) {
    const ofKind = c.centres.filter((n) => n.kind === kind);
    expect(ofKind.length, kind).toBeGreaterThan(0);
    expect(
      ofKind.some((n) => distance(n.svg, KIND_COLOUR[kind]!) < 30),
      `a ${kind} node in its colour`,
    ).toBe(true);
  }
}

describe('SVG export', { timeout: 120_000 }, () => {
  it('matches the PNG on the whole seed graph, every kind of node shown', async () => {
    const served = await serveSeedGraph();
    try {
      await page.goto(`${served.baseUrl}/?hide=`);
      await waitForStill();
      const png = await save('Image (PNG)');
      const svg = (await save('Image (SVG)')).toString('utf8');
      const c = await compare(png, svg, 'export-seed');
      expectMatch(c, Object.keys(KIND_COLOUR));
      expect(logs.filter((l) => l.includes('Attempted to apply path command'))).toEqual([]);
    } finally {
      await served.close();
    }
  });

  it('matches the PNG on a synthetic graph of about 1,800 elements, drawn whole', async () => {
    const graph = generateGraph({ name: 'e2e', municipalities: 250, partners: 350, edges: 1_200 }, 3);
    const store = new MemoryGraphStore();
    await store.bulkUpsert({ nodes: graph.nodes, relations: graph.relations });
    const served = await serveStore(store);
    try {
      await page.goto(served.baseUrl);
      await waitForStill();
      const c = await compare(await save('Image (PNG)'), (await save('Image (SVG)')).toString('utf8'), 'export-synthetic');
      expectMatch(c, ['MUNICIPALITY', 'ORGANIZATION', 'NETWORK', 'FUNDING_PROGRAM', 'PROJECT']);
    } finally {
      await served.close();
    }
  });
});
