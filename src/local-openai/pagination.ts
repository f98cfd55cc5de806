import { invalidRequest } from './errors.js';

/** OpenAI's cursor page: `{object: 'list', data, has_more, first_id, last_id}`. */
export interface CursorPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/**
 * One page of `items` (already in listing order) after the item whose id is `after`.
 * An unknown cursor is a 400 on `after`, as a stale cursor should not silently restart the list.
 */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  query: { after?: string | undefined; limit?: string | undefined },
  defaults: { limit: number; max: number },
): CursorPage<T> {
  let limit = defaults.limit;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > defaults.max) {
      throw invalidRequest(`Invalid 'limit': expected an integer from 1 to ${defaults.max}, got '${query.limit}'.`, 'limit', 'invalid_value');
    }
  }
  let start = 0;
  if (query.after) {
    const index = items.findIndex((item) => item.id === query.after);
    if (index < 0) throw invalidRequest(`Invalid 'after': no object with id '${query.after}' in this list.`, 'after', 'invalid_value');
    start = index + 1;
  }
  const data = items.slice(start, start + limit);
  return {
    object: 'list',
    data,
    has_more: start + limit < items.length,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  };
}
