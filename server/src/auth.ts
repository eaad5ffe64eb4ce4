import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { ConfigError } from './config.js';

/**
 * API tokens (docs/adr/0012-api-tokens-and-change-log.md): static bearer tokens from the configuration, each
 * with a role and a name. Without a token a request reads; editing needs an editor token.
 * Tokens are kept only as SHA-256 digests and compared in constant time against every entry.
 *
 *   ATLAS_TOKENS="editor:alice:<token>,reader:dashboard:<token>"   (comma- or newline-separated)
 *   ATLAS_TOKENS_FILE=/run/secrets/atlas-tokens                    (one role:name:token a line, # comments)
 */

export type Role = 'reader' | 'editor';

export interface Principal {
  name: string;
  role: Role;
  /** Whether the request sent a token. */
  authenticated: boolean;
}

export const ANONYMOUS: Principal = { name: 'anonymous', role: 'reader', authenticated: false };

const MIN_TOKEN_LENGTH = 16;

interface Entry {
  digest: Buffer;
  principal: Principal;
}

export class TokenTable {
  private constructor(private readonly entries: readonly Entry[]) {}

  static empty(): TokenTable {
    return new TokenTable([]);
  }

  /** Parses `role:name:token` lines; a mistake names the variable, the line and the fix. */
  static parse(text: string, variable: string): TokenTable {
    const entries: Entry[] = [];
    const seen = new Set<string>();
    text.split(/[\n,]/).forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [role, name, ...rest] = line.split(':');
      const token = rest.join(':');
      const where = `entry ${index + 1}`;
      if (role !== 'reader' && role !== 'editor') {
        throw new ConfigError(
          variable,
          `${where} has the role "${role}"`,
          'Write each token as role:name:token with the role "reader" or "editor".',
        );
      }
      if (!name || !/^[A-Za-z0-9._@-]+$/.test(name)) {
        throw new ConfigError(
          variable,
          `${where} has no usable name`,
          'Write each token as role:name:token; the name (letters, digits, . _ @ -) appears in the change log.',
        );
      }
      if (token.length < MIN_TOKEN_LENGTH) {
        throw new ConfigError(
          variable,
          `${where} (${name}) has a token shorter than ${MIN_TOKEN_LENGTH} characters`,
          'Use a long random token, e.g. from `openssl rand -hex 32`.',
        );
      }
      const digest = sha256(token);
      const key = digest.toString('hex');
      if (seen.has(key))
        throw new ConfigError(variable, `${where} (${name}) repeats a token of another entry`, 'Give every user or service its own token.');
      seen.add(key);
      entries.push({ digest, principal: { name, role, authenticated: true } });
    });
    return new TokenTable(entries);
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * The principal of a presented token, or undefined. Compares the token's digest with every
   * entry's, in constant time, without stopping at a match: the time taken says nothing about
   * which token, or how much of one, was right.
   */
  check(token: string): Principal | undefined {
    const digest = sha256(token);
    let found: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest) && !found) found = entry.principal;
    }
    return found;
  }

  /**
   * The principal of a request from its Authorization header: anonymous without one; a wrong or
   * malformed one is refused (UNAUTHENTICATED), never silently downgraded to a reader.
   */
  principalOf(authorization: string | undefined): Principal {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".', true);
    const principal = this.check(match[1]!);
    if (!principal)
      throw unauthenticated(
        'This token is not valid. Check it, or ask an administrator for one; without a token the API is read-only.',
        true,
      );
    return principal;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** 401 with the challenge RFC 6750 asks for: which scheme, and whether the token presented was bad. */
export function unauthenticated(message: string, invalidToken = false): GraphQLError {
  const challenge = `Bearer realm="Cooperation Atlas"${invalidToken ? ', error="invalid_token"' : ''}`;
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', challenge]]) } },
  });
}

export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** Throws unless the principal may edit: UNAUTHENTICATED without a token, FORBIDDEN with a reader's. */
export function requireEditor(principal: Principal): void {
  if (principal.role === 'editor') return;
  if (!principal.authenticated) {
    throw unauthenticated(
      'Editing needs an editor token: send the header "Authorization: Bearer <token>". Without a token the API is read-only.',
    );
  }
  throw new ForbiddenError(
    `The token "${principal.name}" may only read. Editing needs a token with the role editor; ask an administrator.`,
  );
}

/** Tokens from ATLAS_TOKENS and/or the file ATLAS_TOKENS_FILE names. */
export function readTokens(env: NodeJS.ProcessEnv = process.env): TokenTable {
  const parts: string[] = [];
  if (env.ATLAS_TOKENS?.trim()) parts.push(env.ATLAS_TOKENS);
  const file = env.ATLAS_TOKENS_FILE?.trim();
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ConfigError(
        'ATLAS_TOKENS_FILE',
        `names ${file}, which cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
        'Point it at a readable file of role:name:token lines, or unset it.',
      );
    }
    parts.push(text);
  }
  if (parts.length === 0) return TokenTable.empty();
  return TokenTable.parse(parts.join('\n'), file && !env.ATLAS_TOKENS?.trim() ? 'ATLAS_TOKENS_FILE' : 'ATLAS_TOKENS');
}
