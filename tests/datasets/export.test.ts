import { gunzipSync } from 'node:zlib';
import { ObjectId, type Binary } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatasetFieldsFragment } from '../../src/gql/graphql.js';
import { codes, startTestApp, wsSubscribe, type TestApp } from '../harness.js';
import {
  DatasetById,
  Datasets,
  download,
  ExportDataset,
  ExportProgress,
  freeTiktoken,
  insertScans,
  linesOf,
  sha256,
  stored,
  tiktokenCount,
} from './helpers.js';

let t: TestApp;
let analyst: string;
let first: TestDatasetFieldsFragment;

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.keyFor('ANALYST');
  await insertScans(t.app.db, 150, 7);
  const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', name: 'first', seed: 42 } }, analyst);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  first = res.data.exportDataset.dataset;
});
afterAll(async () => {
  freeTiktoken();
  await t?.stop();
});

const fileOf = (d: TestDatasetFieldsFragment, split: string) => d.files.find((f) => f.split === split)!;

describe('exportDataset', () => {
  it('stores a READY version 1 with the name, seed and default fractions asked for', () => {
    expect(first).toMatchObject({ name: 'first', task: 'CARD_IDENTIFICATION', version: 1, status: 'READY', seed: 42, validationFraction: 0.15, testFraction: 0.1 });
  });

  it('records the filters it applied, defaults filled in', () => {
    expect(first.filters).toEqual({
      minConfidence: 0.8,
      reviewStatuses: ['APPROVED', 'PENDING'],
      sources: null,
      platforms: null,
      tones: null,
      baseModel: 'gpt-4o-mini-2024-07-18',
      maxTokensPerExample: 65536,
    });
  });

  it('writes every kept sample to exactly one of the three files', () => {
    expect(first.files.map((f) => f.split)).toEqual(['TRAIN', 'VALIDATION', 'TEST']);
    expect(first.files.reduce((n, f) => n + f.lines, 0)).toBe(first.report!.kept);
    expect(first.report!.kept).toBe(150);
  });

  it('splits close to the asked fractions', () => {
    const [train, validation, test] = first.files.map((f) => f.lines / first.report!.kept);
    expect(validation).toBeGreaterThan(0.05);
    expect(test).toBeGreaterThan(0.02);
    expect(train).toBeGreaterThan(0.6);
  });

  it('serves each file over HTTP with the bytes, line count and sha256 the dataset reports', async () => {
    for (const file of first.files) {
      const res = await download(t, file.downloadUrl, analyst);
      const body = Buffer.from(await res.arrayBuffer());
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(file.bytes));
      expect(res.headers.get('etag')).toBe(`"${file.sha256}"`);
      expect(body.length).toBe(file.bytes);
      expect(sha256(body)).toBe(file.sha256);
      expect(linesOf(body.toString('utf8'))).toHaveLength(file.lines);
    }
  });

  it('stores the files gzip-compressed in GridFS, several times smaller than the JSONL served', async () => {
    const train = fileOf(first, 'TRAIN');
    const stored = await t.app.db.db.collection('datasetFiles.files').findOne({ _id: new ObjectId(train.fileId) });
    const chunks = await t.app.db.db.collection('datasetFiles.chunks').find({ files_id: new ObjectId(train.fileId) }, { sort: { n: 1 } }).toArray();
    const raw = Buffer.concat(chunks.map((c) => Buffer.from((c.data as Binary).buffer)));
    expect(stored?.metadata).toMatchObject({ split: 'TRAIN', compression: 'gzip' });
    expect(gunzipSync(raw).length).toBe(train.bytes);
    expect(sha256(gunzipSync(raw))).toBe(train.sha256);
    expect(raw.length * 3).toBeLessThan(train.bytes);
  });

  it('writes OpenAI chat lines: system, user, then the card as compact JSON from the assistant', async () => {
    const body = await (await download(t, fileOf(first, 'TRAIN').downloadUrl, analyst)).text();
    const example = JSON.parse(linesOf(body)[0]!) as { messages: { role: string; content: string }[] };
    expect(example.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(Object.keys(JSON.parse(example.messages[2]!.content) as object)).toEqual([
      'player',
      'year',
      'brand',
      'cardNumber',
      'variation',
      'sport',
      'grade',
      'gradingCompany',
    ]);
  });

  it('counts the tokens of each file as tiktoken counts the downloaded lines', async () => {
    for (const file of first.files) {
      const counts = linesOf(await (await download(t, file.downloadUrl, analyst)).text()).map(tiktokenCount);
      expect({ total: file.tokens.total, max: file.tokens.max, examples: file.tokens.examples }).toEqual({
        total: counts.reduce((a, b) => a + b, 0),
        max: counts.length ? Math.max(...counts) : 0,
        examples: counts.length,
      });
    }
  });

  it('answers 304 to a download that already has the current ETag', async () => {
    const file = fileOf(first, 'VALIDATION');
    const res = await fetch(`${t.url}${file.downloadUrl}`, { headers: { authorization: `Bearer ${analyst}`, 'if-none-match': `"${file.sha256}"` } });
    expect(res.status).toBe(304);
  });

  it('returns the existing version for the same inputs over the same samples, writing nothing', async () => {
    const before = await stored(t.app.db);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', name: 'again' } }, analyst);
    expect(res.data!.exportDataset).toMatchObject({ created: false, dataset: { id: first.id, version: 1, name: 'first' } });
    expect(await stored(t.app.db)).toEqual(before);
  });

  it('estimates training on the dataset: its training tokens × epochs at the model price', async () => {
    const res = await t.exec(DatasetById, { id: first.id, epochs: 3 }, analyst);
    const train = fileOf(first, 'TRAIN');
    expect(res.data!.dataset!.costEstimate).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      estimatedTokens: train.tokens.total * 3,
      epochs: 3,
      costPer1mTokens: 3,
      estimatedCostUsd: Math.round(((train.tokens.total * 3 * 3) / 1e6) * 1e6) / 1e6,
      exampleCount: train.lines,
      tokensPerEpoch: train.tokens.total,
      epochsSource: 'GIVEN',
    });
  });

  it("chooses OpenAI's default epochs when none are given", async () => {
    const res = await t.exec(DatasetById, { id: first.id }, analyst);
    // 100 ≤ 3 × n ≤ 25,000 examples: the target of 3 epochs.
    expect(res.data!.dataset!.costEstimate).toMatchObject({ epochs: 3, epochsSource: 'DEFAULT' });
  });

  it('refuses a cost estimate for a model without a price entry, naming the argument', async () => {
    const res = await t.exec(DatasetById, { id: first.id, model: 'davinci-002' }, analyst);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe('baseModel');
  });
});

