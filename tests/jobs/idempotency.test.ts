import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIdReadiness } from '../../src/services/datasets/readiness.js';
import { JOB_METADATA_KEY } from '../../src/services/finetuning/sync.js';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { codes, startTestApp, type TestApp } from '../harness.js';
import { createDataset, FAST_WATCH, rawId, StartJob } from './helpers.js';

/** startFineTuning is safe to retry, and checks what it is given before anything reaches the provider. */

describe('startFineTuning', () => {
  let t: TestApp;
  let datasetId: string;
  beforeAll(async () => {
    t = await startTestApp(FAST_WATCH);
    datasetId = (await createDataset(t.app.db, 60)).globalId;
  });
  afterAll(() => t?.stop());

  it('retried with the same idempotency key, concurrently and afterwards, makes one job on the provider', async () => {
    const input = { datasetId, nEpochs: 1, idempotencyKey: 'retry-start-0001' };
    const concurrent = await Promise.all([t.exec(StartJob, { input }), t.exec(StartJob, { input }), t.exec(StartJob, { input })]);
    const later = await t.exec(StartJob, { input });
    const ids = [...concurrent, later].map((r) => r.data?.startFineTuning.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeTruthy();
    const onProvider = await t.app.services.provider.listJobsByMetadata({ [JOB_METADATA_KEY]: rawId(ids[0]!) });
    expect(onProvider).toHaveLength(1);
    expect(await t.app.db.jobs.countDocuments({})).toBe(1);
  });

  it('refuses the same key for a different request with CONFLICT', async () => {
    const res = await t.exec(StartJob, { input: { datasetId, nEpochs: 2, idempotencyKey: 'retry-start-0001' } });
    expect(codes(res)).toEqual(['CONFLICT']);
  });

  it('reuses the files already uploaded for the same content', async () => {
    const first = await t.exec(StartJob, { input: { datasetId, idempotencyKey: 'reuse-files-0001' } });
    const second = await t.exec(StartJob, { input: { datasetId, idempotencyKey: 'reuse-files-0002' } });
    expect(first.data!.startFineTuning.trainingFile.fileId).toBe(second.data!.startFineTuning.trainingFile.fileId);
    const res = await fetch(`${t.app.localOpenAI!.baseURL}/files?purpose=fine-tune`, { headers: { authorization: 'Bearer local' } });
    const files = (await res.json()) as { data: unknown[] };
    // One training and one validation file, for three jobs on the same dataset.
    expect(files.data).toHaveLength(2);
  });

  it('refuses a dataset below the readiness minimum with PRECONDITION_FAILED and have/need', async () => {
    const { id } = await createDataset(t.app.db, 20, 2);
    await t.app.db.datasets.updateOne({ _id: id }, { $set: { report: { readiness: cardIdReadiness(20) } } });
    const res = await t.exec(StartJob, { input: { datasetId: encodeGlobalID('Dataset', id) } });
    expect(codes(res)).toEqual(['PRECONDITION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({ have: 20, need: 50 });
  });

  it('refuses a dataset that is still building with PRECONDITION_FAILED', async () => {
    const { id } = await createDataset(t.app.db, 60, 3);
    await t.app.db.datasets.updateOne({ _id: id }, { $set: { status: 'BUILDING' } });
    expect(codes(await t.exec(StartJob, { input: { datasetId: encodeGlobalID('Dataset', id) } }))).toEqual(['PRECONDITION_FAILED']);
  });

  it('answers an unknown dataset with NOT_FOUND', async () => {
    const res = await t.exec(StartJob, { input: { datasetId: encodeGlobalID('Dataset', new ObjectId().toHexString()) } });
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('refuses a base model the provider does not have with BAD_USER_INPUT on input.baseModel', async () => {
    const res = await t.exec(StartJob, { input: { datasetId, baseModel: 'gpt-2-2019-02-14' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions?.field).toBe('input.baseModel');
  });

  it('refuses out-of-range hyperparameters and a bad suffix with BAD_USER_INPUT naming the field', async () => {
    for (const [input, field] of [
      [{ datasetId, nEpochs: 0 }, 'input.nEpochs'],
      [{ datasetId, batchSize: 1000 }, 'input.batchSize'],
      [{ datasetId, learningRateMultiplier: 0 }, 'input.learningRateMultiplier'],
      [{ datasetId, suffix: 'has:colon' }, 'input.suffix'],
      [{ datasetId: 'not-an-id' }, 'input.datasetId'],
    ] as const) {
      const res = await t.exec(StartJob, { input });
      expect(codes(res), field).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.extensions?.field).toBe(field);
    }
  });
});
