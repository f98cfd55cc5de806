import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { ObjectId } from 'mongodb';
import type { Database } from '../../src/db/database.js';
import type { DatasetDoc, DatasetFileDoc, Split } from '../../src/db/documents.js';
import { startLocalOpenAI, type LocalOpenAI, type LocalOpenAIOptions } from '../../src/local-openai/server.js';
import { cardIdReadiness } from '../../src/services/datasets/readiness.js';
import { sha256Hex } from '../../src/services/finetuning/files.js';
import { createGenerator } from '../../src/services/generator/generator.js';
import { cardIdExample } from '../../src/services/prompts/chat-format.js';
import type { ExecutionResult } from 'graphql';
import { graphql } from '../../src/gql/index.js';
import type { TestJobEventsPageQuery } from '../../src/gql/graphql.js';
import type { TestApp } from '../harness.js';
import type { FineTuningProvider } from '../../src/services/providers/types.js';

/**
 * Fine-tuning test helpers: a standalone local provider (so it outlives the API under test), and
 * a READY card-ID dataset written the way an export writes one (JSONL in the `datasetFiles`
 * GridFS bucket, a Dataset document with files, sha256 and readiness).
 */

export interface StandaloneProvider {
  provider: LocalOpenAI;
  /** Environment pointing an API at it through the SDK. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startStandaloneProvider(options: Partial<LocalOpenAIOptions> = {}): Promise<StandaloneProvider> {
  const dataDir = mkdtempSync(join(tmpdir(), 'slabtune-provider-'));
  const provider = await startLocalOpenAI({ trainer: 'inline', ...options, dataDir });
  return {
    provider,
    env: { OPENAI_BASE_URL: provider.baseURL, OPENAI_API_KEY: 'local' },
    async close() {
      await provider.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Fast watcher settings for tests. */
export const FAST_WATCH = { SLABTUNE_WATCH_INTERVAL_MS: '100', SLABTUNE_LEASE_MS: '1500' };

async function writeFile(db: Database, split: Split, filename: string, lines: string[]): Promise<DatasetFileDoc> {
  const content = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
  const id = new ObjectId();
  await new Promise<void>((resolve, reject) => {
    const upload = db.datasetFiles.openUploadStreamWithId(id, filename);
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(content);
  });
  return { split, fileId: id.toHexString(), filename, lines: lines.length, bytes: content.byteLength, sha256: sha256Hex(content), tokens: { total: 0, max: 0, mean: 0 } };
}

/** A READY card-identification dataset of `n` generated samples (about 15% validation). */
export async function createDataset(db: Database, n = 60, seed = 1): Promise<{ id: string; globalId: string }> {
  const scans = createGenerator({ seed, noise: 0.2 }).scans(n);
  const lines = scans.map((s) => JSON.stringify(cardIdExample(s, s.card)));
  const validation = Math.max(1, Math.round(n * 0.15));
  const _id = new ObjectId().toHexString();
  const files = [
    await writeFile(db, 'TRAIN', `card-id-v1-train-${_id}.jsonl`, lines.slice(validation)),
    await writeFile(db, 'VALIDATION', `card-id-v1-validation-${_id}.jsonl`, lines.slice(0, validation)),
  ];
  const now = new Date();
  const doc: DatasetDoc = {
    _id,
    name: `card-id test ${seed}`,
    task: 'CARD_IDENTIFICATION',
    version: 1,
    contentHash: files.map((f) => f.sha256).join(''),
    promptVersion: 'v1',
    filters: {},
    seed,
    validationFraction: 0.15,
    testFraction: 0,
    status: 'READY',
    files,
    report: { readiness: cardIdReadiness(n) },
    error: null,
    createdBy: 'test',
    createdAt: now,
    updatedAt: now,
  };
  await db.datasets.insertOne(doc);
  return { id: _id, globalId: encodeGlobalID('Dataset', _id) };
}

export const StartJob = graphql(`
  mutation TestStartFineTuning($input: StartFineTuningInput!) {
    startFineTuning(input: $input) {
      id
      status
      providerJobId
      trainingFile {
        fileId
        sha256
      }
    }
  }
`);

export const JobState = graphql(`
  query TestJobState($id: ID!) {
    job(id: $id) {
      id
      status
      providerStatus
      providerJobId
      eventCount
      fineTunedModel
      trainedTokens
      costUsd
      error {
        code
        message
        param
      }
    }
  }
`);

export const JobEventsPage = graphql(`
  query TestJobEventsPage($id: ID!, $after: String) {
    job(id: $id) {
      eventCount
      events(first: 100, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            seq
            providerEventId
            type
            message
            metrics {
              step
              trainLoss
            }
          }
        }
      }
    }
  }
`);

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** What the helpers need of an API: a typed executor and its database (a TestApp, or a spawned API). */
export type Api = Pick<TestApp, 'exec'> & { app: { db: Database } };

/** Polls the API until the job is terminal (and finalized: every event imported). */
export async function waitForJob(t: Api, id: string, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.exec(JobState, { id });
    const job = res.data?.job;
    if (job && TERMINAL.has(job.status)) {
      const doc = await t.app.db.jobs.findOne({ _id: rawId(id) });
      if (doc?.finalized) return job;
    }
    if (Date.now() > until) throw new Error(`job ${id} not finished after ${timeoutMs} ms: ${JSON.stringify(res)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every stored event of a job, through the API, in seq order. */
export async function allEvents(t: Pick<TestApp, 'exec'>, id: string) {
  const out: { seq: number; providerEventId: string; type: string; message: string; metrics: { step: number; trainLoss: number | null } | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const res: ExecutionResult<TestJobEventsPageQuery> = await t.exec(JobEventsPage, { id, after });
    if (!res.data?.job) throw new Error(`events query failed: ${JSON.stringify(res.errors)}`);
    const events = res.data.job.events;
    out.push(...events.edges.map((e) => e.node));
    if (!events.pageInfo.hasNextPage) return out;
    after = events.pageInfo.endCursor ?? null;
  }
}

export function rawId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString().split(':')[1]!;
}

/** The seqs are exactly 1..n and no provider event appears twice. */
export function gaplessAndUnique(events: { seq: number; providerEventId: string }[]): { gapless: boolean; unique: boolean } {
  return {
    gapless: events.every((e, i) => e.seq === i + 1),
    unique: new Set(events.map((e) => e.providerEventId)).size === events.length,
  };
}

/** Every event of a provider job, straight from the provider (newest first there; returned oldest first). */
export async function providerEvents(provider: FineTuningProvider, providerJobId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await provider.listEvents(providerJobId, { limit: 100, ...(after ? { after } : {}) });
    ids.push(...page.data.map((e) => e.id));
    if (!page.hasMore || page.data.length === 0) return ids.reverse();
    after = page.data[page.data.length - 1]!.id;
  }
}

/** startFineTuning, retried with the same idempotency key while the provider is unwell (as a client should). */
export async function startWithRetries(t: TestApp, input: { datasetId: string; nEpochs?: number; idempotencyKey: string }) {
  for (let attempt = 0; ; attempt++) {
    const res = await t.exec(StartJob, { input });
    const code = res.errors?.[0]?.extensions?.code;
    if (!res.errors) return res.data!.startFineTuning.id;
    if ((code !== 'UPSTREAM_ERROR' && code !== 'RATE_LIMITED' && code !== 'CONFLICT') || attempt >= 10) {
      throw new Error(`startFineTuning failed: ${JSON.stringify(res.errors)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const CollectScan = graphql(`
  mutation TestJobsConfirmScan($input: ConfirmScanInput!) {
    confirmScan(input: $input) {
      duplicate
    }
  }
`);

const ExportDataset = graphql(`
  mutation TestJobsExportDataset($input: ExportDatasetInput!) {
    exportDataset(input: $input) {
      created
      dataset {
        id
        status
        files {
          split
          lines
        }
      }
    }
  }
`);

/** The real path: generated scans collected through confirmScan, then exportDataset. Returns the Dataset id. */
export async function collectAndExport(t: TestApp, n = 80, seed = 5): Promise<string> {
  const scans = createGenerator({ seed, noise: 0.2 }).scans(n);
  for (const s of scans) {
    const res = await t.exec(CollectScan, {
      input: { ocrText: s.ocrText, imageDescription: s.imageDescription, card: s.card, confidence: Math.max(s.confidence, 0.9), userId: s.userId },
    });
    if (res.errors) throw new Error(`confirmScan failed: ${JSON.stringify(res.errors)}`);
  }
  const res = await t.exec(ExportDataset, { input: { task: 'CARD_IDENTIFICATION', idempotencyKey: `jobs-export-${seed}-0001` } });
  if (!res.data) throw new Error(`exportDataset failed: ${JSON.stringify(res.errors)}`);
  return res.data.exportDataset.dataset.id;
}
