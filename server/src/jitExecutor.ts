import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  getOperationAST,
  GraphQLError,
  isAbstractType,
  isObjectType,
  Kind,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLObjectType,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { UserFacingError } from './domain/errors.js';
import { toGraphQLError } from './resolvers/domainErrors.js';

/** When an operation is worth compiling, and how much memory the compiled ones may hold. */
export interface JitPolicy {
  /** Compile an operation only once it has been executed this many times (graphql-js before). */
  compileAfter: number;
  /**
   * Operations whose compiled size (compiledSize: fields per concrete type, fragments expanded)
   * is larger than this are never compiled.
   */
  maxFieldsToCompile: number;
  /** Estimated bytes the cache of compiled operations may hold; the least recently used go first. */
  cacheBytes: number;
}

export const DEFAULT_JIT_POLICY: JitPolicy = { compileAfter: 2, maxFieldsToCompile: 150, cacheBytes: 32 * 1024 * 1024 };

/**
 * How much graphql-jit compiles for an operation, in fields: it compiles the selection of a field
 * of an abstract type (an interface or union, such as Node) once for each of its possible types,
 * so a field counts once per concrete type it can be reached on, and nested abstract fields
 * multiply (`node { relations { edges { node { relations ... } } } } }`: 15 fields, three levels
 * of Node, compiled 7.6 s). Counting stops past `limit` (then limit + 1 is returned), so the walk
 * itself stays cheap. Fragment cycles are refused by validation before this runs.
 */
export function compiledSize(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, limit: number): number {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  let size = 0;
  const applies = (condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean => {
    if (!condition || condition.name.value === type.name) return true;
    const named = schema.getType(condition.name.value);
    return named !== undefined && isAbstractType(named) && schema.isSubType(named, type);
  };
  const walk = (type: GraphQLObjectType, set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (size > limit) return;
      if (selection.kind === Kind.FIELD) {
        size += 1;
        const field = selection.selectionSet ? type.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const named = getNamedType(field.type);
        const types = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
        for (const concrete of types) walk(concrete, selection.selectionSet!);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition, type)) walk(type, selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && applies(fragment.typeCondition, type)) walk(type, fragment.selectionSet);
      }
    }
  };
  walk(root, operation.selectionSet);
  return Math.min(size, limit + 1);
}

/**
 * The heap a compiled operation keeps, measured with process.memoryUsage() after gc() around
 * compileQuery: about 2 kB per selected field up to a few hundred fields (6 fields: 12.6 kB;
 * 300: 0.6 MB), growing faster beyond (1,800 fields: 18 MB, and 1 s to compile). Estimated
 * here with a margin.
 */
const BYTES_PER_FIELD = 4 * 1024;
const BYTES_PER_OPERATION = 16 * 1024;

interface Entry {
  query: CompiledQuery;
  bytes: number;
}

/**
 * The compiled operations, bounded by their estimated size (not their count), least recently
 * used out first; and how often each not-yet-compiled operation ran (bounded by count).
 */
class CompiledCache {
  private readonly entries = new Map<string, Entry>();
  private readonly seen = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly policy: JitPolicy) {}

  get(key: string): CompiledQuery | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.query;
  }

  /** Counts one more run of an uncompiled operation; true once it has run often enough to compile. */
  countRun(key: string): boolean {
    const runs = (this.seen.get(key) ?? 0) + 1;
    this.seen.delete(key);
    if (runs >= this.policy.compileAfter) return true;
    this.seen.set(key, runs);
    if (this.seen.size > 10_000) this.seen.delete(this.seen.keys().next().value!);
    return false;
  }

  put(key: string, query: CompiledQuery, bytes: number): void {
    if (bytes > this.policy.cacheBytes) return;
    this.entries.set(key, { query, bytes });
    this.bytes += bytes;
    while (this.bytes > this.policy.cacheBytes) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  get stats(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/**
 * Contexts of requests whose variables were already coerced without errors before execution (the
 * cost check in app.ts does it, as the cost depends on them): the executor does not do it twice.
 */
export const variablesChecked = new WeakSet<object>();

export interface JitGateway extends GatewayInterface {
  /** How many operations are compiled and their estimated bytes (for tests and benchmarks). */
  cacheStats(): { entries: number; bytes: number };
}

/**
 * Executes operations with graphql-jit instead of graphql-js: an operation that recurs is compiled
 * once into a JavaScript function, which matters for the large lists a neighbourhood returns
 * (thousands of nodes and edges; see docs/adr/0003-jit-execution.md). A rare operation, or one
 * with many fields (an alias flood), runs on graphql-js: compiling it would cost more time and
 * memory than it saves. Apollo Server takes a custom executor only through its gateway interface,
 * so this is a minimal "gateway" that serves our own schema: parsing, validation, plugins and
 * error formatting stay Apollo's.
 */
export function jitGateway(schema: GraphQLSchema, policy: JitPolicy = DEFAULT_JIT_POLICY): JitGateway {
  const cache = new CompiledCache(policy);

  const compiled = (requestContext: GatewayGraphQLRequestContext): CompiledQuery | undefined => {
    const key = `${requestContext.queryHash}:${requestContext.operationName ?? ''}`;
    const known = cache.get(key);
    if (known || !cache.countRun(key)) return known;
    const operation = getOperationAST(requestContext.document, requestContext.operationName ?? undefined);
    if (!operation) return undefined;
    const fields = compiledSize(schema, requestContext.document, operation, policy.maxFieldsToCompile);
    if (fields > policy.maxFieldsToCompile) return undefined;
    // Leaf serialisation is skipped: every value comes from records validated on the way in
    // (enums, ints and strings of the right type), and serialising each leaf again was the
    // largest cost of a big neighbourhood.
    const result = compileQuery(schema, requestContext.document, requestContext.operationName ?? undefined, {
      disableLeafSerialization: true,
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(result)) return undefined;
    cache.put(key, result, BYTES_PER_OPERATION + fields * BYTES_PER_FIELD);
    return result;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const variables = requestContext.request.variables ?? {};
    const operation = variablesChecked.has(requestContext.context)
      ? undefined
      : getOperationAST(requestContext.document, requestContext.operationName ?? undefined);
    if (operation) {
      // Bad variable values are the client's mistake: graphql-js's errors (with the variable's
      // node) become BAD_USER_INPUT with HTTP 400 in Apollo, whichever executor runs.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const query = compiled(requestContext);
    const result = query
      ? ((await query.query(undefined, requestContext.context, variables)) as ExecutionResult)
      : await execute({
          schema,
          document: requestContext.document,
          contextValue: requestContext.context,
          variableValues: variables,
          operationName: requestContext.operationName ?? undefined,
        });
    if (!result.errors?.some((e) => !e.extensions || e.originalError instanceof UserFacingError)) return result;
    // The domain's errors become the API's here (code, details, HTTP status: domainErrors.ts).
    // graphql-jit wraps any other error thrown by a resolver that is not a GraphQLError (a bug)
    // without `extensions`, which Apollo's error formatting needs: rewrap it, so formatError sees
    // the original error and reports it as INTERNAL_SERVER_ERROR.
    return {
      ...result,
      errors: result.errors.map((e) =>
        e.originalError instanceof UserFacingError
          ? toGraphQLError(e.originalError, e)
          : e.extensions
            ? e
            : new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? e }),
      ),
    };
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
    cacheStats: () => cache.stats,
  };
}
