import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSamplesQuery, TestSamplesQueryVariables } from '../../src/gql/graphql.js';
import { codes, startTestApp, type TestApp } from '../harness.js';
import { AddTrainingSample, ConfirmScan, ReviewSamples, SampleById, Samples, SubmitCorrection } from './documents.js';
import { doncic, griffey, scan } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

describe('confirmScan', () => {
  it('stores a validated scan as a pending card-identification sample', async () => {
    const res = await t.exec(ConfirmScan, { input: { ...scan(doncic), confidence: 0.93, userId: 'user-7' } });
    expect(res.errors).toBeUndefined();
    const s = res.data!.confirmScan.sample;
    expect(res.data!.confirmScan.duplicate).toBe(false);
    expect(s).toMatchObject({
      task: 'CARD_IDENTIFICATION',
      source: 'VALIDATED_SCAN',
      reviewStatus: 'PENDING',
      confidence: 0.93,
      userId: 'user-7',
      repeatCount: 0,
      card: { ...doncic },
    });
    expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalises spacing in card fields and stores a raw card with null grade', async () => {
    const res = await t.exec(ConfirmScan, { input: scan({ ...griffey, player: '  Ken   Griffey Jr. ' }) });
    expect(res.data!.confirmScan.sample.card).toMatchObject({ player: 'Ken Griffey Jr.', grade: null, gradingCompany: null, variation: null });
  });
});

