import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardSampleDoc } from '../../src/db/documents.js';
import type { TestDatasetFieldsFragment } from '../../src/gql/graphql.js';
import { startTestApp, type TestApp } from '../harness.js';
import { download, ExportDataset, insertScans, linesOf } from './helpers.js';

/** Deterministic, stable splits, and test samples that never come back as training data. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

async function exportCardId(input: Record<string, unknown> = {}): Promise<TestDatasetFieldsFragment> {
  const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', ...input } });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.exportDataset.dataset;
}

/** Every line of a dataset → its split. */
async function splitsOf(d: TestDatasetFieldsFragment): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of d.files) for (const line of linesOf(await (await download(t, f.downloadUrl)).text())) out.set(line, f.split);
  return out;
}

async function wipe(): Promise<void> {
  const db = t.app.db;
  await Promise.all([
    db.samples.deleteMany({}),
    db.datasets.deleteMany({}),
    db.testSplitKeys.deleteMany({}),
    db.collection('datasetVersions').deleteMany({}),
    db.db.collection('datasetFiles.files').deleteMany({}),
    db.db.collection('datasetFiles.chunks').deleteMany({}),
  ]);
}

describe('split', () => {
  it('gives byte-identical files for the same samples, whatever order they were stored in', async () => {
    await wipe();
    const docs: CardSampleDoc[] = await insertScans(t.app.db, 120, 31);
    const first = await exportCardId();
    await wipe();
    await t.app.db.samples.insertMany([...docs].reverse());
    const again = await exportCardId();
    expect(again.contentHash).toBe(first.contentHash);
    expect(again.files.map((f) => f.sha256)).toEqual(first.files.map((f) => f.sha256));
  });

  it('keeps every sample in its split when samples are added', async () => {
    await wipe();
    await insertScans(t.app.db, 120, 32);
    const before = await splitsOf(await exportCardId());
    await insertScans(t.app.db, 60, 33);
    const after = await splitsOf(await exportCardId());
    const moved = [...before].filter(([line, split]) => after.get(line) !== split);
    expect(after.size).toBe(180);
    expect(moved).toEqual([]);
  });

  it('never puts a test sample of an earlier version into a later training or validation file, even with no test split asked', async () => {
    await wipe();
    await insertScans(t.app.db, 120, 34);
    const v1 = await splitsOf(await exportCardId({ testFraction: 0.3 }));
    const v1Test = [...v1].filter(([, split]) => split === 'TEST').map(([line]) => line);
    await insertScans(t.app.db, 60, 35);
    const v2Dataset = await exportCardId({ testFraction: 0 });
    const v2 = await splitsOf(v2Dataset);
    expect(v1Test.length).toBeGreaterThan(10);
    expect(v1Test.map((line) => v2.get(line))).toEqual(v1Test.map(() => 'TEST'));
    // The new samples all train or validate: nothing but the pinned ones is held out.
    expect(v2Dataset.files.find((f) => f.split === 'TEST')!.lines).toBe(v1Test.length);
  });
});
