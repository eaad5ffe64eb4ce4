/**
 * Which Cytoscape renderer draws the graph: its WebGL mode (3.31+) where the browser has a
 * hardware WebGL 2, else the 2D canvas. Software GL (SwiftShader, llvmpipe: headless Chromium,
 * machines without a GPU) counts as missing: it draws more slowly than the 2D canvas.
 */
export type RendererKind = 'webgl' | 'canvas';

export interface RendererChoice {
  kind: RendererKind;
  /** Why, in words, for the benchmark's lines and the console. */
  reason: string;
}

const SOFTWARE_GL = /swiftshader|llvmpipe|software|softpipe|basic render/i;

export function chooseRenderer(): RendererChoice {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return { kind: 'canvas', reason: 'no WebGL 2' };
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  if (SOFTWARE_GL.test(name)) return { kind: 'canvas', reason: `WebGL 2 is software here (${name})` };
  return { kind: 'webgl', reason: `WebGL 2 on ${name}` };
}

/**
 * The smallest zoom at which node labels are drawn: Cytoscape's WebGL mode ignores the
 * stylesheet's min-zoomed-font-size, so the canvas hides labels itself below it.
 */
export const labelsVisibleAt = (zoom: number, fontSize: number, minZoomedFontSize: number): boolean => fontSize * zoom >= minZoomedFontSize;
