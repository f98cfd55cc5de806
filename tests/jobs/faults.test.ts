import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_METADATA_KEY } from '../../src/services/finetuning/sync.js';
import { startTestApp, type TestApp } from '../harness.js';
import { allEvents, createDataset, gaplessAndUnique, providerEvents, rawId, startStandaloneProvider, startWithRetries, waitForJob, type StandaloneProvider } from './helpers.js';

/**
 * 30 % of provider calls fail (10 % each: 429, 500, a stalled connection longer than the client
 * timeout), the SDK's retries off: the API's own backoff, retry-after handling and at-most-once
 * creation must still bring every job home, with one provider job each.
 */

describe('fine-tuning with an unreliable provider', () => {
  let p: StandaloneProvider;
  let t: TestApp;
  const jobIds: string[] = [];
  let injected: Record<string, number> = {};

  beforeAll(async () => {
    p = await startStandaloneProvider({ faults: { seed: 11, rate429: 0.1, rate500: 0.1, rateStall: 0.1, stallMs: 1_000, retryAfterSeconds: 0 } });
    t = await startTestApp({
      ...p.env,
      SLABTUNE_WATCH_INTERVAL_MS: '100',
      SLABTUNE_LEASE_MS: '3000',
      SLABTUNE_OPENAI_TIMEOUT_MS: '300',
      SLABTUNE_OPENAI_MAX_RETRIES: '0',
    });
    const datasetId = (await createDataset(t.app.db, 60)).globalId;
    for (let i = 0; i < 3; i++) jobIds.push(await startWithRetries(t, { datasetId, nEpochs: 1, idempotencyKey: `faulty-start-${i}-0001` }));
    for (const id of jobIds) await waitForJob(t, id, 90_000);
    const res = await fetch(`${p.provider.baseURL}/_faults`, { headers: { authorization: 'Bearer local' } });
    injected = ((await res.json()) as { injected: Record<string, number> }).injected;
    p.provider.setFaults({});
  }, 150_000);
  afterAll(async () => {
    await t?.stop();
    await p?.close();
  });

  it('really injected 429s, 500s and stalls', () => {
    expect(injected['429']).toBeGreaterThan(0);
    expect(injected['500']).toBeGreaterThan(0);
    expect(injected.stall).toBeGreaterThan(0);
  });

  it('brings every job to SUCCEEDED', async () => {
    const docs = await t.app.db.jobs.find({}).toArray();
    expect(docs.map((d) => d.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
  });

  it('creates exactly one provider job per request', async () => {
    for (const id of jobIds) {
      expect(await t.app.services.provider.listJobsByMetadata({ [JOB_METADATA_KEY]: rawId(id) })).toHaveLength(1);
    }
    const all = await fetch(`${p.provider.baseURL}/fine_tuning/jobs?limit=100`, { headers: { authorization: 'Bearer local' } });
    expect(((await all.json()) as { data: unknown[] }).data).toHaveLength(3);
  });

  it("imports each job's events exactly once, gapless, matching the provider's", async () => {
    for (const id of jobIds) {
      const events = await allEvents(t, id);
      expect(gaplessAndUnique(events)).toEqual({ gapless: true, unique: true });
      const doc = await t.app.db.jobs.findOne({ _id: rawId(id) });
      expect(events.map((e) => e.providerEventId)).toEqual(await providerEvents(t.app.services.provider, doc!.providerJobId!));
    }
  });

  it('registers one CANDIDATE model per job', async () => {
    expect(await t.app.db.models.countDocuments({ stage: 'CANDIDATE' })).toBe(3);
  });
});
