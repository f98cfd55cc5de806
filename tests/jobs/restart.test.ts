import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type Database } from '../../src/db/database.js';
import { OpenAIProvider } from '../../src/services/providers/openai.js';
import { JOB_METADATA_KEY } from '../../src/services/finetuning/sync.js';
import { allEvents, createDataset, gaplessAndUnique, JobState, providerEvents, rawId, startStandaloneProvider, StartJob, waitForJob, type Api, type StandaloneProvider } from './helpers.js';

/**
 * The API process (`tsx src/main.ts`) is killed with SIGKILL in the middle of a job and started
 * again. The provider runs on its own (in this test process), so the job carries on meanwhile;
 * the new process takes the job's lease once the dead one's expires and imports the rest.
 */

interface Spawned {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

function spawnApi(env: Record<string, string>): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    // The API itself (node + tsx's loader), not a wrapper: the SIGKILL must hit the process that watches.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${err}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /"msg":"slabtune API listening","url":"(http:\/\/[^"]+)\/graphql"/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stderr: () => err });
      }
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${err}`)));
  });
}

function executor(url: string, key: string): Api['exec'] {
  return async <R, V>(doc: TypedDocumentNode<R, V>, variables?: V) => {
    const exec = buildHTTPExecutor({ endpoint: `${url}/graphql`, headers: { authorization: `Bearer ${key}` } });
    return (await exec({ document: doc as TypedDocumentNode<R, Record<string, unknown>>, variables: variables as Record<string, unknown> })) as ExecutionResult<R>;
  };
}

describe('an API process killed mid-job', () => {
  let p: StandaloneProvider;
  let db: Database;
  let dataDir: string;
  const children: ChildProcess[] = [];
  let jobId: string;
  let api: Api;
  let eventsBeforeKill = 0;
  const adminKey = `stk_test_${randomBytes(16).toString('hex')}`;
  const dbName = `t_${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    // About 34 metrics events, 120 ms apart: a run of four seconds or so.
    p = await startStandaloneProvider({ timing: { validateMs: 100, queueMs: 100, minStepMs: 120 } });
    dataDir = mkdtempSync(join(tmpdir(), 'slabtune-restart-'));
    const env = {
      ...p.env,
      NODE_ENV: 'test',
      PORT: '0',
      MONGODB_URI: inject('mongodbUri'),
      SLABTUNE_DB_NAME: dbName,
      SLABTUNE_ADMIN_KEY: adminKey,
      SLABTUNE_DATA_DIR: dataDir,
      SLABTUNE_LOG_LEVEL: 'info',
      SLABTUNE_WATCH_INTERVAL_MS: '100',
      SLABTUNE_LEASE_MS: '1000',
    };
    const first = await spawnApi(env);
    children.push(first.child);
    db = await connectDatabase(inject('mongodbUri'), dbName);
    api = { exec: executor(first.url, adminKey), app: { db } };
    const datasetId = (await createDataset(db, 60)).globalId;
    const started = await api.exec(StartJob, { input: { datasetId, nEpochs: 2, idempotencyKey: 'restart-job-0001' } });
    jobId = started.data!.startFineTuning.id;

    // Let it import part of the run, then kill it without warning.
    for (;;) {
      const job = (await api.exec(JobState, { id: jobId })).data!.job!;
      if (job.status === 'RUNNING' && job.eventCount >= 8) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    eventsBeforeKill = await db.jobEvents.countDocuments({ jobId: rawId(jobId) });

    const second = await spawnApi(env);
    children.push(second.child);
    api = { exec: executor(second.url, adminKey), app: { db } };
    await waitForJob(api, jobId, 60_000);
  }, 150_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await db?.db.dropDatabase().catch(() => undefined);
    await db?.close();
    await p?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('was killed mid-run with part of the events imported, and the job still succeeded', async () => {
    expect(eventsBeforeKill).toBeGreaterThanOrEqual(8);
    const doc = await db.jobs.findOne({ _id: rawId(jobId) });
    expect(doc!.status).toBe('SUCCEEDED');
  });

  it('resumes watching in the new process: the events after the kill were imported by it', async () => {
    const owners = await db.jobEvents.find({ jobId: rawId(jobId) }).sort({ seq: 1 }).toArray();
    const distinct = [...new Set(owners.map((e) => e.importedBy))];
    expect(distinct).toHaveLength(2);
    // A clean hand-over: everything the first imported comes before everything the second did.
    const firstOwner = owners.map((e) => e.importedBy === distinct[0]);
    expect(firstOwner.indexOf(false)).toBe(firstOwner.lastIndexOf(true) + 1);
  });

  it('has the events gapless and unduplicated, exactly those of the provider', async () => {
    const events = await allEvents(api, jobId);
    expect(gaplessAndUnique(events)).toEqual({ gapless: true, unique: true });
    const doc = await db.jobs.findOne({ _id: rawId(jobId) });
    const provider = new OpenAIProvider({ kind: 'local', apiKey: 'local', baseURL: p.provider.baseURL, timeoutMs: 5_000, maxRetries: 2 });
    expect(events.map((e) => e.providerEventId)).toEqual(await providerEvents(provider, doc!.providerJobId!));
    expect(await provider.listJobsByMetadata({ [JOB_METADATA_KEY]: rawId(jobId) })).toHaveLength(1);
  });

  it('registers the model once', async () => {
    expect(await db.models.countDocuments({ stage: 'CANDIDATE' })).toBe(1);
  });
});
