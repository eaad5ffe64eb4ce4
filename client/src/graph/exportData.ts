import { nodeKindLabel } from './kinds.js';
import type { VisibleGraph } from './model.js';
import { edgeLabel } from './toElements.js';

/** The drawn graph as data: what is on screen, with the view that produced it. */
export function toJson(graph: VisibleGraph, meta: { url: string; exportedAt: string }): string {
  return JSON.stringify(
    {
      view: meta.url,
      exportedAt: meta.exportedAt,
      nodes: graph.nodes.map((n) => ({
        id: n.id,
        kind: n.kind,
        name: n.name,
        degree: n.degree,
        ...(n.countryCode ? { countryCode: n.countryCode } : {}),
        ...(n.partnershipType ? { partnershipType: n.partnershipType } : {}),
        ...(n.since ? { since: n.since } : {}),
        ...(n.until ? { until: n.until } : {}),
        ...(n.startYear ? { startYear: n.startYear } : {}),
        ...(n.endYear ? { endYear: n.endYear } : {}),
      })),
      edges: graph.edges.map((e) => ({
        id: e.id,
        kind: e.kind,
        source: e.source,
        target: e.target,
        label: edgeLabel(e),
        ...(e.partnershipId ? { partnershipId: e.partnershipId } : {}),
      })),
    },
    null,
    2,
  );
}

/** RFC 4180: quote every field that needs it, double the quotes inside. */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csv = (rows: (string | number | null | undefined)[][]): string => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

export function nodesCsv(graph: VisibleGraph): string {
  return csv([
    ['id', 'kind', 'name', 'country', 'degree', 'since', 'until'],
    ...graph.nodes.map((n) => [n.id, nodeKindLabel(n.kind), n.name, n.countryCode, n.degree, n.since ?? n.startYear, n.until ?? n.endYear]),
  ]);
}

export function edgesCsv(graph: VisibleGraph): string {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return csv([
    ['id', 'kind', 'source', 'source_name', 'target', 'target_name', 'label'],
    ...graph.edges.map((e) => [e.id, e.kind, e.source, names.get(e.source), e.target, names.get(e.target), edgeLabel(e)]),
  ]);
}
