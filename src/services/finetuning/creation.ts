import { ProviderError, type CreateJobRequest, type FineTuningProvider, type ProviderJob } from '../providers/types.js';
import { backoffMs } from './status.js';

/**
 * Creates the provider job of one request, at most once. OpenAI's create endpoint takes no
 * idempotency key, so the SDK's own retries could create two jobs: each attempt sends exactly
 * one request, and after an ambiguous failure (timeout, broken connection, 5xx: the job may
 * exist) the next attempt first lists jobs by our metadata and adopts what it finds. A 429 is
 * a refusal, so it needs no look-up. Non-transient errors are thrown at once.
 */

export interface CreationOptions {
  attempts: number;
  /** True when an earlier attempt (maybe by another process) may already have created the job. */
  mayExist: boolean;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Runs before every attempt (e.g. renews the lease, throwing when it is lost). */
  beforeAttempt?: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export interface CreationResult {
  job: ProviderJob;
  /** True when the job was found by its metadata rather than created by this call. */
  adopted: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The oldest job carrying all of `metadata`, if any. */
export async function findJobByMetadata(provider: FineTuningProvider, metadata: Record<string, string>): Promise<ProviderJob | null> {
  const found = await provider.listJobsByMetadata(metadata);
  if (found.length === 0) return null;
  return [...found].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))[0]!;
}

export async function createJobAtMostOnce(
  provider: FineTuningProvider,
  request: CreateJobRequest,
  options: CreationOptions,
): Promise<CreationResult> {
  const sleep = options.sleep ?? defaultSleep;
  let mayExist = options.mayExist;
  let last: ProviderError | null = null;
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (attempt > 0) await sleep(backoffMs(attempt - 1, last?.retryAfterMs ?? null, options.baseDelayMs, options.maxDelayMs));
    await options.beforeAttempt?.();
    try {
      if (mayExist) {
        const existing = await findJobByMetadata(provider, request.metadata);
        if (existing) return { job: existing, adopted: true };
      }
      return { job: await provider.createJob(request), adopted: false };
    } catch (err) {
      if (!(err instanceof ProviderError) || !err.transient) throw err;
      // Only a failed create can have left a job behind; a failed list changes nothing.
      if (err.ambiguous) mayExist = true;
      last = err;
    }
  }
  throw last ?? new ProviderError('server', 'job creation was not attempted');
}
