import { createGraphQLError } from 'graphql-yoga';

/**
 * Errors meant for clients, with the codes of the API contract. Services throw these
 * (they carry no GraphQL types beyond the error class); everything else is masked.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'RATE_LIMITED'
  | 'UPSTREAM_ERROR';

export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return createGraphQLError(message, { extensions: { code, ...extensions } });
}

/** One invalid input field: `field` is the path from the argument (`input.card.year`). */
export function badInput(field: string | (string | number)[], message: string) {
  const path = Array.isArray(field) ? field.join('.') : field;
  return clientError('BAD_USER_INPUT', `${path}: ${message}`, { field: path });
}

export const notFound = (what: string, id: string) => clientError('NOT_FOUND', `${what} ${id} not found`, { id });
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  clientError('CONFLICT', message, extensions);
export const preconditionFailed = (message: string, extensions: Record<string, unknown> = {}) =>
  clientError('PRECONDITION_FAILED', message, extensions);
