import type { JobFaultKind, ResolvedOptions } from './config.js';
import { invalidRequest, notFound } from './errors.js';
import type { FaultInjector } from './faults.js';
import type { FileService } from './files.js';
import { newId, nowSeconds } from './ids.js';
import { parseCreateJobRequest, type HyperparametersRequest } from './job-request.js';
import type { ModelRegistry } from './models.js';
import { paginate, type CursorPage } from './pagination.js';
import { JsonCollection, JsonLogs } from './store.js';
import { startTraining, type TrainingRun } from './trainer/run.js';
import type { Hyperparameters, StepMetrics } from './trainer/types.js';
import { defaultEpochs, validateTrainingFile, type ValidationReport } from './validation.js';

/**
 * Fine-tuning jobs and their lifecycle, as OpenAI runs them: validating_files → queued →
 * running (metrics events, a checkpoint per epoch) → succeeded | failed | cancelled.
 * Jobs, events and checkpoints are persisted; a job that was validating, queued or running
 * when the provider stopped starts over (training is deterministic) when it starts again.
 */

export type JobStatus = 'validating_files' | 'queued' | 'running' | 'paused' | 'succeeded' | 'failed' | 'cancelled';
const TERMINAL: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled']);

type HyperparameterValues = { n_epochs: number | 'auto'; batch_size: number | 'auto'; learning_rate_multiplier: number | 'auto' };

export interface FineTuningJob {
  id: string;
  object: 'fine_tuning.job';
  created_at: number;
  finished_at: number | null;
  model: string;
  fine_tuned_model: string | null;
  organization_id: string;
  status: JobStatus;
  error: { code: string; message: string; param: string | null } | null;
  hyperparameters: HyperparameterValues;
  method: { type: 'supervised'; supervised: { hyperparameters: HyperparameterValues } };
  trained_tokens: number | null;
  training_file: string;
  validation_file: string | null;
  result_files: string[];
  seed: number;
  suffix: string | null;
  user_provided_suffix: string | null;
  estimated_finish: number | null;
  integrations: null;
  metadata: Record<string, string> | null;
}

export interface JobEvent {
  id: string;
  object: 'fine_tuning.job.event';
  created_at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  data: Record<string, unknown> | null;
}

export interface JobCheckpoint {
  id: string;
  object: 'fine_tuning.job.checkpoint';
  created_at: number;
  fine_tuned_model_checkpoint: string;
  fine_tuning_job_id: string;
  step_number: number;
  metrics: StepMetrics & { full_valid_loss?: number; full_valid_mean_token_accuracy?: number };
}

interface JobRecord {
  id: string;
  job: FineTuningJob;
  fault: JobFaultKind;
  /** The 8-character tag of the fine-tuned model name, fixed at creation. */
  tag: string;
}

class Cancelled extends Error {
  constructor() {
    super('job stopped');
  }
}

/** OpenAI's automatic batch size: about 0.2% of the examples, 1 to 256. */
export const autoBatchSize = (n: number) => Math.max(1, Math.min(256, Math.round(n * 0.002)));
/** The automatic learning-rate multiplier of this provider's trainer (see trainer/train.ts). */
export const AUTO_LEARNING_RATE_MULTIPLIER = 1.8;

