import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { graphql } from '../../gql/index.js';
import type { CliJobFieldsFragment } from '../../gql/graphql.js';
import { unwrap } from '../client.js';
import type { Command } from '../command.js';
import { table } from '../output.js';
import { numberOption, oneOf, usageGuard, UsageError } from '../options.js';
import { createProgress, type Progress } from '../progress.js';
import { JOB_STATUSES, TASKS } from '../../db/documents.js';

/** `upload`, `create`, `status`, `wait`, `list-jobs`: the seed's finetuning_manager.py, as a client of the API. */

graphql(`
  fragment CliJobFields on FineTuningJob {
    id
    providerJobId
    status
    providerStatus
    task
    baseModel
    suffix
    datasetId
    fineTunedModel
    trainedTokens
    costUsd
    eventCount
    createdAt
    finishedAt
    trainingFile {
      fileId
      filename
      lines
    }
    resolvedHyperparameters {
      nEpochs
      batchSize
      learningRateMultiplier
    }
    progress {
      step
      totalSteps
      epoch
      nEpochs
      trainLoss
      validLoss
    }
    error {
      code
      message
      param
    }
    model {
      id
      providerModelId
      stage
    }
  }
`);

const Upload = graphql(`
  mutation CliUploadTrainingFile($input: UploadTrainingFileInput!) {
    uploadTrainingFile(input: $input) {
      fileId
      filename
      bytes
      lines
      tokens
      sha256
      reused
    }
  }
`);

const Create = graphql(`
  mutation CliCreateFineTuningJob($input: CreateFineTuningJobInput!) {
    createFineTuningJob(input: $input) {
      ...CliJobFields
    }
  }
`);

const StartFromDataset = graphql(`
  mutation CliStartFineTuning($input: StartFineTuningInput!) {
    startFineTuning(input: $input) {
      ...CliJobFields
    }
  }
`);

const Status = graphql(`
  query CliJobStatus($id: ID!) {
    job(id: $id) {
      ...CliJobFields
    }
  }
`);

const Watch = graphql(`
  subscription CliJobUpdated($id: ID!) {
    jobUpdated(id: $id) {
      ...CliJobFields
    }
  }
`);

const ListJobs = graphql(`
  query CliListJobs($first: Int, $filter: FineTuningJobFilter) {
    jobs(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          ...CliJobFields
        }
      }
    }
  }
`);

export function describeJob(j: CliJobFieldsFragment): string {
  const lines = [
    `Job:            ${j.id}`,
    `Provider job:   ${j.providerJobId ?? '-'}`,
    `Status:         ${j.status}${j.status === 'UNKNOWN' ? ` (${j.providerStatus})` : ''}`,
    `Task:           ${j.task}`,
    `Base model:     ${j.baseModel}`,
    `Training file:  ${j.trainingFile.fileId} (${j.trainingFile.lines} examples)`,
    `Created:        ${j.createdAt}`,
  ];
  const hp = j.resolvedHyperparameters;
  if (hp) lines.push(`Hyperparameters: epochs=${hp.nEpochs ?? 'auto'} batch_size=${hp.batchSize ?? 'auto'} lr_multiplier=${hp.learningRateMultiplier ?? 'auto'}`);
  if (j.progress) lines.push(`Progress:       ${progressText(j)}`);
  if (j.fineTunedModel) lines.push(`Fine-tuned model: ${j.fineTunedModel}`);
  if (j.trainedTokens !== null && j.trainedTokens !== undefined) lines.push(`Trained tokens: ${j.trainedTokens}`);
  if (j.costUsd !== null && j.costUsd !== undefined) lines.push(`Cost:           $${j.costUsd.toFixed(4)}`);
  if (j.finishedAt) lines.push(`Finished:       ${j.finishedAt}`);
  if (j.error) lines.push(`Error:          ${j.error.code}: ${j.error.message}${j.error.param ? ` (param ${j.error.param})` : ''}`);
  return lines.join('\n');
}

function progressText(j: CliJobFieldsFragment): string {
  const p = j.progress;
  if (!p) return '';
  const parts = [`step ${p.step}${p.totalSteps ? `/${p.totalSteps}` : ''}`];
  if (p.epoch) parts.push(`epoch ${p.epoch}${p.nEpochs ? `/${p.nEpochs}` : ''}`);
  if (typeof p.trainLoss === 'number') parts.push(`loss ${p.trainLoss.toFixed(4)}`);
  if (typeof p.validLoss === 'number') parts.push(`valid loss ${p.validLoss.toFixed(4)}`);
  return parts.join(', ');
}

const hyperparameterOptions = {
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  'lr-multiplier': { type: 'string' },
  seed: { type: 'string' },
  'idempotency-key': { type: 'string' },
} as const;

export const uploadCommand: Command = {
  name: 'upload',
  summary: 'check a training JSONL file and upload it to the provider',
  usage: 'upload <file.jsonl> [--json]',
  run: usageGuard(async ({ args, api, out }) => {
    const [path] = args;
    if (!path) throw new UsageError('usage: slabtune upload <file.jsonl>');
    const content = await readFile(path, 'utf8');
    const { uploadTrainingFile: f } = await api.request(Upload, { input: { filename: basename(path), content } });
    out.result(f, (v) =>
      [
        `${v.reused ? 'Already uploaded' : 'Uploaded'} file: ${v.fileId}`,
        `  ${v.filename}: ${v.lines} examples, ${v.tokens} tokens, ${v.bytes} bytes`,
        `  sha256 ${v.sha256}`,
      ].join('\n'),
    );
  }),
};

