import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.js';
import { AddTrainingSample, ConfirmScan, ReviewSamples, SubmitCorrection, TrainingStats } from './documents.js';
import { doncic, griffey, scan } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

describe('trainingStats after a known set of inserts', () => {
  it('counts usable samples per task, corrections, listings per platform × tone and readiness', async () => {
    const empty = (await t.exec(TrainingStats)).data!.trainingStats;
    expect(empty).toMatchObject({ totalSamples: 0, cardIdentification: 0, lastUpdated: null });

    for (let i = 0; i < 5; i++) await t.exec(ConfirmScan, { input: scan(i % 2 ? doncic : griffey) });
    for (let i = 0; i < 3; i++) {
      await t.exec(SubmitCorrection, {
        input: { ocrText: `correction ${i}`, originalPrediction: { ...doncic, cardNumber: '281' }, correctedCard: doncic },
      });
    }
    for (let i = 0; i < 4; i++) {
      await t.exec(AddTrainingSample, {
        input: { listing: { card: doncic, platform: 'WHATNOT', tone: 'ENTHUSIASTIC', title: `Doncic ${i}`, description: 'Fire card!' } },
      });
    }
    await t.exec(AddTrainingSample, {
      input: { listing: { card: griffey, platform: 'EBAY', tone: 'PROFESSIONAL', title: 'Griffey UD #1', description: 'Classic.' } },
    });
    // A rejected sample no longer counts.
    const rejected = (await t.exec(ConfirmScan, { input: scan(griffey) })).data!.confirmScan.sample.id;
    await t.exec(ReviewSamples, { input: { ids: [rejected], decision: 'REJECTED' } });
    // A repeat of stored content does not count as a new sample.
    const repeat = scan(doncic);
    await t.exec(ConfirmScan, { input: repeat });
    await t.exec(ConfirmScan, { input: repeat });

    const s = (await t.exec(TrainingStats)).data!.trainingStats;
    expect(s.cardIdentification).toBe(5 + 3 + 1);
    expect(s.userCorrections).toBe(3);
    expect(s.listingGeneration).toBe(5);
    expect(s.totalSamples).toBe(14);
    expect(Date.parse(s.lastUpdated!)).toBeGreaterThan(Date.now() - 60_000);
    expect(s.byPlatformTone).toHaveLength(12);
    expect(s.byPlatformTone.find((c) => c.platform === 'WHATNOT' && c.tone === 'ENTHUSIASTIC')!.count).toBe(4);
    expect(s.byPlatformTone.find((c) => c.platform === 'EBAY' && c.tone === 'PROFESSIONAL')!.count).toBe(1);
    expect(s.byPlatformTone.find((c) => c.platform === 'MERCARI' && c.tone === 'CASUAL')!.count).toBe(0);

    const cardId = s.readiness.find((r) => r.task === 'CARD_IDENTIFICATION')!;
    expect(cardId).toMatchObject({ have: 9, need: 50, recommended: 100, ready: false });
    const listing = s.readiness.find((r) => r.task === 'LISTING_GENERATION')!;
    expect(listing.ready).toBe(false);
    expect(listing.need).toBeGreaterThanOrEqual(30);
    expect(listing.groups.find((g) => g.platform === 'WHATNOT' && g.tone === 'ENTHUSIASTIC')).toMatchObject({ have: 4, need: 30, ready: false });
  });
});
