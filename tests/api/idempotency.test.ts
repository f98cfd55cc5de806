import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from '../harness.js';
import { AddTrainingSample, ConfirmScan, Samples, SubmitCorrection } from './documents.js';
import { doncic, scan } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const countFor = async (userId: string) =>
  (await t.exec(Samples, { filter: { userId }, first: 1 })).data!.samples.totalCount;

describe('retried mutations', () => {
  it('return the first result and store one sample for the same idempotency key', async () => {
    const input = { ...scan(), userId: 'idem-1', idempotencyKey: 'retry-key-0001' };
    const first = await t.exec(ConfirmScan, { input });
    const second = await t.exec(ConfirmScan, { input });
    expect(second.data!.confirmScan.sample.id).toBe(first.data!.confirmScan.sample.id);
    expect(second.data!.confirmScan.duplicate).toBe(false);
    expect(await countFor('idem-1')).toBe(1);
  });

  it('store one sample when the same key is sent concurrently', async () => {
    const input = { ...scan(), userId: 'idem-2', idempotencyKey: 'retry-key-0002' };
    const results = await Promise.all(Array.from({ length: 5 }, () => t.exec(ConfirmScan, { input })));
    const ids = new Set(results.map((r) => r.data?.confirmScan.sample.id));
    expect(ids.size).toBe(1);
    expect(await countFor('idem-2')).toBe(1);
  });

  it('refuse a key reused for a different request with CONFLICT', async () => {
    await t.exec(ConfirmScan, { input: { ...scan(), idempotencyKey: 'retry-key-0003' } });
    const res = await t.exec(ConfirmScan, { input: { ...scan(), idempotencyKey: 'retry-key-0003' } });
    expect(codes(res)).toEqual(['CONFLICT']);
  });

  it('keep keys apart per mutation', async () => {
    const key = 'retry-key-0004';
    const a = await t.exec(ConfirmScan, { input: { ...scan(), idempotencyKey: key } });
    const b = await t.exec(SubmitCorrection, {
      input: { ocrText: 'other text for idem', originalPrediction: { ...doncic, player: 'L Doncic' }, correctedCard: doncic, idempotencyKey: key },
    });
    expect(b.errors).toBeUndefined();
    expect(b.data!.submitCorrection.sample.id).not.toBe(a.data!.confirmScan.sample.id);
  });
});

describe('content already stored', () => {
  it('is not stored again: the repeat is counted on the first sample', async () => {
    const input = { ...scan(), userId: 'dup-1' };
    const first = await t.exec(ConfirmScan, { input });
    const again = await t.exec(ConfirmScan, {
      input: { ...input, ocrText: `  ${input.ocrText.toUpperCase()}  ` },
    });
    expect(again.data!.confirmScan.duplicate).toBe(true);
    expect(again.data!.confirmScan.sample.id).toBe(first.data!.confirmScan.sample.id);
    expect(again.data!.confirmScan.sample.repeatCount).toBe(1);
    expect(await countFor('dup-1')).toBe(1);
  });

  it('counts a retried repeat once', async () => {
    const input = { ...scan(), userId: 'dup-2' };
    await t.exec(ConfirmScan, { input });
    const repeat = { ...input, idempotencyKey: 'repeat-key-0001' };
    await t.exec(ConfirmScan, { input: repeat });
    const retried = await t.exec(ConfirmScan, { input: repeat });
    expect(retried.data!.confirmScan.sample.repeatCount).toBe(1);
  });

  it('treats the same listing sent twice as one sample', async () => {
    const listing = { card: doncic, platform: 'MERCARI' as const, tone: 'CASUAL' as const, title: 'Doncic rookie', description: 'Nice card.' };
    const a = await t.exec(AddTrainingSample, { input: { listing } });
    const b = await t.exec(AddTrainingSample, { input: { listing: { ...listing, title: 'doncic  ROOKIE' } } });
    expect(b.data!.addTrainingSample.duplicate).toBe(true);
    expect(b.data!.addTrainingSample.sample.id).toBe(a.data!.addTrainingSample.sample.id);
  });
});
