import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { SampleLike } from './sample.js';

/**
 * The samples pass 1 read, kept on local disk for pass 2, so that both passes see exactly the
 * same samples: with no snapshot reads (FerretDB has no transactions; MongoDB only inside one),
 * a second database cursor would also see samples added, reviewed or deleted in between, which
 * would slip past the conflict check and the readiness the export answered on. It also reads the
 * database once instead of twice. One JSON line per sample, written and read as streams (never
 * in memory); the directory is removed by `remove()`.
 */
export class SampleSpill {
  private out: WriteStream;
  private count = 0;

  private constructor(
    private readonly dir: string,
    private readonly path: string,
  ) {
    this.out = createWriteStream(path, { highWaterMark: 1 << 20 });
  }

  static async create(parent = tmpdir()): Promise<SampleSpill> {
    const dir = await mkdtemp(join(parent, 'slabtune-export-'));
    return new SampleSpill(dir, join(dir, 'samples.ndjson'));
  }

  get size(): number {
    return this.count;
  }

  /** Appends a sample; waits for the disk when the buffer is full. */
  async write(sample: SampleLike): Promise<void> {
    this.count += 1;
    if (!this.out.write(`${JSON.stringify(sample)}\n`)) await once(this.out, 'drain');
  }

  /** Appends without waiting; returns false when the caller should `drain()` before the next write. */
  writeNow(sample: SampleLike): boolean {
    this.count += 1;
    return this.out.write(`${JSON.stringify(sample)}\n`);
  }

  async drain(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await finished(this.out);
  }

  /** The samples in the order they were written. */
  async *read(): AsyncGenerator<SampleLike, void, undefined> {
    // A string stream decodes UTF-8 across chunk boundaries.
    const input = createReadStream(this.path, { highWaterMark: 1 << 20, encoding: 'utf8' });
    let rest = '';
    for await (const chunk of input) {
      const text = rest + (chunk as string);
      let start = 0;
      for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
        yield JSON.parse(text.slice(start, nl)) as SampleLike;
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    if (rest.length > 0) yield JSON.parse(rest) as SampleLike;
  }

  async remove(): Promise<void> {
    if (!this.out.closed) this.out.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}
