import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictSet } from '../../src/services/datasets/dedupe.js';
import { writeDatasetFiles, type SplitSinks } from '../../src/services/datasets/export.js';
import { createDatasetFormatter } from '../../src/services/datasets/pipeline.js';
import type { CardIdSample } from '../../src/services/datasets/sample.js';
import { SPLITS } from '../../src/services/datasets/split.js';
import { createGenerator } from '../../src/services/generator/generator.js';
import { freeEncoders } from '../../src/services/tokens/encoders.js';

/** A sink that takes a while per write, keeps what it got and remembers how full it got. */
class SlowSink extends Writable {
  readonly chunks: Buffer[] = [];
  maxBuffered = 0;
  constructor(private readonly failAfter = Infinity) {
    super({ highWaterMark: 4096 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
    if (this.chunks.length >= this.failAfter) {
      callback(new Error('disk full'));
      return;
    }
    this.chunks.push(chunk);
    setImmediate(callback);
  }
}

const sinks = (failAfter?: number) => ({ train: new SlowSink(failAfter), validation: new SlowSink(), test: new SlowSink() });

let samples: CardIdSample[];
beforeAll(() => {
  samples = createGenerator({ seed: 41 })
    .scans(200)
    .map((s, i) => ({ id: `s${i}`, task: 'CARD_IDENTIFICATION', contentHash: `s${i}`, input: { ocrText: s.ocrText, imageDescription: s.imageDescription }, output: s.card }));
});
afterAll(freeEncoders);

async function* cursor<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const formatter = () => createDatasetFormatter({ task: 'CARD_IDENTIFICATION', conflicts: ConflictSet.empty() });

describe('writeDatasetFiles', () => {
  it('writes each split to its sink with the sha256 and byte count the report gives', async () => {
    const out = sinks();
    const report = await writeDatasetFiles(cursor(samples), await formatter(), out);
    const written = SPLITS.map((s) => {
      const bytes = Buffer.concat(out[s].chunks);
      return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    expect(written).toEqual(SPLITS.map((s) => ({ bytes: report.splits[s].bytes, sha256: report.splits[s].sha256 })));
  });

  it('waits for a slow sink to drain instead of buffering the dataset', async () => {
    const out = sinks();
    await writeDatasetFiles(cursor(samples), await formatter(), out);
    const longestLine = Math.max(...SPLITS.flatMap((s) => out[s].chunks.map((c) => c.length)));
    expect(out.train.maxBuffered).toBeLessThanOrEqual(out.train.writableHighWaterMark + longestLine);
  });

  it('ends every sink once the samples run out', async () => {
    const out = sinks();
    await writeDatasetFiles(cursor(samples), await formatter(), out);
    expect(SPLITS.map((s) => out[s].writableFinished)).toEqual([true, true, true]);
  });

  it('rejects with the error of a failing sink and destroys the others', async () => {
    const out = sinks(3);
    await expect(writeDatasetFiles(cursor(samples), await formatter(), out)).rejects.toThrow('disk full');
    expect([out.validation.destroyed, out.test.destroyed]).toEqual([true, true]);
  });

  it('hands every written line to onLine', async () => {
    const seen: string[] = [];
    const report = await writeDatasetFiles(cursor(samples), await formatter(), sinks(), { onLine: (l) => seen.push(l.sampleId) });
    expect(seen.length).toBe(report.kept);
  });

  it('reports progress with the final counts at the end', async () => {
    const progress: { samples: number; kept: number }[] = [];
    await writeDatasetFiles(cursor(samples), await formatter(), sinks() as SplitSinks, { onProgress: (p) => progress.push(p), progressEvery: 50 });
    expect(progress.map((p) => p.samples)).toEqual([50, 100, 150, 200, 200]);
  });
});
