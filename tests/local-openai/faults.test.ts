import OpenAI, { APIConnectionTimeoutError, InternalServerError, RateLimitError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, startHarness, upload, waitForJob, type Harness } from './harness.js';

const chat = (client: OpenAI) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello' }] });

async function faultState(h: Harness): Promise<{ injected: Record<string, number> }> {
  return (await h.client.get('/_faults')) as { injected: Record<string, number> };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('fault injection', () => {
  it('answers a scripted 429 with retry-after and OpenAI error body when the client does not retry', async () => {
    await h.client.post('/_faults', { body: { script: ['429'] } });
    const error = await chat(h.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).code).toBe('rate_limit_exceeded');
    expect((error as RateLimitError).headers.get('retry-after')).toBe('0');
  });

  it('lets the SDK retry through 429, 503 and 500 answers', async () => {
    await h.client.post('/_faults', { body: { script: ['429', '503'] } });
    const client = h.client.withOptions({ maxRetries: 2 });
    const reply = await chat(client);
    expect(reply.choices[0]!.message.content).toBeTruthy();
    await h.client.post('/_faults', { body: { script: ['500'] } });
    expect((await client.models.list()).data.length).toBeGreaterThan(0);
    await h.client.post('/_faults', { body: { script: ['500'] } });
    await expect(chat(h.client)).rejects.toBeInstanceOf(InternalServerError);
  });

  it('recovers from a stalled connection through the client timeout and a retry', async () => {
    await h.client.post('/_faults', { body: { script: ['stall'], stallMs: 10_000 } });
    await expect(chat(h.client.withOptions({ timeout: 200, maxRetries: 0 }))).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    await h.client.post('/_faults', { body: { script: ['stall'], stallMs: 10_000 } });
    const reply = await chat(h.client.withOptions({ timeout: 200, maxRetries: 1 }));
    expect(reply.object).toBe('chat.completion');
    expect((await faultState(h)).injected.stall).toBe(2);
  });

  it('injects random faults deterministically by seed, and retries see every request through', async () => {
    const run = async () => {
      await h.client.post('/_faults', { body: { seed: 42, rate429: 0.2, rate503: 0.1, paths: ['/chat'] } });
      const before = (await faultState(h)).injected;
      const client = h.client.withOptions({ maxRetries: 6 });
      for (let i = 0; i < 20; i++) expect((await chat(client)).choices).toHaveLength(1);
      const after = (await faultState(h)).injected;
      return { r429: after['429']! - before['429']!, r503: after['503']! - before['503']! };
    };
    const first = await run();
    expect(first.r429 + first.r503).toBeGreaterThan(0);
    expect(await run()).toEqual(first);
    await h.client.post('/_faults', { body: {} });
  });

  it('fails jobs at validation and mid-run when told to', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => ({ messages: [{ role: 'user', content: `q${i}` }, { role: 'assistant', content: `a${i}` }] }));
    const file = await upload(h.client, jsonl(lines));
    await h.client.post('/_faults', { body: { jobScript: ['fail_validation', 'fail_running', 'ok'] } });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await h.client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id })).id);
    const [validation, running, ok] = await Promise.all(ids.map((id) => waitForJob(h.client, id)));
    expect(validation!.status).toBe('failed');
    expect(validation!.error).toMatchObject({ code: 'invalid_training_file', param: 'training_file' });
    expect(running!.status).toBe('failed');
    expect(running!.error?.code).toBe('server_error');
    const events = await h.client.fineTuning.jobs.listEvents(running!.id, { limit: 100 });
    expect(events.data.some((e) => e.type === 'metrics')).toBe(true);
    expect(ok!.status).toBe('succeeded');
  });
});
