import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

interface Shape {
  /** Levels of nested selections below this one. */
  depth: number;
  /** Fields selected, counting each fragment spread as the fields it brings in. */
  fields: number;
}

/**
 * Refuses operations nested deeper than `maxDepth` or selecting more than `maxFields` fields once
 * fragments are expanded. Each fragment is measured once (a document repeating fragments inside
 * fragments costs linear time here, not exponential), and a fragment cycle stops the walk: the
 * standard NoFragmentCyclesRule reports it. Introspection fields (`__schema`, `__type`) count
 * as fields but not as depth.
 */
export function operationShapeLimit(limits: { maxDepth: number; maxFields: number }) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const measured = new Map<string, Shape>();
    const inProgress = new Set<string>();

    const measure = (set: SelectionSetNode): Shape => {
      let depth = 0;
      let fields = 0;
      for (const s of set.selections) {
        let inner: Shape;
        if (s.kind === Kind.FIELD) {
          inner = s.selectionSet ? measure(s.selectionSet) : { depth: 0, fields: 0 };
          // Introspection (__schema, __type) nests deep by design (ofType chains): its fields
          // count, its depth does not (as graphql-depth-limit did).
          const depth = s.name.value.startsWith('__') ? 0 : inner.depth + (s.selectionSet ? 1 : 0);
          inner = { depth, fields: inner.fields + 1 };
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          inner = measure(s.selectionSet);
        } else {
          inner = fragmentShape(s.name.value);
        }
        depth = Math.max(depth, inner.depth);
        fields += inner.fields;
      }
      return { depth, fields };
    };

    const fragmentShape = (name: string): Shape => {
      const known = measured.get(name);
      if (known) return known;
      const fragment = fragments.get(name);
      if (!fragment || inProgress.has(name)) return { depth: 0, fields: 0 };
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
