import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, startHarness, upload, waitForJob, type Harness } from './harness.js';

const lines = Array.from({ length: 30 }, (_, i) => ({
  messages: [
    { role: 'system', content: 'Answer with the parity of the number.' },
    { role: 'user', content: `Is ${i} odd or even?` },
    { role: 'assistant', content: i % 2 ? 'odd' : 'even' },
  ],
}));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { validateMs: 0, queueMs: 0, minStepMs: 40 } });
});
afterAll(() => h.close());

describe('restart persistence', () => {
  it('keeps files, jobs, events, checkpoints and models across a restart and finishes an interrupted job', async () => {
    const file = await upload(h.client, jsonl(lines));
    const finished = await h.client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id, hyperparameters: { n_epochs: 1, batch_size: 30 }, metadata: { run: 'first' } });
    const done = await waitForJob(h.client, finished.id);
    expect(done.status).toBe('succeeded');
    const reply = await h.client.chat.completions.create({ model: done.fine_tuned_model!, messages: lines[3]!.messages.slice(0, 2) as never });

    const interrupted = await h.client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id, hyperparameters: { n_epochs: 4 }, seed: 3 });
    for (let status = interrupted.status; status !== 'running'; ) {
      await new Promise((r) => setTimeout(r, 10));
      status = (await h.client.fineTuning.jobs.retrieve(interrupted.id)).status;
    }
    const eventsBefore = (await h.client.fineTuning.jobs.listEvents(interrupted.id, { limit: 100 })).data.length;

    await h.restart({ timing: { validateMs: 0, queueMs: 0, minStepMs: 0 } });

    expect((await h.client.files.retrieve(file.id)).bytes).toBe(file.bytes);
    expect(await (await h.client.files.content(file.id)).text()).toBe(jsonl(lines));
    expect(await h.client.fineTuning.jobs.retrieve(done.id)).toEqual(done);
    expect((await h.client.fineTuning.jobs.list({ metadata: { run: 'first' } })).data.map((j) => j.id)).toEqual([done.id]);
    expect((await h.client.fineTuning.jobs.checkpoints.list(done.id)).data).toHaveLength(1);
    expect((await h.client.models.retrieve(done.fine_tuned_model!)).id).toBe(done.fine_tuned_model);
    const again = await h.client.chat.completions.create({ model: done.fine_tuned_model!, messages: lines[3]!.messages.slice(0, 2) as never });
    expect(again.choices[0]!.message.content).toBe(reply.choices[0]!.message.content);

    const resumed = await waitForJob(h.client, interrupted.id);
    expect(resumed.status).toBe('succeeded');
    expect(resumed.fine_tuned_model).toMatch(/^ft:/);
    const events = (await h.client.fineTuning.jobs.listEvents(interrupted.id, { limit: 100 })).data;
    expect(events.length).toBeGreaterThan(eventsBefore);
    expect(events.some((e) => e.level === 'warn' && e.message.includes('restarted'))).toBe(true);
    expect(events[0]!.message).toBe('The job has successfully completed');
  });
});
