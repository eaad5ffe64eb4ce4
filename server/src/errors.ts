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

export class QueryTooComplexError extends GraphQLError {
  constructor(complexity: number, max: number) {
    super(
      `This query is too expensive (complexity ${complexity}, the limit is ${max}). Ask for fewer items per page (first/limit) or fewer nested lists.`,
      { extensions: { code: 'QUERY_TOO_COMPLEX', complexity, max } },
    );
  }
}
