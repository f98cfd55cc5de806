import OpenAI, { APIConnectionTimeoutError, APIError, AzureOpenAI, InvalidWebhookSignatureError, toFile } from 'openai';
import {
  ProviderError,
  type CreateJobRequest,
  type EventPage,
  type FineTuningProvider,
  type ProviderCheckpoint,
  type ProviderFile,
  type ProviderJob,
  type ProviderJobEvent,
  type ProviderModel,
  type WebhookEvent,
} from './types.js';

/**
 * The provider over the official `openai` SDK: api.openai.com (or any compatible base URL,
 * such as the local provider), or Azure OpenAI through the SDK's AzureOpenAI client. Every
 * option is passed explicitly so the SDK never reads the environment on its own.
 */

export interface ProviderSettings {
  kind: 'openai' | 'azure' | 'local';
  apiKey: string;
  baseURL?: string | undefined;
  azureEndpoint?: string | undefined;
  azureApiVersion?: string | undefined;
  /** Per request. */
  timeoutMs: number;
  /** SDK retries for reads (which are safe to repeat). Writes always send exactly one request. */
  maxRetries: number;
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const DEFAULT_AZURE_API_VERSION = '2025-04-01-preview';

function createClient(s: ProviderSettings): OpenAI {
  const common = { apiKey: s.apiKey, timeout: s.timeoutMs, maxRetries: s.maxRetries, organization: null, project: null, webhookSecret: null };
  if (s.kind === 'azure') {
    if (!s.azureEndpoint) throw new Error('AZURE_OPENAI_ENDPOINT is required for the Azure provider');
    return new AzureOpenAI({ ...common, endpoint: s.azureEndpoint, apiVersion: s.azureApiVersion ?? DEFAULT_AZURE_API_VERSION });
  }
  return new OpenAI({ ...common, baseURL: s.baseURL ?? OPENAI_BASE_URL });
}

function retryAfterMs(headers: Headers | undefined): number | null {
  if (!headers) return null;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms)) return Math.max(0, ms);
  const raw = headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Maps SDK errors onto ProviderError; anything else is rethrown unchanged. */
export function toProviderError(err: unknown): never {
  if (err instanceof ProviderError) throw err;
  if (err instanceof APIConnectionTimeoutError) throw new ProviderError('timeout', err.message);
  if (err instanceof APIError) {
    const status = err.status ?? null;
    const code = typeof err.code === 'string' ? err.code : null;
    const param = typeof err.param === 'string' ? err.param : null;
    const after = retryAfterMs(err.headers);
    const message = err.message;
    if (status === undefined || status === null) throw new ProviderError('connection', message);
    if (status === 429) throw new ProviderError(code === 'insufficient_quota' ? 'quota' : 'rate_limited', message, status, code, param, after);
    if (status === 408) throw new ProviderError('timeout', message, status, code, param, after);
    if (status >= 500) throw new ProviderError('server', message, status, code, param, after);
    if (status === 404) throw new ProviderError('not_found', message, status, code, param);
    if (status === 401 || status === 403) throw new ProviderError('auth', message, status, code, param);
    if (status === 409) throw new ProviderError('conflict', message, status, code, param, after);
    throw new ProviderError('bad_request', message, status, code, param);
  }
  throw err;
}

const seconds = (s: number | null | undefined) => (typeof s === 'number' ? new Date(s * 1000) : null);
const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

type SdkJob = OpenAI.FineTuning.Jobs.FineTuningJob;

function toJob(j: SdkJob): ProviderJob {
  const hp = j.method?.supervised?.hyperparameters ?? j.hyperparameters ?? {};
  return {
    id: j.id,
    status: String(j.status),
    model: j.model,
    fineTunedModel: j.fine_tuned_model ?? null,
    trainedTokens: j.trained_tokens ?? null,
    hyperparameters: {
      nEpochs: numberOrNull(hp.n_epochs),
      batchSize: numberOrNull(hp.batch_size),
      learningRateMultiplier: numberOrNull(hp.learning_rate_multiplier),
    },
    trainingFile: j.training_file,
    validationFile: j.validation_file ?? null,
    error: j.error && (j.error.code || j.error.message) ? { code: j.error.code, message: j.error.message, param: j.error.param ?? null } : null,
    metadata: (j.metadata as Record<string, string> | null | undefined) ?? null,
    createdAt: seconds(j.created_at) ?? new Date(),
    finishedAt: seconds(j.finished_at),
    estimatedFinish: seconds(j.estimated_finish),
  };
}

function toEvent(e: OpenAI.FineTuning.Jobs.FineTuningJobEvent): ProviderJobEvent {
  const data = e.data && typeof e.data === 'object' && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : null;
  return {
    id: e.id,
    createdAt: seconds(e.created_at) ?? new Date(),
    level: e.level,
    type: e.type ?? (data ? 'metrics' : 'message'),
    message: e.message,
    data,
  };
}

