import type { TypedDocumentString } from '../gql/graphql.js';

/** Where the API is: same origin, so the built client and `npm run dev` (proxy) both work. */
export const GRAPHQL_PATH = '/graphql';

/** An API failure in words a user understands, with the API's stable code kept for tests and logic. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    /** Plain words: what happened and what to do. */
    readonly userMessage: string,
    /** The server's own message, shown as detail. */
    readonly detail?: string,
    readonly ids: readonly string[] = [],
  ) {
    super(userMessage);
    this.name = 'ApiError';
  }
}

/** The API's error codes (server/src/errors.ts) mapped to plain words. */
export function explainError(code: string, serverMessage: string | undefined, ids: readonly string[] = []): string {
  switch (code) {
    case 'NOT_FOUND':
      return ids.length > 0
        ? `The atlas has no node with the id ${ids.map((i) => `“${i}”`).join(', ')}. The link may be old or mistyped: search for it by name instead.`
        : 'The atlas has no such node. Search for it by name instead.';
    case 'BAD_USER_INPUT':
      return `The server could not use that request: ${serverMessage ?? 'a value was out of range'}`;
    case 'QUERY_TOO_COMPLEX':
      return 'That view asks for too much at once. Collapse some nodes or add filters, then try again.';
    case 'SERVICE_UNAVAILABLE':
      return 'The database behind the atlas is not reachable right now. Wait a moment and try again.';
    case 'NETWORK':
      return 'The atlas server cannot be reached. Check that it is running (npm start) and that you are online to it, then try again.';
    case 'HTTP':
      return `The atlas server answered with an error (${serverMessage ?? 'unknown'}). Try again; if it keeps happening, report it.`;
    default:
      return 'The server hit an unexpected problem. Try again; if it keeps happening, report it.';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; ids?: string[] } }[];
}

/** Sends one typed operation; resolves with its data or rejects with an ApiError. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('NETWORK', explainError('NETWORK', undefined), (e as Error).message);
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError('HTTP', explainError('HTTP', `HTTP ${response.status}`));
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const ids = first.extensions?.ids ?? [];
    throw new ApiError(code, explainError(code, first.message, ids), first.message, ids);
  }
  if (!response.ok || !body.data) throw new ApiError('HTTP', explainError('HTTP', `HTTP ${response.status}`));
  return body.data;
}
