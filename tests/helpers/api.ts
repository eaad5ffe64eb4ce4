import { createApp, type AtlasApp } from '../../server/src/app.js';
import type { GraphStore } from '../../server/src/store/GraphStore.js';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs an operation through the real Apollo server in-process and returns the single result. */
export async function gql<T = any>(app: AtlasApp, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> {
  const response = await app.execute({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as GqlResult<T>;
}

export async function openApi(store: GraphStore): Promise<AtlasApp> {
  return createApp(store);
}
