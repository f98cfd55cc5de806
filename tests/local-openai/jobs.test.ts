import { BadRequestError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countChatTokens } from '../../src/local-openai/tokens.js';
import { jsonl, startHarness, upload, waitForJob, type Harness } from './harness.js';

const BASE = 'gpt-4o-mini-2024-07-18';
const example = (i: number) => ({
  messages: [
    { role: 'system', content: 'You answer with the colour of a fruit.' },
    { role: 'user', content: `What colour is fruit number ${i}?` },
    { role: 'assistant', content: i % 2 ? 'yellow' : 'red' },
  ],
});
const examples = (n: number) => Array.from({ length: n }, (_, i) => example(i));

let h: Harness;
let good: string;
beforeAll(async () => {
  h = await startHarness();
  good = (await upload(h.client, jsonl(examples(20)))).id;
});
afterAll(() => h.close());

describe('fine-tuning jobs', () => {
  it('runs a job to success with OpenAI defaults, events, checkpoints and a metrics file', async () => {
    const created = await h.client.fineTuning.jobs.create({ model: BASE, training_file: good, suffix: 'fruit', seed: 7 });
    expect(created).toMatchObject({ object: 'fine_tuning.job', status: 'validating_files', fine_tuned_model: null, trained_tokens: null, seed: 7 });
    expect(created.id).toMatch(/^ftjob-/);
    expect(created.hyperparameters.n_epochs).toBe('auto');

    const job = await waitForJob(h.client, created.id);
    expect(job.status).toBe('succeeded');
    // 20 examples: 20 × 3 < 100, so min(25, 100 // 20) = 5 epochs.
    expect(job.hyperparameters).toMatchObject({ n_epochs: 5, batch_size: 1 });
    expect(job.fine_tuned_model).toMatch(/^ft:gpt-4o-mini-2024-07-18:slabstak:fruit:[a-z0-9]{8}$/);
    const perEpoch = examples(20).reduce((n, e) => n + countChatTokens(e.messages), 0);
    expect(job.trained_tokens).toBe(5 * perEpoch);
    expect(job.finished_at).toBeGreaterThanOrEqual(job.created_at);

    const events = [];
    for await (const event of h.client.fineTuning.jobs.listEvents(job.id, { limit: 7 })) events.push(event);
    expect(events[0]!.message).toBe('The job has successfully completed');
    const metrics = events.filter((e) => e.type === 'metrics');
    expect(metrics.length).toBeGreaterThan(3);
    const last = metrics[0]!.data as Record<string, number>;
    expect(last).toMatchObject({ step: 100, total_steps: 100 });
    expect(typeof last.train_loss).toBe('number');
    expect(typeof last.train_mean_token_accuracy).toBe('number');
    const messages = events.map((e) => e.message);
    expect(messages).toContain('Files validated, moving job to queued state');
    expect(messages).toContain('Fine-tuning job started');

    const checkpoints = await h.client.fineTuning.jobs.checkpoints.list(job.id);
    expect(checkpoints.data.map((c) => c.step_number)).toEqual([100, 80, 60]);
    expect(checkpoints.data[0]!.fine_tuned_model_checkpoint).toBe(`${job.fine_tuned_model}:ckpt-step-100`);
    expect(typeof checkpoints.data[0]!.metrics.train_loss).toBe('number');

    const [resultId] = job.result_files;
    const csv = await (await h.client.files.content(resultId!)).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy');
    expect(rows).toHaveLength(101);
    expect((await h.client.files.retrieve(resultId!)).purpose).toBe('fine-tune-results');
  });

  it('reports validation metrics when a validation file is given', async () => {
    const valid = (await upload(h.client, jsonl(examples(5)))).id;
    const job = await h.client.fineTuning.jobs.create({
      model: BASE,
      training_file: good,
      validation_file: valid,
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 2, batch_size: 4 } } },
    });
    const done = await waitForJob(h.client, job.id);
    expect(done.status).toBe('succeeded');
    expect(done.hyperparameters).toMatchObject({ n_epochs: 2, batch_size: 4 });
    expect(done.method?.supervised?.hyperparameters).toMatchObject({ n_epochs: 2, batch_size: 4 });
    const events = await h.client.fineTuning.jobs.listEvents(job.id, { limit: 100 });
    const metric = events.data.find((e) => e.type === 'metrics')!.data as Record<string, number>;
    expect(metric.total_steps).toBe(10);
    expect(typeof metric.valid_loss).toBe('number');
    expect(typeof metric.valid_mean_token_accuracy).toBe('number');
  });

  it('pages through jobs newest first and filters them by metadata', async () => {
    const ids: string[] = [];
    for (const team of ['red', 'blue', 'red']) {
      ids.push((await h.client.fineTuning.jobs.create({ model: BASE, training_file: good, metadata: { team } })).id);
    }
    const page = await h.client.fineTuning.jobs.list({ limit: 2 });
    expect(page.data.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(page.has_more).toBe(true);
    const next = await page.getNextPage();
    expect(next.data[0]!.id).toBe(ids[0]);
    const red = await h.client.fineTuning.jobs.list({ metadata: { team: 'red' } });
    expect(red.data.map((j) => j.id)).toEqual([ids[2], ids[0]]);
    for (const id of ids) await waitForJob(h.client, id);
  });

  it('fails a job whose training file breaks the cookbook format rules', async () => {
    const lines = [...examples(12).map((e) => JSON.stringify(e)), '[1, 2]', JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }), JSON.stringify({ messages: [{ role: 'robot', content: 'x' }, { role: 'assistant', content: 'y' }] })];
    const file = await upload(h.client, jsonl(lines));
    const job = await waitForJob(h.client, (await h.client.fineTuning.jobs.create({ model: BASE, training_file: file.id })).id);
    expect(job.status).toBe('failed');
    expect(job.fine_tuned_model).toBeNull();
    expect(job.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' });
    expect(job.error!.message).toContain('3 of 15 lines');
    expect(job.error!.message).toContain('data_type');
    expect(job.error!.message).toContain('example_missing_assistant_message');
    expect(job.error!.message).toContain('unrecognized_role');
  });

  it('fails a job with fewer than ten examples', async () => {
    const file = await upload(h.client, jsonl(examples(4)));
    const job = await waitForJob(h.client, (await h.client.fineTuning.jobs.create({ model: BASE, training_file: file.id })).id);
    expect(job.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' });
    expect(job.error!.message).toContain('4 examples');
  });

  it('rejects bad create requests with a 400 naming the parameter', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ model: BASE }, 'training_file'],
      [{ training_file: good }, 'model'],
      [{ model: 'gpt-2', training_file: good }, 'model'],
      [{ model: BASE, training_file: 'file-missing' }, 'training_file'],
      [{ model: BASE, training_file: good, hyperparameters: { n_epochs: 0 } }, 'hyperparameters.n_epochs'],
      [{ model: BASE, training_file: good, suffix: 'has:colon' }, 'suffix'],
      [{ model: BASE, training_file: good, method: { type: 'dpo' } }, 'method.type'],
    ];
    for (const [body, param] of cases) {
      const error = await h.client.fineTuning.jobs.create(body as never).catch((e: unknown) => e);
      expect(error, param).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).param, JSON.stringify(body)).toBe(param);
      expect((error as BadRequestError).error).toMatchObject({ type: 'invalid_request_error' });
    }
  });

  it('answers unknown job ids with a 404', async () => {
    for (const call of [
      () => h.client.fineTuning.jobs.retrieve('ftjob-nope'),
      () => h.client.fineTuning.jobs.cancel('ftjob-nope'),
      () => h.client.fineTuning.jobs.listEvents('ftjob-nope'),
      () => h.client.fineTuning.jobs.checkpoints.list('ftjob-nope'),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('cancels a running job mid-run and refuses to cancel it twice', async () => {
    await h.restart({ timing: { validateMs: 0, queueMs: 0, minStepMs: 30 } });
    const file = await upload(h.client, jsonl(examples(40)));
    const job = await h.client.fineTuning.jobs.create({ model: BASE, training_file: file.id, hyperparameters: { n_epochs: 3 } });
    let status = job.status;
    while (status !== 'running') {
      await new Promise((r) => setTimeout(r, 10));
      status = (await h.client.fineTuning.jobs.retrieve(job.id)).status;
    }
    await new Promise((r) => setTimeout(r, 100));
    const cancelled = await h.client.fineTuning.jobs.cancel(job.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.fine_tuned_model).toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    const after = await h.client.fineTuning.jobs.retrieve(job.id);
    expect(after.status).toBe('cancelled');
    const events = await h.client.fineTuning.jobs.listEvents(job.id, { limit: 100 });
    const steps = events.data.filter((e) => e.type === 'metrics').map((e) => (e.data as { step: number }).step);
    expect(steps.length).toBeGreaterThan(0);
    expect(Math.max(...steps)).toBeLessThan(120);
    expect(events.data[0]!.message).toBe('Fine-tuning job cancelled');
    const again = await h.client.fineTuning.jobs.cancel(job.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(BadRequestError);
  });

  it('pauses a running job and resumes it to success', async () => {
    await h.restart({ timing: { validateMs: 0, queueMs: 0, minStepMs: 20 } });
    const file = await upload(h.client, jsonl(examples(30)));
    const job = await h.client.fineTuning.jobs.create({ model: BASE, training_file: file.id, hyperparameters: { n_epochs: 4 } });
    for (let status = job.status; status !== 'running'; ) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await h.client.fineTuning.jobs.retrieve(job.id)).status;
    }
    expect((await h.client.fineTuning.jobs.pause(job.id)).status).toBe('paused');
    await new Promise((r) => setTimeout(r, 60));
    expect((await h.client.fineTuning.jobs.retrieve(job.id)).status).toBe('paused');
    await expect(h.client.fineTuning.jobs.pause(job.id)).rejects.toBeInstanceOf(BadRequestError);
    expect((await h.client.fineTuning.jobs.resume(job.id)).status).toBe('validating_files');
    await h.restart();
    const done = await waitForJob(h.client, job.id);
    expect(done.status).toBe('succeeded');
    await expect(h.client.fineTuning.jobs.resume(job.id)).rejects.toBeInstanceOf(BadRequestError);
  });
});
