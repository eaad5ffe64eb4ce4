import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ImportRefusedError, type UserFacingError } from '../domain/errors.js';
import { StoreUnavailableError, StoreWriteError } from '../store/GraphStore.js';

/**
 * The one place where the domain's errors become the API's: the code a client sees (kept as the
 * API has always answered), the message, the details as extensions and, where the request as a
 * whole is refused, the HTTP status. The executor (jitExecutor.ts) applies it to every error a
 * resolver throws; formatError (app.ts) to those thrown outside execution.
 */
function apiShape(e: UserFacingError): { message: string; extensions: Record<string, unknown> } {
  const withHint = e.hint === undefined ? e.message : `${e.message}\n${e.hint}`;
  if (e instanceof StoreUnavailableError)
    return { message: `${e.message} Try again in a moment.`, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  // A refused write (a node to delete is gone, a relationship would dangle) is the caller's mistake.
  if (e instanceof StoreWriteError)
    return { message: `${e.message}.`, extensions: { code: 'BAD_USER_INPUT', argument: e.code === 'NOT_FOUND' ? 'id' : 'input' } };
  // A refused file is the client's mistake: HTTP 400, as for a bad variable.
  if (e instanceof ImportRefusedError)
    return { message: withHint, extensions: { code: 'BAD_USER_INPUT', argument: 'input', http: { status: 400 } } };
  return { message: withHint, extensions: { ...e.details, code: e.code } };
}

/** The GraphQL error for a domain error a resolver threw; `at` is the executor's error, for its path and locations. */
export function toGraphQLError(e: UserFacingError, at?: GraphQLError): GraphQLError {
  const { message, extensions } = apiShape(e);
  const error = new GraphQLError(message, { path: at?.path, originalError: e, extensions });
  // An outage is not about a place in the query: no locations, as the API has always answered it.
  if (at?.locations && !(e instanceof StoreUnavailableError))
    Object.defineProperty(error, 'locations', { value: at.locations, enumerable: true });
  return error;
}

/** The formatted error for a domain error thrown outside execution (no HTTP status can be set there). */
export function formatUserFacing(formatted: GraphQLFormattedError, e: UserFacingError): GraphQLFormattedError {
  const { message, extensions } = apiShape(e);
  const { http: _http, ...rest } = extensions;
  return { message, ...(formatted.locations ? { locations: formatted.locations } : {}), path: formatted.path, extensions: rest };
}
