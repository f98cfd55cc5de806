import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { graphql } from '../../gql/index.js';
import type { ExecutionResult } from 'graphql';
import type { CliDatasetExportProgressSubscription, CliDatasetFieldsFragment, CliEstimateCostQuery, Platform, Task, Tone } from '../../gql/graphql.js';
import { ApiError, unwrap, type ApiClient } from '../client.js';
import type { Command } from '../command.js';
import { numberOption, oneOf, usageGuard, UsageError } from '../options.js';
import { table, type Output } from '../output.js';
import { defaultEpochs } from '../../services/tokens/epochs.js';
import { createProgress, type Progress } from '../progress.js';

/** `export` and `estimate`: the seed's export_for_finetuning and estimate, as clients of the API. */

graphql(`
  fragment CliDatasetFields on Dataset {
    id
    name
    task
    version
    contentHash
    validationFraction
    testFraction
    files {
      split
      lines
      bytes
      sha256
      downloadUrl
      tokens {
        total
        max
        mean
      }
    }
    report {
      samples
      kept
      exclusions {
        reason
        count
      }
      conflicts {
        groups
      }
      warnings {
        code
        message
      }
    }
    costEstimate {
      model
      estimatedTokens
      epochs
      costPer1mTokens
      estimatedCostUsd
    }
  }
`);

const Export = graphql(`
  mutation CliExportDataset($input: ExportDatasetInput!) {
    exportDataset(input: $input) {
      created
      dataset {
        ...CliDatasetFields
      }
    }
  }
`);

const Progress = graphql(`
  subscription CliDatasetExportProgress($key: String!) {
    datasetExportProgress(idempotencyKey: $key) {
      phase
      samplesRead
      samplesTotal
      kept
    }
  }
`);

const Estimate = graphql(`
  query CliEstimateCost($input: EstimateCostInput!) {
    estimateCost(input: $input) {
      estimate {
        model
        estimatedTokens
        epochs
        costPer1mTokens
        estimatedCostUsd
        exampleCount
        tokensPerEpoch
        epochsSource
      }
      fileCheck {
        examples
        validExamples
        examplesWithErrors
        errors {
          errorClass
          count
        }
        firstErrors {
          line
          errors
        }
        missingSystem
        missingUser
        overTokenLimit
        minExamples
        ok
      }
    }
  }
`);

const listFlag = <T extends string>(value: unknown, allowed: readonly T[], flag: string): T[] | undefined =>
  value === undefined ? undefined : (value as string[]).flatMap((v) => v.split(',')).map((v) => oneOf(v, allowed, flag)!);


const TASKS: readonly Task[] = ['CARD_IDENTIFICATION', 'LISTING_GENERATION'];
const PLATFORMS: readonly Platform[] = ['EBAY', 'MERCARI', 'FACEBOOK_MARKETPLACE', 'WHATNOT'];
const TONES: readonly Tone[] = ['PROFESSIONAL', 'CASUAL', 'ENTHUSIASTIC'];
const usd = (x: number) => `$${x.toFixed(x < 1 ? 4 : 2)}`;

/** The seed's estimate fields, one per line. */
function costLines(e: { model: string; estimatedTokens: number; epochs: number; costPer1mTokens: number; estimatedCostUsd: number }): string[] {
  return [
    `  model:              ${e.model}`,
    `  estimated_tokens:   ${e.estimatedTokens}`,
    `  epochs:             ${e.epochs}`,
    `  cost_per_1m_tokens: ${usd(e.costPer1mTokens)}`,
    `  estimated_cost_usd: ${usd(e.estimatedCostUsd)}`,
  ];
}

