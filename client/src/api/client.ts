import type { TypedDocumentString } from '../gql/graphql.js';
import { currentLang, t } from '../i18n/index.js';

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

/** The API's error codes (server/src/resolvers/domainErrors.ts, server/src/errors.ts) mapped to plain words, in the active language. */
export function explainError(code: string, serverMessage: string | undefined, ids: readonly string[] = []): string {
  switch (code) {
    case 'NOT_FOUND':
      return ids.length > 0
        ? t('messages:error.notFoundIds', { ids: ids.map((id) => t('messages:error.quotedId', { id })).join(', ') })
        : t('messages:error.notFound');
    case 'BAD_USER_INPUT':
      return t('messages:error.badInput', { detail: serverMessage ?? t('messages:error.outOfRange') });
    case 'QUERY_TOO_COMPLEX':
      return t('messages:error.tooComplex');
    case 'SERVICE_UNAVAILABLE':
      return t('messages:error.unavailable');
    case 'NETWORK':
      return t('messages:error.network');
    case 'HTTP':
      return t('messages:error.http', { detail: serverMessage ?? t('messages:error.unknown') });
    case 'INTERNAL':
      return t('messages:error.internal');
    default:
      return t('messages:error.unexpected');
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
      // The server words node names in the asked language where it knows them (asked → English → stored name).
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': currentLang() },
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
    throw new ApiError('HTTP', explainError('HTTP', `HTTP ${response.status}`), `HTTP ${response.status}`);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const ids = first.extensions?.ids ?? [];
    throw new ApiError(code, explainError(code, first.message, ids), first.message, ids);
  }
  if (!response.ok || !body.data) throw new ApiError('HTTP', explainError('HTTP', `HTTP ${response.status}`), `HTTP ${response.status}`);
  return body.data;
}
