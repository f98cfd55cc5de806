import { MongoClient, type Collection, type Db, type Document } from 'mongodb';
import type { ApiKeyDoc, IdempotencyDoc, SampleDoc } from './documents.js';

/** One handle on the database: typed collections, nothing else. */
export interface Database {
  client: MongoClient;
  db: Db;
  apiKeys: Collection<ApiKeyDoc>;
  samples: Collection<SampleDoc>;
  idempotency: Collection<IdempotencyDoc>;
  collection<T extends Document>(name: string): Collection<T>;
  close(): Promise<void>;
}

export async function connectDatabase(uri: string, dbName: string): Promise<Database> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 10_000,
    // FerretDB has no sessions; the driver only uses implicit ones, which it tolerates.
    retryWrites: false,
  });
  await client.connect();
  const db = client.db(dbName);
  return {
    client,
    db,
    apiKeys: db.collection<ApiKeyDoc>('apiKeys'),
    samples: db.collection<SampleDoc>('samples'),
    idempotency: db.collection<IdempotencyDoc>('idempotency'),
    collection: <T extends Document>(name: string) => db.collection<T>(name),
    close: () => client.close(),
  };
}

/** True for a unique-index violation, on MongoDB and FerretDB alike. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === 11000;
}
