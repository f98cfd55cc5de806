import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { badInput } from '../errors.js';

/** A zod schema that turns a global ID of the given type into its raw id, or fails naming the type. */
export function globalIdOf(typename: string) {
  return z.string().transform((value, ctx) => {
    try {
      const decoded = decodeGlobalID(value);
      if (decoded.typename === typename) return decoded.id;
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: 'custom', message: `not a ${typename} id` });
    return z.NEVER;
  });
}

/** Cursor of a newest-first keyset page: the sort key and the id, opaque to clients. */
export const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(JSON.stringify([createdAt.getTime(), id])).toString('base64url');

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [ms, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [number, string];
    if (typeof ms === 'number' && typeof id === 'string') return { createdAt: new Date(ms), id };
  } catch {
    // reported below
  }
  throw new Error('invalid cursor');
}

/** A connection's `after`/`before` argument decoded, or BAD_USER_INPUT naming the argument. */
export function cursorArg(value: string | null | undefined, field: string): { createdAt: Date; id: string } | null {
  if (!value) return null;
  try {
    return decodeCursor(value);
  } catch {
    throw badInput(field, 'not a cursor returned by this connection');
  }
}
