import { BadRequestError, NotFoundError, PermissionDeniedError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, startHarness, upload, waitForJob, type Harness } from './harness.js';

let h: Harness;
let fineTuned: string;
beforeAll(async () => {
  h = await startHarness();
  const lines = Array.from({ length: 10 }, (_, i) => ({
    messages: [
      { role: 'user', content: `Say the number ${i}` },
      { role: 'assistant', content: `The number is ${i}.` },
    ],
  }));
  const file = await upload(h.client, jsonl(lines));
  const job = await waitForJob(h.client, (await h.client.fineTuning.jobs.create({ model: 'gpt-4.1-nano-2025-04-14', training_file: file.id, suffix: 'numbers' })).id);
  fineTuned = job.fine_tuned_model!;
});
afterAll(() => h.close());

describe('models', () => {
  it('lists the base models with their shutdown dates and the fine-tuned model', async () => {
    const models = await h.client.models.list();
    const byId = new Map(models.data.map((m) => [m.id, m as typeof m & { shutdown_date?: string }]));
    expect(byId.get('gpt-4o-mini-2024-07-18')).toMatchObject({ object: 'model', owned_by: 'system', shutdown_date: '2027-01-14' });
    expect(byId.get('gpt-4.1-mini-2025-04-14')?.shutdown_date).toBe('2027-01-14');
    expect(byId.has('gpt-4.1-nano-2025-04-14')).toBe(true);
    expect(byId.has('gpt-4o-2024-08-06')).toBe(true);
    expect(byId.get(fineTuned)).toMatchObject({ object: 'model', owned_by: 'org-slabstak' });
    expect(fineTuned).toMatch(/^ft:gpt-4\.1-nano-2025-04-14:slabstak:numbers:[a-z0-9]{8}$/);
  });

  it('retrieves one model by id, fine-tuned ids included', async () => {
    expect((await h.client.models.retrieve('gpt-4o-2024-08-06')).id).toBe('gpt-4o-2024-08-06');
    expect((await h.client.models.retrieve(fineTuned)).id).toBe(fineTuned);
  });

  it('answers an unknown model with 404 model_not_found', async () => {
    const error = await h.client.models.retrieve('gpt-9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe('model_not_found');
    const chat = await h.client.chat.completions.create({ model: 'gpt-9', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect((chat as NotFoundError).code).toBe('model_not_found');
  });

  it('refuses to delete a base model', async () => {
    await expect(h.client.models.delete('gpt-4o-mini-2024-07-18')).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('deletes a fine-tuned model, which then no longer answers', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => ({ messages: [{ role: 'user', content: `x${i}` }, { role: 'assistant', content: 'y' }] }));
    const file = await upload(h.client, jsonl(lines));
    const job = await waitForJob(h.client, (await h.client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id })).id);
    const model = job.fine_tuned_model!;
    expect(model).toMatch(/^ft:gpt-4o-mini-2024-07-18:slabstak::[a-z0-9]{8}$/);
    expect(await h.client.models.delete(model)).toEqual({ id: model, object: 'model', deleted: true });
    await expect(h.client.models.retrieve(model)).rejects.toBeInstanceOf(NotFoundError);
    await expect(h.client.chat.completions.create({ model, messages: [{ role: 'user', content: 'x1' }] })).rejects.toBeInstanceOf(NotFoundError);
    expect(BadRequestError).toBeDefined();
  });
});
