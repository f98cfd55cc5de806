import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatasetFieldsFragment } from '../../src/gql/graphql.js';
import { createGenerator } from '../../src/services/generator/generator.js';
import { ConfirmScan } from '../api/documents.js';
import { startTestApp, type TestApp } from '../harness.js';
import { cardSample, download, ExportDataset, freeTiktoken, insertListings, insertScans, linesOf, tiktokenCount, uniqueScans } from './helpers.js';

/** Each quality rule of the export, with data that triggers it. */

const exclusion = (d: TestDatasetFieldsFragment, reason: string) => d.report!.exclusions.find((e) => e.reason === reason)!;
const sampleId = (id: string) => encodeGlobalID('Sample', id);

async function exportCardId(t: TestApp, input: Record<string, unknown> = {}): Promise<TestDatasetFieldsFragment> {
  const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', ...input } });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.exportDataset.dataset;
}

afterAll(() => freeTiktoken());

describe('duplicates, conflicts and invalid samples', () => {
  let t: TestApp;
  let dataset: TestDatasetFieldsFragment;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.app.db;
    const [dupOf, nearOf, ...base] = uniqueScans(62, 21);
    const original = cardSample(dupOf!);
    // An exact copy stored under another content hash, as an import made before the collector deduplicated.
    const copy = cardSample(dupOf!, { contentHash: `legacy-${original.contentHash}` });
    const invalid = cardSample({ ...base[0]!, ocrText: '   ' }, { contentHash: 'legacy-empty-ocr' });
    await db.samples.insertMany([original, copy, invalid, ...base.slice(1).map((s) => cardSample(s))]);
    ids.exact = [copy._id];
    ids.invalid = [invalid._id];

    // Near duplicates through the API: the OCR words in another order with other punctuation,
    // the description in capitals. The collector stores both (different content); the export keeps one.
    const near = nearOf!;
    const a = await t.exec(ConfirmScan, { input: { ocrText: near.ocrText, imageDescription: near.imageDescription, card: near.card } });
    const b = await t.exec(ConfirmScan, {
      input: { ocrText: near.ocrText.split(/\s+/).reverse().join(' , '), imageDescription: near.imageDescription.toUpperCase(), card: near.card },
    });
    ids.near = [b.data!.confirmScan.sample.id];
    expect(a.data!.confirmScan.duplicate || b.data!.confirmScan.duplicate).toBe(false);

    // Conflicting labels through the API: one scan, two different cards.
    const scan = createGenerator({ seed: 99 }).scan();
    const c1 = await t.exec(ConfirmScan, { input: { ocrText: scan.ocrText, imageDescription: scan.imageDescription, card: scan.card } });
    const c2 = await t.exec(ConfirmScan, {
      input: { ocrText: scan.ocrText, imageDescription: scan.imageDescription, card: { ...scan.card, cardNumber: `${scan.card.cardNumber}9` } },
    });
    ids.conflict = [c1.data!.confirmScan.sample.id, c2.data!.confirmScan.sample.id];
    dataset = await exportCardId(t);
  });
  afterAll(() => t?.stop());

  it('removes an exact duplicate (the same line byte for byte) and names it', () => {
    expect(exclusion(dataset, 'EXACT_DUPLICATE')).toMatchObject({ count: 1, sampleIds: ids.exact!.map(sampleId) });
  });

  it('removes a near duplicate by the normalisation rule it states, and names it', () => {
    const near = exclusion(dataset, 'NEAR_DUPLICATE');
    expect(near).toMatchObject({ count: 1, sampleIds: ids.near });
    expect(near.rule).toMatch(/OCR words sorted/);
  });

  it('counts the duplicates removed', () => {
    expect(dataset.report!.duplicatesRemoved).toBe(2);
  });

  it('excludes every sample of an input labelled with different cards', () => {
    expect(dataset.report!.conflicts).toEqual({ groups: 1, samplesExcluded: 2 });
    expect([...exclusion(dataset, 'CONFLICT').sampleIds].sort()).toEqual([...ids.conflict!].sort());
  });

  it('excludes a stored sample the chat format cannot be built from', () => {
    expect(exclusion(dataset, 'INVALID_SAMPLE')).toMatchObject({ count: 1, sampleIds: ids.invalid!.map(sampleId) });
  });

  it('keeps everything else and accounts for every sample read', () => {
    const excluded = dataset.report!.exclusions.reduce((n, e) => n + e.count, 0);
    expect(dataset.report!.samples).toBe(66);
    expect(dataset.report!.kept + excluded).toBe(dataset.report!.samples);
    expect(dataset.report!.kept).toBe(61);
  });
});

