import { randomBytes } from 'node:crypto';
import { checkGraphRules, locatedInOf, parseNode, parseRelation, referencedIds } from '../domain/graphRules.js';
import { addCitations, mergeInto, mergeNames } from '../domain/merge.js';
import { primaryLanguage } from '../domain/names.js';
import {
  countryNodeId,
  defaultRelationId,
  NODE_SCALAR_FIELDS,
  RELATION_SCALAR_FIELDS,
  type GraphNode,
  type GraphRelation,
  type Provenance,
} from '../domain/model.js';
import { BadUserInputError, NotFoundError } from '../domain/errors.js';
import type { ChangeAction, ChangeRecord, ChangeSet, GraphStore } from '../store/GraphStore.js';
import { slugOfName } from '../domain/normalize.js';

/**
 * Editing through the API: each operation reads what it changes, builds the new records,
 * validates them as strictly as the seed files (record schema and graph rules), and writes them
 * with their change record in ONE store.applyChanges. Operations on one store run one at a time
 * (in this process), so a read-modify-write is never interleaved with another.
 */

const NODE_FIELDS: ReadonlySet<string> = new Set(['name', 'altNames', ...NODE_SCALAR_FIELDS]);
const RELATION_FIELDS: ReadonlySet<string> = new Set(RELATION_SCALAR_FIELDS);

export interface EditResult<T> {
  value: T;
  change: ChangeRecord;
}

let sequence = 0;
const processTag = randomBytes(3).toString('hex');

const queues = new WeakMap<GraphStore, Promise<unknown>>();

/** Runs `work` after every earlier edit of the same store has finished. */
export function serialized<T>(store: GraphStore, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(store) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    store,
    next.catch(() => {}),
  );
  return next;
}

/** The fields of `record` named in `fields`. */
function pick(record: object, fields: readonly string[]): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, values[f]]));
}

