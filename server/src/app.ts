import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { unwrapResolverError } from '@apollo/server/errors';
import { makeExecutableSchema } from '@graphql-tools/schema';
import express from 'express';
import { GraphQLError, printSchema, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { readTokens, type TokenTable } from './auth.js';
import { createContext, type AtlasContext } from './context.js';
import { requestLanguages } from './requestLanguages.js';
import { UserFacingError } from './domain/errors.js';
import { QueryTooComplexError } from './errors.js';
import { clientConcurrency } from './fairness/clientConcurrency.js';
import { guardSchema } from './fairness/guardSchema.js';
import { RequestBudget } from './fairness/RequestBudget.js';
import { graphiqlAssets, graphiqlPage } from './graphiql.js';
import { getQueryCaching } from './httpCaching.js';
import { graphqlRequestErrors, jsonErrorsOnly, securityHeaders, sendJsonError } from './httpHygiene.js';
import { jitGateway, variablesChecked, type JitPolicy } from './jitExecutor.js';
import { LIMITS } from './limits.js';
import { formatUserFacing } from './resolvers/domainErrors.js';
import { resolvers } from './resolvers/index.js';
import { StoreUnavailableError } from './store/GraphStore.js';
import type { GraphPorts } from './store/ports.js';
import { staticClient } from './staticClient.js';
import { CostCache } from './validation/costCache.js';
import { costEstimator } from './validation/costModel.js';
import { metricsFor } from './metrics/BackgroundMetrics.js';
import { documentTooLarge, noSubscriptions, operationShapeLimit } from './validation/operationShape.js';

// The package's ESM build imports 'graphql/index.mjs', a second copy of graphql beside the one
// everything else loads ('graphql' resolves to its CommonJS build); its CommonJS build shares ours.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

const SCHEMA_DIR = new URL('../schema', import.meta.url).pathname;

export function loadTypeDefs(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

export function buildSchema(): GraphQLSchema {
  return guardSchema(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never }));
}

function complexityLimit(schema: GraphQLSchema, costs: CostCache): ApolloServerPlugin<AtlasContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, queryHash, contextValue }) {
          // Bad variable values are the client's mistake (400 BAD_USER_INPUT), found here first
          // because the cost depends on them.
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
          if (coerced.errors) {
            const [first] = coerced.errors;
            throw new GraphQLError(first!.message, { nodes: first!.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
          variablesChecked.add(contextValue);
          // The same document with variables of the same shape costs the same: estimated once (costCache.ts).
          const complexity = costs.get(CostCache.key(queryHash, request.operationName, request.variables), () =>
            getComplexity({
              schema,
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [costEstimator],
            }),
          );
          if (complexity > LIMITS.queryComplexity) throw new QueryTooComplexError(complexity, LIMITS.queryComplexity);
        },
      };
    },
  };
}

/** The background metrics worker stops with the server. */
function stopMetricsOnStop(ports: GraphPorts): ApolloServerPlugin<AtlasContext> {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          await metricsFor(ports.analytics).close();
        },
      };
    },
  };
}

/** Never a stack trace to a user: unexpected errors become a generic message; the domain's errors their code. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof UserFacingError) return formatUserFacing(formatted, original);
  const tooLong = documentTooLarge(formatted);
  if (tooLong) return tooLong;
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('Unexpected error while serving a request:', original);
  return {
    message: 'Internal server error. It has been logged; please try again or report it.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export interface AtlasApp {
  apollo: ApolloServer<AtlasContext>;
  /** The HTTP application: /graphql (API and GraphiQL), /healthz, and the explorer at /. */
  http: express.Express;
  /** Runs one operation in-process through the real server, as tests do. */
  execute: ApolloServer<AtlasContext>['executeOperation'];
}

export interface AppOptions {
  /**
   * Whether the schema answers introspection (GraphiQL's docs and autocomplete need it). Default:
   * on in every mode, as public read-only data APIs do; ATLAS_INTROSPECTION=off turns it off.
   * The depth and cost limits apply to introspection queries like any other.
   */
  introspection?: boolean;
  /** API tokens (default: from ATLAS_TOKENS / ATLAS_TOKENS_FILE). Without any, the API is read-only. */
  tokens?: TokenTable;
  /** The built explorer to serve at / (default client/dist; the client benchmark serves client/dist-bench). */
  clientDist?: string;
  /** When the JIT compiles and how much it keeps (default: DEFAULT_JIT_POLICY). */
  jit?: JitPolicy;
}

