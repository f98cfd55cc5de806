import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../src/gql/index.js';
import { codes, startTestApp, wsSubscribe, type TestApp } from '../harness.js';
import { allEvents, createDataset, FAST_WATCH, JobState, rawId, startStandaloneProvider, StartJob, waitForJob, type StandaloneProvider } from './helpers.js';

/** Cancel, who may do what, bring-your-own files, and the provider webhook. */

const Cancel = graphql(`
  mutation TestCancelFineTuning($id: ID!) {
    cancelFineTuning(id: $id) {
      id
      status
      cancelRequested
    }
  }
`);

const Upload = graphql(`
  mutation TestUploadTrainingFile($input: UploadTrainingFileInput!) {
    uploadTrainingFile(input: $input) {
      fileId
      lines
      reused
    }
  }
`);

const Create = graphql(`
  mutation TestCreateFineTuningJob($input: CreateFineTuningJobInput!) {
    createFineTuningJob(input: $input) {
      id
      status
      datasetId
      trainingFile {
        fileId
      }
    }
  }
`);

const Jobs = graphql(`
  query TestJobs($filter: FineTuningJobFilter) {
    jobs(first: 10, filter: $filter) {
      totalCount
      edges {
        node {
          id
          status
        }
      }
    }
  }
`);

const JobUpdatedStatus = graphql(`
  subscription TestJobUpdatedStatus($id: ID!) {
    jobUpdated(id: $id) {
      status
    }
  }
`);

const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;

