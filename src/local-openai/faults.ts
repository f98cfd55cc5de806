import type { FaultConfig, JobFaultKind, RequestFaultKind } from './config.js';
import { OpenAIHttpError } from './errors.js';
import { seededRandom } from './random.js';

/**
 * Fault injection for tests and drills. Request faults are decided per request in arrival
 * order by a seeded PRNG (after any scripted ones), job faults per created job the same way,
 * so a given seed and request sequence always fails the same way.
 */

export type InjectedCounts = Record<Exclude<RequestFaultKind, 'ok'> | Exclude<JobFaultKind, 'ok'>, number>;

export class FaultInjector {
  private config: FaultConfig = {};
  private requestDice = seededRandom(0);
  private jobDice = seededRandom(0);
  private script: RequestFaultKind[] = [];
  private jobScript: JobFaultKind[] = [];
  readonly injected: InjectedCounts = { '429': 0, '500': 0, '503': 0, stall: 0, fail_validation: 0, fail_running: 0 };

  constructor(config: FaultConfig = {}) {
    this.configure(config);
  }

  /** Replaces the configuration and restarts the dice from its seed. */
  configure(config: FaultConfig): void {
    this.config = { ...config };
    this.requestDice = seededRandom(config.seed ?? 0);
    this.jobDice = seededRandom((config.seed ?? 0) ^ 0x9e3779b9);
    this.script = [...(config.script ?? [])];
    this.jobScript = [...(config.jobScript ?? [])];
  }

  current(): FaultConfig {
    return { ...this.config, script: [...this.script], jobScript: [...this.jobScript] };
  }

  /** The fault for one request to `path` (below /v1), or 'ok'. */
  nextRequestFault(path: string): RequestFaultKind {
    const prefixes = this.config.paths;
    if (prefixes && !prefixes.some((p) => path.startsWith(p))) return 'ok';
    const scripted = this.script.shift();
    const kind = scripted ?? this.roll();
    if (kind !== 'ok') this.injected[kind]++;
    return kind;
  }

  private roll(): RequestFaultKind {
    const { rate429 = 0, rate500 = 0, rate503 = 0, rateStall = 0 } = this.config;
    if (rate429 + rate500 + rate503 + rateStall <= 0) return 'ok';
    let r = this.requestDice();
    for (const [kind, rate] of [['429', rate429], ['500', rate500], ['503', rate503], ['stall', rateStall]] as const) {
      if (r < rate) return kind;
      r -= rate;
    }
    return 'ok';
  }

  /** The fate of one newly created job. */
  nextJobFault(): JobFaultKind {
    const scripted = this.jobScript.shift();
    let kind: JobFaultKind = scripted ?? 'ok';
    if (!scripted) {
      const { jobValidationFailureRate = 0, jobRunFailureRate = 0 } = this.config;
      if (jobValidationFailureRate + jobRunFailureRate > 0) {
        const r = this.jobDice();
        if (r < jobValidationFailureRate) kind = 'fail_validation';
        else if (r < jobValidationFailureRate + jobRunFailureRate) kind = 'fail_running';
      }
    }
    if (kind !== 'ok') this.injected[kind]++;
    return kind;
  }

  get stallMs(): number {
    return this.config.stallMs ?? 30_000;
  }

  /** The error answer of an injected 429/500/503. */
  errorFor(kind: '429' | '500' | '503'): OpenAIHttpError {
    const retryAfter = { 'retry-after': String(this.config.retryAfterSeconds ?? 0) };
    if (kind === '429') {
      return new OpenAIHttpError(429, 'Rate limit reached for requests (injected fault). Please try again shortly.', 'requests', null, 'rate_limit_exceeded', retryAfter);
    }
    if (kind === '503') {
      return new OpenAIHttpError(503, 'The server is overloaded or not ready yet (injected fault).', 'server_error', null, null, retryAfter);
    }
    return new OpenAIHttpError(500, 'The server had an error while processing your request (injected fault).', 'server_error', null, null);
  }
}
