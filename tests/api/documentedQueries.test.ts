import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as operations from '../../client/src/gql/graphql.js';
import { seedStore } from '../../server/src/seed/seedStore.js';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { GRAPHIQL_EXAMPLES } from '../../server/src/graphiqlExamples.js';
import { MemoryGraphStore } from '../../server/src/store/memory/MemoryGraphStore.js';
import { portsOf } from '../../server/src/store/ports.js';
import { gql } from '../helpers/api.js';

/** Every ```graphql block of the README, split into its operations (each follows its # comment). */
function readmeQueries(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .split(/^#.*$/m)
      .map((chunk) => chunk.trim())
      .filter((chunk) => chunk.length > 0),
  );
}

/** The explorer's operations, as codegen wrote them for the client (client/src/gql). */
function explorerOperations(): { name: string; document: string }[] {
  return Object.entries(operations)
    .filter(([name, value]) => name.endsWith('Document') && value instanceof String)
    .map(([name, value]) => ({ name, document: value.toString() }));
}

/**
 * Sample values for the explorer's variables, by name. A required variable without a sample
 * fails the test with a message saying to add one, so a new operation cannot slip through.
 */
const SAMPLES: Record<string, unknown> = {
  id: 'roeselare',
  nodeId: 'roeselare',
  ids: ['roeselare', 'dogbo'],
  from: 'zoersel',
  to: 'ostend',
  text: 'roese',
  kind: 'MUNICIPALITY',
  wishes: [{ feature: 'BUDGET', max: 1 }],
  format: 'CSV',
  idsFirst: 50,
};

function sampleVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in SAMPLES) variables[name] = SAMPLES[name];
    else if (definition.type.kind === 'NonNullType') {
      const named = innerName(definition.type);
      if (named === 'Boolean') variables[name] = true;
      else
        throw new Error(
          `The explorer's operation ${operation.name?.value} needs a sample value for $${name} (${named}): add one to SAMPLES in ${import.meta.url}`,
        );
    }
  }
  return variables;
}

function innerName(type: TypeNode): string {
  return type.kind === 'NamedType' ? type.name.value : innerName(type.type);
}

describe('every documented query keeps working', () => {
  let app: AtlasApp;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await seedStore(store);
    app = await createApp(portsOf(store));
  });
  afterAll(() => app.apollo.stop());

  it('finds the queries it checks (README, GraphiQL, explorer)', () => {
    expect(readmeQueries().length).toBeGreaterThanOrEqual(6);
    expect(GRAPHIQL_EXAMPLES.length).toBeGreaterThanOrEqual(6);
    expect(explorerOperations().length).toBeGreaterThanOrEqual(10);
  });

  it.each(readmeQueries().map((q) => [q.split('\n')[0]!.slice(0, 60), q]))('README: %s', async (_title, query) => {
    const { data, errors } = await gql(app, query);
    expect(errors).toBeUndefined();
    expect(Object.values(data ?? {}).length).toBeGreaterThan(0);
  });

  it.each(GRAPHIQL_EXAMPLES.map((e) => [e.name, e.query]))('GraphiQL example %s', async (name, query) => {
    const { data, errors } = await gql(app, query);
    expect(errors).toBeUndefined();
    expect(parse(query).definitions.map((d) => (d as OperationDefinitionNode).name?.value)).toEqual([name]);
    for (const value of Object.values(data ?? {})) expect(value).not.toBeNull();
  });

  it.each(explorerOperations().map((o) => [o.name, o.document]))('explorer operation %s', async (_name, document) => {
    const operation = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (!operation) return; // a fragment's own document
    const { errors } = await gql(app, document, sampleVariables(operation));
    expect(errors).toBeUndefined();
  });

  it('still refuses the hostile ones with their codes', async () => {
    const level = (inner: string) => `... on Municipality { partnerships { parties { node { ${inner} } } } }`;
    const tooDeep = `{ node(id: "roeselare") { ${level(level(level(level('id'))))} } }`;
    const deep = await gql(app, tooDeep);
    expect(deep.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|QUERY_TOO_COMPLEX/);
    const huge = await gql(app, `{ municipalities(first: 1000000) { edges { node { partnerships { parties { node { id } } } } } } }`);
    expect(huge.errors?.[0]?.extensions?.code).toMatch(/QUERY_TOO_COMPLEX|BAD_USER_INPUT/);
  });
});

describe('the schema is visible', () => {
  let app: AtlasApp;
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    const store = new MemoryGraphStore();
    await seedStore(store);
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production'; // as npm start runs it: introspection must stay on
    try {
      app = await createApp(portsOf(store));
    } finally {
      process.env.NODE_ENV = previous;
    }
    server = await new Promise<Server>((resolve) => {
      const s = app.http.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await app.apollo.stop();
  });

  it('answers introspection in production mode', async () => {
    const { data, errors } = await gql(app, `{ __schema { queryType { name fields { name } } } }`);
    expect(errors).toBeUndefined();
    expect(data.__schema.queryType.name).toBe('Query');
    expect(data.__schema.queryType.fields.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(['node', 'search', 'similarMunicipalities']),
    );
  });

  it('serves the SDL at /schema.graphql', async () => {
    const response = await fetch(`${baseUrl}/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const sdl = await response.text();
    expect(sdl).toMatch(/^type Query \{$/m);
    expect(sdl).toMatch(/similarMunicipalities\(/);
    expect(() => parse(sdl)).not.toThrow();
  });

  it('can be turned off by the operator', async () => {
    const store = new MemoryGraphStore();
    const closed = await createApp(portsOf(store), { introspection: false });
    try {
      const { errors } = await gql(closed, `{ __schema { queryType { name } } }`);
      expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.[0]?.message).toMatch(/introspection/i);
    } finally {
      await closed.apollo.stop();
    }
  });
});
