import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { isDuplicateKeyError } from '../db/database.js';
import { conflict } from '../errors.js';

/**
 * Retried mutations: the same (caller, operation, key) returns the first result and writes
 * nothing twice. The claim is a unique `_id`, so no transaction is needed. The operation gets
 * a deterministic `opId`: services use it as the id of what they create, so even a re-run
 * after a crash between the write and the record lands on the same documents.
 */

const PENDING_STALE_MS = 60_000;
const WAIT_FOR_PENDING_MS = 10_000;

export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

/** JSON with sorted object keys, so equal values hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export interface IdempotentCall {
  scope: string;
  operation: string;
  key: string | null | undefined;
  request: unknown;
}

export class IdempotencyService {
  constructor(private readonly db: Database) {}

  async run<R>(call: IdempotentCall, fn: (opId: string | null) => Promise<R>): Promise<R> {
    if (!call.key) return fn(null);
    const _id = `${call.scope}:${call.operation}:${call.key}`;
    const opId = createHash('sha256').update(_id).digest('hex').slice(0, 24);
    const requestHash = stableHash(call.request);
    const now = new Date();
    try {
      await this.db.idempotency.insertOne({ _id, requestHash, status: 'PENDING', result: null, createdAt: now, updatedAt: now });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const settled = await this.settled<R>(_id, requestHash);
      if (settled.done) return settled.result;
    }
    let result: R;
    try {
      result = await fn(opId);
    } catch (err) {
      // Failed: free the key at once so a retry runs again (with the same opId, so it lands on
      // whatever the failed attempt already wrote) instead of waiting for the claim to go stale.
      await this.db.idempotency.deleteOne({ _id, status: 'PENDING' }).catch(() => undefined);
      throw err;
    }
    await this.db.idempotency.updateOne({ _id }, { $set: { status: 'DONE', result, updatedAt: new Date() } });
    return result;
  }

  /** Waits for a concurrent first attempt; a stale PENDING (its owner died) is taken over. */
  private async settled<R>(_id: string, requestHash: string): Promise<{ done: true; result: R } | { done: false }> {
    const deadline = Date.now() + WAIT_FOR_PENDING_MS;
    for (;;) {
      const existing = await this.db.idempotency.findOne({ _id });
      if (!existing) return { done: false };
      if (existing.requestHash !== requestHash) {
        throw conflict('this idempotencyKey was already used for a different request', { field: 'input.idempotencyKey' });
      }
      if (existing.status === 'DONE') return { done: true, result: existing.result as R };
      if (Date.now() - existing.updatedAt.getTime() > PENDING_STALE_MS) {
        const taken = await this.db.idempotency.updateOne(
          { _id, status: 'PENDING', updatedAt: existing.updatedAt },
          { $set: { updatedAt: new Date() } },
        );
        if (taken.modifiedCount === 1) return { done: false };
      }
      if (Date.now() > deadline) {
        throw conflict('a request with this idempotencyKey is still in progress; retry later', {
          field: 'input.idempotencyKey',
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
