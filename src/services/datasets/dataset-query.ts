import type { Readable } from 'node:stream';
import type { Filter } from 'mongodb';
import type { Database } from '../../db/database.js';
import type { DatasetDoc, DatasetFileDoc, Task } from '../../db/documents.js';
import { openDatasetFile } from './dataset-files.js';
import type { QualityReport } from './pipeline.js';

/** Reading datasets: by id, newest-first keyset pages, and their files. */

export interface DatasetFilter {
  task?: Task | null;
}

export interface DatasetCursor {
  createdAt: Date;
  id: string;
}

/** The report an export stored (null for a document written some other way). */
export function reportOf(doc: DatasetDoc): QualityReport | null {
  const r = doc.report;
  // Exports store a whole QualityReport; anything without its splits is not one.
  return r && typeof r === 'object' && 'splits' in r && 'contentHash' in r ? (r as unknown as QualityReport) : null;
}

const toMongo = (f: DatasetFilter): Filter<DatasetDoc> => (f.task ? { task: f.task } : {});

export class DatasetQueryService {
  constructor(private readonly db: Database) {}

  byIds(ids: readonly string[]): Promise<DatasetDoc[]> {
    return this.db.datasets.find({ _id: { $in: [...ids] } }).toArray();
  }

  byId(id: string): Promise<DatasetDoc | null> {
    return this.db.datasets.findOne({ _id: id });
  }

  count(filter: DatasetFilter): Promise<number> {
    return this.db.datasets.countDocuments(toMongo(filter));
  }

  async page(
    filter: DatasetFilter,
    opts: { after?: DatasetCursor | null; before?: DatasetCursor | null; limit: number; inverted: boolean },
  ): Promise<DatasetDoc[]> {
    const bounds: Filter<DatasetDoc>[] = [];
    if (opts.after) {
      const c = opts.after;
      bounds.push({ $or: [{ createdAt: { $lt: c.createdAt } }, { createdAt: c.createdAt, _id: { $lt: c.id } }] });
    }
    if (opts.before) {
      const c = opts.before;
      bounds.push({ $or: [{ createdAt: { $gt: c.createdAt } }, { createdAt: c.createdAt, _id: { $gt: c.id } }] });
    }
    const base = toMongo(filter);
    const query = bounds.length ? { $and: [base, ...bounds] } : base;
    const dir = opts.inverted ? 1 : -1;
    return this.db.datasets.find(query, { sort: { createdAt: dir, _id: dir }, limit: opts.limit }).toArray();
  }

  /** A file of a dataset and its content as a stream (null when either does not exist). */
  async openFile(datasetId: string, split: DatasetFileDoc['split']): Promise<{ dataset: DatasetDoc; file: DatasetFileDoc; stream: () => Readable } | null> {
    const dataset = await this.byId(datasetId);
    const file = dataset?.files.find((f) => f.split === split);
    if (!dataset || !file) return null;
    return { dataset, file, stream: () => openDatasetFile(this.db, file) };
  }
}
