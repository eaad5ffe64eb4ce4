/**
 * How to reach Neo4j, read from the environment. Kept apart from the adapter so that reading the
 * configuration never loads the driver. Problems are returned, not thrown: server/src/config.ts
 * turns them into its ConfigError so every configuration mistake reads the same.
 */
export interface Neo4jConfig {
  /** bolt://, bolt+s://, neo4j:// (routing: clusters) or neo4j+s:// (hosted, e.g. Aura). */
  uri: string;
  /** Absent: no authentication (the local server of `npm run neo4j` runs without it). */
  user?: string;
  password?: string;
  /** Absent: the server's default database. */
  database?: string;
  /** How long start-up keeps retrying an unreachable Neo4j before giving up. */
  connectRetryMs: number;
  /** How long the driver retries one read or write on a transient failure (cluster leader switch, restart). */
  maxRetryTimeMs: number;
}

export interface ConfigProblem {
  variable: string;
  problem: string;
  fix: string;
}

export const DEFAULT_NEO4J_URI = 'bolt://127.0.0.1:7687';
const SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export function readNeo4jConfig(env: NodeJS.ProcessEnv): { config: Neo4jConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const uri = env.NEO4J_URI?.trim() || DEFAULT_NEO4J_URI;
  const scheme = /^([a-z0-9+]+):\/\/[^/]+/.exec(uri)?.[1];
  if (!scheme || !SCHEMES.includes(scheme)) {
    problems.push({
      variable: 'NEO4J_URI',
      problem: `is "${uri}", not a Neo4j address`,
      fix: 'Set it to e.g. bolt://127.0.0.1:7687 (one server), neo4j://host:7687 (a cluster) or neo4j+s://xxxx.databases.neo4j.io (hosted).',
    });
  }
  const password = env.NEO4J_PASSWORD || undefined;
  const user = env.NEO4J_USER || (password ? 'neo4j' : undefined);
  if (env.NEO4J_USER && !password) {
    problems.push({
      variable: 'NEO4J_PASSWORD',
      problem: 'is not set although NEO4J_USER is',
      fix: 'Set NEO4J_PASSWORD, or unset NEO4J_USER for a server without authentication.',
    });
  }
  const seconds = (variable: string, fallback: number): number => {
    const raw = env[variable];
    if (raw === undefined || raw === '') return fallback * 1000;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      problems.push({ variable, problem: `is "${raw}", not a number of seconds`, fix: `Set it to a number such as ${fallback}.` });
      return fallback * 1000;
    }
    return value * 1000;
  };
  return {
    config: {
      uri,
      user,
      password,
      database: env.NEO4J_DATABASE || undefined,
      connectRetryMs: seconds('NEO4J_CONNECT_RETRY_S', 60),
      maxRetryTimeMs: seconds('NEO4J_MAX_RETRY_S', 3),
    },
    problems,
  };
}
