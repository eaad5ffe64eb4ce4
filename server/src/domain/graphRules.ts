import { countryNodeId, type GraphNode, type GraphRelation } from './model.js';
import { nodeRecordSchema, relationRecordSchema, RELATION_ENDPOINTS } from './records.js';

/**
 * The rules every node and relationship must satisfy wherever it enters the graph (imports and
 * edits; the seed loader applies the same rules with file positions): its record schema, and the
 * graph around it: cited sources are SOURCE nodes, a country has its COUNTRY node, relationships
 * join existing nodes of allowed kinds.
 */

export interface RuleProblem {
  /** The node id, or the relationship id. */
  recordId: string;
  message: string;
}

/** Validates a node against its record schema; returns the parsed node (defaults applied) or the problems. */
export function parseNode(raw: unknown): { node: GraphNode } | { problems: string[] } {
  const parsed = nodeRecordSchema.safeParse(raw);
  if (parsed.success) return { node: parsed.data as GraphNode };
  return { problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`) };
}

export function parseRelation(raw: unknown): { relation: Omit<GraphRelation, 'id'> & { id?: string } } | { problems: string[] } {
  const parsed = relationRecordSchema.safeParse(raw);
  if (parsed.success) return { relation: parsed.data };
  return { problems: parsed.error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`) };
}

/** The ids of the nodes the rules look at: sources cited, COUNTRY nodes, relationship ends. */
export function referencedIds(nodes: readonly GraphNode[], relations: readonly GraphRelation[]): Set<string> {
  const ids = new Set<string>();
  for (const n of nodes) {
    for (const p of n.sources) ids.add(p.source);
    for (const name of n.names ?? []) for (const p of name.sources) ids.add(p.source);
    if (n.country !== undefined && n.kind !== 'COUNTRY') ids.add(countryNodeId(n.country));
  }
  for (const r of relations) {
    ids.add(r.from);
    ids.add(r.to);
    for (const p of r.sources) ids.add(p.source);
  }
  return ids;
}

/**
 * Checks the graph rules for nodes and relationships about to be written; `lookup` answers for
 * every node as it will be after the write (the written ones and the store's).
 */
export function checkGraphRules(
  nodes: readonly GraphNode[],
  relations: readonly GraphRelation[],
  lookup: (id: string) => GraphNode | undefined,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const checkSources = (recordId: string, sources: GraphNode['sources']) => {
    for (const p of sources) {
      if (lookup(p.source)?.kind !== 'SOURCE') problems.push({ recordId, message: `sources: "${p.source}" is not a SOURCE node` });
    }
  };
  for (const n of nodes) {
    if (n.kind === 'COUNTRY' && n.id !== countryNodeId(n.code ?? '')) {
      problems.push({ recordId: n.id, message: `a COUNTRY node's id must be "${countryNodeId(n.code ?? 'xx')}" (from its code)` });
    }
    checkSources(n.id, n.sources);
    for (const name of n.names ?? []) checkSources(n.id, name.sources);
    if (n.country !== undefined && n.kind !== 'COUNTRY' && lookup(countryNodeId(n.country))?.kind !== 'COUNTRY') {
      problems.push({ recordId: n.id, message: `country "${n.country}" has no COUNTRY node (${countryNodeId(n.country)})` });
    }
  }
  for (const r of relations) {
    const rules = RELATION_ENDPOINTS[r.kind];
    for (const [end, allowed] of [
      ['from', rules.from],
      ['to', rules.to],
    ] as const) {
      const target = lookup(r[end]);
      if (!target) problems.push({ recordId: r.id, message: `${end}: no node has the id "${r[end]}"` });
      else if (!allowed.includes(target.kind)) {
        problems.push({
          recordId: r.id,
          message: `${end}: a ${r.kind} relationship cannot ${end === 'from' ? 'start at' : 'point to'} a ${target.kind} ("${r[end]}"); allowed: ${allowed.join(', ')}`,
        });
      }
    }
    if (r.from === r.to) problems.push({ recordId: r.id, message: 'a relationship cannot link a node to itself' });
    checkSources(r.id, r.sources);
  }
  return problems;
}

/** The LOCATED_IN relationship a node's country field stands for (as the seed loader derives it). */
export function locatedInOf(node: GraphNode): GraphRelation | undefined {
  if (node.country === undefined || node.kind === 'COUNTRY') return undefined;
  const to = countryNodeId(node.country);
  return { id: `${node.id}--located-in--${to}`, kind: 'LOCATED_IN', from: node.id, to, sources: node.sources.slice(0, 1) };
}