describe('exportDataset after new samples', () => {
  let second: { created: boolean; dataset: TestDatasetFieldsFragment };
  beforeAll(async () => {
    await insertScans(t.app.db, 40, 8);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', idempotencyKey: 'export-after-new-1' } }, analyst);
    second = res.data!.exportDataset;
  });

  it('makes the next version, named after it', () => {
    expect(second).toMatchObject({ created: true, dataset: { version: 2, name: 'card-id-v2' } });
    expect(second.dataset.contentHash).not.toBe(first.contentHash);
  });

  it('returns the first result to a retry with the same idempotencyKey, even after more samples arrived', async () => {
    await insertScans(t.app.db, 5, 9);
    const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', idempotencyKey: 'export-after-new-1' } }, analyst);
    expect(res.data!.exportDataset).toMatchObject({ created: true, dataset: { id: second.dataset.id, version: 2 } });
  });

  it('lists versions newest first with a total count', async () => {
    const res = await t.exec(Datasets, { filter: { task: 'CARD_IDENTIFICATION' }, first: 10 }, analyst);
    expect(res.data!.datasets.totalCount).toBe(2);
    expect(res.data!.datasets.edges.map((e) => e.node.version)).toEqual([2, 1]);
  });

  it('lists nothing for a task that has no dataset', async () => {
    const res = await t.exec(Datasets, { filter: { task: 'LISTING_GENERATION' } }, analyst);
    expect(res.data!.datasets.totalCount).toBe(0);
  });
});

describe('datasetExportProgress', () => {
  it('streams WAITING, the phases of the export and DONE with the dataset, then completes', async () => {
    await insertScans(t.app.db, 3, 10);
    const key = 'progress-test-0001';
    const events = wsSubscribe(t.ws(analyst), ExportProgress, { key });
    const seen: { phase: string; dataset?: { version: number } | null }[] = [];
    const first = await events.next();
    seen.push(first.value.data.datasetExportProgress);
    const exported = t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', idempotencyKey: key } }, analyst);
    for await (const r of events) seen.push(r.data!.datasetExportProgress);
    const res = await exported;
    expect(seen.map((e) => e.phase)).toEqual(['WAITING', 'SCANNING', 'FINISHING', 'DONE']);
    expect(seen.at(-1)!.dataset!.version).toBe(res.data!.exportDataset.dataset.version);
  });

  it('ends with FAILED and the reason when the export fails', async () => {
    const key = 'progress-test-0002';
    const events = wsSubscribe(t.ws(analyst), ExportProgress, { key });
    const seen: { phase: string; message?: string | null }[] = [(await events.next()).value.data.datasetExportProgress];
    const exported = t.exec(ExportDataset, { input: { task: 'LISTING_GENERATION', idempotencyKey: key } }, analyst);
    for await (const r of events) seen.push(r.data!.datasetExportProgress);
    expect(codes(await exported)).toEqual(['PRECONDITION_FAILED']);
    expect(seen.map((e) => e.phase)).toEqual(['WAITING', 'SCANNING', 'FAILED']);
    expect(seen.at(-1)!.message).toMatch(/not enough samples/);
  });
});
