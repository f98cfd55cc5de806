import type { Database } from './database.js';

/**
 * Every index the application relies on, created at start-up. createIndex is idempotent for
 * an identical spec, so this runs on every start. Each domain adds its own entries here.
 */
export async function ensureIndexes(database: Database): Promise<void> {
  const { apiKeys, samples } = database;
  await Promise.all([
    apiKeys.createIndex({ hash: 1 }, { unique: true, name: 'hash_unique' }),
    samples.createIndex({ contentHash: 1 }, { unique: true, name: 'contentHash_unique' }),
    samples.createIndex({ createdAt: -1, _id: -1 }, { name: 'createdAt_id' }),
    samples.createIndex({ task: 1, reviewStatus: 1, createdAt: -1 }, { name: 'task_review_createdAt' }),
    samples.createIndex({ task: 1, platform: 1, tone: 1 }, { name: 'task_platform_tone' }),
    samples.createIndex({ source: 1, createdAt: -1 }, { name: 'source_createdAt' }),
    samples.createIndex({ userId: 1, createdAt: -1 }, { name: 'userId_createdAt' }),
    samples.createIndex({ updatedAt: -1 }, { name: 'updatedAt' }),
  ]);
}
