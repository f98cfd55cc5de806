import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ObjectId } from 'mongodb';
import type { Database } from '../../db/database.js';
import type { ApiKeyDoc, Role } from '../../db/documents.js';
import { notFound } from '../../errors.js';

/** API keys: random, prefixed, stored only as a SHA-256 hash, shown once. */

export const KEY_PREFIX = 'stk_';

export interface Caller {
  keyId: string;
  name: string;
  role: Role;
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

const displayPrefix = (key: string) => `${key.slice(0, KEY_PREFIX.length + 6)}…`;

export class ApiKeyService {
  constructor(private readonly db: Database) {}

  /** Returns the stored document and the key itself, which is never retrievable again. */
  async create(input: { name: string; role: Role; createdBy: string | null }): Promise<{ key: string; doc: ApiKeyDoc }> {
    const key = generateKey();
    const doc: ApiKeyDoc = {
      _id: new ObjectId().toHexString(),
      name: input.name,
      role: input.role,
      prefix: displayPrefix(key),
      hash: hashKey(key),
      createdAt: new Date(),
      createdBy: input.createdBy,
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.db.apiKeys.insertOne(doc);
    return { key, doc };
  }

  /** Registers a key chosen by the operator (the bootstrap admin key from the environment). */
  async ensureKey(key: string, name: string, role: Role): Promise<void> {
    const hash = hashKey(key);
    await this.db.apiKeys.updateOne(
      { hash },
      {
        $setOnInsert: {
          _id: new ObjectId().toHexString(),
          name,
          role,
          prefix: displayPrefix(key),
          hash,
          createdAt: new Date(),
          createdBy: null,
          revokedAt: null,
          lastUsedAt: null,
        },
      },
      { upsert: true },
    );
  }

  async hasActiveAdmin(): Promise<boolean> {
    return (await this.db.apiKeys.countDocuments({ role: 'ADMIN', revokedAt: null }, { limit: 1 })) > 0;
  }

  /** The caller a presented key belongs to, or null when it is unknown or revoked. */
  async authenticate(key: string): Promise<Caller | null> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
    const hash = hashKey(key);
    const doc = await this.db.apiKeys.findOne({ hash });
    // The lookup is by hash, so timing cannot leak the key; the comparison guards the match itself.
    if (!doc || doc.revokedAt || !timingSafeEqual(Buffer.from(doc.hash, 'hex'), Buffer.from(hash, 'hex'))) return null;
    void this.db.apiKeys.updateOne({ _id: doc._id }, { $set: { lastUsedAt: new Date() } }).catch(() => undefined);
    return { keyId: doc._id, name: doc.name, role: doc.role };
  }

  /** Revoking twice keeps the first revocation time. */
  async revoke(id: string): Promise<ApiKeyDoc> {
    const revoked = await this.db.apiKeys.findOneAndUpdate(
      { _id: id, revokedAt: null },
      { $set: { revokedAt: new Date() } },
      { returnDocument: 'after' },
    );
    const doc = revoked ?? (await this.db.apiKeys.findOne({ _id: id }));
    if (!doc) throw notFound('ApiKey', id);
    return doc;
  }

  list(): Promise<ApiKeyDoc[]> {
    return this.db.apiKeys.find({}, { sort: { createdAt: -1, _id: -1 } }).toArray();
  }

  byIds(ids: readonly string[]): Promise<ApiKeyDoc[]> {
    return this.db.apiKeys.find({ _id: { $in: [...ids] } }).toArray();
  }
}
