import { GraphQLError } from 'graphql';

/**
 * User-facing errors, each with a stable `extensions.code` and a message that says what to do.
 * Anything else thrown inside a resolver is reported as INTERNAL_SERVER_ERROR without details
 * (see formatError in app.ts).
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string, ids: readonly string[]) {
    super(message, { extensions: { code: 'NOT_FOUND', ids } });
  }
}

/** Refused before or while running: the client asked for too much (HTTP 400 when nothing ran). */
export class QueryTooComplexError extends GraphQLError {
  constructor(complexity: number, max: number, what = 'complexity') {
    super(
      `This query is too expensive (${complexity} ${what}, the limit is ${max}). Ask for fewer items per page (first/limit), fewer aliases of analysis fields, or fewer nested lists.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max, http: { status: 400 } } },
    );
  }
}
