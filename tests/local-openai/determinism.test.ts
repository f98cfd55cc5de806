import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIdMessages } from '../../src/services/prompts/chat-format.js';
import { startHarness, type Harness } from './harness.js';
import { cardTrainingFile, scans, trainOn } from './training-data.js';

const file = cardTrainingFile(scans('train', 60, 21, 0.3));
const probes = scans('holdout', 20, 22, 0.3);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function metricsCsv(job: { result_files: string[] }): Promise<string> {
  return (await h.client.files.content(job.result_files[0]!)).text();
}

async function answers(model: string): Promise<string[]> {
  const out = [];
  for (const s of probes) {
    const reply = await h.client.chat.completions.create({ model, messages: cardIdMessages({ ocrText: s.ocrText, imageDescription: s.imageDescription }) });
    out.push(reply.choices[0]!.message.content!);
  }
  return out;
}

describe('training is deterministic and every hyperparameter matters', () => {
  it('trains the same model from the same data and seed, and hyperparameters each change training', async () => {
    const hp = { n_epochs: 2, batch_size: 2, learning_rate_multiplier: 1 };
    const [a, b, otherSeed, moreEpochs, biggerBatch, lowerRate] = await Promise.all([
      trainOn(h.client, file, { seed: 1, hyperparameters: hp }),
      trainOn(h.client, file, { seed: 1, hyperparameters: hp }),
      trainOn(h.client, file, { seed: 2, hyperparameters: hp }),
      trainOn(h.client, file, { seed: 1, hyperparameters: { ...hp, n_epochs: 3 } }),
      trainOn(h.client, file, { seed: 1, hyperparameters: { ...hp, batch_size: 6 } }),
      trainOn(h.client, file, { seed: 1, method: { type: 'supervised', supervised: { hyperparameters: { ...hp, learning_rate_multiplier: 0.05 } } } }),
    ]);
    for (const job of [a, b, otherSeed, moreEpochs, biggerBatch, lowerRate]) expect(job.status).toBe('succeeded');
    expect(a.fine_tuned_model).not.toBe(b.fine_tuned_model);

    const csvA = await metricsCsv(a);
    expect(await metricsCsv(b)).toBe(csvA);
    expect(await answers(b.fine_tuned_model!)).toEqual(await answers(a.fine_tuned_model!));

    // seed: the shuffled order differs, so do the step losses.
    expect(await metricsCsv(otherSeed)).not.toBe(csvA);
    // n_epochs: more passes, more steps (60 examples / batch 2 = 30 steps per epoch).
    expect((await metricsCsv(moreEpochs)).trim().split('\n')).toHaveLength(91);
    expect(csvA.trim().split('\n')).toHaveLength(61);
    // batch_size: fewer, averaged updates.
    expect((await metricsCsv(biggerBatch)).trim().split('\n')).toHaveLength(21);
    // learning_rate_multiplier: smaller steps against the same margin change what is learned.
    const lossesA = csvA.trim().split('\n').slice(1).map((r) => Number(r.split(',')[1]));
    const lossesLow = (await metricsCsv(lowerRate)).trim().split('\n').slice(1).map((r) => Number(r.split(',')[1]));
    expect(lossesLow).not.toEqual(lossesA);
  });
});
