import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { DatasetFormatter, FormattedLine, QualityReport } from './pipeline.js';
import type { SampleLike } from './sample.js';
import type { Split } from './split.js';

/**
 * Pass 2 of an export as a stream: samples (a cursor) → formatter → one Writable per split
 * (GridFS upload streams), with backpressure: a write that returns false waits for 'drain'
 * of that sink before the next sample is read. Storage-agnostic: the Mongo side (cursor,
 * buckets, aborting uploads on failure, the Dataset document) belongs to the caller.
 */

export type SplitSinks = Record<Split, Writable>;

export interface WriteProgress {
  samples: number;
  kept: number;
}

export interface WriteDatasetOptions {
  /** Called every `progressEvery` samples and once at the end. */
  onProgress?: (progress: WriteProgress) => void;
  progressEvery?: number;
  /** Called for every line written (e.g. to record the split keys of TEST lines). */
  onLine?: (line: FormattedLine) => void;
}

/**
 * Writes every kept line to its split's sink, ends the sinks and waits until they have finished
 * (for GridFS: the files document is written). On any failure the sinks are destroyed with the
 * error and it is rethrown; the caller removes partial files.
 */
export async function writeDatasetFiles(
  samples: AsyncIterable<SampleLike> | Iterable<SampleLike>,
  formatter: DatasetFormatter,
  sinks: SplitSinks,
  options: WriteDatasetOptions = {},
): Promise<QualityReport> {
  const every = options.progressEvery ?? 1000;
  const all = Object.values(sinks);
  // A sink can fail between writes; without a listener its 'error' would crash the process.
  let failure: unknown = null;
  const onError = (error: unknown) => {
    failure ??= error;
  };
  for (const sink of all) sink.on('error', onError);
  try {
    let read = 0;
    for await (const sample of samples) {
      if (failure) throw failure;
      const line = formatter.push(sample);
      if (line) {
        options.onLine?.(line);
        const sink = sinks[line.split];
        if (!sink.write(line.bytes)) await once(sink, 'drain');
      }
      read += 1;
      if (options.onProgress && read % every === 0) options.onProgress(formatter.progress());
    }
    for (const sink of all) sink.end();
    await Promise.all(all.map((sink) => finished(sink)));
    for (const sink of all) sink.off('error', onError);
    options.onProgress?.(formatter.progress());
    return formatter.report();
  } catch (error) {
    // onError stays attached: destroy(error) emits 'error' on the next tick.
    for (const sink of all) if (!sink.destroyed) sink.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}
