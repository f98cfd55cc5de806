import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/database.js';
import { ensureIndexes } from '../../src/db/indexes.js';
import { JobLease, LeaseLostError } from '../../src/services/finetuning/lease.js';

/** The watcher lease on the embedded FerretDB, whose conditional updates are not atomic: terms are taken by insert. */

describe('the job lease', () => {
  let db: Database;
  beforeAll(async () => {
    db = await connectDatabase(inject('mongodbUri'), `t_${randomBytes(6).toString('hex')}`);
    await ensureIndexes(db);
  });
  afterAll(async () => {
    await db?.db.dropDatabase();
    await db?.close();
  });

  const insertJob = (id: string) => db.jobs.insertOne({ _id: id, fence: 0, version: 1 } as never);

  it('goes to exactly one of many instances racing for a free job', async () => {
    for (let i = 0; i < 20; i++) {
      const won = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((owner) => JobLease.acquire(db, `race-${i}`, owner, 5_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
    }
  });

  it('goes to exactly one instance when an expired lease is taken over, with a higher term', async () => {
    const first = await JobLease.acquire(db, 'expiring', 'a', 50);
    await new Promise((r) => setTimeout(r, 80));
    const won = (await Promise.all(['b', 'c', 'd'].map((owner) => JobLease.acquire(db, 'expiring', owner, 5_000)))).filter((l) => l !== null);
    expect(won).toHaveLength(1);
    expect(won[0]!.term).toBe(first!.term + 1);
  });

  it('stops a holder whose lease was taken over from writing the job', async () => {
    await insertJob('fenced');
    const old = (await JobLease.acquire(db, 'fenced', 'a', 50))!;
    await old.update({ $set: { pollFailures: 1 } });
    await new Promise((r) => setTimeout(r, 80));
    const next = (await JobLease.acquire(db, 'fenced', 'b', 5_000))!;
    await next.update({ $set: { pollFailures: 2 } });
    await expect(old.update({ $set: { pollFailures: 3 } })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(old.renew()).rejects.toBeInstanceOf(LeaseLostError);
    expect((await db.jobs.findOne({ _id: 'fenced' }))).toMatchObject({ pollFailures: 2, fence: next.term });
  });

  it('is renewed by its holder and refused to others until released', async () => {
    const lease = (await JobLease.acquire(db, 'held', 'a', 5_000))!;
    expect(await JobLease.acquire(db, 'held', 'b', 5_000)).toBeNull();
    const again = await JobLease.acquire(db, 'held', 'a', 5_000);
    expect(again?.term).toBe(lease.term);
    await lease.release();
    expect((await JobLease.acquire(db, 'held', 'b', 5_000))?.term).toBe(lease.term + 1);
  });
});
