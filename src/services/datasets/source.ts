import type { Filter, FindCursor } from 'mongodb';
import type { Database } from '../../db/database.js';
import type { DatasetFiltersDoc, SampleDoc, Task } from '../../db/documents.js';
import type { SampleLike } from './sample.js';

/**
 * Where an export's samples come from: the samples collection, filtered as the export asked and
 * read in `_id` order (the formatter keeps the first of each near-duplicate group in cursor order,
 * so a fixed order is what makes the same samples give the same files).
 */

/** The only fields the dataset services read. */
export const SAMPLE_PROJECTION = { _id: 1, task: 1, input: 1, output: 1, contentHash: 1 } as const;

type Projected<S> = S extends SampleDoc ? Pick<S, '_id' | 'task' | 'input' | 'output' | 'contentHash'> : never;
export type ProjectedSample = Projected<SampleDoc>;

/** The one mapping from a stored sample to what the dataset services read. */
export function toSampleLike(doc: ProjectedSample): SampleLike {
  return doc.task === 'CARD_IDENTIFICATION'
    ? { id: doc._id, task: doc.task, contentHash: doc.contentHash, input: doc.input, output: doc.output }
    : { id: doc._id, task: doc.task, contentHash: doc.contentHash, input: doc.input, output: doc.output };
}

/**
 * The selection of an export. Review: APPROVED samples at any confidence (a person checked
 * them), PENDING ones only from `minConfidence` up (validated by the app's confidence), REJECTED
 * never.
 */
export function exportSampleFilter(task: Task, f: Required<Pick<DatasetFiltersDoc, 'minConfidence' | 'reviewStatuses'>> & DatasetFiltersDoc): Filter<SampleDoc> {
  const review: Record<string, unknown>[] = [];
  if (f.reviewStatuses.includes('APPROVED')) review.push({ reviewStatus: 'APPROVED' });
  if (f.reviewStatuses.includes('PENDING')) review.push({ reviewStatus: 'PENDING', confidence: { $gte: f.minConfidence } });
  const q: Record<string, unknown> = { task };
  q.$or = review;
  if (f.createdAfter || f.createdBefore) {
    q.createdAt = {
      ...(f.createdAfter ? { $gte: f.createdAfter } : {}),
      ...(f.createdBefore ? { $lt: f.createdBefore } : {}),
    };
  }
  if (f.sources?.length) q.source = { $in: f.sources };
  if (task === 'LISTING_GENERATION') {
    if (f.platforms?.length) q.platform = { $in: f.platforms };
    if (f.tones?.length) q.tone = { $in: f.tones };
  }
  return q as Filter<SampleDoc>;
}

export const EXPORT_BATCH_SIZE = 2000;

/** The export's cursor: projected, `_id` order, large batches. */
export function exportCursor(db: Database, filter: Filter<SampleDoc>): FindCursor<ProjectedSample> {
  return db.samples.find<ProjectedSample>(filter, { projection: SAMPLE_PROJECTION, sort: { _id: 1 }, batchSize: EXPORT_BATCH_SIZE });
}

/**
 * A cursor's documents with the next batch already requested while the current one is handed
 * out: the server works on batch k+1 while this process formats batch k. Same documents, same
 * order as iterating the cursor; closes it when the consumer stops early.
 */
export async function* readAhead<T>(cursor: FindCursor<T>): AsyncGenerator<T, void, undefined> {
  try {
    let more = cursor.hasNext();
    while (await more) {
      const batch = cursor.readBufferedDocuments();
      // The buffer is empty now, so this sends the getMore at once, in the background.
      more = cursor.hasNext();
      // Unhandled until awaited: a failure surfaces at the `await more` above.
      more.catch(() => undefined);
      for (const doc of batch) yield doc;
    }
  } finally {
    await cursor.close();
  }
}
