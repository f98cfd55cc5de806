import { createGraphQLError, maskError as yogaMaskError, type YogaMaskedErrorOpts } from 'graphql-yoga';

/**
 * graphql-js rejects variables that do not fit the schema (unknown enum value, missing required
 * field) before any resolver runs, with no error code. They are the client's mistake:
 * BAD_USER_INPUT with the path of the offending field, like the zod validation errors.
 * Everything else goes through yoga's own masking.
 */

const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s;
const MISSING_VARIABLE = /^Variable "\$(\w+)" of (?:required|non-null) type/;
const MISSING_FIELD = /^Field "(\w+)" of required type/;

export function variableErrorField(message: string): string | null {
  const m = VARIABLE_ERROR.exec(message);
  if (!m) return MISSING_VARIABLE.exec(message)?.[1] ?? null;
  const [, variable, at, reason] = m;
  const base = at ?? variable!;
  const missing = MISSING_FIELD.exec(reason ?? '');
  return missing ? `${base}.${missing[1]}` : base;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  extensions?: Record<string, unknown>;
}

export const maskError: YogaMaskedErrorOpts['maskError'] = (error, message, isDev) => {
  // By name, not instanceof: a test runner may load graphql's CJS and ESM builds side by side.
  const e = error as ErrorLike;
  if (e?.name === 'GraphQLError' && typeof e.message === 'string' && !e.extensions?.code) {
    const field = variableErrorField(e.message);
    if (field) {
      return createGraphQLError(e.message, {
        extensions: { ...e.extensions, code: 'BAD_USER_INPUT', field },
      });
    }
  }
  return yogaMaskError(error, message, isDev);
};
