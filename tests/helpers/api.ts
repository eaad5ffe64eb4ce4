import { createApp, type AtlasApp } from '../../server/src/app.js';
import { portsOf, type GraphAdapter } from '../../server/src/store/ports.js';

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

export async function openApi(store: GraphAdapter): Promise<AtlasApp> {
  return createApp(portsOf(store));
}
