import { describe, expect, it } from 'vitest';
import { createJobAtMostOnce } from '../../src/services/finetuning/creation.js';
import { ProviderError, type CreateJobRequest, type FineTuningProvider, type ProviderJob } from '../../src/services/providers/types.js';

/**
 * At-most-once job creation against a scripted provider: each create either succeeds, fails
 * cleanly (nothing created), or creates the job and then loses the answer (the ambiguous case).
 */

type Outcome = 'ok' | '429' | 'applied-then-timeout' | 'applied-then-500' | 'refused-400' | 'timeout';

function fakeProvider(script: Outcome[]) {
  const jobs: ProviderJob[] = [];
  let creates = 0;
  let lists = 0;
  const make = (r: CreateJobRequest): ProviderJob => {
    const job: ProviderJob = {
      id: `ftjob-${jobs.length + 1}`,
      status: 'validating_files',
      model: r.model,
      fineTunedModel: null,
      trainedTokens: null,
      hyperparameters: { nEpochs: null, batchSize: null, learningRateMultiplier: null },
      trainingFile: r.trainingFile,
      validationFile: r.validationFile,
      error: null,
      metadata: r.metadata,
      createdAt: new Date(1_700_000_000_000 + jobs.length),
      finishedAt: null,
      estimatedFinish: null,
    };
    jobs.push(job);
    return job;
  };
  const provider = {
    kind: 'fake',
    async createJob(r: CreateJobRequest) {
      creates++;
      const outcome = script.shift() ?? 'ok';
      if (outcome === 'ok') return make(r);
      if (outcome === 'applied-then-timeout') {
        make(r);
        throw new ProviderError('timeout', 'Request timed out.');
      }
      if (outcome === 'applied-then-500') {
        make(r);
        throw new ProviderError('server', 'internal error', 500);
      }
      if (outcome === 'timeout') throw new ProviderError('timeout', 'Request timed out.');
      if (outcome === '429') throw new ProviderError('rate_limited', 'slow down', 429, 'rate_limit_exceeded', null, 5);
      throw new ProviderError('bad_request', 'invalid training file', 400, 'invalid_training_file', 'training_file');
    },
    async listJobsByMetadata(metadata: Record<string, string>) {
      lists++;
      return jobs.filter((j) => Object.entries(metadata).every(([k, v]) => j.metadata?.[k] === v));
    },
  } as unknown as FineTuningProvider;
  return { provider, jobs, counts: () => ({ creates, lists }) };
}

const request: CreateJobRequest = {
  model: 'gpt-4o-mini-2024-07-18',
  trainingFile: 'file-1',
  validationFile: null,
  suffix: null,
  hyperparameters: { nEpochs: null, batchSize: null, learningRateMultiplier: null },
  metadata: { slabtune_job_id: 'job-1' },
  seed: null,
};

const sleeps: number[] = [];
const options = { attempts: 5, mayExist: false, baseDelayMs: 10, maxDelayMs: 100, sleep: async (ms: number) => void sleeps.push(ms) };

describe('createJobAtMostOnce', () => {
  it('adopts the job an ambiguous timeout left behind instead of creating a second one', async () => {
    const f = fakeProvider(['applied-then-timeout']);
    const result = await createJobAtMostOnce(f.provider, request, options);
    expect(result.adopted).toBe(true);
    expect(f.jobs).toHaveLength(1);
    expect(f.counts()).toEqual({ creates: 1, lists: 1 });
  });

  it('adopts the job a 5xx answer left behind', async () => {
    const f = fakeProvider(['applied-then-500']);
    expect((await createJobAtMostOnce(f.provider, request, options)).job.id).toBe('ftjob-1');
    expect(f.jobs).toHaveLength(1);
  });

  it('creates after an ambiguous failure that created nothing, after looking first', async () => {
    const f = fakeProvider(['timeout', 'ok']);
    const result = await createJobAtMostOnce(f.provider, request, options);
    expect(result.adopted).toBe(false);
    expect(f.jobs).toHaveLength(1);
    expect(f.counts()).toEqual({ creates: 2, lists: 1 });
  });

  it('retries a 429 without looking (a refusal creates nothing), waiting at least its retry-after', async () => {
    sleeps.length = 0;
    const f = fakeProvider(['429', 'ok']);
    await createJobAtMostOnce(f.provider, request, options);
    expect(f.counts()).toEqual({ creates: 2, lists: 0 });
    expect(sleeps[0]).toBeGreaterThanOrEqual(5);
  });

  it('looks first when an earlier attempt (another process) may have created the job', async () => {
    const f = fakeProvider([]);
    await createJobAtMostOnce(f.provider, request, options);
    const again = await createJobAtMostOnce(f.provider, request, { ...options, mayExist: true });
    expect(again.adopted).toBe(true);
    expect(f.jobs).toHaveLength(1);
  });

  it('gives up at once on a refusal, keeping the provider error code and param', async () => {
    const f = fakeProvider(['refused-400']);
    const err = await createJobAtMostOnce(f.provider, request, options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ kind: 'bad_request', code: 'invalid_training_file', param: 'training_file' });
    expect(f.counts().creates).toBe(1);
  });

  it('throws the last transient error when every attempt fails, having created nothing twice', async () => {
    const f = fakeProvider(['timeout', 'timeout', 'timeout', 'timeout', 'timeout']);
    await expect(createJobAtMostOnce(f.provider, request, options)).rejects.toMatchObject({ kind: 'timeout' });
    expect(f.jobs).toHaveLength(0);
  });
});
