import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireEditor } from '../auth.js';
import type { AtlasContext } from '../context.js';
import type { Provenance } from '../domain/model.js';
import { EditService, serialized } from '../editing/EditService.js';
import { BadUserInputError } from '../errors.js';
import type { MutationResolvers } from '../generated/graphql.js';
import { formatReport } from '../importer/formatReport.js';
import { MappingError } from '../importer/mapping.js';
import { ImportRejected } from '../importer/planImport.js';
import { ImportInputError } from '../importer/readers.js';
import { parseMappingText, runImport, type ImportFormat } from '../importer/runImport.js';
import { LIMITS } from '../limits.js';
import { StoreWriteError } from '../store/GraphStore.js';
import { relationView } from './models.js';

function edits(ctx: AtlasContext): EditService {
  requireEditor(ctx.principal);
  return new EditService(ctx.store);
}

const provenance = (p: { source: string; locator: string; quote: string }): Provenance => ({ source: p.source, locator: p.locator, quote: p.quote });

/** A refused store write (a node to delete is gone, a relationship would dangle) as the user's error. */
async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof StoreWriteError) throw new BadUserInputError(`${e.message}.`, e.code === 'NOT_FOUND' ? 'id' : 'input');
    throw e;
  }
}

export const Mutation: MutationResolvers = {
  createNode: (_r, { input, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).createNode(ctx.principal.name, input as Record<string, unknown>, provenance(source));
    return { node: value, change };
  }),
  updateNode: (_r, { id, patch, clear, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).updateNode(ctx.principal.name, id, patch as Record<string, unknown>, clear ?? [], provenance(source));
    return { node: value, change };
  }),
  deleteNode: (_r, { id, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).deleteNode(ctx.principal.name, id, provenance(source));
    return { id: value, change };
  }),
  mergeNodes: (_r, { keep, merge, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).mergeNodes(ctx.principal.name, keep, merge, provenance(source));
    return { node: value, change };
  }),
  createRelation: (_r, { input, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).createRelation(ctx.principal.name, input as Record<string, unknown>, provenance(source));
    return { relation: relationView(value), change };
  }),
  updateRelation: (_r, { id, patch, clear, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).updateRelation(ctx.principal.name, id, patch as Record<string, unknown>, clear ?? [], provenance(source));
    return { relation: relationView(value), change };
  }),
  deleteRelation: (_r, { id, source }, ctx) => translated(async () => {
    const { value, change } = await edits(ctx).deleteRelation(ctx.principal.name, id, provenance(source));
    return { id: value, change };
  }),

  importData: async (_r, { input }, ctx) => {
    requireEditor(ctx.principal);
    if (input.content.length > LIMITS.importContent) throw new BadUserInputError(`content is larger than ${LIMITS.importContent / 2 ** 20} MB: import it with npm run import on the server, or split it.`, 'input.content');
    const name = input.fileName.replace(/[/\\]/g, '_').slice(0, 200) || 'upload';
    const dir = mkdtempSync(join(tmpdir(), 'atlas-upload-'));
    try {
      const path = join(dir, name);
      writeFileSync(path, input.content, 'utf8');
      const mapping = input.mapping ? parseMappingText(input.mapping, `${name} (mapping)`) : undefined;
      const outcome = await serialized(ctx.store, () =>
        runImport(ctx.store, {
          path,
          displayName: name,
          format: input.format ? (input.format.toLowerCase() as ImportFormat) : undefined,
          mapping,
          apply: input.apply ?? false,
          replace: input.replace ?? false,
          actor: ctx.principal.name,
        }),
      );
      const r = outcome.report;
      return {
        applied: outcome.applied !== null,
        noChange: r.noChange,
        rows: r.rows,
        createdNodes: Object.entries(r.created.nodes).map(([kind, count]) => ({ kind: kind as never, count })),
        createdRelations: Object.entries(r.created.relations).map(([kind, count]) => ({ kind: kind as never, count })),
        updatedNodes: r.merged.updatedNodes,
        updatedRelations: r.merged.updatedRelations,
        matchedByName: r.matchedExisting.byName,
        matchedById: r.matchedExisting.byId,
        skippedRows: r.skippedRows,
        skipped: r.skipped.map((g) => ({ reason: g.reason, rows: g.rows.slice(0, 100) })),
        conflicts: r.conflicts.count,
        text: formatReport(r, { applied: outcome.applied !== null, dryRun: !(input.apply ?? false) }),
      };
    } catch (e) {
      if (e instanceof ImportInputError || e instanceof ImportRejected || e instanceof MappingError) {
        throw new BadUserInputError(`${e.message}\nNothing was imported: the graph is as it was.`, 'input');
      }
      throw e;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