describe('submitCorrection', () => {
  it('computes the corrected fields server-side when they are not given', async () => {
    const res = await t.exec(SubmitCorrection, {
      input: {
        ocrText: 'LUKA DONCIC PRIZM 280 PSA 9',
        originalPrediction: { ...doncic, year: '2019-20', grade: 9 },
        correctedCard: doncic,
        predictionId: 'pred-123',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitCorrection.sample).toMatchObject({
      source: 'USER_CORRECTION',
      correctedFields: ['year', 'grade'],
      predictionId: 'pred-123',
      originalPrediction: { year: '2019-20', grade: 9 },
      card: { year: '2018-19' },
    });
  });

  it('accepts corrected fields that match the difference', async () => {
    const res = await t.exec(SubmitCorrection, {
      input: {
        ocrText: 'doncic prizm silver 280 b',
        originalPrediction: { ...doncic, player: 'Luka Donic' },
        correctedCard: doncic,
        correctedFields: ['player'],
      },
    });
    expect(res.data!.submitCorrection.sample.correctedFields).toEqual(['player']);
  });

  it('rejects corrected fields that do not match the difference, naming the field', async () => {
    const res = await t.exec(SubmitCorrection, {
      input: {
        ocrText: 'doncic prizm silver 280 c',
        originalPrediction: { ...doncic, player: 'Luka Donic' },
        correctedCard: doncic,
        correctedFields: ['year'],
      },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('input.correctedFields');
  });

  it('rejects a correction that changes nothing', async () => {
    const res = await t.exec(SubmitCorrection, {
      input: { ocrText: 'doncic d', originalPrediction: { ...doncic }, correctedCard: doncic },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('input.correctedCard');
  });
});

describe('addTrainingSample', () => {
  it('stores a manual card-identification sample', async () => {
    const res = await t.exec(AddTrainingSample, {
      input: { cardIdentification: { ocrText: '1989 UPPER DECK GRIFFEY #1 manual', card: griffey } },
    });
    expect(res.data!.addTrainingSample.sample).toMatchObject({ task: 'CARD_IDENTIFICATION', source: 'MANUAL' });
  });

  it('stores a listing sample with its platform and tone', async () => {
    const res = await t.exec(AddTrainingSample, {
      input: {
        listing: {
          card: doncic,
          platform: 'EBAY',
          tone: 'PROFESSIONAL',
          title: '2018-19 Panini Prizm Silver Luka Doncic #280 RC PSA 10',
          description: 'Gem mint rookie of Luka Doncic, graded PSA 10. Ships in a team bag.',
        },
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.addTrainingSample.sample).toMatchObject({
      task: 'LISTING_GENERATION',
      source: 'MANUAL',
      platform: 'EBAY',
      tone: 'PROFESSIONAL',
      listing: { title: '2018-19 Panini Prizm Silver Luka Doncic #280 RC PSA 10' },
      card: { player: 'Luka Doncic' },
    });
  });

  it('rejects an input with both a card sample and a listing', async () => {
    const res = await t.exec(AddTrainingSample, {
      input: {
        cardIdentification: { ocrText: 'x', card: griffey },
        listing: { card: doncic, platform: 'WHATNOT', tone: 'CASUAL', title: 't', description: 'd' },
      },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('rejects an eBay title over 80 characters, naming the field', async () => {
    const res = await t.exec(AddTrainingSample, {
      input: { listing: { card: doncic, platform: 'EBAY', tone: 'CASUAL', title: 'x'.repeat(81), description: 'd' } },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('input.listing.title');
  });
});

describe('reviewSamples', () => {
  it('approves and rejects in bulk, recording who and when', async () => {
    const a = (await t.exec(ConfirmScan, { input: scan() })).data!.confirmScan.sample.id;
    const b = (await t.exec(ConfirmScan, { input: scan() })).data!.confirmScan.sample.id;
    const res = await t.exec(ReviewSamples, { input: { ids: [a, b], decision: 'REJECTED', note: 'blurry' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.reviewSamples.updatedCount).toBe(2);
    for (const s of res.data!.reviewSamples.samples) {
      expect(s).toMatchObject({ reviewStatus: 'REJECTED', reviewNote: 'blurry' });
      expect(s.reviewedBy).toContain('admin');
      expect(Date.parse(s.reviewedAt!)).toBeGreaterThan(Date.now() - 60_000);
    }
  });

  it('reports ids that do not exist instead of failing the batch', async () => {
    const a = (await t.exec(ConfirmScan, { input: scan() })).data!.confirmScan.sample.id;
    const missing = Buffer.from('Sample:ffffffffffffffffffffffff').toString('base64');
    const res = await t.exec(ReviewSamples, { input: { ids: [a, missing], decision: 'APPROVED' } });
    expect(res.data!.reviewSamples.updatedCount).toBe(1);
    expect(res.data!.reviewSamples.notFoundIds).toEqual([missing]);
  });

  it('rejects an id that is not a sample id', async () => {
    const res = await t.exec(ReviewSamples, { input: { ids: ['nope'], decision: 'APPROVED' } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('input.ids.0');
  });
});

describe('samples', () => {
  it('filters by source, user and confidence and counts across pages', async () => {
    const user = `filter-user-${Date.now()}`;
    for (const confidence of [0.5, 0.85, 0.95]) await t.exec(ConfirmScan, { input: { ...scan(), userId: user, confidence } });
    const res = await t.exec(Samples, { filter: { userId: user, minConfidence: 0.8, source: 'VALIDATED_SCAN' }, first: 1 });
    expect(res.data!.samples.totalCount).toBe(2);
    expect(res.data!.samples.edges).toHaveLength(1);
    expect(res.data!.samples.pageInfo.hasNextPage).toBe(true);
  });

  it('pages forward through every sample exactly once, newest first', async () => {
    const user = `paging-user-${Date.now()}`;
    for (let i = 0; i < 7; i++) await t.exec(ConfirmScan, { input: { ...scan(), userId: user } });
    const seen: string[] = [];
    let after: string | null | undefined = null;
    for (;;) {
      const res: Awaited<ReturnType<typeof t.exec<TestSamplesQuery, TestSamplesQueryVariables>>> = await t.exec(Samples, { filter: { userId: user }, first: 3, after });
      seen.push(...res.data!.samples.edges.map((e) => e.node.id));
      if (!res.data!.samples.pageInfo.hasNextPage) break;
      after = res.data!.samples.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const all = await t.exec(Samples, { filter: { userId: user }, first: 10 });
    expect(all.data!.samples.edges.map((e) => e.node.id)).toEqual(seen);
  });

  it('pages backward with last/before', async () => {
    const user = `back-user-${Date.now()}`;
    for (let i = 0; i < 4; i++) await t.exec(ConfirmScan, { input: { ...scan(), userId: user } });
    const all = (await t.exec(Samples, { filter: { userId: user }, first: 10 })).data!.samples.edges.map((e) => e.node.id);
    const lastTwo = await t.exec(Samples, { filter: { userId: user }, last: 2 });
    expect(lastTwo.data!.samples.edges.map((e) => e.node.id)).toEqual(all.slice(2));
  });

  it('rejects a cursor it did not issue', async () => {
    const res = await t.exec(Samples, { first: 2, after: 'garbage' });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('looks a sample up by id and as a node', async () => {
    const id = (await t.exec(ConfirmScan, { input: scan() })).data!.confirmScan.sample.id;
    const res = await t.exec(SampleById, { id });
    expect(res.data!.sample).toMatchObject({ id, source: 'VALIDATED_SCAN' });
    expect(res.data!.node).toMatchObject({ id, task: 'CARD_IDENTIFICATION' });
  });
});
