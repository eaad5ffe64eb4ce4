import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../../server/src/cli/runCli.js';
import { ConfigError } from '../../server/src/config.js';
import { UsageError } from '../../server/src/domain/errors.js';
import { ImportInputError } from '../../server/src/importer/readers.js';

const command = { name: 'test-tool', usage: 'Usage: test-tool <file>' };

describe('the CLI runner reports errors', () => {
  afterEach(() => vi.restoreAllMocks());
  const stderr = () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: unknown) => void lines.push(String(text)));
    return lines;
  };

  it("prints a user's error as one line CODE: message, exit code 1", () => {
    const lines = stderr();
    expect(reportError(new ConfigError('PORT', 'is "x", not a port number', 'Set PORT to a number.'), command)).toBe(1);
    expect(lines).toEqual(['CONFIG_INVALID: Configuration error: PORT is "x", not a port number. Set PORT to a number.']);
  });

  it("adds an import refusal's note that nothing was written", () => {
    const lines = stderr();
    expect(reportError(new ImportInputError('a.csv', '3', 'not valid CSV'), command)).toBe(1);
    expect(lines).toEqual(['IMPORT_INPUT_INVALID: a.csv:3: not valid CSV', 'Nothing was imported: the graph is as it was.']);
  });

  it('prints the usage after a usage error, exit code 2', () => {
    const lines = stderr();
    expect(reportError(new UsageError('name the file.'), command)).toBe(2);
    expect(lines).toEqual(['USAGE: name the file.', 'Usage: test-tool <file>']);
  });

  it('names a missing file', () => {
    const lines = stderr();
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), { code: 'ENOENT', path: 'x.csv' });
    expect(reportError(enoent, command)).toBe(1);
    expect(lines).toEqual(['FILE_NOT_FOUND: No such file: x.csv. Check the path.']);
  });

  it('reports a bug in one line without a stack trace, the details in a log file', () => {
    const lines = stderr();
    expect(reportError(new TypeError('cannot read properties of undefined (reading "id")'), command)).toBe(1);
    expect(lines).toHaveLength(1);
    const match =
      /^INTERNAL_ERROR: test-tool stopped on an internal error \(a bug\)\. The details are in (\S+); please report it with that file\.$/.exec(
        lines[0]!,
      );
    expect(match).not.toBeNull();
    const log = readFileSync(match![1]!, 'utf8');
    expect(log).toContain('TypeError: cannot read properties of undefined');
    expect(log).toContain('runCli.test.ts');
  });
});
