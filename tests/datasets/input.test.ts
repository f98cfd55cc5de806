import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, wsSubscribe, type TestApp } from '../harness.js';
import { DatasetById, Datasets, download, EstimateCost, ExportDataset, ExportProgress, insertScans, stored } from './helpers.js';

/** Bad input names the field; roles: ANALYST and ADMIN export and read, APP does neither. */

let t: TestApp;
let keys: Record<'APP' | 'ANALYST', string>;
let downloadUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  keys = { APP: await t.keyFor('APP'), ANALYST: await t.keyFor('ANALYST') };
  await insertScans(t.app.db, 60, 51);
  const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION' } });
  downloadUrl = res.data!.exportDataset.dataset.files[0]!.downloadUrl;
});
afterAll(() => t?.stop());

const exportCases: [string, Record<string, unknown>, string][] = [
  ['a validation fraction under 0.10', { validationFraction: 0.05 }, 'input.validationFraction'],
  ['a validation fraction over 0.20', { validationFraction: 0.25 }, 'input.validationFraction'],
  ['a negative test fraction', { testFraction: -0.1 }, 'input.testFraction'],
  ['a test fraction over 0.30', { testFraction: 0.5 }, 'input.testFraction'],
  ['a minimum confidence over 1', { minConfidence: 1.5 }, 'input.minConfidence'],
  ['rejected samples', { reviewStatuses: ['APPROVED', 'REJECTED'] }, 'input.reviewStatuses.1'],
  ['no review status at all', { reviewStatuses: [] }, 'input.reviewStatuses'],
  ['platforms for card identification', { platforms: ['EBAY'] }, 'input.platforms'],
  ['a date range that ends before it starts', { createdAfter: '2026-02-01T00:00:00Z', createdBefore: '2026-01-01T00:00:00Z' }, 'input.createdBefore'],
  ['a base model without a price entry', { baseModel: 'davinci-002' }, 'input.baseModel'],
  ['a token limit above the model’s', { maxTokensPerExample: 100_000 }, 'input.maxTokensPerExample'],
  ['a token limit of zero', { maxTokensPerExample: 0 }, 'input.maxTokensPerExample'],
  ['an empty name', { name: '  ' }, 'input.name'],
  ['a malformed idempotency key', { idempotencyKey: 'has spaces in it' }, 'input.idempotencyKey'],
];

describe('bad input to exportDataset', () => {
  it.each(exportCases)('is refused with BAD_USER_INPUT naming the field: %s', async (_name, change, field) => {
    const before = await stored(t.app.db);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', ...change } as never });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(await stored(t.app.db)).toEqual(before);
  });
});

const estimateCases: [string, Record<string, unknown>, string][] = [
  ['no source', {}, 'input.datasetId'],
  ['two sources', { datasetId: Buffer.from('Dataset:abc').toString('base64'), jsonl: '{}' }, 'input.jsonl'],
  ['epochs of zero', { jsonl: '{}', epochs: 0 }, 'input.epochs'],
  ['epochs over 50', { jsonl: '{}', epochs: 51 }, 'input.epochs'],
  ['an unknown model', { jsonl: '{}', baseModel: 'davinci-002' }, 'input.baseModel'],
  ['JSONL over the inline limit', { jsonl: 'x'.repeat(1_500_001) }, 'input.jsonl'],
];

describe('bad input to estimateCost', () => {
  it.each(estimateCases)('is refused with BAD_USER_INPUT naming the field: %s', async (_name, input, field) => {
    const res = await t.exec(EstimateCost, { input: input as never });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
  });

  it('refuses a dataset id of another type', async () => {
    const res = await t.exec(DatasetById, { id: Buffer.from('Sample:abc').toString('base64') });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('who may export and read datasets', () => {
  it('refuses exportDataset to an APP key', async () => {
    expect(codes(await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION' } }, keys.APP))).toEqual(['FORBIDDEN']);
  });

  it('refuses exportDataset without a key', async () => {
    expect(codes(await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION' } }, null))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses the dataset list to an APP key', async () => {
    expect(codes(await t.exec(Datasets, {}, keys.APP))).toEqual(['FORBIDDEN']);
  });

  it('refuses the progress subscription to an APP key', async () => {
    const events = wsSubscribe(t.ws(keys.APP), ExportProgress, { key: 'progress-app-0001' });
    const first = await events.next();
    expect(codes(first.value)).toEqual(['FORBIDDEN']);
  });

  it('serves a file to an ANALYST key', async () => {
    expect((await download(t, downloadUrl, keys.ANALYST)).status).toBe(200);
  });

  it('refuses a file to an APP key with 403', async () => {
    const res = await download(t, downloadUrl, keys.APP);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a file without a key with 401', async () => {
    expect((await download(t, downloadUrl, null)).status).toBe(401);
  });

  it('refuses a file with an unknown key with 401', async () => {
    expect((await download(t, downloadUrl, 'stk_unknown_000000000000000000000')).status).toBe(401);
  });

  it('answers 404 for a dataset that does not exist', async () => {
    expect((await download(t, '/datasets/000000000000000000000000/train.jsonl')).status).toBe(404);
  });
});
