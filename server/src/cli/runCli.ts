import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect, parseArgs, type ParseArgsConfig } from 'node:util';
import { FileNotFoundError, UsageError, UserFacingError } from '../domain/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export interface CliCommand<O extends Options> {
  /** The tool's name in messages and in the name of an internal error's log file ("import"). */
  name: string;
  /** Shown for --help (exit code 0) and after a UsageError (exit code 2). */
  usage: string;
  options: O;
  /** Does the work; returns the exit code (default 0). Throws UserFacingError for what the user can fix. */
  run: (args: Parsed<O>) => Promise<number | void> | number | void;
}

/** The exit code for an error, after printing it: one line `CODE: message` for a user's error. */
export function reportError(e: unknown, command: { name: string; usage: string }): number {
  const known =
    e instanceof UserFacingError
      ? e
      : (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' && typeof (e as NodeJS.ErrnoException).path === 'string'
        ? new FileNotFoundError((e as NodeJS.ErrnoException).path!)
        : undefined;
  if (known) {
    console.error(`${known.code}: ${known.message}`);
    if (known.hint) console.error(known.hint);
    if (known instanceof UsageError) {
      console.error(command.usage);
      return 2;
    }
    return 1;
  }
  // A bug: no stack trace on the terminal, but all of it in a file a report can carry.
  const log = join(tmpdir(), `cooperation-atlas-${command.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  try {
    writeFileSync(log, `${inspect(e, { depth: 6 })}\n`);
    console.error(
      `INTERNAL_ERROR: ${command.name} stopped on an internal error (a bug). The details are in ${log}; please report it with that file.`,
    );
  } catch {
    console.error(`INTERNAL_ERROR: ${command.name} stopped on an internal error (a bug): ${(e as Error)?.message ?? String(e)}`);
  }
  return 1;
}

/**
 * Runs a command-line tool: parses process.argv with node:util's parseArgs (strict: an unknown
 * option is a usage error), answers --help, runs the command and exits with its code. A
 * UserFacingError ends it with one line `CODE: message` on standard error and exit code 1 (2 for a
 * UsageError, after the usage); anything else with a short INTERNAL_ERROR line, the details logged
 * to a file. Progress and results are the command's own output.
 */
export async function runCli<O extends Options>(command: CliCommand<O>, argv = process.argv.slice(2)): Promise<never> {
  let code: number;
  try {
    let parsed: Parsed<O>;
    try {
      parsed = parseArgs({
        args: argv,
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      }) as Parsed<O>;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if ((parsed.values as { help?: boolean }).help) {
      console.log(command.usage);
      code = 0;
    } else code = (await command.run(parsed)) ?? 0;
  } catch (e) {
    code = reportError(e, command);
  }
  process.exit(code);
}
