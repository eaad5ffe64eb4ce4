import { GraphQLError } from 'graphql';
import { requireEditor } from '../auth.js';
import type { AtlasContext } from '../context.js';
import type { Provenance } from '../domain/model.js';
import { EditService } from '../editing/EditService.js';
import { BadUserInputError } from '../errors.js';
import type { MutationResolvers } from '../generated/graphql.js';
import { importUpload } from '../importer/importUpload.js';
import { MappingError } from '../importer/mapping.js';
import { ImportRejected } from '../importer/planImport.js';
import { ImportInputError } from '../importer/readers.js';
import type { ImportFormat } from '../importer/runImport.js';
import { StoreWriteError } from '../store/GraphStore.js';
import { relationView } from './models.js';

function edits(ctx: AtlasContext): EditService {
  requireEditor(ctx.principal);
  return new EditService(ctx.store);
}

const provenance = (p: { source: string; locator: string; quote: string }): Provenance => ({
  source: p.source,
  locator: p.locator,
  quote: p.quote,
});

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
  createNode: (_r, { input, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).createNode(ctx.principal.name, input as Record<string, unknown>, provenance(source));
      return { node: value, change };
    }),
  updateNode: (_r, { id, patch, clear, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).updateNode(
        ctx.principal.name,
        id,
        patch as Record<string, unknown>,
        clear ?? [],
        provenance(source),
      );
      return { node: value, change };
    }),
  deleteNode: (_r, { id, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).deleteNode(ctx.principal.name, id, provenance(source));
      return { id: value, change };
    }),
  mergeNodes: (_r, { keep, merge, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).mergeNodes(ctx.principal.name, keep, merge, provenance(source));
      return { node: value, change };
    }),
  createRelation: (_r, { input, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).createRelation(ctx.principal.name, input as Record<string, unknown>, provenance(source));
      return { relation: relationView(value), change };
    }),
  updateRelation: (_r, { id, patch, clear, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).updateRelation(
        ctx.principal.name,
        id,
        patch as Record<string, unknown>,
        clear ?? [],
        provenance(source),
      );
      return { relation: relationView(value), change };
    }),
  deleteRelation: (_r, { id, source }, ctx) =>
    translated(async () => {
      const { value, change } = await edits(ctx).deleteRelation(ctx.principal.name, id, provenance(source));
      return { id: value, change };
    }),

  importData: async (_r, { input }, ctx) => {
    requireEditor(ctx.principal);
    try {
      return await importUpload(ctx.store, {
        fileName: input.fileName,
        content: input.content,
        format: input.format ? (input.format.toLowerCase() as ImportFormat) : undefined,
        mapping: input.mapping ?? undefined,
        apply: input.apply ?? false,
        replace: input.replace ?? false,
        actor: ctx.principal.name,
      });
    } catch (e) {
      if (e instanceof ImportInputError || e instanceof ImportRejected || e instanceof MappingError) {
        // A refused file is the client's mistake: HTTP 400, as for a bad variable.
        throw new GraphQLError(`${e.message}\nNothing was imported: the graph is as it was.`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'input', http: { status: 400 } },
        });
      }
      throw e;
    }
  },
};