function describeDataset(d: CliDatasetFieldsFragment, created: boolean): string {
  const r = d.report;
  const removed = r ? r.exclusions.filter((e) => e.count > 0).map((e) => `${e.count} ${e.reason.toLowerCase().replace(/_/g, ' ')}`) : [];
  return [
    created ? `Exported dataset ${d.name} (version ${d.version})` : `Same content as dataset ${d.name} (version ${d.version}): nothing new was written`,
    `  id:           ${d.id}`,
    `  content hash: ${d.contentHash}`,
    r ? `  samples:      ${r.samples} selected, ${r.kept} kept${removed.length ? `; left out: ${removed.join(', ')}` : ''}` : '',
    '',
    table(
      ['split', 'lines', 'bytes', 'tokens', 'max', 'mean', 'sha256'],
      d.files.map((f) => [f.split, f.lines, f.bytes, f.tokens.total, f.tokens.max, f.tokens.mean.toFixed(1), f.sha256.slice(0, 16)]),
    ),
    ...(r?.warnings.length ? ['', 'Warnings', ...r.warnings.map((w) => `  ${w.code}: ${w.message}`)] : []),
    '',
    'Cost Estimate (training file)',
    ...costLines(d.costEstimate),
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}

/**
 * Shows the export's progress: pass 1 (SCANNING) has no total yet, so a running count (one line
 * rewritten on a terminal, a line every few seconds otherwise); a second pass (WRITING, only when
 * conflicts were found) has one, so a bar. Resolves when the stream ends.
 */
async function follow(events: AsyncIterableIterator<ExecutionResult<CliDatasetExportProgressSubscription>>, out: Output): Promise<void> {
  let bar: Progress | null = null;
  let phase = '';
  let lastLine = 0;
  const tty = process.stderr.isTTY && !out.json;
  try {
    for await (const result of events) {
      const p = unwrap(result).datasetExportProgress;
      if (p.phase !== phase) {
        bar?.stop();
        bar = null;
        if (phase === 'SCANNING' && tty) process.stderr.write('\n');
        phase = p.phase;
      }
      if (p.phase === 'SCANNING' && !out.json) {
        const line = `exporting: ${p.samplesRead} samples read, ${p.kept} lines written`;
        if (tty) process.stderr.write(`\r${line}`);
        else if (Date.now() - lastLine > 5_000) {
          lastLine = Date.now();
          out.info(line);
        }
      }
      if (p.phase === 'WRITING' && p.samplesTotal) {
        bar ??= createProgress('conflicts found, writing again', p.samplesTotal, out.json);
        bar.update(p.samplesRead, { kept: p.kept });
      }
      if (p.phase === 'DONE' || p.phase === 'FAILED') return;
    }
  } finally {
    bar?.stop();
    if (phase === 'SCANNING' && tty) process.stderr.write('\n');
  }
}

/** The first event (WAITING) of a fresh subscription, or null when it does not come in time. */
async function waiting<T>(events: AsyncIterableIterator<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    const first = await Promise.race([events.next().then((r) => (r.done ? null : r.value)), timeout]);
    return first;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads each file into `dir`, checking its sha256 on the way. */
async function downloadFiles(api: ApiClient, d: CliDatasetFieldsFragment, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  const base = d.name.replace(/[^A-Za-z0-9._-]+/g, '_');
  for (const file of d.files) {
    const path = join(dir, `${base}-${file.split.toLowerCase()}.jsonl`);
    const res = await api.get(file.downloadUrl);
    if (!res.ok || !res.body) throw new ApiError(`downloading ${file.split} failed: HTTP ${res.status}`, 'UPSTREAM_ERROR');
    const hash = createHash('sha256');
    const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(body, createWriteStream(path));
    const sha256 = hash.digest('hex');
    if (sha256 !== file.sha256) throw new ApiError(`${path}: sha256 ${sha256} does not match the dataset's ${file.sha256}`, 'UPSTREAM_ERROR');
    paths.push(path);
  }
  return paths;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export training samples as a dataset version (train / validation / test JSONL), with progress',
  usage:
    'export --task CARD_IDENTIFICATION|LISTING_GENERATION [--min-confidence 0.8] [--validation 0.15] [--test 0.1] [--seed N] [--name X] ' +
    '[--model M] [--max-tokens N] [--platform P]… [--tone T]… [--out DIR] [--idempotency-key K] [--json]',
  options: {
    task: { type: 'string' },
    'min-confidence': { type: 'string' },
    validation: { type: 'string' },
    test: { type: 'string' },
    seed: { type: 'string' },
    name: { type: 'string' },
    model: { type: 'string' },
    'max-tokens': { type: 'string' },
    platform: { type: 'string', multiple: true },
    tone: { type: 'string', multiple: true },
    out: { type: 'string' },
    'idempotency-key': { type: 'string' },
  },
  run: usageGuard(async ({ options, api, out }) => {
    if (options.task === undefined) throw new UsageError(`--task is required\nusage: slabtune ${exportCommand.usage}`);
    const key = (options['idempotency-key'] as string | undefined) ?? `cli-export-${randomUUID()}`;
    const input = {
      task: oneOf(options.task, TASKS, '--task')!,
      minConfidence: numberOption(options['min-confidence'], '--min-confidence', false),
      validationFraction: numberOption(options.validation, '--validation', false),
      testFraction: numberOption(options.test, '--test', false),
      seed: numberOption(options.seed, '--seed', true),
      name: options.name as string | undefined,
      baseModel: options.model as string | undefined,
      maxTokensPerExample: numberOption(options['max-tokens'], '--max-tokens', true),
      platforms: listFlag(options.platform, PLATFORMS, '--platform'),
      tones: listFlag(options.tone, TONES, '--tone'),
      idempotencyKey: key,
    };
    // Subscribe first: the WAITING event says the API listens, so no progress event is missed.
    const events = api.subscribe(Progress, { key });
    const listening = (await waiting(events, 5_000)) !== null;
    const shown = listening ? follow(events, out).catch(() => undefined) : Promise.resolve();
    let result;
    try {
      result = (await api.request(Export, { input })).exportDataset;
    } finally {
      // DONE / FAILED is published before the answer; a replayed idempotent answer has no events at all.
      await Promise.race([shown, new Promise((r) => setTimeout(r, 2_000).unref())]);
      await events.return?.();
    }
    const paths = options.out ? await downloadFiles(api, result.dataset, options.out as string) : [];
    out.result({ ...result, files: paths }, (r) =>
      [describeDataset(r.dataset, r.created), ...(paths.length ? ['', 'Downloaded (sha256 checked)', ...paths.map((p) => `  ${p}`)] : [])].join('\n'),
    );
  }),
};

function describeEstimate(r: CliEstimateCostQuery['estimateCost'], path: string): string {
  const c = r.fileCheck;
  const lines: string[] = [];
  if (c) {
    const errors = c.errors.filter((e) => e.count > 0);
    lines.push(
      `${path}: ${c.examples} examples, ${c.validExamples} valid`,
      ...(errors.length
        ? [
            'Format errors (examples per class):',
            ...errors.map((e) => `  ${e.errorClass.toLowerCase()}: ${e.count}`),
            `First erroneous lines: ${c.firstErrors.map((e) => `${e.line} (${e.errors.map((x) => x.toLowerCase()).join(', ')})`).join('; ')}`,
          ]
        : ['No format errors found']),
      ...(c.missingSystem ? [`Warning: ${c.missingSystem} examples without a system message`] : []),
      ...(c.missingUser ? [`Warning: ${c.missingUser} examples without a user message`] : []),
      ...(c.overTokenLimit ? [`Warning: ${c.overTokenLimit} examples over the token limit (truncated in training)`] : []),
      ...(c.validExamples < c.minExamples ? [`Warning: OpenAI needs at least ${c.minExamples} valid examples`] : []),
      '',
    );
  }
  lines.push(...(r.estimate ? ['Cost Estimate:', ...costLines(r.estimate)] : ['No valid example: nothing to estimate']));
  return lines.join('\n');
}

/** What one estimateCost call may carry inline (the API's limit is 1,500,000 characters). */
const INLINE_CHARS = 1_400_000;

type EstimateResult = CliEstimateCostQuery['estimateCost'];

/**
 * A local file: one call when it fits inline, else one call per part (whole lines), each at one
 * epoch, and the parts added up: examples, errors and tokens per epoch; epochs by OpenAI's default
 * rule over the whole file unless given; the price per 1M tokens as the API answered it.
 */
async function estimateFile(api: ApiClient, path: string, common: { baseModel?: string; epochs?: number }): Promise<EstimateResult> {
  if ((await stat(path)).size <= INLINE_CHARS) {
    return (await api.request(Estimate, { input: { ...common, jsonl: await readFile(path, 'utf8') } })).estimateCost;
  }
  const parts: { result: EstimateResult; firstLine: number }[] = [];
  let chunk: string[] = [];
  let chars = 0;
  let lineNo = 0;
  let firstLine = 1;
  const send = async () => {
    const result = (await api.request(Estimate, { input: { ...common, epochs: 1, jsonl: `${chunk.join('\n')}\n` } })).estimateCost;
    parts.push({ result, firstLine });
    chunk = [];
    chars = 0;
    firstLine = lineNo + 1;
  };
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (chars + line.length + 1 > INLINE_CHARS && chunk.length > 0) await send();
    chunk.push(line);
    chars += line.length + 1;
    lineNo += 1;
  }
  if (chunk.length > 0) await send();
  return combine(parts, common.epochs);
}

function combine(parts: { result: EstimateResult; firstLine: number }[], epochsGiven: number | undefined): EstimateResult {
  const checks = parts.map((p) => p.result.fileCheck!);
  const sum = (f: (c: (typeof checks)[number]) => number) => checks.reduce((n, c) => n + f(c), 0);
  const errors = checks[0]!.errors.map((e, i) => ({ ...e, count: checks.reduce((n, c) => n + c.errors[i]!.count, 0) }));
  const firstErrors = parts.flatMap((p) => p.result.fileCheck!.firstErrors.map((e) => ({ ...e, line: e.line + p.firstLine - 1 }))).slice(0, 5);
  const validExamples = sum((c) => c.validExamples);
  const examplesWithErrors = sum((c) => c.examplesWithErrors);
  const fileCheck = {
    ...checks[0]!,
    examples: sum((c) => c.examples),
    validExamples,
    examplesWithErrors,
    errors,
    firstErrors,
    missingSystem: sum((c) => c.missingSystem),
    missingUser: sum((c) => c.missingUser),
    overTokenLimit: sum((c) => c.overTokenLimit),
    ok: examplesWithErrors === 0 && validExamples >= checks[0]!.minExamples,
  };
  const estimates = parts.map((p) => p.result.estimate).filter((e) => e !== null && e !== undefined);
  const first = estimates[0];
  if (!first) return { estimate: null, fileCheck };
  const exampleCount = estimates.reduce((n, e) => n + e.exampleCount, 0);
  const tokensPerEpoch = estimates.reduce((n, e) => n + e.tokensPerEpoch, 0);
  const epochs = epochsGiven ?? defaultEpochs(exampleCount);
  const estimatedTokens = epochs * tokensPerEpoch;
  return {
    estimate: {
      ...first,
      estimatedTokens,
      epochs,
      estimatedCostUsd: Math.round(((estimatedTokens * first.costPer1mTokens) / 1_000_000) * 1e6) / 1e6,
      exampleCount,
      tokensPerEpoch,
      epochsSource: epochsGiven === undefined ? 'DEFAULT' : 'GIVEN',
    },
    fileCheck,
  };
}

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'check a training JSONL file (format, tokens) and estimate the cost of fine-tuning on it',
  usage: 'estimate <file.jsonl> [--model M] [--epochs N] [--json]  |  estimate --dataset ID | --file-id ID [--model M] [--epochs N]',
  options: {
    model: { type: 'string' },
    epochs: { type: 'string' },
    dataset: { type: 'string' },
    'file-id': { type: 'string' },
  },
  run: usageGuard(async ({ args, options, api, out }) => {
    const [path] = args;
    const sources = [path, options.dataset, options['file-id']].filter((v) => v !== undefined);
    if (sources.length !== 1) throw new UsageError(`give one file, --dataset or --file-id\nusage: slabtune ${estimateCommand.usage}`);
    const common = { baseModel: options.model as string | undefined, epochs: numberOption(options.epochs, '--epochs', true) };
    const estimateCost = path
      ? await estimateFile(api, path, common)
      : (await api.request(Estimate, { input: { ...common, datasetId: options.dataset as string | undefined, trainingFileId: options['file-id'] as string | undefined } }))
          .estimateCost;
    out.result(estimateCost, (r) => describeEstimate(r, path ?? String(options.dataset ?? options['file-id'])));
    return estimateCost.fileCheck && estimateCost.fileCheck.examplesWithErrors > 0 ? 1 : 0;
  }),
};
