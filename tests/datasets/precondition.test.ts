import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from '../harness.js';
import { cardSample, ExportDataset, insertListings, insertScans, stored, uniqueScans } from './helpers.js';

/** Below the seed's minimums: PRECONDITION_FAILED with have/need, and nothing written. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());
beforeEach(async () => {
  await t.app.db.samples.deleteMany({});
});

const nothing = { datasets: 0, files: 0, chunks: 0 };

describe('exportDataset below the minimum', () => {
  it('refuses card ID with fewer than 50 usable samples, giving have and need', async () => {
    await insertScans(t.app.db, 40, 41);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION' } });
    expect(codes(res)).toEqual(['PRECONDITION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({ task: 'CARD_IDENTIFICATION', have: 40, need: 50, recommended: 100 });
  });

  it('writes no dataset, file or chunk when it refuses', async () => {
    await insertScans(t.app.db, 40, 42);
    await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION' } });
    expect(await stored(t.app.db)).toEqual(nothing);
    expect(await t.app.db.testSplitKeys.countDocuments({})).toBe(0);
  });

  it('counts only samples that survive deduplication toward the minimum', async () => {
    const scans = uniqueScans(45, 43);
    await t.app.db.samples.insertMany([
      ...scans.map((s) => cardSample(s)),
      // Ten of them again, with the OCR words reversed: near duplicates.
      ...scans.slice(0, 10).map((s) => cardSample({ ...s, ocrText: s.ocrText.split(/\s+/).reverse().join(' ') })),
    ]);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION' } });
    expect(res.errors![0]!.extensions).toMatchObject({ have: 45, need: 50 });
  });

  it('refuses, and removes the files it had written, when the token limit leaves too few examples', async () => {
    await insertScans(t.app.db, 60, 44);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', maxTokensPerExample: 50 } });
    expect(codes(res)).toEqual(['PRECONDITION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({ have: 0, need: 50 });
    expect(await stored(t.app.db)).toEqual(nothing);
  });

  it('names the listing platform × tone pairs short of 30', async () => {
    await insertListings(t.app.db, 31, 45, 'EBAY', 'CASUAL');
    await insertListings(t.app.db, 10, 46, 'EBAY', 'PROFESSIONAL');
    const res = await t.exec(ExportDataset, { input: { task: 'LISTING_GENERATION', platforms: ['EBAY'], tones: ['CASUAL', 'PROFESSIONAL'] } });
    expect(codes(res)).toEqual(['PRECONDITION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({
      task: 'LISTING_GENERATION',
      need: 60,
      groups: [{ platform: 'EBAY', tone: 'PROFESSIONAL', have: 10, need: 30 }],
    });
  });
});
