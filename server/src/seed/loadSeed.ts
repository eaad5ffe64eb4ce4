import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { UserFacingError } from '../domain/errors.js';
import { countryNodeId, defaultRelationId, type GraphNode, type GraphRelation } from '../domain/model.js';
import { nodeRecordSchema, relationRecordSchema, RELATION_ENDPOINTS } from '../domain/records.js';

/** One thing wrong with the seed files, located as precisely as we can. */
export interface SeedProblem {
  file: string;
  line?: number;
  recordId?: string;
  message: string;
}

export class SeedValidationError extends UserFacingError {
  constructor(readonly problems: SeedProblem[]) {
    super(
      'SEED_INVALID',
      `The seed graph has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was loaded.\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

export function formatProblem(p: SeedProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const record = p.recordId === undefined ? '' : ` record "${p.recordId}"`;
  return `  ${where}${record}: ${p.message}`;
}

export interface SeedGraph {
  nodes: GraphNode[];
  relations: GraphRelation[];
  files: string[];
}

interface Located<T> {
  value: T;
  file: string;
  line: number;
}

/** The curated seed graph's files (graph-seed/data). */
export const DEFAULT_SEED_DIR = new URL('../../../graph-seed/data', import.meta.url).pathname;

/**
 * Reads every `*.yaml` file under `dir` (sorted, so the order is stable), validates each record
 * and the graph as a whole, and returns it. Any problem anywhere throws a SeedValidationError
 * listing all problems: a seed graph is loaded whole or not at all.
 */
export function loadSeed(dir: string = DEFAULT_SEED_DIR): SeedGraph {
  const files = listYamlFiles(dir);
  const problems: SeedProblem[] = [];
  const nodes: Located<GraphNode>[] = [];
  const relations: Located<GraphRelation>[] = [];

  for (const path of files) {
    const file = relative(process.cwd(), path);
    parseFile(path, file, problems, nodes, relations);
  }
  checkGraph(nodes, relations, problems);
  const allRelations = withDerivedLocatedIn(
    nodes.map((n) => n.value),
    relations.map((r) => r.value),
  );
  checkOrphans(nodes, allRelations, problems);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    nodes: nodes.map((n) => n.value),
    relations: allRelations,
    files: files.map((f) => relative(process.cwd(), f)),
  };
}

/**
 * No orphans: every node takes part in at least one relationship (the LOCATED_IN its country field
 * stands for counts), so that no fact sits in the graph without the statement that relates it. A
 * SOURCE node is connected by the facts that cite it. A COUNTRY nothing relates to is refused too.
 */
function checkOrphans(nodes: Located<GraphNode>[], relations: GraphRelation[], problems: SeedProblem[]): void {
  const linked = new Set<string>();
  for (const r of relations) {
    linked.add(r.from);
    linked.add(r.to);
  }
  for (const record of [...nodes.map((n) => n.value), ...relations]) for (const p of record.sources) linked.add(p.source);
  for (const n of nodes) for (const name of n.value.names) for (const p of name.sources) linked.add(p.source);
  for (const n of nodes) {
    if (linked.has(n.value.id)) continue;
    const what =
      n.value.kind === 'COUNTRY'
        ? 'a COUNTRY node without a relationship: no statement of the source relates anything to it'
        : 'an orphan node: no relationship links it to the graph';
    problems.push({
      file: n.file,
      line: n.line,
      recordId: n.value.id,
      message: `${what}; relate it with a quoted relationship, or remove it`,
    });
  }
}

function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(path));
    else if (entry.name.endsWith('.yaml') || entry.name.endsWith('.yml')) out.push(path);
  }
  return out;
}

function parseFile(
  path: string,
  file: string,
  problems: SeedProblem[],
  nodes: Located<GraphNode>[],
  relations: Located<GraphRelation>[],
): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push({ file, line: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` });
    }
    return;
  }
  const root = doc.contents;
  if (root === null) return;
  if (!isMap(root)) {
    problems.push({ file, line: 1, message: 'the file must be a map with the keys "nodes" and/or "relations"' });
    return;
  }
  for (const pair of root.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if (key !== 'nodes' && key !== 'relations') {
      problems.push({ file, message: `unknown top-level key "${key}": use "nodes" and "relations"` });
    }
  }
  const lineOf = (n: YamlNode | null | undefined) => (n?.range ? lineCounter.linePos(n.range[0]).line : 1);

  for (const section of ['nodes', 'relations'] as const) {
    const seq = root.get(section, true) as YamlNode | undefined;
    if (seq === undefined || seq === null) continue;
    if (!isSeq(seq)) {
      problems.push({ file, line: lineOf(seq), message: `"${section}" must be a list` });
      continue;
    }
    seq.items.forEach((item, index) => {
      const line = lineOf(item as YamlNode);
      const raw: unknown = (item as YamlNode & { toJSON(): unknown }).toJSON();
      const label = recordLabel(raw) ?? `${section}[${index}]`;
      if (section === 'nodes') {
        const parsed = nodeRecordSchema.safeParse(raw);
        if (!parsed.success) return reportIssues(problems, file, line, label, parsed.error.issues);
        nodes.push({ value: toGraphNode(parsed.data), file, line });
      } else {
        const parsed = relationRecordSchema.safeParse(raw);
        if (!parsed.success) return reportIssues(problems, file, line, label, parsed.error.issues);
        const r = parsed.data;
        const value: GraphRelation = { ...r, id: r.id ?? defaultRelationId(r.kind, r.from, r.to) };
        relations.push({ value, file, line });
      }
    });
  }
}