function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export class EditService {
  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  createNode(actor: string, input: Record<string, unknown>, source: Provenance): Promise<EditResult<GraphNode>> {
    return serialized(this.store, async () => {
      const provenance = this.provenance(source);
      const selfCiting = input.kind === 'SOURCE' && input.id === source.source;
      if (!selfCiting) await this.checkSource(source);
      const id =
        typeof input.id === 'string' && input.id !== ''
          ? input.id
          : await this.freeId(String(input.name ?? ''), input.country as string | undefined);
      if ((await this.store.getNodes([id]))[0])
        throw new BadUserInputError(`A node with the id "${id}" exists already: update it, or choose another id.`, 'input.id');
      const node = this.validNode(
        { ...clean(input), id, altNames: (input.altNames as string[] | undefined) ?? [], sources: [provenance] },
        'input',
      );
      const located = locatedInOf(node);
      const change = this.record(actor, 'CREATE_NODE', node.id, [node.id], null, node, source, `created ${node.kind} "${node.name}"`);
      await this.write({ putNodes: [node], putRelations: located ? [located] : [], log: [change] }, 'input');
      return { value: node, change };
    });
  }

  updateNode(
    actor: string,
    id: string,
    patch: Record<string, unknown>,
    clear: readonly string[],
    source: Provenance,
  ): Promise<EditResult<GraphNode>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      const before = await this.node(id);
      for (const field of clear) {
        if (!NODE_FIELDS.has(field) || field === 'name')
          throw new BadUserInputError(
            `"${field}" cannot be cleared: name one of ${[...NODE_FIELDS].filter((f) => f !== 'name').join(', ')}.`,
            'clear',
          );
      }
      const next: Record<string, unknown> = { ...structuredClone(before), ...clean(patch) };
      for (const field of clear) {
        if (field === 'altNames') next.altNames = [];
        else delete next[field];
      }
      const provenance = this.provenance(source);
      addCitations(next.sources as Provenance[], [provenance]);
      const node = this.validNode(next, 'patch');
      const changes: ChangeSet = { putNodes: [node], putRelations: [], deleteRelations: [] };
      if (before.country !== node.country) {
        const old = locatedInOf(before);
        if (old && (await this.store.getRelations([old.id]))[0]) (changes.deleteRelations as string[]).push(old.id);
        const located = locatedInOf(node);
        if (located) (changes.putRelations as GraphRelation[]).push(located);
      }
      const change = this.record(actor, 'UPDATE_NODE', id, [id], before, node, source, `updated ${node.kind} "${node.name}"`);
      await this.write({ ...changes, log: [change] }, 'patch');
      return { value: node, change };
    });
  }

  /**
   * Sets the node's name in one language, citing `source` (the same text again adds the citation),
   * or removes it when `text` is null. `lang` is a language tag; its primary subtag is kept
   * ("nl-BE" names the Dutch name), as Node.name reads them (docs/adr/0022).
   */
  setName(actor: string, id: string, lang: string, text: string | null, source: Provenance): Promise<EditResult<GraphNode>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      const before = await this.node(id);
      const language = primaryLanguage(lang);
      if (!language) throw new BadUserInputError(`"${lang}" is not a language: give a language code such as "nl", "fr" or "en".`, 'lang');
      const provenance = this.provenance(source);
      const current = before.names ?? [];
      let names;
      if (text === null) {
        if (!current.some((n) => n.lang === language))
          throw new BadUserInputError(`"${id}" has no name in "${language}": there is nothing to remove.`, 'lang');
        names = current.filter((n) => n.lang !== language);
      } else {
        names = mergeNames(current, [{ lang: language, text, sources: [provenance] }], true).names;
      }
      const node = this.validNode({ ...structuredClone(before), names }, 'text');
      const summary =
        text === null
          ? `removed the ${language} name of ${node.kind} "${node.name}"`
          : `named ${node.kind} "${node.name}" "${text}" in ${language}`;
      const change = this.record(actor, 'UPDATE_NODE', id, [id], before, node, source, summary);
      await this.write({ putNodes: [node], log: [change] }, 'text');
      return { value: node, change };
    });
  }

  deleteNode(actor: string, id: string, source: Provenance): Promise<EditResult<string>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      const before = await this.node(id);
      this.provenance(source);
      if (before.kind === 'SOURCE')
        throw new BadUserInputError(`"${id}" is a SOURCE: facts may cite it, so it cannot be deleted through the API.`, 'id');
      const relations = await this.store.relationsOfNodes([id]);
      if (before.kind === 'COUNTRY' && relations.some((r) => r.kind === 'LOCATED_IN' && r.to === id)) {
        throw new BadUserInputError(`Nodes are located in "${id}": move or delete them first.`, 'id');
      }
      const neighbours = [...new Set(relations.map((r) => (r.from === id ? r.to : r.from)))];
      const change = this.record(
        actor,
        'DELETE_NODE',
        id,
        [id, ...neighbours],
        { node: before, relations },
        null,
        source,
        `deleted ${before.kind} "${before.name}" and its ${relations.length} relationships`,
      );
      await this.write({ deleteNodes: [id], log: [change] }, 'id');
      return { value: id, change };
    });
  }

  mergeNodes(actor: string, keepId: string, mergeId: string, source: Provenance): Promise<EditResult<GraphNode>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      if (keepId === mergeId) throw new BadUserInputError('"keep" and "merge" are the same node.', 'merge');
      const [keep, merge] = [await this.node(keepId, 'keep'), await this.node(mergeId, 'merge')];
      if (keep.kind !== merge.kind)
        throw new BadUserInputError(
          `"${keepId}" is a ${keep.kind} and "${mergeId}" a ${merge.kind}: only nodes of one kind can be the same entity.`,
          'merge',
        );
      if (keep.kind === 'SOURCE' || keep.kind === 'COUNTRY')
        throw new BadUserInputError(`${keep.kind} nodes cannot be merged through the API.`, 'merge');
      const provenance = this.provenance(source);
      // keep's values stand where the two differ: the conflicts are not an error here.
      const result = mergeInto(keep, { ...pick(merge, NODE_SCALAR_FIELDS), names: merge.names ?? [] }, [...merge.sources, provenance]);
      const merged = result.value;
      // merge's name in a language keep names otherwise is not lost: it becomes an alternative name.
      const otherSpellings = result.conflicts.filter((c) => c.field.startsWith('names.')).map((c) => c.offered as string);
      const names = [merge.name, ...merge.altNames, ...otherSpellings].filter((n) => n !== keep.name && !merged.altNames.includes(n));
      merged.altNames.push(...new Set(names));

      const moving = await this.store.relationsOfNodes([mergeId]);
      const keepRelations = new Map((await this.store.relationsOfNodes([keepId])).map((r) => [r.id, r]));
      const put = new Map<string, GraphRelation>();
      for (const r of moving) {
        const from = r.from === mergeId ? keepId : r.from;
        const to = r.to === mergeId ? keepId : r.to;
        if (from === to) continue;
        // A country is the kept node's own: its LOCATED_IN stands, merge's is dropped.
        if (r.kind === 'LOCATED_IN' && from === keepId && merged.country !== undefined && to !== countryNodeId(merged.country)) continue;
        const id = r.id === defaultRelationId(r.kind, r.from, r.to) ? defaultRelationId(r.kind, from, to) : r.id;
        const existing = put.get(id) ?? keepRelations.get(id);
        if (existing) put.set(id, mergeInto(existing, pick(r, RELATION_SCALAR_FIELDS), r.sources).value);
        else put.set(id, { ...structuredClone(r), id, from, to });
      }
      const located = locatedInOf(merged);
      if (located && !keepRelations.has(located.id) && !put.has(located.id)) put.set(located.id, located);
      const node = this.validNode(merged as unknown as Record<string, unknown>, 'keep');
      const change = this.record(
        actor,
        'MERGE_NODES',
        keepId,
        [keepId, mergeId],
        { keep, merge, relations: moving },
        { node, relations: [...put.values()] },
        source,
        `merged ${merge.kind} "${merge.name}" (${mergeId}) into "${keep.name}" (${keepId})`,
      );
      await this.write({ deleteNodes: [mergeId], putNodes: [node], putRelations: [...put.values()], log: [change] }, 'merge');
      return { value: node, change };
    });
  }

  createRelation(actor: string, input: Record<string, unknown>, source: Provenance): Promise<EditResult<GraphRelation>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      const provenance = this.provenance(source);
      const parsed = parseRelation({ ...clean(input), sources: [provenance] });
      if ('problems' in parsed) throw new BadUserInputError(`The relationship is not valid: ${parsed.problems.join('; ')}.`, 'input');
      const relation: GraphRelation = {
        ...parsed.relation,
        id: parsed.relation.id ?? defaultRelationId(parsed.relation.kind, parsed.relation.from, parsed.relation.to),
      };
      if ((await this.store.getRelations([relation.id]))[0])
        throw new BadUserInputError(
          `A relationship with the id "${relation.id}" exists already: update it, or give this one another id.`,
          'input.id',
        );
      const change = this.record(
        actor,
        'CREATE_RELATION',
        relation.id,
        [relation.from, relation.to],
        null,
        relation,
        source,
        `created ${relation.kind} ${relation.from} -> ${relation.to}`,
      );
      await this.write({ putRelations: [relation], log: [change] }, 'input');
      return { value: relation, change };
    });
  }

  updateRelation(
    actor: string,
    id: string,
    patch: Record<string, unknown>,
    clear: readonly string[],
    source: Provenance,
  ): Promise<EditResult<GraphRelation>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      const before = await this.relation(id);
      for (const field of clear)
        if (!RELATION_FIELDS.has(field))
          throw new BadUserInputError(`"${field}" cannot be cleared: name one of ${[...RELATION_FIELDS].join(', ')}.`, 'clear');
      const next: Record<string, unknown> = { ...structuredClone(before), ...clean(patch) };
      for (const field of clear) delete next[field];
      const provenance = this.provenance(source);
      addCitations(next.sources as Provenance[], [provenance]);
      const parsed = parseRelation(next);
      if ('problems' in parsed) throw new BadUserInputError(`The relationship is not valid: ${parsed.problems.join('; ')}.`, 'patch');
      const relation: GraphRelation = { ...parsed.relation, id };
      const change = this.record(
        actor,
        'UPDATE_RELATION',
        id,
        [relation.from, relation.to],
        before,
        relation,
        source,
        `updated ${relation.kind} ${relation.from} -> ${relation.to}`,
      );
      await this.write({ putRelations: [relation], log: [change] }, 'patch');
      return { value: relation, change };
    });
  }

  deleteRelation(actor: string, id: string, source: Provenance): Promise<EditResult<string>> {
    return serialized(this.store, async () => {
      await this.checkSource(source);
      const before = await this.relation(id);
      this.provenance(source);
      const change = this.record(
        actor,
        'DELETE_RELATION',
        id,
        [before.from, before.to],
        before,
        null,
        source,
        `deleted ${before.kind} ${before.from} -> ${before.to}`,
      );
      await this.write({ deleteRelations: [id], log: [change] }, 'id');
      return { value: id, change };
    });
  }

  private async node(id: string, argument = 'id'): Promise<GraphNode> {
    const [node] = await this.store.getNodes([id]);
    if (!node) throw new NotFoundError(`No node has the id "${id}" (${argument}). Find ids with the search field.`, [id]);
    return node;
  }

  private async relation(id: string): Promise<GraphRelation> {
    const [relation] = await this.store.getRelations([id]);
    if (!relation) throw new NotFoundError(`No relationship has the id "${id}". Find ids in a node's relations.`, [id]);
    return relation;
  }

  /** The cited source must be a SOURCE node: checked first, with a message that says so. */
  private async checkSource(source: Provenance): Promise<void> {
    const [node] = await this.store.getNodes([source.source]);
    if (node?.kind !== 'SOURCE') {
      throw new BadUserInputError(
        `source.source: "${source.source}" is not a SOURCE node. Cite an existing source (Query.sources lists them), or create one first with createNode(kind: SOURCE).`,
        'source',
      );
    }
    if (source.locator.trim() === '' || source.quote.trim().length < 3)
      throw new BadUserInputError('source: give a locator and a quote of at least a few words.', 'source');
  }

  private provenance(source: Provenance): Provenance {
    return { source: source.source, locator: source.locator, quote: source.quote, importedAt: this.now().toISOString() };
  }

  private validNode(raw: Record<string, unknown>, argument: string): GraphNode {
    const parsed = parseNode(raw);
    if ('problems' in parsed) throw new BadUserInputError(`The node is not valid: ${parsed.problems.join('; ')}.`, argument);
    return parsed.node;
  }

  /** Checks the graph rules against the store (sources are SOURCE nodes, countries exist, ends and kinds), then writes. */
  private async write(changes: ChangeSet, argument: string): Promise<void> {
    const nodes = changes.putNodes ?? [];
    const relations = changes.putRelations ?? [];
    const known = new Map(nodes.map((n) => [n.id, n]));
    const deleted = new Set(changes.deleteNodes ?? []);
    const refs = [...referencedIds(nodes, relations)].filter((id) => !known.has(id));
    const around = new Map((await this.store.getNodes(refs)).filter((n) => n !== null && !deleted.has(n.id)).map((n) => [n!.id, n!]));
    const problems = checkGraphRules(nodes, relations, (id) => known.get(id) ?? around.get(id));
    if (problems.length > 0)
      throw new BadUserInputError(`Not written: ${problems.map((p) => `${p.recordId}: ${p.message}`).join('; ')}.`, argument);
    await this.store.applyChanges(changes);
  }

  private async freeId(name: string, country: string | undefined): Promise<string> {
    const base = slugOfName(name) || 'node';
    for (let i = 1; ; i++) {
      const id = i === 1 ? base : `${base}-${i === 2 && country ? country.toLowerCase() : i}`;
      if (!(await this.store.getNodes([id]))[0]) return id;
    }
  }

  private record(
    actor: string,
    action: ChangeAction,
    subject: string,
    nodeIds: string[],
    before: unknown,
    after: unknown,
    source: Provenance,
    summary: string,
  ): ChangeRecord {
    const at = this.now().toISOString();
    return {
      // Sorts by time, then by order within this process (ids within one millisecond stay in order).
      id: `${at}-${String((sequence += 1)).padStart(10, '0')}-${processTag}`,
      at,
      actor,
      action,
      subject,
      nodeIds: [...new Set(nodeIds)],
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      source: source.source,
      summary,
    };
  }
}
