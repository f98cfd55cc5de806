import { createPubSub } from 'graphql-yoga';
import type { JobEventDoc } from '../db/documents.js';
import type { ExportProgress } from './datasets/exporter.js';

/**
 * In-process pub/sub. Topics name what happened. Several API instances would share a Redis
 * event target here (createPubSub({ eventTarget })); not wired yet.
 */
export type Topics = {
  'samples:changed': [{ at: Date }];
  /** A fine-tuning job changed (status, progress, result); subscribers re-read it. Keyed by job id. */
  'job:updated': [jobId: string, payload: { jobId: string; version: number }];
  /** A provider event was imported with this per-job seq. Keyed by job id. */
  'job:event': [jobId: string, payload: JobEventDoc];
  /** How far a running dataset export is. Keyed by `<api key id>:<idempotency key>` of the export. */
  'dataset:progress': [exportKey: string, payload: ExportProgress];
};

export function createEvents() {
  return createPubSub<Topics>();
}

export type Events = ReturnType<typeof createEvents>;