export class JobService {
  private readonly records: JsonCollection<JobRecord>;
  private readonly checkpointStore: JsonCollection<JobCheckpoint>;
  private readonly eventLogs: JsonLogs<JobEvent>;
  private readonly active = new Map<string, { abort: AbortController; training?: TrainingRun }>();
  private closed = false;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly files: FileService,
    private readonly models: ModelRegistry,
    private readonly faults: FaultInjector,
  ) {
    this.records = new JsonCollection<JobRecord>(options.dataDir, 'jobs');
    this.checkpointStore = new JsonCollection<JobCheckpoint>(options.dataDir, 'checkpoints');
    this.eventLogs = new JsonLogs<JobEvent>(options.dataDir, 'events');
  }

  create(body: unknown): FineTuningJob {
    const request = parseCreateJobRequest(body);
    const base = this.models.baseInfo(request.model);
    if (!base?.fineTunable) {
      throw invalidRequest(`Model ${request.model} is not available for fine-tuning or does not exist.`, 'model', 'model_not_available');
    }
    for (const [param, id] of [['training_file', request.trainingFile], ['validation_file', request.validationFile]] as const) {
      if (id === null) continue;
      const file = this.files.find(id);
      if (!file) throw invalidRequest(`invalid ${param}: ${id}`, param, 'invalid_file');
      if (file.purpose !== 'fine-tune') {
        throw invalidRequest(`File ${id} has purpose '${file.purpose}'; fine-tuning needs files uploaded with purpose 'fine-tune'.`, param, 'invalid_file_purpose');
      }
    }
    const hp = request.hyperparameters;
    const values: HyperparameterValues = {
      n_epochs: hp.n_epochs ?? 'auto',
      batch_size: hp.batch_size ?? 'auto',
      learning_rate_multiplier: hp.learning_rate_multiplier ?? 'auto',
    };
    const job: FineTuningJob = {
      id: newId.job(),
      object: 'fine_tuning.job',
      created_at: nowSeconds(),
      finished_at: null,
      model: request.model,
      fine_tuned_model: null,
      organization_id: `org-${this.options.org}`,
      status: 'validating_files',
      error: null,
      hyperparameters: values,
      method: { type: 'supervised', supervised: { hyperparameters: values } },
      trained_tokens: null,
      training_file: request.trainingFile,
      validation_file: request.validationFile,
      result_files: [],
      seed: request.seed ?? Math.floor(Math.random() * 2_147_483_647),
      suffix: request.suffix,
      user_provided_suffix: request.suffix,
      estimated_finish: null,
      integrations: null,
      metadata: request.metadata,
    };
    const record: JobRecord = { id: job.id, job, fault: this.faults.nextJobFault(), tag: newId.modelTag() };
    this.records.put(record);
    this.event(job.id, 'info', `Validating training file: ${job.training_file}${job.validation_file ? ` and validation file: ${job.validation_file}` : ''}`);
    this.launch(record);
    return job;
  }

  private record(id: string): JobRecord {
    const record = this.records.get(id);
    if (!record) throw notFound(`Could not find fine tune: ${id}`, 'fine_tuning_job_id');
    return record;
  }

  get(id: string): FineTuningJob {
    return this.record(id).job;
  }

  list(query: { after?: string; limit?: string; metadata?: Record<string, string> | null }): CursorPage<FineTuningJob> {
    let jobs = this.records.all().map((r) => r.job).reverse();
    const filter = query.metadata;
    if (filter === null) jobs = jobs.filter((j) => !j.metadata || Object.keys(j.metadata).length === 0);
    else if (filter) jobs = jobs.filter((j) => Object.entries(filter).every(([k, v]) => j.metadata?.[k] === v));
    return paginate(jobs, query, { limit: 20, max: 100 });
  }

  events(id: string, query: { after?: string; limit?: string }): CursorPage<JobEvent> {
    this.record(id);
    return paginate([...this.eventLogs.read(id)].reverse(), query, { limit: 20, max: 100 });
  }

  checkpoints(id: string, query: { after?: string; limit?: string }): CursorPage<JobCheckpoint> {
    this.record(id);
    const list = this.checkpointStore.all().filter((c) => c.fine_tuning_job_id === id).reverse();
    return paginate(list, query, { limit: 10, max: 100 });
  }

  cancel(id: string): FineTuningJob {
    const record = this.record(id);
    if (TERMINAL.has(record.job.status)) {
      throw invalidRequest(`Job ${id} has already ${record.job.status === 'cancelled' ? 'been cancelled' : 'finished'} (status ${record.job.status}).`, 'fine_tuning_job_id', 'job_not_cancellable');
    }
    this.stop(id);
    this.finish(record, { status: 'cancelled' });
    this.event(id, 'info', 'Fine-tuning job cancelled');
    return record.job;
  }

  /** Pauses a job that has not finished; resuming it trains again from the start (training is deterministic). */
  pause(id: string): FineTuningJob {
    const record = this.record(id);
    if (TERMINAL.has(record.job.status) || record.job.status === 'paused') {
      throw invalidRequest(`Job ${id} cannot be paused: its status is ${record.job.status}.`, 'fine_tuning_job_id', 'job_not_pausable');
    }
    this.stop(id);
    this.update(record, { status: 'paused', estimated_finish: null });
    this.event(id, 'info', 'Fine-tuning job paused');
    return record.job;
  }

  resume(id: string): FineTuningJob {
    const record = this.record(id);
    if (record.job.status !== 'paused') {
      throw invalidRequest(`Job ${id} cannot be resumed: its status is ${record.job.status}.`, 'fine_tuning_job_id', 'job_not_resumable');
    }
    this.update(record, { status: 'validating_files', trained_tokens: null });
    this.event(id, 'info', 'Fine-tuning job resumed; training starts over from file validation');
    this.launch(record);
    return record.job;
  }

  /** Starts over every job the last run of the provider left unfinished (paused ones stay paused). */
  resumeInterrupted(): void {
    for (const record of this.records.all()) {
      if (TERMINAL.has(record.job.status) || record.job.status === 'paused') continue;
      this.event(record.id, 'warn', `The provider restarted while the job was ${record.job.status}; it starts over from file validation.`);
      this.update(record, { status: 'validating_files', trained_tokens: null, estimated_finish: null });
      this.launch(record);
    }
  }

  /** Stops running pipelines without changing their stored status, so a restart resumes them. */
  close(): void {
    this.closed = true;
    for (const id of [...this.active.keys()]) this.stop(id);
  }

  private stop(id: string): void {
    const active = this.active.get(id);
    if (!active) return;
    active.abort.abort();
    active.training?.stop();
    this.active.delete(id);
  }

  private launch(record: JobRecord): void {
    if (this.closed) return;
    const abort = new AbortController();
    this.active.set(record.id, { abort });
    this.pipeline(record, abort.signal)
      .catch((error: unknown) => {
        if (error instanceof Cancelled || abort.signal.aborted) return;
        this.options.log(`job ${record.id} crashed: ${error instanceof Error ? error.stack : String(error)}`);
        this.fail(record, 'server_error', 'The job failed due to an internal error of the provider.', null);
      })
      .finally(() => {
        if (this.active.get(record.id)?.abort === abort) this.active.delete(record.id);
      });
  }

  private sleep(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new Cancelled());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private async pipeline(record: JobRecord, signal: AbortSignal): Promise<void> {
    const { timing } = this.options;
    const id = record.id;
    await this.sleep(timing.validateMs, signal);

    const training = this.validateFile(record, record.job.training_file, 'training_file');
    if (!training) return;
    const validation = record.job.validation_file ? this.validateFile(record, record.job.validation_file, 'validation_file') : null;
    if (record.job.validation_file && !validation) return;
    if (record.fault === 'fail_validation') {
      return this.fail(record, 'invalid_training_file', `The job failed due to an invalid training file (injected fault): ${training.examples.length} lines were not accepted.`, 'training_file');
    }
    for (const warning of training.warnings) this.event(id, 'warn', `Training file: ${warning}`);

    const hp = this.resolveHyperparameters(record.job, training.examples.length);
    const resolved = { n_epochs: hp.n_epochs, batch_size: hp.batch_size, learning_rate_multiplier: hp.learning_rate_multiplier };
    const stepsPerEpoch = Math.ceil(training.examples.length / hp.batch_size);
    const totalSteps = stepsPerEpoch * hp.n_epochs;
    this.update(record, { status: 'queued', hyperparameters: resolved, method: { type: 'supervised', supervised: { hyperparameters: resolved } } });
    this.event(id, 'info', 'Files validated, moving job to queued state');
    await this.sleep(timing.queueMs, signal);

    const emitEvery = Math.max(1, Math.ceil(totalSteps / this.options.metricsEvents));
    const stepMs = timing.minStepMs;
    const expectedEvents = Math.ceil(totalSteps / emitEvery);
    this.update(record, { status: 'running', estimated_finish: nowSeconds() + Math.ceil((expectedEvents * stepMs) / 1000) + 1 });
    this.event(id, 'info', 'Fine-tuning job started');

    const run = startTraining({ examples: training.examples, validation: validation?.examples ?? [], hyperparameters: hp, validEvery: emitEvery }, this.options.trainer);
    const active = this.active.get(id);
    if (active) active.training = run;
    const csv = ['step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy'];
    const failAt = record.fault === 'fail_running' ? Math.max(1, Math.ceil(totalSteps / 2)) : Infinity;
    const modelName = `ft:${record.job.model}:${this.options.org}:${record.job.suffix ?? ''}:${record.tag}`;
    let lastEmit = performance.now();
    const pace = async () => {
      const wait = stepMs - (performance.now() - lastEmit);
      if (wait > 0) await this.sleep(wait, signal);
      else if (signal.aborted) throw new Cancelled();
      lastEmit = performance.now();
    };

    for await (const message of run.messages) {
      if (signal.aborted) throw new Cancelled();
      if (message.kind === 'step') {
        const m = message.metrics;
        csv.push([m.step, m.train_loss, m.train_mean_token_accuracy, m.valid_loss ?? '', m.valid_mean_token_accuracy ?? ''].join(','));
        if (m.step >= failAt) {
          run.stop();
          return this.fail(record, 'server_error', `The job failed due to an internal error at step ${m.step} of ${m.total_steps} (injected fault).`, null);
        }
        if (m.step % emitEvery === 0 || m.step === m.total_steps) {
          await pace();
          this.event(id, 'info', stepMessage(m), 'metrics', { ...m });
        }
      } else if (message.kind === 'epoch') {
        // OpenAI keeps the checkpoints of the last three epochs: the trainer sends weights only for those.
        if (message.weights === null) continue;
        const step = message.metrics.step;
        const checkpointModel = `${modelName}:ckpt-step-${step}`;
        const created = nowSeconds();
        this.models.saveWeights(`${id}.step-${step}`, message.weights);
        this.models.register({ id: checkpointModel, created, owned_by: record.job.organization_id, base: record.job.model, jobId: id, weights: `${id}.step-${step}`, checkpoint: true });
        this.checkpointStore.put({
          id: newId.checkpoint(),
          object: 'fine_tuning.job.checkpoint',
          created_at: created,
          fine_tuned_model_checkpoint: checkpointModel,
          fine_tuning_job_id: id,
          step_number: step,
          metrics: message.metrics,
        });
        this.event(id, 'info', `Checkpoint created at step ${step}`);
      } else if (message.kind === 'error') {
        this.options.log(`job ${id} training error: ${message.message}`);
        return this.fail(record, 'server_error', 'The job failed due to an internal error of the trainer.', null);
      } else {
        this.models.saveWeights(id, message.weights);
        const result = this.files.create('step_metrics.csv', 'fine-tune-results', Buffer.from(`${csv.join('\n')}\n`));
        this.models.register({ id: modelName, created: nowSeconds(), owned_by: record.job.organization_id, base: record.job.model, jobId: id, weights: id, checkpoint: false });
        this.event(id, 'info', `New fine-tuned model created: ${modelName}`);
        this.finish(record, {
          status: 'succeeded',
          fine_tuned_model: modelName,
          trained_tokens: training.billableTokensPerEpoch * hp.n_epochs,
          result_files: [result.id],
        });
        this.event(id, 'info', 'The job has successfully completed');
        return;
      }
    }
    if (!signal.aborted) this.fail(record, 'server_error', 'The trainer stopped without producing a model.', null);
  }

  private validateFile(record: JobRecord, fileId: string, param: 'training_file' | 'validation_file'): ValidationReport | null {
    const code = param === 'training_file' ? 'invalid_training_file' : 'invalid_validation_file';
    const file = this.files.find(fileId);
    if (!file) {
      this.fail(record, code, `The ${param.replace('_', ' ')} ${fileId} no longer exists.`, param);
      return null;
    }
    const report = validateTrainingFile(this.files.text(fileId), {
      maxTokensPerExample: this.options.maxTokensPerExample,
      minExamples: param === 'training_file' ? this.options.minExamples : 1,
    });
    if (!report.ok) {
      this.fail(record, code, `The job failed due to an invalid ${param.replace('_', ' ')} ${fileId}. ${report.message}`, param);
      return null;
    }
    return report;
  }

  private resolveHyperparameters(job: FineTuningJob, n: number): Hyperparameters {
    const hp: HyperparameterValues = job.hyperparameters;
    const pick = (v: HyperparametersRequest[keyof HyperparametersRequest], auto: number) => (typeof v === 'number' ? v : auto);
    return {
      n_epochs: pick(hp.n_epochs, defaultEpochs(n)),
      batch_size: Math.min(pick(hp.batch_size, autoBatchSize(n)), n),
      learning_rate_multiplier: pick(hp.learning_rate_multiplier, AUTO_LEARNING_RATE_MULTIPLIER),
      seed: job.seed,
    };
  }

  private update(record: JobRecord, patch: Partial<FineTuningJob>): void {
    record.job = { ...record.job, ...patch };
    this.records.put(record);
  }

  private finish(record: JobRecord, patch: Partial<FineTuningJob>): void {
    this.update(record, { ...patch, finished_at: nowSeconds(), estimated_finish: null });
  }

  private fail(record: JobRecord, code: string, message: string, param: string | null): void {
    this.finish(record, { status: 'failed', error: { code, message, param } });
    this.event(record.id, 'error', message);
  }

  private event(jobId: string, level: JobEvent['level'], message: string, type: JobEvent['type'] = 'message', data: Record<string, unknown> | null = null): void {
    this.eventLogs.append(jobId, { id: newId.event(), object: 'fine_tuning.job.event', created_at: nowSeconds(), level, message, type, data });
  }
}

function stepMessage(m: StepMetrics): string {
  const valid = m.valid_loss !== undefined ? `, validation loss=${m.valid_loss.toFixed(4)}` : '';
  return `Step ${m.step}/${m.total_steps}: training loss=${m.train_loss.toFixed(4)}${valid}`;
}
