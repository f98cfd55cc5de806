import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { badInput, clientError } from '../errors.js';
import type { Context } from './context.js';

/** Plugins, scalars and empty root types; domain types live in one file per noun. */

export interface AuthScopes {
  /** Any valid key. */
  authenticated: boolean;
  /** Collects samples, predictions and feedback. */
  app: boolean;
  /** Reads everything, exports and evaluates. */
  analyst: boolean;
  /** Trains, promotes, manages keys. */
  admin: boolean;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** Whole numbers beyond Int's 32 bits (token totals, byte counts), up to 2^53 - 1. */
    SafeInt: { Input: number; Output: number };
    ID: { Input: string; Output: string | number | bigint };
  };
}>({
  // scope-auth first: plugin hooks wrap in reverse, so authorization runs before everything else.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, DataloaderPlugin, RelayPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => {
      const role = ctx.caller?.role;
      return {
        authenticated: !!ctx.caller,
        app: role === 'APP' || role === 'ADMIN',
        analyst: role === 'ANALYST' || role === 'ADMIN',
        admin: role === 'ADMIN',
      };
    },
    unauthorizedError: (_parent, ctx, info) =>
      ctx.caller
        ? clientError('FORBIDDEN', `the ${ctx.caller.role} role may not use ${info.parentType.name}.${info.fieldName}`)
        : clientError('UNAUTHENTICATED', 'an API key is required: send Authorization: Bearer stk_…'),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  errors: {
    defaultTypes: [],
  },
  validation: {
    // One BAD_USER_INPUT error naming the first offending field; all issues in extensions.
    validationError: (result) => {
      const issues = result.issues.map((i) => ({
        field: (i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.'),
        message: i.message,
      }));
      const first = issues[0] ?? { field: '', message: 'invalid input' };
      const err = badInput(first.field, first.message);
      err.extensions.issues = issues;
      return err;
    },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('SafeInt', SafeIntResolver);

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
