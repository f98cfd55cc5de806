import { readFileSync } from 'node:fs';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../scripts/print-schema.js';
import { buildSchema } from '../src/schema/index.js';

describe('the schema', () => {
  it('matches the checked-in schema.graphql (run `npm run codegen` after changing it)', () => {
    expect(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8')).toBe(printedSchema());
  });

  it('declares auth scopes on every root field except the relay node lookups', () => {
    const schema = buildSchema();
    const unguarded: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root || !isObjectType(root)) continue;
      for (const field of Object.values(root.getFields())) {
        const options = (field.extensions?.pothosOptions ?? {}) as { authScopes?: unknown };
        if (!options.authScopes && !['node', 'nodes'].includes(field.name)) unguarded.push(`${root.name}.${field.name}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});
