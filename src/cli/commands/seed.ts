import { graphql } from '../../gql/index.js';
import { createGenerator } from '../../services/generator/generator.js';
import type { Command } from '../command.js';
import { createProgress } from '../progress.js';

const SeedScan = graphql(`
  mutation CliSeedScan($input: ConfirmScanInput!) {
    confirmScan(input: $input) {
      duplicate
    }
  }
`);
const SeedCorrection = graphql(`
  mutation CliSeedCorrection($input: SubmitCorrectionInput!) {
    submitCorrection(input: $input) {
      duplicate
    }
  }
`);
const SeedListing = graphql(`
  mutation CliSeedListing($input: AddTrainingSampleInput!) {
    addTrainingSample(input: $input) {
      duplicate
    }
  }
`);

const CONCURRENCY = 8;

/**
 * Fills a running system with synthetic samples through the API. Every write carries an
 * idempotency key derived from the seed and its index, so re-running the same seed adds nothing.
 */
export const seedCommand: Command = {
  name: 'seed',
  summary: 'fill a running system with realistic synthetic samples (deterministic by --seed)',
  usage: 'seed [--samples N] [--corrections-share F] [--listings N] [--seed S] [--noise F] [--json]',
  options: {
    samples: { type: 'string', default: '200' },
    'corrections-share': { type: 'string', default: '0.3' },
    listings: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    noise: { type: 'string', default: '0.3' },
  },
  async run({ api, out, options }) {
    const samples = Number(options.samples);
    const listings = Number(options.listings);
    const share = Number(options['corrections-share']);
    const seed = Number(options.seed);
    const noise = Number(options.noise);
    for (const [name, v, ok] of [
      ['samples', samples, Number.isInteger(samples) && samples >= 0],
      ['listings', listings, Number.isInteger(listings) && listings >= 0],
      ['corrections-share', share, share >= 0 && share <= 1],
      ['seed', seed, Number.isInteger(seed)],
      ['noise', noise, noise >= 0 && noise <= 1],
    ] as const) {
      if (!ok) {
        out.info(`--${name}: invalid value ${String(v)}`);
        return 2;
      }
    }
    const gen = createGenerator({ seed, noise });
    const corrections = Math.round(samples * share);
    const tasks: (() => Promise<boolean>)[] = [];
    const key = (kind: string, i: number) => `seed-${seed}-${kind}-${i}`;
    gen.scans(samples - corrections).forEach((s, i) =>
      tasks.push(async () => {
        const r = await api.request(SeedScan, { input: { ...s, idempotencyKey: key('scan', i) } });
        return r.confirmScan.duplicate;
      }),
    );
    gen.corrections(corrections).forEach((c, i) =>
      tasks.push(async () => {
        const r = await api.request(SeedCorrection, {
          input: {
            ocrText: c.ocrText,
            imageDescription: c.imageDescription,
            originalPrediction: c.originalPrediction,
            correctedCard: c.card,
            confidence: c.confidence,
            userId: c.userId,
            idempotencyKey: key('correction', i),
          },
        });
        return r.submitCorrection.duplicate;
      }),
    );
    gen.listings(listings).forEach((l, i) =>
      tasks.push(async () => {
        const { card, platform, tone, title, description } = l;
        const r = await api.request(SeedListing, {
          input: { listing: { card, platform, tone, title, description }, idempotencyKey: key('listing', i) },
        });
        return r.addTrainingSample.duplicate;
      }),
    );

    const progress = createProgress('seeding', tasks.length, out.json);
    let done = 0;
    let duplicates = 0;
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        if (await task()) duplicates += 1;
        progress.update(++done);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    progress.stop();
    const summary = { scans: samples - corrections, corrections, listings, sent: tasks.length, duplicates, seed };
    out.result(summary, (s) =>
      `seeded ${s.sent} samples (${s.scans} scans, ${s.corrections} corrections, ${s.listings} listings; ${s.duplicates} were already stored) with seed ${s.seed}`,
    );
  },
};
