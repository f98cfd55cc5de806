/**
 * The training provider as slabtune sees it: files, fine-tuning jobs, their events and
 * checkpoints, models and webhooks, in our own shapes. One implementation (openai.ts) serves
 * api.openai.com, Azure OpenAI and the local provider; nothing else imports the SDK.
 */

export interface ProviderFile {
  id: string;
  filename: string;
  bytes: number;
}

export interface ProviderModel {
  id: string;
  /** YYYY-MM-DD, when the provider announces one. */
  shutdownDate: string | null;
}

export interface ProviderHyperparameters {
  nEpochs: number | null;
  batchSize: number | null;
  learningRateMultiplier: number | null;
}

export interface ProviderJobError {
  code: string;
  message: string;
  param: string | null;
}

export interface ProviderJob {
  id: string;
  /** The provider's status, verbatim (newer ones such as `paused` included). */
  status: string;
  model: string;
  fineTunedModel: string | null;
  trainedTokens: number | null;
  /** Resolved values once the provider has chosen them; null while `auto`. */
  hyperparameters: ProviderHyperparameters;
  trainingFile: string;
  validationFile: string | null;
  error: ProviderJobError | null;
  metadata: Record<string, string> | null;
  createdAt: Date;
  finishedAt: Date | null;
  estimatedFinish: Date | null;
}

export interface ProviderJobEvent {
  id: string;
  createdAt: Date;
  level: string;
  type: string;
  message: string;
  data: Record<string, unknown> | null;
}

export interface ProviderCheckpoint {
  id: string;
  createdAt: Date;
  stepNumber: number;
  model: string;
  metrics: Record<string, number>;
}

export interface CreateJobRequest {
  model: string;
  trainingFile: string;
  validationFile: string | null;
  suffix: string | null;
  hyperparameters: ProviderHyperparameters;
  metadata: Record<string, string>;
  seed: number | null;
}

export interface EventPage {
  /** Newest first, as OpenAI lists them. */
  data: ProviderJobEvent[];
  hasMore: boolean;
}

export interface WebhookEvent {
  id: string;
  type: string;
  /** The object the event is about (a job id for `fine_tuning.job.*`). */
  objectId: string | null;
}

export interface FineTuningProvider {
  /** A short name for logs and for keying uploaded files (`openai`, `azure`, `local`). */
  readonly kind: string;
  /** null when the provider does not know the model. */
  retrieveModel(id: string): Promise<ProviderModel | null>;
  /** Uploads once: never retried inside (a retry could upload twice). */
  uploadFile(filename: string, content: Buffer): Promise<ProviderFile>;
  /** null when the file no longer exists. */
  retrieveFile(id: string): Promise<ProviderFile | null>;
  fileContent(id: string): Promise<Buffer>;
  /** Sends exactly one create request, with the SDK's retries off. */
  createJob(request: CreateJobRequest): Promise<ProviderJob>;
  /** Jobs whose metadata has every given pair. */
  listJobsByMetadata(metadata: Record<string, string>): Promise<ProviderJob[]>;
  retrieveJob(id: string): Promise<ProviderJob>;
  cancelJob(id: string): Promise<ProviderJob>;
  listEvents(jobId: string, options: { after?: string; limit: number }): Promise<EventPage>;
  listCheckpoints(jobId: string): Promise<ProviderCheckpoint[]>;
  /** Verifies the signature (throws ProviderError kind 'bad_request' when it does not match). */
  unwrapWebhook(body: string, headers: Record<string, string>, secret: string): Promise<WebhookEvent>;
}

export type ProviderErrorKind =
  /** 429: wait (retry-after) and try again. */
  | 'rate_limited'
  /** 429 insufficient_quota: retrying will not help. */
  | 'quota'
  /** 5xx: the request may or may not have been applied. */
  | 'server'
  /** No answer in time or the connection broke: the request may or may not have been applied. */
  | 'timeout'
  | 'connection'
  | 'bad_request'
  | 'not_found'
  | 'auth'
  | 'conflict';

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly param: string | null = null,
    /** From `retry-after` / `retry-after-ms`, when the provider sent one. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  /** Worth trying again later (the same request may succeed). */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'timeout' || this.kind === 'connection';
  }

  /** The request may have taken effect although no success came back. */
  get ambiguous(): boolean {
    return this.kind === 'server' || this.kind === 'timeout' || this.kind === 'connection';
  }
}
