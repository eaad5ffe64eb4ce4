import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError, printSchema, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

const MAX_CACHED_QUERIES = 500;

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct operation is compiled
 * once into a JavaScript function, which matters for the large lists a neighbourhood returns
 * (thousands of nodes and edges; see docs/adr/0003-jit-execution.md). Apollo Server takes a custom
 * executor only through its gateway interface, so this is a minimal "gateway" that serves our own
 * schema: parsing, validation, plugins and error formatting stay Apollo's.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery>();

  const executor: GatewayExecutor = async (requestContext) => {
    const key = `${requestContext.queryHash}:${requestContext.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      // Leaf serialisation is skipped: every value comes from records validated on the way in
      // (enums, ints and strings of the right type), and serialising each leaf again was the
      // largest cost of a big neighbourhood.
      const result = compileQuery(schema, requestContext.document, requestContext.operationName ?? undefined, {
        disableLeafSerialization: true,
        disablingCapturingStackErrors: true,
      });
      if (!isCompiledQuery(result)) return result as ExecutionResult;
      query = result;
      if (compiled.size >= MAX_CACHED_QUERIES) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, query);
    }
    const result = (await query.query(undefined, requestContext.context, requestContext.request.variables ?? {})) as ExecutionResult;
    if (!result.errors?.some((e) => !e.extensions)) return result;
    // graphql-jit wraps an error thrown by a resolver that is not a GraphQLError (a store outage,
    // a bug) without `extensions`, which Apollo's error formatting needs: rewrap it, so formatError
    // sees the original error (StoreUnavailableError -> SERVICE_UNAVAILABLE).
    return { ...result, errors: result.errors.map((e) => (e.extensions ? e : new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? e }))) };
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return { executor };
    },
    async stop() {},
  };
}
