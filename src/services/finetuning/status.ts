import type { JobProgressDoc, JobStatus, LossPointDoc } from '../../db/documents.js';

/** Provider status → ours. Unknown values (OpenAI has added `pausing`/`paused`) become UNKNOWN, kept verbatim elsewhere. */
const BY_PROVIDER: Readonly<Record<string, JobStatus>> = {
  validating_files: 'VALIDATING_FILES',
  queued: 'QUEUED',
  running: 'RUNNING',
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
};

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export function jobStatusOf(providerStatus: string): JobStatus {
  return BY_PROVIDER[providerStatus] ?? 'UNKNOWN';
}

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The loss point of a metrics event, parsed defensively (OPENAI.md: the fields are believed,
 * not documented): null unless it carries at least a step.
 */
export function lossPointOf(event: { type: string; data: Record<string, unknown> | null }): LossPointDoc | null {
  const d = event.data;
  if (!d || event.type !== 'metrics') return null;
  const step = num(d.step);
  if (step === null) return null;
  return {
    step,
    totalSteps: num(d.total_steps),
    trainLoss: num(d.train_loss),
    validLoss: num(d.valid_loss) ?? num(d.full_valid_loss),
    trainAccuracy: num(d.train_mean_token_accuracy),
    validAccuracy: num(d.valid_mean_token_accuracy) ?? num(d.full_valid_mean_token_accuracy),
  };
}

/** Progress from the latest loss point; the epoch follows from steps when the epoch count is known. */
export function progressOf(point: LossPointDoc, nEpochs: number | null): JobProgressDoc {
  let epoch: number | null = null;
  if (nEpochs && point.totalSteps && point.totalSteps > 0) {
    const perEpoch = point.totalSteps / nEpochs;
    epoch = Math.min(nEpochs, Math.max(1, Math.ceil(point.step / perEpoch)));
  }
  return { ...point, epoch, nEpochs };
}

/** Delay before retry `attempt` (0-based): exponential with jitter, never shorter than the provider's retry-after. */
export function backoffMs(attempt: number, retryAfterMs: number | null, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  const jittered = exp * (0.75 + 0.5 * random());
  return Math.max(retryAfterMs ?? 0, Math.round(jittered));
}

/** Actual training cost: trained tokens × price per 1M, rounded to a millionth of a dollar. */
export function trainingCostUsd(trainedTokens: number, pricePer1M: number): number {
  return Math.round((trainedTokens * pricePer1M) / 1_000_000 * 1e6) / 1e6;
}
