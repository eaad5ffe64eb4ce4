import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type GraphQLFormattedError,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

interface Shape {
  /** Levels of nested selections below this one. */
  depth: number;
  /** Fields selected, counting each fragment spread as the fields it brings in. */
  fields: number;
  /** Of those, the fields given an alias. */
  aliases: number;
}

export interface ShapeLimits {
  maxDepth: number;
  maxFields: number;
  maxAliases: number;
}

const EMPTY: Shape = { depth: 0, fields: 0, aliases: 0 };

/**
 * Refuses operations nested deeper than `maxDepth`, selecting more than `maxFields` fields or
 * giving more than `maxAliases` of them an alias once fragments are expanded. (A document's
 * size as a whole, all its operations and fragments, is bounded before this, when it is parsed:
 * LIMITS.queryTokens.) Each fragment is measured once (a document repeating fragments inside
 * fragments costs linear time here, not exponential), and a fragment cycle stops the walk: the
 * standard NoFragmentCyclesRule reports it. Introspection fields (`__schema`, `__type`) count
 * as fields but not as depth.
 */
export function operationShapeLimit(limits: ShapeLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const measured = new Map<string, Shape>();
    const inProgress = new Set<string>();

    const measure = (set: SelectionSetNode): Shape => {
      let depth = 0;
      let fields = 0;
      let aliases = 0;
      for (const s of set.selections) {
        let inner: Shape;
        if (s.kind === Kind.FIELD) {
          inner = s.selectionSet ? measure(s.selectionSet) : EMPTY;
          // Introspection (__schema, __type) nests deep by design (ofType chains): its fields
          // count, its depth does not (as graphql-depth-limit did).
          const depth = s.name.value.startsWith('__') ? 0 : inner.depth + (s.selectionSet ? 1 : 0);
          inner = { depth, fields: inner.fields + 1, aliases: inner.aliases + (s.alias ? 1 : 0) };
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          inner = measure(s.selectionSet);
        } else {
          inner = fragmentShape(s.name.value);
        }
        depth = Math.max(depth, inner.depth);
        fields += inner.fields;
        aliases += inner.aliases;
      }
      return { depth, fields, aliases };
    };

    const fragmentShape = (name: string): Shape => {
      const known = measured.get(name);
      if (known) return known;
      const fragment = fragments.get(name);
      if (!fragment || inProgress.has(name)) return EMPTY;
      inProgress.add(name);
      const shape = measure(fragment.selectionSet);
      inProgress.delete(name);
      measured.set(name, shape);
      return shape;
    };

    return {
      OperationDefinition(operation) {
        const shape = measure(operation.selectionSet);
        const name = operation.name ? `"${operation.name.value}"` : 'The operation';
        if (shape.depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(
              `${name} nests ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed. Ask for fewer nested lists.`,
              { nodes: [operation] },
            ),
          );
        }
        if (shape.fields > limits.maxFields) {
          context.reportError(
            new GraphQLError(
              `${name} selects ${shape.fields} fields once fragments are expanded; at most ${limits.maxFields} are allowed. Split it into several requests.`,
              { nodes: [operation] },
            ),
          );
        }
        if (shape.aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(
              `${name} gives ${shape.aliases} fields an alias once fragments are expanded; at most ${limits.maxAliases} are allowed. Ask for many nodes with one list field (nodes(ids:), metrics(ids:), neighborhood(ids:)) instead of one alias each, or split it into several requests.`,
              { nodes: [operation] },
            ),
          );
        }
        return false;
      },
    };
  };
}

/** GraphQL subscriptions are not offered: refuse them in validation (400), not at execution. */
export function noSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operation.operation === 'subscription') {
        context.reportError(
          new GraphQLError('Subscriptions are not offered by this API: send a query or a mutation.', { nodes: [operation] }),
        );
      }
      return false;
    },
  };
}

/** graphql-js's message when parsing stops at parseOptions.maxTokens (16.x spells it "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/**
 * The errors of a document too large to parse or validate, reworded to say the limit and what to
 * do instead (undefined for any other error):
 * - longer than LIMITS.queryTokens (Apollo reports graphql-js's syntax error as
 *   GRAPHQL_PARSE_FAILED, HTTP 400): QUERY_TOO_COMPLEX;
 * - graphql-js gave up validating it ("Validation aborted.": comparing the same field repeated
 *   hundreds of times, or fragments spread in too many places, past its own work budget):
 *   GRAPHQL_VALIDATION_FAILED, HTTP 400 as before.
 */
export function documentTooLarge(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
    return {
      message:
        'The document is too intricate to validate (the same field repeated hundreds of times, or fragments spread in too many places). Ask for each field once, use one list field (nodes(ids:), metrics(ids:), neighborhood(ids:)) for many nodes, or split it into several requests.',
      extensions: { code },
    };
  }
  const match = code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (!match) return undefined;
  const max = Number(match[1]);
  return {
    message: `The document is longer than ${max} tokens (names, punctuation and values); at most ${max} are allowed. Ask for many nodes with one list field (nodes(ids:), metrics(ids:), neighborhood(ids:)) instead of one alias each, pass long lists as variables, or split it into several requests.`,
    extensions: { code: 'QUERY_TOO_COMPLEX', max },
  };
}