function toCheckpoint(c: OpenAI.FineTuning.Jobs.Checkpoints.FineTuningJobCheckpoint): ProviderCheckpoint {
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(c.metrics ?? {})) if (typeof v === 'number' && Number.isFinite(v)) metrics[k] = v;
  return { id: c.id, createdAt: seconds(c.created_at) ?? new Date(), stepNumber: c.step_number, model: c.fine_tuned_model_checkpoint, metrics };
}

export class OpenAIProvider implements FineTuningProvider {
  readonly kind: string;
  private readonly client: OpenAI;
  /** The same client with retries off, for requests that must be sent exactly once. */
  private readonly once: OpenAI;

  constructor(settings: ProviderSettings) {
    this.kind = settings.kind;
    this.client = createClient(settings);
    this.once = this.client.withOptions({ maxRetries: 0 });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      return toProviderError(err);
    }
  }

  async retrieveModel(id: string): Promise<ProviderModel | null> {
    try {
      const m = await this.call(() => this.client.models.retrieve(id));
      const shutdown = (m as { shutdown_date?: unknown }).shutdown_date;
      return { id: m.id, shutdownDate: typeof shutdown === 'string' && shutdown ? shutdown : null };
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  uploadFile(filename: string, content: Buffer): Promise<ProviderFile> {
    return this.call(async () => {
      const f = await this.once.files.create({ file: await toFile(content, filename), purpose: 'fine-tune' });
      return { id: f.id, filename: f.filename, bytes: f.bytes };
    });
  }

  async retrieveFile(id: string): Promise<ProviderFile | null> {
    try {
      const f = await this.call(() => this.client.files.retrieve(id));
      return { id: f.id, filename: f.filename, bytes: f.bytes };
    } catch (err) {
      if (err instanceof ProviderError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  fileContent(id: string): Promise<Buffer> {
    return this.call(async () => Buffer.from(await (await this.client.files.content(id)).arrayBuffer()));
  }

  createJob(r: CreateJobRequest): Promise<ProviderJob> {
    const hyperparameters: { n_epochs?: number; batch_size?: number; learning_rate_multiplier?: number } = {};
    if (r.hyperparameters.nEpochs !== null) hyperparameters.n_epochs = r.hyperparameters.nEpochs;
    if (r.hyperparameters.batchSize !== null) hyperparameters.batch_size = r.hyperparameters.batchSize;
    if (r.hyperparameters.learningRateMultiplier !== null) hyperparameters.learning_rate_multiplier = r.hyperparameters.learningRateMultiplier;
    return this.call(async () =>
      toJob(
        await this.once.fineTuning.jobs.create({
          model: r.model,
          training_file: r.trainingFile,
          ...(r.validationFile ? { validation_file: r.validationFile } : {}),
          ...(r.suffix ? { suffix: r.suffix } : {}),
          ...(r.seed !== null ? { seed: r.seed } : {}),
          method: { type: 'supervised', supervised: { hyperparameters } },
          metadata: r.metadata,
        }),
      ),
    );
  }

  listJobsByMetadata(metadata: Record<string, string>): Promise<ProviderJob[]> {
    return this.call(async () => {
      const jobs: ProviderJob[] = [];
      for await (const j of this.client.fineTuning.jobs.list({ metadata, limit: 100 })) jobs.push(toJob(j));
      return jobs;
    });
  }

  retrieveJob(id: string): Promise<ProviderJob> {
    return this.call(async () => toJob(await this.client.fineTuning.jobs.retrieve(id)));
  }

  cancelJob(id: string): Promise<ProviderJob> {
    // Cancelling twice is harmless (the second is a 400 the caller handles), so retries may stay on.
    return this.call(async () => toJob(await this.client.fineTuning.jobs.cancel(id)));
  }

  listEvents(jobId: string, options: { after?: string; limit: number }): Promise<EventPage> {
    return this.call(async () => {
      const page = await this.client.fineTuning.jobs.listEvents(jobId, {
        limit: options.limit,
        ...(options.after ? { after: options.after } : {}),
      });
      return { data: page.data.map(toEvent), hasMore: page.has_more };
    });
  }

  listCheckpoints(jobId: string): Promise<ProviderCheckpoint[]> {
    return this.call(async () => {
      const out: ProviderCheckpoint[] = [];
      for await (const c of this.client.fineTuning.jobs.checkpoints.list(jobId, { limit: 100 })) out.push(toCheckpoint(c));
      return out;
    });
  }

  async unwrapWebhook(body: string, headers: Record<string, string>, secret: string): Promise<WebhookEvent> {
    try {
      const event = await this.client.webhooks.unwrap(body, headers, secret);
      const data = (event as { data?: { id?: unknown } }).data;
      return { id: event.id, type: event.type, objectId: typeof data?.id === 'string' ? data.id : null };
    } catch (err) {
      if (err instanceof InvalidWebhookSignatureError || (err instanceof Error && /header|signature|timestamp/i.test(err.message))) {
        throw new ProviderError('bad_request', err.message, 400);
      }
      throw err;
    }
  }
}
