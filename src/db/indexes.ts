import type { Database } from './database.js';

/**
 * Every index the application relies on, created at start-up. createIndex is idempotent for
 * an identical spec, so this runs on every start. Each domain adds its own entries here.
 */
export async function ensureIndexes(database: Database): Promise<void> {
  const { apiKeys, samples, datasets, testSplitKeys, jobs, jobEvents, jobCheckpoints, jobLeases, jobPollRequests, models, trainingFiles } = database;
  await Promise.all([
    apiKeys.createIndex({ hash: 1 }, { unique: true, name: 'hash_unique' }),
    samples.createIndex({ contentHash: 1 }, { unique: true, name: 'contentHash_unique' }),
    samples.createIndex({ createdAt: -1, _id: -1 }, { name: 'createdAt_id' }),
    samples.createIndex({ task: 1, reviewStatus: 1, createdAt: -1 }, { name: 'task_review_createdAt' }),
    samples.createIndex({ task: 1, platform: 1, tone: 1 }, { name: 'task_platform_tone' }),
    samples.createIndex({ source: 1, createdAt: -1 }, { name: 'source_createdAt' }),
    samples.createIndex({ userId: 1, createdAt: -1 }, { name: 'userId_createdAt' }),
    samples.createIndex({ updatedAt: -1 }, { name: 'updatedAt' }),
    // Datasets: one version per content (an equal export returns the existing one), newest-first
    // listings; test split keys are loaded per task.
    datasets.createIndex({ task: 1, contentHash: 1 }, { unique: true, name: 'task_contentHash_unique' }),
    datasets.createIndex({ createdAt: -1, _id: -1 }, { name: 'createdAt_id' }),
    testSplitKeys.createIndex({ task: 1 }, { name: 'task' }),
    // Fine-tuning: the watcher's scan, listings, and the per-job event sequence (gapless, unique).
    jobs.createIndex({ finalized: 1, nextPollAt: 1 }, { name: 'finalized_nextPollAt' }),
    jobLeases.createIndex({ jobId: 1, term: -1 }, { name: 'jobId_term' }),
    jobPollRequests.createIndex({ jobId: 1 }, { name: 'jobId' }),
    jobs.createIndex({ createdAt: -1, _id: -1 }, { name: 'createdAt_id' }),
    jobs.createIndex({ status: 1, createdAt: -1 }, { name: 'status_createdAt' }),
    jobs.createIndex({ providerJobId: 1 }, { name: 'providerJobId' }),
    jobs.createIndex({ datasetId: 1, createdAt: -1 }, { name: 'datasetId_createdAt' }),
    jobEvents.createIndex({ jobId: 1, seq: 1 }, { unique: true, name: 'jobId_seq_unique' }),
    jobCheckpoints.createIndex({ jobId: 1, stepNumber: 1 }, { name: 'jobId_stepNumber' }),
    models.createIndex({ providerModelId: 1 }, { unique: true, name: 'providerModelId_unique' }),
    models.createIndex({ createdAt: -1, _id: -1 }, { name: 'createdAt_id' }),
    models.createIndex({ task: 1, stage: 1, createdAt: -1 }, { name: 'task_stage_createdAt' }),
    trainingFiles.createIndex({ providerFileId: 1 }, { name: 'providerFileId' }),
  ]);
}