/** Who a request comes from, for fairness: the token's name, else the client's address. */
function clientOf(tokens: TokenTable, req: express.Request): string {
  try {
    const principal = tokens.principalOf(req.headers.authorization);
    if (principal.authenticated) return `token:${principal.name}`;
  } catch {
    // A bad token is refused by the context; count the request against its address meanwhile.
  }
  return `address:${req.socket.remoteAddress ?? 'unknown'}`;
}

/** ATLAS_INTROSPECTION: "off" (or false/0/no) turns introspection and /schema.graphql off. */
export function introspectionFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', 'false', '0', 'no'].includes((env.ATLAS_INTROSPECTION ?? '').trim().toLowerCase());
}

/** Builds the API around the ports of one adapter. Does not listen: main.ts does, tests need not. */
export async function createApp(ports: GraphPorts, options: AppOptions = {}): Promise<AtlasApp> {
  const { store } = ports;
  const tokens = options.tokens ?? readTokens();
  const schema = buildSchema();
  const introspection = options.introspection ?? introspectionFromEnv();
  const apollo = new ApolloServer<AtlasContext>({
    gateway: jitGateway(schema, options.jit),
    introspection,
    // The document's size is bounded while it is parsed (the error is reworded in formatError).
    parseOptions: { maxTokens: LIMITS.queryTokens },
    validationRules: [
      operationShapeLimit({ maxDepth: LIMITS.queryDepth, maxFields: LIMITS.queryFields, maxAliases: LIMITS.queryAliases }),
      noSubscriptions,
    ],
    // No HTTP caching here; without the cache-control plugin Apollo does not wrap every resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      complexityLimit(schema, new CostCache()),
      stopMetricsOnStop(ports),
    ],
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();

  const http = express();
  http.disable('x-powered-by');
  // Express would tag every JSON answer with a hash of its body; GET queries get a tag tied to the
  // graph's version instead (httpCaching.ts), and nothing else needs one (static files have their own).
  http.set('etag', false);
  http.use(securityHeaders());
  // Liveness: the process answers. Readiness: it can serve, i.e. the store answers too.
  http.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', store: store.name });
  });
  http.get('/readyz', async (_req, res) => {
    try {
      await store.checkReady();
      res.json({ status: 'ready', store: store.name });
    } catch (e) {
      res.status(503).json({
        status: 'unavailable',
        store: store.name,
        reason: e instanceof StoreUnavailableError ? e.message : 'The store did not answer.',
      });
    }
  });
  http.use('/graphiql', graphiqlAssets());
  if (introspection) {
    // The schema as SDL, for code generators and readers (as GitHub publishes its own).
    const sdl = printSchema(schema);
    http.get('/schema.graphql', (_req, res) => {
      res.type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-cache').send(sdl);
    });
  }
  http.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      res.type('html').send(graphiqlPage('/graphiql', '/graphql'));
    } else next();
  });
  http.get('/graphql', getQueryCaching(store, printSchema(schema)));
  // Readers' requests are small; an editor's may carry a file to import (importData).
  const readerBody = express.json({ limit: '100kb' });
  const editorBody = express.json({ limit: LIMITS.importContent * 1.2 + 100_000 });
  const bodyParser: express.RequestHandler = (req, res, next) => {
    let editor = false;
    try {
      editor = tokens.principalOf(req.headers.authorization).role === 'editor';
    } catch {
      // A bad token is refused by the context below, with its message.
    }
    (editor ? editorBody : readerBody)(req, res, next);
  };
  const limitPerClient = clientConcurrency(LIMITS.perClient, (req) => clientOf(tokens, req));
  const context = async ({ req }: { req: express.Request }) =>
    createContext(ports, tokens.principalOf(req.headers.authorization), new RequestBudget(clientOf(tokens, req)), requestLanguages(req));
  http.use('/graphql', jsonErrorsOnly, (req, res, next) =>
    req.path === '/' ? next() : sendJsonError(res, 404, 'No such path: the API is at /graphql.'),
  );
  http.use('/graphql', limitPerClient, bodyParser, expressMiddleware(apollo, { context }));
  http.use('/graphql', graphqlRequestErrors('100 kB'));
  http.use(staticClient(options.clientDist));

  const execute: AtlasApp['execute'] = ((request: Parameters<AtlasApp['execute']>[0], options?: { contextValue?: AtlasContext }) =>
    apollo.executeOperation(request as never, { contextValue: options?.contextValue ?? createContext(ports) })) as AtlasApp['execute'];
  return { apollo, http, execute };
}