describe('the per-example token limit', () => {
  let t: TestApp;
  let dataset: TestDatasetFieldsFragment;
  let longId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await insertScans(t.app.db, 60, 22);
    const words = Array.from({ length: 700 }, (_, i) => `w${(i * 7919) % 10007}x`).join(' ');
    const long = cardSample({ ...createGenerator({ seed: 5 }).scan(), ocrText: words });
    await t.app.db.samples.insertOne(long);
    longId = long._id;
    dataset = await exportCardId(t, { maxTokensPerExample: 1000 });
  });
  afterAll(() => t?.stop());

  it('excludes an example over a lowered limit and names it', () => {
    expect(exclusion(dataset, 'OVER_TOKEN_LIMIT')).toMatchObject({ count: 1, sampleIds: [sampleId(longId)] });
    expect(exclusion(dataset, 'OVER_TOKEN_LIMIT').rule).toMatch(/1000 tokens/);
  });

  it('reports the limit it applied on the report and on every file', () => {
    expect(dataset.report!.tokenLimit).toBe(1000);
    expect(dataset.files.map((f) => f.tokens.limit)).toEqual([1000, 1000, 1000]);
    expect(dataset.filters.maxTokensPerExample).toBe(1000);
  });

  it('leaves no line over the limit in any file, by an independent tiktoken count', async () => {
    const counts: number[] = [];
    for (const f of dataset.files) counts.push(...linesOf(await (await download(t, f.downloadUrl)).text()).map(tiktokenCount));
    expect(counts).toHaveLength(60);
    expect(Math.max(...counts)).toBeLessThanOrEqual(1000);
  });
});

describe('diversity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  it('warns when one sport holds more than 60% of the kept samples', async () => {
    const baseball = uniqueScans(400, 23).filter((s) => s.card.sport === 'BASEBALL').slice(0, 60);
    await t.app.db.samples.insertMany(baseball.map((s) => cardSample(s)));
    const dataset = await exportCardId(t);
    expect(dataset.report!.diversity.warnings).toContainEqual({ dimension: 'SPORT', value: 'BASEBALL', share: 1, threshold: 0.6 });
    expect(dataset.report!.warnings.map((w) => w.code)).toContain('DIVERSITY_DOMINANT');
  });

  it('counts the kept samples by sport, decade, brand and grading company', async () => {
    const dataset = await exportCardId(t);
    expect(dataset.report!.diversity.dimensions.map((d) => d.dimension)).toEqual(['SPORT', 'DECADE', 'BRAND', 'GRADING_COMPANY']);
    for (const d of dataset.report!.diversity.dimensions) expect(d.values.reduce((n, v) => n + v.count, 0)).toBe(dataset.report!.kept);
  });
});

describe('selection', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  it('takes APPROVED samples at any confidence and PENDING ones from minConfidence up, never REJECTED ones', async () => {
    const scans = uniqueScans(80, 24);
    const take = (from: number, n: number) => scans.slice(from, from + n);
    await t.app.db.samples.insertMany([
      ...take(0, 55).map((s) => cardSample(s, { reviewStatus: 'APPROVED', confidence: 0.99 })),
      ...take(55, 5).map((s) => cardSample(s, { reviewStatus: 'APPROVED', confidence: 0.5 })),
      ...take(60, 5).map((s) => cardSample(s, { reviewStatus: 'PENDING', confidence: 0.85 })),
      ...take(65, 5).map((s) => cardSample(s, { reviewStatus: 'PENDING', confidence: 0.79 })),
      ...take(70, 10).map((s) => cardSample(s, { reviewStatus: 'REJECTED', confidence: 0.99 })),
    ]);
    const dataset = await exportCardId(t);
    expect(dataset.report!.samples).toBe(65);
  });

  it('takes only the review statuses, sources and dates asked for', async () => {
    const scans = uniqueScans(80, 25);
    const old = new Date('2025-01-01T00:00:00Z');
    await t.app.db.samples.insertMany(scans.slice(0, 60).map((s) => cardSample(s, { source: 'USER_CORRECTION', createdAt: old })));
    const dataset = await exportCardId(t, {
      reviewStatuses: ['APPROVED'],
      sources: ['USER_CORRECTION'],
      createdAfter: '2024-12-31T00:00:00Z',
      createdBefore: '2025-01-02T00:00:00Z',
    });
    expect(dataset.report!.samples).toBe(60);
    expect(dataset.filters).toMatchObject({ reviewStatuses: ['APPROVED'], sources: ['USER_CORRECTION'] });
  });

  it('exports listings of the platforms and tones asked for, stratified by platform/tone', async () => {
    await insertListings(t.app.db, 35, 26, 'EBAY', 'CASUAL');
    await insertListings(t.app.db, 20, 27, 'MERCARI', 'CASUAL');
    const res = await t.exec(ExportDataset, { input: { task: 'LISTING_GENERATION', platforms: ['EBAY'], tones: ['CASUAL'] } });
    const dataset = res.data!.exportDataset.dataset;
    expect(dataset.report!.samples).toBe(35);
    expect(dataset.report!.strata.map((s) => s.stratum)).toEqual(['EBAY/CASUAL']);
    expect(dataset.report!.readiness).toMatchObject({ task: 'LISTING_GENERATION', have: dataset.report!.kept, need: 30, ready: true });
  });
});
