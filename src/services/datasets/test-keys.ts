import { MongoBulkWriteError } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { Task, TestSplitKeyDoc } from '../../db/documents.js';
import type { Key64 } from './hash.js';
import { KeyTable } from './key-table.js';
import type { PinnedTest } from './split.js';

/**
 * Test-set isolation across versions: every split key that was ever in a TEST file of a task is
 * stored (`testSplitKeys`), loaded before the next export of that task and passed to the
 * formatter as `pinnedTest`, so it stays TEST whatever the fractions are then.
 *
 * Keys are stored while the TEST lines are written, before the dataset document exists. An
 * export that fails afterwards leaves its keys pinned: that can only keep a sample out of later
 * training files (it was TEST under those fractions anyway), while storing them after the
 * dataset (and crashing in between) could let a released test sample be trained on.
 *
 * In memory: 64 bits of each key in a KeyTable (about 20 bytes per key); a clash of 64-bit
 * prefixes would only pin one more sample to TEST.
 */

const FLUSH_EVERY = 1000;

function keyOf(splitKey: string): Key64 {
  return { hi: Number.parseInt(splitKey.slice(0, 8), 16) >>> 0, lo: Number.parseInt(splitKey.slice(8, 16), 16) >>> 0 };
}

export class TestKeyStore {
  private readonly pending: TestSplitKeyDoc[] = [];
  private stored = 0;

  private constructor(
    private readonly db: Database,
    private readonly task: Task,
    private readonly datasetId: string,
    private readonly table: KeyTable,
    readonly loaded: number,
  ) {}

  /** The task's pinned keys, for an export that will be stored as `datasetId`. */
  static async load(db: Database, task: Task, datasetId: string): Promise<TestKeyStore> {
    const table = new KeyTable(0, 1024);
    let loaded = 0;
    for await (const doc of db.testSplitKeys.find({ task }, { projection: { _id: 1 }, batchSize: 10_000 })) {
      table.insert(keyOf(doc._id));
      loaded += 1;
    }
    return new TestKeyStore(db, task, datasetId, table, loaded);
  }

  readonly pinned: PinnedTest = (splitKey) => this.table.find(keyOf(splitKey)) !== -1;

  /** Remembers the key of a TEST line; stored by the next `flush()` unless already pinned. */
  record(splitKey: string): void {
    if (this.table.insert(keyOf(splitKey)).wasNew) {
      this.pending.push({ _id: splitKey, task: this.task, datasetId: this.datasetId, createdAt: new Date() });
    }
  }

  /** Keys stored by this export. */
  get newKeys(): number {
    return this.stored + this.pending.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const docs = this.pending.splice(0);
    try {
      await this.db.testSplitKeys.insertMany(docs, { ordered: false });
    } catch (err) {
      // Another export of the same task stored some of them first: they are pinned all the same.
      const duplicatesOnly =
        err instanceof MongoBulkWriteError
          ? (Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors]).every((e) => e.code === 11000)
          : isDuplicateKeyError(err);
      if (!duplicatesOnly) throw err;
    }
    this.stored += docs.length;
  }

  /** Passes samples through, storing recorded keys every thousand (a write per batch, with backpressure). */
  async *flushing<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
    for await (const item of source) {
      yield item;
      if (this.pending.length >= FLUSH_EVERY) await this.flush();
    }
  }
}
