import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_METADATA_KEY } from '../../src/services/finetuning/sync.js';
import { startTestApp, type TestApp } from '../harness.js';
import { allEvents, createDataset, gaplessAndUnique, JobState, providerEvents, rawId, startStandaloneProvider, StartJob, waitForJob, type StandaloneProvider } from './helpers.js';

/**
 * Two API instances on one database and one provider. Each job is watched by one instance at a
 * time (its lease); when instance A shuts down, B takes A's jobs over. No event is imported twice.
 */

describe('two API instances sharing one database', () => {
  let p: StandaloneProvider;
  let a: TestApp;
  let b: TestApp;
  const onA: string[] = [];
  const onB: string[] = [];
  const whileBoth = new Map<string, Set<string>>();

  beforeAll(async () => {
    p = await startStandaloneProvider({ timing: { validateMs: 100, queueMs: 100, minStepMs: 80 } });
    const env = { ...p.env, SLABTUNE_DB_NAME: `t_${randomBytes(6).toString('hex')}`, SLABTUNE_WATCH_INTERVAL_MS: '100', SLABTUNE_LEASE_MS: '3000' };
    a = await startTestApp(env);
    b = await startTestApp(env);
    const datasetId = (await createDataset(a.app.db, 60)).globalId;
    for (let i = 0; i < 2; i++) {
      onA.push((await a.exec(StartJob, { input: { datasetId, nEpochs: 2, idempotencyKey: `instance-a-${i}-0001` } })).data!.startFineTuning.id);
      onB.push((await b.exec(StartJob, { input: { datasetId, nEpochs: 2, idempotencyKey: `instance-b-${i}-0001` } })).data!.startFineTuning.id);
    }
    // Both instances watch at once for a while.
    for (const id of [...onA, ...onB]) {
      for (;;) {
        const job = (await b.exec(JobState, { id })).data!.job!;
        if (job.eventCount >= 5) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    for (const id of [...onA, ...onB]) {
      whileBoth.set(id, new Set((await a.app.db.jobEvents.find({ jobId: rawId(id) }).toArray()).map((e) => e.importedBy)));
    }
    // A leaves (gracefully: it hands its leases back); B must finish A's jobs.
    await a.app.stop();
    for (const id of [...onA, ...onB]) await waitForJob(b, id, 60_000);
  }, 150_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await p?.close();
  });

  const owner = (t: TestApp) => t.app.services.watcher.options.owner;

  it('each instance watched the jobs it started while both were up', () => {
    for (const id of onA) expect([...whileBoth.get(id)!]).toEqual([owner(a)]);
    for (const id of onB) expect([...whileBoth.get(id)!]).toEqual([owner(b)]);
  });

  it("took over the leaving instance's jobs and finished every job", async () => {
    for (const id of onA) {
      const importers = new Set((await b.app.db.jobEvents.find({ jobId: rawId(id) }).toArray()).map((e) => e.importedBy));
      expect(importers).toEqual(new Set([owner(a), owner(b)]));
    }
    const docs = await b.app.db.jobs.find({}).toArray();
    expect(docs.map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  it('imported every event once, gapless, exactly as the provider lists them', async () => {
    for (const id of [...onA, ...onB]) {
      const events = await allEvents(b, id);
      expect(gaplessAndUnique(events)).toEqual({ gapless: true, unique: true });
      const doc = await b.app.db.jobs.findOne({ _id: rawId(id) });
      expect(events.map((e) => e.providerEventId)).toEqual(await providerEvents(b.app.services.provider, doc!.providerJobId!));
    }
  });

  it('made one provider job and one model per job', async () => {
    for (const id of [...onA, ...onB]) {
      expect(await b.app.services.provider.listJobsByMetadata({ [JOB_METADATA_KEY]: rawId(id) })).toHaveLength(1);
    }
    expect(await b.app.db.models.countDocuments({ stage: 'CANDIDATE' })).toBe(4);
  });
});
