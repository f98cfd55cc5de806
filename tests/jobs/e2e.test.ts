import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../src/gql/index.js';
import { codes, startTestApp, wsSubscribe, type TestApp } from '../harness.js';
import { allEvents, collectAndExport, FAST_WATCH, gaplessAndUnique, StartJob } from './helpers.js';

/**
 * End to end on the in-process local provider, through the SDK: generated samples → exportDataset
 * → startFineTuning → a graphql-ws client follows the job live → it succeeds → a CANDIDATE model
 * with lineage.
 */

const JobUpdated = graphql(`
  subscription TestJobUpdated($id: ID!) {
    jobUpdated(id: $id) {
      id
      status
      progress {
        step
        totalSteps
        epoch
        nEpochs
        trainLoss
      }
    }
  }
`);

const JobEvents = graphql(`
  subscription TestJobEvents($jobId: ID!, $after: String) {
    jobEvents(jobId: $jobId, after: $after) {
      seq
      cursor
      type
      message
      metrics {
        step
        trainLoss
        validLoss
      }
    }
  }
`);

const JobResult = graphql(`
  query TestJobResult($id: ID!) {
    job(id: $id) {
      id
      status
      datasetId
      baseModel
      suffix
      fineTunedModel
      trainedTokens
      costUsd
      resolvedHyperparameters {
        nEpochs
        batchSize
      }
      checkpoints {
        stepNumber
        model
        trainLoss
      }
      metrics {
        step
        trainLoss
      }
      dataset {
        id
        status
      }
      model {
        id
        dataset {
          id
        }
      }
    }
  }
`);

const Models = graphql(`
  query TestModels($filter: ModelFilter) {
    models(filter: $filter, first: 10) {
      totalCount
      edges {
        node {
          id
          providerModelId
          task
          stage
          baseModel
          datasetId
          trainedTokens
          costUsd
          shutdownDate
          job {
            id
          }
        }
      }
    }
  }
`);

