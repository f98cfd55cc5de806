import type OpenAI from 'openai';
import { createGenerator, type GeneratedScan } from '../../src/services/generator/generator.js';
import { cardIdExample, listingExample } from '../../src/services/prompts/chat-format.js';
import { jsonl, upload, waitForJob } from './harness.js';

/** Card-ID scans from the generator: the train pool for training, the holdout pool (unseen players and sets) for tests. */
export function scans(pool: 'train' | 'holdout', n: number, seed: number, noise = 0.1): GeneratedScan[] {
  return createGenerator({ seed, pool, noise }).scans(n);
}

export function cardTrainingFile(list: readonly GeneratedScan[]): string {
  return jsonl(list.map((s) => cardIdExample({ ocrText: s.ocrText, imageDescription: s.imageDescription }, s.card)));
}

export function listingTrainingFile(n: number, seed: number): string {
  return jsonl(
    createGenerator({ seed, pool: 'train' })
      .listings(n)
      .map((l) => listingExample({ card: l.card, platform: l.platform, tone: l.tone }, { title: l.title, description: l.description })),
  );
}

/** Uploads a training file and runs a job on it to the end; returns the finished job. */
export async function trainOn(client: OpenAI, content: string, body: Partial<OpenAI.FineTuning.JobCreateParams> = {}) {
  const file = await upload(client, content);
  const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: file.id, ...body });
  return waitForJob(client, job.id, 60_000);
}
