/**
 * Newest-first keyset paging over (createdAt, _id), the order of every Relay connection here:
 * `after` a cursor means older than it, `before` newer. Both orders need the compound index
 * { createdAt: -1, _id: -1 } of the collection.
 */

export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

export interface PageArgs {
  after: KeysetCursor | null;
  before: KeysetCursor | null;
  limit: number;
  /** Relay's `last`: read from the other end (oldest first), the connection reverses. */
  inverted: boolean;
}

export const olderThan = (c: KeysetCursor) => ({ $or: [{ createdAt: { $lt: c.createdAt } }, { createdAt: c.createdAt, _id: { $lt: c.id } }] });
export const newerThan = (c: KeysetCursor) => ({ $or: [{ createdAt: { $gt: c.createdAt } }, { createdAt: c.createdAt, _id: { $gt: c.id } }] });

/** The bounds of a page, to `$and` with the filter. */
export function keysetBounds(args: PageArgs): Record<string, unknown>[] {
  const bounds: Record<string, unknown>[] = [];
  if (args.after) bounds.push(olderThan(args.after));
  if (args.before) bounds.push(newerThan(args.before));
  return bounds;
}

/** The sort of a page: newest first, or oldest first when inverted. */
export const keysetSort = (args: PageArgs) => {
  const dir = args.inverted ? 1 : -1;
  return { createdAt: dir, _id: dir } as const;
};