export const createCommand: Command = {
  name: 'create',
  summary: 'start a fine-tuning job from an uploaded file (or --dataset ID)',
  usage: 'create <fileId> [baseModel] [suffix] [--task T] [--validation-file ID] [--dataset ID] [--epochs N] [--batch-size N] [--lr-multiplier X] [--seed N] [--idempotency-key K] [--json]',
  options: { task: { type: 'string' }, 'validation-file': { type: 'string' }, dataset: { type: 'string' }, ...hyperparameterOptions },
  run: usageGuard(async ({ args, options, api, out }) => {
    const dataset = options.dataset as string | undefined;
    const [fileId, baseModel, suffix] = dataset ? [undefined, ...args] : args;
    if (!dataset && !fileId) throw new UsageError(`usage: slabtune ${createCommand.usage}`);
    const settings = {
      baseModel,
      suffix,
      nEpochs: numberOption(options.epochs, '--epochs', true),
      batchSize: numberOption(options['batch-size'], '--batch-size', true),
      learningRateMultiplier: numberOption(options['lr-multiplier'], '--lr-multiplier', false),
      seed: numberOption(options.seed, '--seed', true),
      idempotencyKey: options['idempotency-key'] as string | undefined,
    };
    const job = dataset
      ? (await api.request(StartFromDataset, { input: { datasetId: dataset, ...settings } })).startFineTuning
      : (
          await api.request(Create, {
            input: {
              trainingFileId: fileId!,
              validationFileId: options['validation-file'] as string | undefined,
              task: oneOf(options.task, TASKS, '--task') ?? 'CARD_IDENTIFICATION',
              ...settings,
            },
          })
        ).createFineTuningJob;
    out.result(job, (j) => `Created fine-tuning job: ${j.id}\n${describeJob(j)}\n\nFollow it with: slabtune wait ${j.id}`);
  }),
};

export const statusCommand: Command = {
  name: 'status',
  summary: 'show a fine-tuning job',
  usage: 'status <jobId> [--json]',
  run: usageGuard(async ({ args, api, out }) => {
    const [id] = args;
    if (!id) throw new UsageError('usage: slabtune status <jobId>');
    const { job } = await api.request(Status, { id });
    if (!job) {
      process.stderr.write(`no fine-tuning job ${id}\n`);
      return 1;
    }
    out.result(job, describeJob);
  }),
};

/** Live progress from the jobUpdated subscription; exit 0 on success, 1 on failure or cancel. */
export const waitCommand: Command = {
  name: 'wait',
  summary: 'follow a fine-tuning job live (epochs, steps, loss) until it finishes',
  usage: 'wait <jobId> [--json]',
  run: usageGuard(async ({ args, api, out }) => {
    const [id] = args;
    if (!id) throw new UsageError('usage: slabtune wait <jobId>');
    let last: CliJobFieldsFragment | null = null;
    let status = '';
    let bar: Progress | null = null;
    try {
      for await (const result of api.subscribe(Watch, { id })) {
        const job = unwrap(result).jobUpdated;
        last = job;
        if (job.status !== status) {
          bar?.stop();
          bar = null;
          status = job.status;
          if (!out.json) out.info(`${new Date().toISOString()}  ${job.status}${job.providerJobId ? `  (${job.providerJobId})` : ''}`);
        }
        const p = job.progress;
        if (!out.json && job.status === 'RUNNING' && p?.totalSteps) {
          bar ??= createProgress('training', p.totalSteps);
          bar.update(p.step, {
            epoch: p.epoch ? `${p.epoch}/${p.nEpochs ?? '?'}` : '?',
            step: `${p.step}/${p.totalSteps}`,
            loss: typeof p.trainLoss === 'number' ? p.trainLoss.toFixed(4) : '-',
          });
        }
      }
    } finally {
      bar?.stop();
    }
    if (!last) throw new UsageError(`no fine-tuning job ${id}`);
    out.result(last, (j) => `\n${describeJob(j)}`);
    return last.status === 'SUCCEEDED' ? 0 : 1;
  }),
};

export const listJobsCommand: Command = {
  name: 'list-jobs',
  summary: 'list fine-tuning jobs, newest first',
  usage: 'list-jobs [--status S] [--task T] [--limit N] [--json]',
  options: { status: { type: 'string' }, task: { type: 'string' }, limit: { type: 'string', default: '20' } },
  run: usageGuard(async ({ options, api, out }) => {
    const { jobs } = await api.request(ListJobs, {
      first: numberOption(options.limit, '--limit', true),
      filter: { status: oneOf(options.status, JOB_STATUSES, '--status'), task: oneOf(options.task, TASKS, '--task') },
    });
    const nodes = jobs.edges.map((e) => e.node);
    out.result(out.json ? { totalCount: jobs.totalCount, jobs: nodes } : nodes, () =>
      [
        `${jobs.totalCount} fine-tuning job${jobs.totalCount === 1 ? '' : 's'}`,
        table(
          ['id', 'provider job', 'status', 'task', 'base model', 'fine-tuned model', 'created'],
          nodes.map((j) => [j.id, j.providerJobId, j.status, j.task, j.baseModel, j.fineTunedModel, j.createdAt]),
        ),
      ].join('\n'),
    );
  }),
};
