import type { RelationKind } from '../gql/graphql.js';
import { RELATION_KINDS } from './kinds.js';
import type { VisibleGraph } from './model.js';

/**
 * What the explorer's data downloads (JSON, CSV) export: the drawn nodes and the partnerships drawn
 * as edges between their parties, with the relationship kinds the view shows (null: all). The
 * server writes the file (exportSelection, the writer of `npm run export`), with every fact's
 * sources, so that it imports back (ADR 0028).
 */
export interface ExportSelection {
  ids: string[];
  relationKinds: RelationKind[] | null;
}

export function exportSelectionOf(graph: VisibleGraph, hiddenRelationKinds: readonly RelationKind[]): ExportSelection {
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const e of graph.edges) if (e.partnershipId) ids.add(e.partnershipId);
  const hidden = new Set(hiddenRelationKinds);
  return {
    ids: [...ids].sort(),
    relationKinds: hidden.size === 0 ? null : RELATION_KINDS.filter((k) => !hidden.has(k)),
  };
}

/** The view a download was made from: kept in the JSON under "view", which an import reads past (with a note). */
export interface ExportView {
  url: string;
  exportedAt: string;
}

/** The export's JSON ({"nodes": [...], "relations": [...]}) with "view" as its first key; the rest byte for byte. */
export function withView(json: string, view: ExportView): string {
  const open = json.indexOf('{');
  if (open < 0) throw new Error('not a JSON object');
  return `{\n  "view": ${JSON.stringify(view)},${json.slice(open + 1)}`;
}
