/**
 * Options of the local provider. Everything that OPENAI.md marks as uncertain (token limits,
 * minimum examples, shutdown dates) is a setting here rather than a constant in the code.
 */

export type RequestFaultKind = '429' | '500' | '503' | 'stall' | 'ok';
export type JobFaultKind = 'fail_validation' | 'fail_running' | 'ok';

export interface FaultConfig {
  /** Seed of the fault dice: the same seed and request order give the same faults. Default 0. */
  seed?: number;
  /** Fractions (0–1) of API requests answered with 429 rate_limit_exceeded, 500 or 503. */
  rate429?: number;
  rate500?: number;
  rate503?: number;
  /** Fraction of requests held open without an answer for `stallMs` (longer than a client timeout). */
  rateStall?: number;
  /** How long a stalled request is held, default 30 s; then it is answered normally. */
  stallMs?: number;
  /** `retry-after` (seconds) sent with 429 and 503 answers, default 0. */
  retryAfterSeconds?: number;
  /** Faults for the next requests in this order, used up before the rates apply. */
  script?: RequestFaultKind[];
  /** Path prefixes under /v1 subject to request faults (e.g. ['/chat']); default all but /_faults. */
  paths?: string[];
  /** Fractions of new jobs failing at validation / mid-run. */
  jobValidationFailureRate?: number;
  jobRunFailureRate?: number;
  /** Outcomes for the next created jobs in this order, used up before the job rates apply. */
  jobScript?: JobFaultKind[];
}

export interface TimingConfig {
  /** Time a job spends in validating_files at least. */
  validateMs: number;
  /** Time a job spends queued. */
  queueMs: number;
  /** Minimum time between two metrics events while running (training itself is faster). */
  minStepMs: number;
}

export const DEFAULT_TIMING: TimingConfig = { validateMs: 150, queueMs: 150, minStepMs: 25 };

export interface LocalOpenAIOptions {
  /** Where files, jobs, events, checkpoints and trained weights are kept across restarts. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Organisation slug in fine-tuned model names, default 'slabstak'. */
  org?: string;
  faults?: FaultConfig;
  timing?: Partial<TimingConfig>;
  /** Multiplies every timing value (0 = no pacing at all). Default 1. */
  timeScale?: number;
  /** Per-example token limit of the validator (longer examples are truncated, as OpenAI does). */
  maxTokensPerExample?: number;
  /** Fewest examples a training file may have (OpenAI: 10). */
  minExamples?: number;
  /** Metrics events per job, roughly (one every total_steps / this steps). Default 40. */
  metricsEvents?: number;
  /** 'worker' trains in a worker thread (default); 'inline' trains on the main thread in slices. */
  trainer?: 'worker' | 'inline';
  /** Where the provider writes its log lines; silent by default. */
  log?: (line: string) => void;
}

export interface ResolvedOptions {
  dataDir: string;
  org: string;
  faults: FaultConfig;
  timing: TimingConfig;
  maxTokensPerExample: number;
  minExamples: number;
  metricsEvents: number;
  trainer: 'worker' | 'inline';
  log: (line: string) => void;
}

export function resolveOptions(options: LocalOpenAIOptions): ResolvedOptions {
  const scale = options.timeScale ?? 1;
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  return {
    dataDir: options.dataDir,
    org: options.org ?? 'slabstak',
    faults: options.faults ?? {},
    timing: {
      validateMs: timing.validateMs * scale,
      queueMs: timing.queueMs * scale,
      minStepMs: timing.minStepMs * scale,
    },
    maxTokensPerExample: options.maxTokensPerExample ?? 65_536,
    minExamples: options.minExamples ?? 10,
    metricsEvents: options.metricsEvents ?? 40,
    trainer: options.trainer ?? 'worker',
    log: options.log ?? (() => {}),
  };
}