function signedWebhook(body: string, secret = WEBHOOK_SECRET) {
  const id = `wh_${randomBytes(8).toString('hex')}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace('whsec_', ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

describe('fine-tuning over the API', () => {
  let p: StandaloneProvider;
  let t: TestApp;
  let datasetId: string;
  let cancelledId: string;
  beforeAll(async () => {
    // Paced so that a job runs for a couple of seconds: long enough to cancel it mid-run.
    p = await startStandaloneProvider({ timing: { validateMs: 100, queueMs: 100, minStepMs: 60 } });
    t = await startTestApp({ ...FAST_WATCH, ...p.env, OPENAI_WEBHOOK_SECRET: WEBHOOK_SECRET });
    datasetId = (await createDataset(t.app.db, 60)).globalId;
  });
  afterAll(async () => {
    await t?.stop();
    await p?.close();
  });

  it('cancels a running job: CANCELLED, the provider says so in its events, and no model is registered', async () => {
    const started = await t.exec(StartJob, { input: { datasetId, nEpochs: 8 } });
    cancelledId = started.data!.startFineTuning.id;
    for (let i = 0; i < 200; i++) {
      if ((await t.exec(JobState, { id: cancelledId })).data!.job!.status === 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const res = await t.exec(Cancel, { id: cancelledId });
    expect(res.data!.cancelFineTuning).toMatchObject({ status: 'CANCELLED', cancelRequested: true });
    const job = await waitForJob(t, cancelledId);
    expect(job).toMatchObject({ status: 'CANCELLED', providerStatus: 'cancelled', fineTunedModel: null });
    expect((await allEvents(t, cancelledId)).at(-1)!.message).toBe('Fine-tuning job cancelled');
    expect(await t.app.db.models.countDocuments({ stage: 'CANDIDATE' })).toBe(0);
  });

  it('returns a cancelled job again when it is cancelled twice', async () => {
    const res = await t.exec(Cancel, { id: cancelledId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.cancelFineTuning.status).toBe('CANCELLED');
  });

  it('lists jobs with a status filter and a total count', async () => {
    const res = await t.exec(Jobs, { filter: { status: 'CANCELLED' } });
    expect(res.data!.jobs.totalCount).toBe(1);
    expect(res.data!.jobs.edges[0]!.node.id).toBe(cancelledId);
    expect((await t.exec(Jobs, { filter: { status: 'SUCCEEDED' } })).data!.jobs.totalCount).toBe(0);
  });

  it('lets only ADMIN train or cancel, and ANALYST read', async () => {
    const app = await t.keyFor('APP');
    const analyst = await t.keyFor('ANALYST');
    expect(codes(await t.exec(StartJob, { input: { datasetId } }, app))).toEqual(['FORBIDDEN']);
    expect(codes(await t.exec(StartJob, { input: { datasetId } }, analyst))).toEqual(['FORBIDDEN']);
    expect(codes(await t.exec(Cancel, { id: cancelledId }, analyst))).toEqual(['FORBIDDEN']);
    expect(codes(await t.exec(JobState, { id: cancelledId }, app))).toEqual(['FORBIDDEN']);
    expect(codes(await t.exec(JobState, { id: cancelledId }, null))).toEqual(['UNAUTHENTICATED']);
    expect((await t.exec(JobState, { id: cancelledId }, analyst)).data!.job!.status).toBe('CANCELLED');
  });

  it('refuses a subscription to a role that may not read jobs, and serves an ANALYST', async () => {
    const denied = wsSubscribe(t.ws(await t.keyFor('APP')), JobUpdatedStatus, { id: cancelledId });
    const first = await denied.next();
    expect(first.value?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const allowed: string[] = [];
    for await (const r of wsSubscribe(t.ws(await t.keyFor('ANALYST')), JobUpdatedStatus, { id: cancelledId })) allowed.push(r.data!.jobUpdated.status);
    expect(allowed).toEqual(['CANCELLED']);
  });

  it('closes a WebSocket that connects without a valid key', async () => {
    const iter = wsSubscribe(t.ws('stk_not_a_real_key_000000000000'), JobUpdatedStatus, { id: cancelledId });
    await expect(iter.next()).rejects.toBeTruthy();
  });

  it('refuses a bring-your-own file that breaks the format rules, with the report', async () => {
    const res = await t.exec(Upload, { input: { filename: 'bad.jsonl', content: '{"messages": [{"role": "robot", "content": "x"}]}\nnot json\n' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions).toMatchObject({ field: 'input.content', report: { examplesWithErrors: 2, errors: { invalid_json: 1, unrecognized_role: 1 } } });
  });

  it('trains on a bring-your-own file uploaded once', async () => {
    const content = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({ messages: [{ role: 'user', content: `Card ${i}?` }, { role: 'assistant', content: `Answer ${i}` }] }),
    ).join('\n');
    const first = await t.exec(Upload, { input: { filename: 'own.jsonl', content } });
    const again = await t.exec(Upload, { input: { filename: 'own.jsonl', content } });
    expect(first.data!.uploadTrainingFile).toMatchObject({ lines: 12, reused: false });
    expect(again.data!.uploadTrainingFile).toMatchObject({ fileId: first.data!.uploadTrainingFile.fileId, reused: true });
    const created = await t.exec(Create, { input: { trainingFileId: first.data!.uploadTrainingFile.fileId, task: 'CARD_IDENTIFICATION', nEpochs: 1 } });
    expect(created.data!.createFineTuningJob).toMatchObject({ datasetId: null, trainingFile: { fileId: first.data!.uploadTrainingFile.fileId } });
    expect((await waitForJob(t, created.data!.createFineTuningJob.id)).status).toBe('SUCCEEDED');
  });

  it('answers a training file the provider does not have with NOT_FOUND', async () => {
    expect(codes(await t.exec(Create, { input: { trainingFileId: 'file-nope', task: 'CARD_IDENTIFICATION' } }))).toEqual(['NOT_FOUND']);
  });

  it("keeps the provider's error code, message and param when a job fails", async () => {
    p.provider.setFaults({ jobScript: ['fail_validation'] });
    const started = await t.exec(StartJob, { input: { datasetId, nEpochs: 1, idempotencyKey: 'fails-at-validation-1' } });
    const job = await waitForJob(t, started.data!.startFineTuning.id);
    expect(job.status).toBe('FAILED');
    expect(job.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' });
    expect(job.error!.message).toMatch(/invalid training file/);
  });

  it('marks a job FAILED with the provider error when the provider refuses to create it', async () => {
    // The alias exists as a model but cannot be fine-tuned: the provider answers 400 model_not_available.
    const started = await t.exec(StartJob, { input: { datasetId, baseModel: 'gpt-4o-mini', idempotencyKey: 'refused-create-0001' } });
    expect(started.data!.startFineTuning).toMatchObject({ status: 'FAILED', providerJobId: null });
    const job = await waitForJob(t, started.data!.startFineTuning.id);
    expect(job.error).toMatchObject({ code: 'model_not_available', param: 'model' });
  });

  it('accepts a signed provider webhook for a job and polls that job at once', async () => {
    const doc = await t.app.db.jobs.findOne({ _id: rawId(cancelledId) });
    const body = JSON.stringify({ id: 'evt_1', object: 'event', created_at: Math.floor(Date.now() / 1000), type: 'fine_tuning.job.cancelled', data: { id: doc!.providerJobId } });
    const res = await fetch(`${t.url}/webhooks/openai`, { method: 'POST', headers: signedWebhook(body), body });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, refreshed: true });
  });

  it('refuses a webhook whose signature does not verify with 400', async () => {
    const body = JSON.stringify({ id: 'evt_2', object: 'event', created_at: 0, type: 'fine_tuning.job.succeeded', data: { id: 'ftjob-x' } });
    const res = await fetch(`${t.url}/webhooks/openai`, { method: 'POST', headers: signedWebhook(body, `whsec_${randomBytes(24).toString('base64')}`), body });
    expect(res.status).toBe(400);
  });
});
