/**
 * Errors a user can act on: a stable `code`, a message that says what to do, optional details
 * (the argument at fault, the ids not found). Every layer below the API throws these (or plain
 * errors for bugs); the API translates them to GraphQL errors in one place
 * (server/src/resolvers/domainErrors.ts) and the command-line tools print them as `CODE: message`
 * (server/src/cli/runCli.ts). Nothing here knows about GraphQL or HTTP.
 */
export class UserFacingError extends Error {
  readonly details: Readonly<Record<string, unknown>>;
  /** A line to show after the message (what the failure left as it was), if any. */
  readonly hint?: string;

  constructor(
    readonly code: string,
    message: string,
    options: { details?: Record<string, unknown>; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details ?? {};
    if (options.hint !== undefined) this.hint = options.hint;
  }
}

/** The caller gave a value that cannot be used; `argument` names it when one does. */
export class BadUserInputError extends UserFacingError {
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, { details: argument ? { argument } : {} });
  }
}

/** The caller named ids that are not in the graph. */
export class NotFoundError extends UserFacingError {
  constructor(message: string, ids: readonly string[]) {
    super('NOT_FOUND', message, { details: { ids } });
  }
}

/** An import refused as a whole (unreadable file, bad mapping, rows that cannot be imported): nothing was written. */
export class ImportRefusedError extends UserFacingError {
  constructor(code: string, message: string) {
    super(code, message, { hint: 'Nothing was imported: the graph is as it was.' });
  }
}

/** A command line the tool cannot run; the CLI runner prints the usage with it (exit code 2). */
export class UsageError extends UserFacingError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** A file the user named does not exist. */
export class FileNotFoundError extends UserFacingError {
  constructor(path: string) {
    super('FILE_NOT_FOUND', `No such file: ${path}. Check the path.`, { details: { path } });
  }
}