const JobsOfDataset = graphql(`
  query TestJobsOfDataset($datasetId: ID!) {
    jobs(first: 5, filter: { datasetId: $datasetId }) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

const Cancel = graphql(`
  mutation TestCancelFinished($id: ID!) {
    cancelFineTuning(id: $id) {
      id
    }
  }
`);

type Update = { status: string; progress: { trainLoss: number | null } | null };
type Event = { seq: number; cursor: string; type: string; metrics: { trainLoss: number | null } | null };

describe('a fine-tuning job, end to end', () => {
  let t: TestApp;
  let jobId: string;
  let datasetId: string;
  const timeline: ({ kind: 'update'; value: Update } | { kind: 'event'; value: Event })[] = [];

  beforeAll(async () => {
    t = await startTestApp(FAST_WATCH);
    datasetId = await collectAndExport(t);
    const started = await t.exec(StartJob, { input: { datasetId, suffix: 'card-id', nEpochs: 2, idempotencyKey: 'e2e-start-0001' } });
    expect(started.errors).toBeUndefined();
    jobId = started.data!.startFineTuning.id;
    const ws = t.ws();
    const follow = async <T>(iter: AsyncIterableIterator<{ data?: T | null; errors?: unknown }>, push: (v: T) => void) => {
      for await (const r of iter) {
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        push(r.data as T);
      }
    };
    await Promise.all([
      follow(wsSubscribe(ws, JobUpdated, { id: jobId }), (d) => timeline.push({ kind: 'update', value: d.jobUpdated })),
      follow(wsSubscribe(ws, JobEvents, { jobId }), (d) => timeline.push({ kind: 'event', value: d.jobEvents })),
    ]);
  });
  afterAll(() => t?.stop());

  const updates = () => timeline.flatMap((x) => (x.kind === 'update' ? [x.value] : []));
  const events = () => timeline.flatMap((x) => (x.kind === 'event' ? [x.value] : []));

  it('streams the status changes in lifecycle order, ending with SUCCEEDED', () => {
    const order = ['CREATING', 'VALIDATING_FILES', 'QUEUED', 'RUNNING', 'SUCCEEDED'];
    const statuses = updates().map((u) => u.status);
    const ranks = statuses.map((s) => order.indexOf(s));
    expect(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!))).toBe(true);
    expect(statuses).toContain('RUNNING');
    expect(statuses.at(-1)).toBe('SUCCEEDED');
  });

  it('delivers loss while the job is still running, before it succeeds', () => {
    const succeededAt = timeline.findIndex((x) => x.kind === 'update' && x.value.status === 'SUCCEEDED');
    const firstLoss = timeline.findIndex((x) => x.kind === 'event' && typeof x.value.metrics?.trainLoss === 'number');
    expect(firstLoss).toBeGreaterThanOrEqual(0);
    expect(firstLoss).toBeLessThan(succeededAt);
    expect(updates().some((u) => u.status === 'RUNNING' && typeof u.progress?.trainLoss === 'number')).toBe(true);
  });

  it('streams every stored event once, in seq order with no gap, then completes', async () => {
    const streamed = events().map((e) => e.seq);
    const stored = await allEvents(t, jobId);
    expect(streamed).toEqual(stored.map((e) => e.seq));
    expect(gaplessAndUnique(stored)).toEqual({ gapless: true, unique: true });
    expect(stored.filter((e) => e.type === 'metrics').length).toBeGreaterThan(3);
    expect(stored.at(-1)!.message).toBe('The job has successfully completed');
  });

  it('replays only the events after a cursor', async () => {
    const fifth = events()[4]!;
    const replay: number[] = [];
    for await (const r of wsSubscribe(t.ws(), JobEvents, { jobId, after: fifth.cursor })) replay.push(r.data!.jobEvents.seq);
    expect(replay).toEqual(events().slice(5).map((e) => e.seq));
  });

  it('records the result: fine-tuned model, resolved hyperparameters, trained tokens and their actual cost', async () => {
    const job = (await t.exec(JobResult, { id: jobId })).data!.job!;
    expect(job.status).toBe('SUCCEEDED');
    expect(job.fineTunedModel).toMatch(/^ft:gpt-4o-mini-2024-07-18:slabstak:card-id:[a-z0-9]+$/);
    expect(job.resolvedHyperparameters?.nEpochs).toBe(2);
    expect(job.trainedTokens).toBeGreaterThan(0);
    // gpt-4o-mini trains at $3.00 per 1M tokens (the price table).
    expect(job.costUsd).toBeCloseTo((job.trainedTokens! * 3) / 1_000_000, 6);
  });

  it('records checkpoints and the loss curve', async () => {
    const job = (await t.exec(JobResult, { id: jobId })).data!.job!;
    expect(job.checkpoints.length).toBeGreaterThan(0);
    expect(job.checkpoints.every((c) => c.model.startsWith(`${job.fineTunedModel}:ckpt-step-`))).toBe(true);
    const steps = job.metrics.map((p) => p.step);
    expect(steps.length).toBeGreaterThan(3);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(job.metrics.every((p) => typeof p.trainLoss === 'number')).toBe(true);
  });

  it('registers a CANDIDATE model with its lineage dataset → job → model', async () => {
    const job = (await t.exec(JobResult, { id: jobId })).data!.job!;
    const res = await t.exec(Models, { filter: { stage: 'CANDIDATE', task: 'CARD_IDENTIFICATION' } });
    expect(res.data!.models.totalCount).toBe(1);
    const model = res.data!.models.edges[0]!.node;
    expect(model).toMatchObject({
      providerModelId: job.fineTunedModel,
      task: 'CARD_IDENTIFICATION',
      stage: 'CANDIDATE',
      baseModel: 'gpt-4o-mini-2024-07-18',
      datasetId,
      trainedTokens: job.trainedTokens,
      costUsd: job.costUsd,
      shutdownDate: '2027-01-14',
      job: { id: jobId },
    });
    expect(job.datasetId).toBe(datasetId);
    expect(job.dataset).toEqual({ id: datasetId, status: 'READY' });
    expect(job.model).toEqual({ id: model.id, dataset: { id: datasetId } });
  });

  it('records the base model it trained from, with its shutdown date', async () => {
    const res = await t.exec(Models, { filter: { stage: 'BASE' } });
    expect(res.data!.models.edges.map((e) => [e.node.providerModelId, e.node.shutdownDate])).toEqual([['gpt-4o-mini-2024-07-18', '2027-01-14']]);
  });

  it('finds the job by the dataset it trained on', async () => {
    const res = await t.exec(JobsOfDataset, { datasetId });
    expect(res.data!.jobs.totalCount).toBe(1);
    expect(res.data!.jobs.edges.map((e) => e.node.id)).toEqual([jobId]);
  });

  it('refuses to cancel a finished job with CONFLICT', async () => {
    expect(codes(await t.exec(Cancel, { id: jobId }))).toEqual(['CONFLICT']);
  });
});
