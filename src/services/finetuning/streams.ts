import type { Database } from '../../db/database.js';
import type { FineTuningJobDoc, JobEventDoc } from '../../db/documents.js';
import type { Events } from '../events.js';

/**
 * The live streams behind the job subscriptions. In-process pub/sub carries changes made by
 * this instance; a periodic read of the database catches those made by another instance (which
 * a shared event target would carry instead). Either way the database is the record: events go
 * out in seq order with no gap and no repeat, job states by increasing version.
 */

const BATCH = 500;

/** Wakes one waiter; a notification with nobody waiting is kept for the next wait. */
class Wakeup {
  private pending = false;
  private resolve: ((notified: boolean) => void) | null = null;

  notify(): void {
    if (this.resolve) {
      const r = this.resolve;
      this.resolve = null;
      r(true);
    } else this.pending = true;
  }

  /** True when notified, false when `ms` passed first. */
  wait(ms: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.resolve = null;
        resolve(false);
      }, ms);
      this.resolve = (notified) => {
        clearTimeout(timer);
        resolve(notified);
      };
    });
  }
}

/** Consumes a pub/sub subscription into a buffer in the background. */
function listen<T>(source: AsyncIterableIterator<T> | AsyncGenerator<T>, wake: Wakeup) {
  const buffer: T[] = [];
  const pump = (async () => {
    for await (const item of source) {
      buffer.push(item);
      wake.notify();
    }
  })().catch(() => undefined);
  return {
    buffer,
    async close() {
      await source.return?.(undefined);
      await pump;
    },
  };
}

/** Events of a job with seq > afterSeq: stored ones first, then live ones; ends once the job is finalized and all are sent. */
export async function* jobEventStream(db: Database, events: Events, jobId: string, afterSeq: number, pollMs: number): AsyncGenerator<JobEventDoc> {
  const wake = new Wakeup();
  // Live first, so nothing imported during the replay is missed; the buffer holds it meanwhile.
  const live = listen(events.subscribe('job:event', jobId), wake);
  let last = afterSeq;
  const stored = (below?: number) =>
    db.jobEvents
      .find({ jobId, seq: below === undefined ? { $gt: last } : { $gt: last, $lt: below } })
      .sort({ seq: 1 })
      .limit(BATCH)
      .toArray();
  try {
    for (let page = await stored(); page.length > 0; page = await stored()) {
      for (const e of page) {
        yield e;
        last = e.seq;
      }
    }
    for (;;) {
      while (live.buffer.length > 0) {
        const e = live.buffer.shift()!;
        if (e.seq <= last) continue; // already sent by the replay
        // A gap means events imported elsewhere (another instance): they are stored, fetch them.
        while (e.seq > last + 1) {
          const gap = await stored(e.seq);
          if (gap.length === 0) break;
          for (const g of gap) {
            yield g;
            last = g.seq;
          }
        }
        if (e.seq === last + 1) {
          yield e;
          last = e.seq;
        }
      }
      if (await wake.wait(pollMs)) continue;
      // Quiet for a while: catch up from the database and stop once the job is done.
      const job = await db.jobs.findOne({ _id: jobId });
      const more = await stored();
      for (const e of more) {
        yield e;
        last = e.seq;
      }
      if (!job || (job.finalized && more.length === 0 && last >= job.eventCount)) return;
    }
  } finally {
    await live.close();
  }
}

/** The job now, then each new version of it; ends after the finalized state. */
export async function* jobUpdateStream(db: Database, events: Events, jobId: string, pollMs: number): AsyncGenerator<FineTuningJobDoc> {
  const wake = new Wakeup();
  const live = listen(events.subscribe('job:updated', jobId), wake);
  let version = -1;
  try {
    for (;;) {
      live.buffer.length = 0;
      const doc = await db.jobs.findOne({ _id: jobId });
      if (!doc) return;
      if (doc.version > version) {
        version = doc.version;
        yield doc;
      }
      if (doc.finalized) return;
      await wake.wait(pollMs);
    }
  } finally {
    await live.close();
  }
}
