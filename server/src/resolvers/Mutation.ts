import { requireEditor } from '../auth.js';
import type { AtlasContext } from '../context.js';
import type { Provenance } from '../domain/model.js';
import { EditService } from '../editing/EditService.js';
import type { MutationResolvers } from '../generated/graphql.js';
import { importUpload } from '../importer/importUpload.js';
import type { ImportFormat } from '../importer/runImport.js';
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

export const Mutation: MutationResolvers = {
  createNode: async (_r, { input, source }, ctx) => {
    const { value, change } = await edits(ctx).createNode(ctx.principal.name, input as Record<string, unknown>, provenance(source));
    return { node: value, change };
  },
  updateNode: async (_r, { id, patch, clear, source }, ctx) => {
    const { value, change } = await edits(ctx).updateNode(
      ctx.principal.name,
      id,
      patch as Record<string, unknown>,
      clear ?? [],
      provenance(source),
    );
    return { node: value, change };
  },
  setName: async (_r, { id, lang, text, source }, ctx) => {
    const { value, change } = await edits(ctx).setName(ctx.principal.name, id, lang, text ?? null, provenance(source));
    return { node: value, change };
  },
  deleteNode: async (_r, { id, source }, ctx) => {
    const { value, change } = await edits(ctx).deleteNode(ctx.principal.name, id, provenance(source));
    return { id: value, change };
  },
  mergeNodes: async (_r, { keep, merge, source }, ctx) => {
    const { value, change } = await edits(ctx).mergeNodes(ctx.principal.name, keep, merge, provenance(source));
    return { node: value, change };
  },
  createRelation: async (_r, { input, source }, ctx) => {
    const { value, change } = await edits(ctx).createRelation(ctx.principal.name, input as Record<string, unknown>, provenance(source));
    return { relation: relationView(value), change };
  },
  updateRelation: async (_r, { id, patch, clear, source }, ctx) => {
    const { value, change } = await edits(ctx).updateRelation(
      ctx.principal.name,
      id,
      patch as Record<string, unknown>,
      clear ?? [],
      provenance(source),
    );
    return { relation: relationView(value), change };
  },
  deleteRelation: async (_r, { id, source }, ctx) => {
    const { value, change } = await edits(ctx).deleteRelation(ctx.principal.name, id, provenance(source));
    return { id: value, change };
  },

  importData: async (_r, { input }, ctx) => {
    requireEditor(ctx.principal);
    return importUpload(ctx.store, {
      fileName: input.fileName,
      content: input.content,
      format: input.format ? (input.format.toLowerCase() as ImportFormat) : undefined,
      mapping: input.mapping ?? undefined,
      moreFiles: input.moreFiles ?? undefined,
      apply: input.apply ?? false,
      replace: input.replace ?? false,
      actor: ctx.principal.name,
    });
  },
};