/** How a problem names its record: the id, or for relationships without one, kind from -> to. */
function recordLabel(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.id !== undefined) return String(r.id);
  if (r.kind !== undefined && r.from !== undefined && r.to !== undefined) return `${String(r.kind)} ${String(r.from)} -> ${String(r.to)}`;
  return undefined;
}

function reportIssues(problems: SeedProblem[], file: string, line: number, recordId: string, issues: z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const path = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    problems.push({ file, line, recordId, message: `${path}${issue.message}` });
  }
}

function toGraphNode(record: z.output<typeof nodeRecordSchema>): GraphNode {
  return record as GraphNode;
}

function checkGraph(nodes: Located<GraphNode>[], relations: Located<GraphRelation>[], problems: SeedProblem[]): void {
  const byId = new Map<string, Located<GraphNode>>();
  for (const n of nodes) {
    const first = byId.get(n.value.id);
    if (first) {
      problems.push({
        file: n.file,
        line: n.line,
        recordId: n.value.id,
        message: `duplicate node id, first defined at ${first.file}:${first.line}`,
      });
    } else byId.set(n.value.id, n);
  }
  const countryCodes = new Set(nodes.filter((n) => n.value.kind === 'COUNTRY').map((n) => n.value.code));
  for (const n of nodes) {
    if (n.value.kind === 'COUNTRY' && n.value.id !== countryNodeId(n.value.code ?? '')) {
      problems.push({
        file: n.file,
        line: n.line,
        recordId: n.value.id,
        message: `a COUNTRY node's id must be "${countryNodeId(n.value.code ?? 'xx')}" (from its code)`,
      });
    }
    for (const p of [...n.value.sources, ...n.value.names.flatMap((name) => name.sources)]) {
      const src = byId.get(p.source);
      if (!src || src.value.kind !== 'SOURCE') {
        problems.push({ file: n.file, line: n.line, recordId: n.value.id, message: `sources: "${p.source}" is not a SOURCE node` });
      }
    }
    if (n.value.country !== undefined && !countryCodes.has(n.value.country)) {
      problems.push({
        file: n.file,
        line: n.line,
        recordId: n.value.id,
        message: `country "${n.value.country}" has no COUNTRY node; add one with code: ${n.value.country}`,
      });
    }
  }
  const relIds = new Map<string, Located<GraphRelation>>();
  for (const r of relations) {
    const rel = r.value;
    const first = relIds.get(rel.id);
    if (first) {
      problems.push({
        file: r.file,
        line: r.line,
        recordId: rel.id,
        message: `duplicate relationship id, first at ${first.file}:${first.line}; give one of them an explicit "id"`,
      });
    } else relIds.set(rel.id, r);
    const rules = RELATION_ENDPOINTS[rel.kind];
    for (const [end, allowed] of [
      ['from', rules.from],
      ['to', rules.to],
    ] as const) {
      const target = byId.get(rel[end]);
      if (!target) {
        problems.push({ file: r.file, line: r.line, recordId: rel.id, message: `${end}: no node has the id "${rel[end]}"` });
      } else if (!allowed.includes(target.value.kind)) {
        problems.push({
          file: r.file,
          line: r.line,
          recordId: rel.id,
          message: `${end}: a ${rel.kind} relationship cannot ${end === 'from' ? 'start at' : 'point to'} a ${target.value.kind} ("${rel[end]}"); allowed: ${allowed.join(', ')}`,
        });
      }
    }
    for (const p of rel.sources) {
      const src = byId.get(p.source);
      if (!src || src.value.kind !== 'SOURCE') {
        problems.push({ file: r.file, line: r.line, recordId: rel.id, message: `sources: "${p.source}" is not a SOURCE node` });
      }
    }
  }
}

/**
 * A node's `country` field is a LOCATED_IN relationship too; derive it (unless the files state it
 * explicitly) so that the field and the graph never disagree.
 */
function withDerivedLocatedIn(nodes: GraphNode[], relations: GraphRelation[]): GraphRelation[] {
  const ids = new Set(relations.map((r) => r.id));
  const derived = nodes
    .filter((n) => n.country !== undefined && n.kind !== 'COUNTRY')
    .map((n): GraphRelation => {
      const to = countryNodeId(n.country!);
      return { id: defaultRelationId('LOCATED_IN', n.id, to), kind: 'LOCATED_IN', from: n.id, to, sources: n.sources.slice(0, 1) };
    })
    .filter((r) => !ids.has(r.id));
  return [...relations, ...derived];
}
