import { GraphQLError } from 'graphql';

/**
 * Errors of the API layer itself (the domain's are in domain/errors.ts and translated in
 * resolvers/domainErrors.ts).
 */

/** Refused before or while running: the client asked for too much (HTTP 400 when nothing ran). */
export class QueryTooComplexError extends GraphQLError {
  constructor(complexity: number, max: number, what = 'complexity') {
    super(
      `This query is too expensive (${complexity} ${what}, the limit is ${max}). Ask for fewer items per page (first/limit), fewer aliases of analysis fields, or fewer nested lists.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max, http: { status: 400 } } },
    );
  }
}
