import { getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { RequestBudget } from './RequestBudget.js';
import { FIELD_COSTS } from '../validation/costModel.js';

type Budgeted = { budget: RequestBudget };

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | null)?.then === 'function';

/**
 * Puts every resolver that computes (the fields FIELD_COSTS charges, bar cheap ones) behind the
 * request's budget: each runs in its client's turn (FairScheduler) and not past the deadline.
 * And every list a resolver returns counts against the request's item budget. Done once on the
 * schema, so resolvers stay plain.
 */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const stepped: GraphQLFieldResolver<unknown, Budgeted> | undefined =
        (FIELD_COSTS[`${type.name}.${field.name}`] ?? 1) > 1
          ? (root, args, ctx, info) => ctx.budget.step(() => resolve(root, args, ctx, info))
          : undefined;
      const run = stepped ?? (resolve as GraphQLFieldResolver<unknown, Budgeted>);
      if (isListType(getNullableType(field.type))) {
        field.resolve = (root, args, ctx: Budgeted, info) => {
          const value = run(root, args, ctx, info);
          if (isPromise(value)) {
            return value.then((list) => {
              if (Array.isArray(list)) ctx.budget.chargeItems(list.length);
              return list;
            });
          }
          if (Array.isArray(value)) ctx.budget.chargeItems(value.length);
          return value;
        };
      } else if (stepped) field.resolve = stepped;
    }
  }
  return schema;
}
