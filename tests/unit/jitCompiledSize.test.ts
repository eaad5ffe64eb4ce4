import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../server/src/app.js';
import { compiledSize, DEFAULT_JIT_POLICY } from '../../server/src/jitExecutor.js';

const schema = buildSchema();

function sizeOf(query: string, limit = 100_000): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return compiledSize(schema, document, operation, limit);
}

/** Node has 14 kinds (Approach, Municipality, ..., Award): graphql-jit compiles a Node's selection for each. */
const NODE_KINDS = 14;

describe('compiledSize: what graphql-jit would compile, in fields', () => {
  it('counts a field of an object type once', () => {
    expect(sizeOf('{ stats { nodeCount relationsByKind { kind count } } }')).toBe(5);
  });

  it('counts the selection of an abstract field once per concrete type, and type conditions where they apply', () => {
    expect(sizeOf('{ node(id: "x") { id name } }')).toBe(1 + 2 * NODE_KINDS);
    expect(sizeOf('{ node(id: "x") { id ... on Municipality { country } } }')).toBe(1 + NODE_KINDS + 1);
    expect(sizeOf('{ node(id: "x") { ...M } } fragment M on Municipality { country population }')).toBe(1 + 2);
  });

  it('multiplies nested abstract fields, and stops counting past the limit', () => {
    // 15 fields in the document, three levels of Node: graphql-jit took 7.6 s to compile it.
    const deep =
      '{ node(id: "x") { id relations { edges { node { id relations { edges { node { id relations { edges { node { id name kind } } } } } } } } } } }';
    expect(sizeOf(deep, DEFAULT_JIT_POLICY.maxFieldsToCompile)).toBe(DEFAULT_JIT_POLICY.maxFieldsToCompile + 1);
    expect(sizeOf(deep)).toBeGreaterThan(NODE_KINDS ** 3);
  });
});
