import { pipeline, type Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { constants, createGunzip, createGzip, type Gzip } from 'node:zlib';
import { ObjectId, type GridFSBucket, type GridFSBucketWriteStream } from 'mongodb';
import { DATASET_FILES_BUCKET, type Database } from '../../db/database.js';
import type { DatasetFileDoc } from '../../db/documents.js';
import type { SplitSinks } from './export.js';
import { SPLITS, type Split } from './split.js';

/**
 * Dataset files in GridFS (bucket `datasetFiles`): upload sinks for the export, removal of files
 * an export wrote but did not keep, and the JSONL of a stored file as a stream.
 *
 * Exports store their files gzip-compressed (level 1): every line repeats the system prompt, so
 * a card-ID file shrinks about 7× (83 MB → 12 MB for 85k lines, in a quarter of a second), and
 * the database does a seventh of the writing. Line and byte counts and the sha256 are those of
 * the JSONL; `openDatasetFile` gives the JSONL back whichever way a file is stored.
 */

/** How much a sink buffers ahead of GridFS while a chunk insert is in flight. */
const SINK_BUFFER_BYTES = 1 << 20;

/**
 * A GridFS upload behind a 1 MB buffer. The driver's upload stream holds a write until its
 * chunk insert has returned, so a writer that waits for 'drain' would stop formatting for every
 * round trip; this one keeps accepting lines while the insert runs and hands them over in one
 * write. Backpressure still holds: beyond the buffer, `write()` returns false. Finishes only once
 * GridFS has written the files document.
 */
export class GridFsSink extends Writable {
  constructor(readonly upload: GridFSBucketWriteStream) {
    super({ highWaterMark: SINK_BUFFER_BYTES });
    // Errors are passed on through the write callbacks; this keeps an unlistened one from crashing.
    upload.on('error', () => undefined);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.upload.write(chunk, (err) => callback(err));
  }

  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this.upload.write(
      Buffer.concat(chunks.map((c) => c.chunk)),
      (err) => callback(err),
    );
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.upload.end();
    finished(this.upload).then(
      () => callback(),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
    );
  }

  /** Waits until no chunk insert is in flight (after a failure, before the chunks are removed). */
  async settle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.upload.state.outstandingRequests > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.upload.destroyed) this.upload.destroy(error ?? undefined);
    callback(error);
  }
}

/** Bytes handed to zlib at a time: one call per line would cost more than the compression. */
const GZIP_INPUT_BYTES = 1 << 18;

/** Gzip in front of a GridFS upload: finishes once the upload has. */
export class GzipSink extends Writable {
  private readonly gzip: Gzip;
  private readonly done: Promise<void>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(readonly target: GridFsSink) {
    super({ highWaterMark: SINK_BUFFER_BYTES });
    this.gzip = createGzip({ level: constants.Z_BEST_SPEED, chunkSize: 1 << 18 });
    this.done = new Promise((resolve, reject) => pipeline(this.gzip, target, (err) => (err ? reject(err) : resolve())));
    this.done.catch((err: unknown) => this.destroy(err instanceof Error ? err : new Error(String(err))));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < GZIP_INPUT_BYTES) callback();
    else this.flushPending(callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flushPending(() => {
      this.gzip.end();
      this.done.then(
        () => callback(),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    });
  }

  settle(timeoutMs?: number): Promise<void> {
    return this.target.settle(timeoutMs);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.gzip.destroyed) this.gzip.destroy(error ?? undefined);
    if (!this.target.destroyed) this.target.destroy(error ?? undefined);
    callback(error);
  }

  /** Hands what is pending to zlib in one write; `then` once zlib can take more. */
  private flushPending(then: () => void): void {
    if (this.pendingBytes === 0) return then();
    const input = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (this.gzip.write(input)) then();
    else this.gzip.once('drain', then);
  }
}

export interface OpenedSinks {
  sinks: SplitSinks & Record<Split, GzipSink>;
  ids: Record<Split, ObjectId>;
}

/** One gzip upload per split, with ids chosen here so a failed export can remove what it wrote. */
export function openSplitSinks(
  bucket: GridFSBucket,
  filename: (split: Split) => string,
  metadata: (split: Split) => Record<string, unknown>,
): OpenedSinks {
  const ids = { train: new ObjectId(), validation: new ObjectId(), test: new ObjectId() };
  const sink = (split: Split) =>
    new GzipSink(new GridFsSink(bucket.openUploadStreamWithId(ids[split], filename(split), { metadata: { ...metadata(split), compression: 'gzip' } })));
  return { ids, sinks: { train: sink('train'), validation: sink('validation'), test: sink('test') } };
}

/** Deletes by `_id` in batches: FerretDB 1.x turns a delete into one SQL statement with a variable per document, and SQLite refuses more than 32,766. */
const DELETE_BATCH = 10_000;

/**
 * Removes files and their chunks by id, whether or not the upload got as far as the files
 * document (a plain delete on both collections; `bucket.delete` refuses a file without one).
 */
export async function removeGridFsFiles(db: Database, ids: readonly ObjectId[]): Promise<void> {
  if (ids.length === 0) return;
  const chunks = db.db.collection(`${DATASET_FILES_BUCKET}.chunks`);
  for (;;) {
    const batch = await chunks.find({ files_id: { $in: [...ids] } }, { projection: { _id: 1 }, limit: DELETE_BATCH }).toArray();
    if (batch.length === 0) break;
    await chunks.deleteMany({ _id: { $in: batch.map((c) => c._id) } });
  }
  await db.db.collection(`${DATASET_FILES_BUCKET}.files`).deleteMany({ _id: { $in: [...ids] } });
}

export const splitIds = (opened: OpenedSinks): ObjectId[] => SPLITS.map((s) => opened.ids[s]);

/** The JSONL of a stored dataset file, decompressed when it is stored gzip-compressed. */
export function openDatasetFile(db: Database, file: Pick<DatasetFileDoc, 'fileId' | 'compression'>): Readable {
  const download = db.datasetFiles.openDownloadStream(new ObjectId(file.fileId));
  if (file.compression !== 'gzip') return download;
  const gunzip = createGunzip();
  // A download error reaches the reader as an error of the stream it reads.
  download.on('error', (err) => gunzip.destroy(err));
  return download.pipe(gunzip);
}
