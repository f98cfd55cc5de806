import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { SPLITS, type DatasetDoc, type DatasetFileDoc, type DatasetFiltersDoc } from '../db/documents.js';
import { reportOf } from '../services/datasets/dataset-query.js';
import { EXPORT_PHASES, type ExportProgress } from '../services/datasets/exporter.js';
import type { FileEstimate } from '../services/datasets/estimates.js';
import type { DiversityCount, DiversityDimension, DiversityReport, DiversityWarning } from '../services/datasets/diversity.js';
import { FORMAT_ERROR_CLASSES, type FileCheckReport, type FormatErrorClass } from '../services/datasets/format-check.js';
import { DEFAULT_BASE_MODEL, EXCLUSION_REASONS, type ExclusionReason, type QualityReport, type QualityWarning } from '../services/datasets/pipeline.js';
import type { CostEstimate } from '../services/tokens/cost.js';
import type { TokenSummary } from '../services/tokens/stats.js';
import { builder } from './builder.js';
import { PlatformEnum, ToneEnum } from './card.js';
import { ReviewStatusEnum, SampleSourceEnum, TaskEnum } from './sample.js';
import { TaskReadinessRef } from './stats.js';

/** A dataset version, its files and quality report, cost estimates, and the export's inputs. */

export const DatasetSplitEnum = builder.enumType('DatasetSplit', { values: SPLITS });
export const DatasetStatusEnum = builder.enumType('DatasetStatus', { values: ['BUILDING', 'READY', 'FAILED'] as const });
export const ExclusionReasonEnum = builder.enumType('ExclusionReason', { values: EXCLUSION_REASONS });
export const ExportPhaseEnum = builder.enumType('DatasetExportPhase', {
  values: EXPORT_PHASES,
  description: 'WAITING: the subscription listens (send exportDataset now); SCANNING: pass 1 reads the samples; WRITING: pass 2 writes the files; FINISHING: storing the dataset; DONE / FAILED: the end.',
});

const upperSnake = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [upperSnake(v), { value: v }])) as Record<string, { value: T }>;

export const FormatErrorClassEnum = builder.enumType('FormatErrorClass', {
  description: 'The error classes of the OpenAI cookbook chat format check (plus INVALID_JSON for a line that does not parse).',
  values: enumOf<FormatErrorClass>(FORMAT_ERROR_CLASSES),
});
export const DiversityDimensionEnum = builder.enumType('DiversityDimension', {
  values: enumOf<DiversityDimension>(['sport', 'decade', 'brand', 'gradingCompany', 'platform', 'tone']),
});
export const QualityWarningCodeEnum = builder.enumType('QualityWarningCode', {
  values: ['DIVERSITY_DOMINANT', 'STRATUM_WITHOUT_VALIDATION', 'EMPTY_VALIDATION_SPLIT', 'TRAIN_BELOW_OPENAI_MINIMUM', 'NOT_READY'] as const,
});
export const EpochsSourceEnum = builder.enumType('EpochsSource', {
  values: ['GIVEN', 'DEFAULT'] as const,
  description: "DEFAULT: OpenAI's rule for n_epochs=auto (3, more for small files, fewer for large ones).",
});

export const TokenStatsRef = builder.objectRef<TokenSummary>('TokenStats').implement({
  description: 'Tokens per example by the chat formula (cookbook), in the encoding of the base model.',
  fields: (t) => ({
    examples: t.exposeInt('examples'),
    total: t.expose('total', { type: 'SafeInt' }),
    billable: t.expose('billable', { type: 'SafeInt', description: 'Σ min(limit, tokens): what one epoch is billed.' }),
    min: t.exposeInt('min'),
    max: t.exposeInt('max'),
    mean: t.exposeFloat('mean'),
    p50: t.exposeInt('p50'),
    p95: t.exposeInt('p95'),
    overLimit: t.exposeInt('overLimit'),
    limit: t.exposeInt('limit', { description: 'The per-example token limit applied.' }),
  }),
});

export const CostEstimateRef = builder.objectRef<CostEstimate>('CostEstimate').implement({
  description: "Training cost: the seed's fields (model … estimatedCostUsd), then what they come from. Only the training file is billed.",
  fields: (t) => ({
    model: t.exposeString('model'),
    estimatedTokens: t.expose('estimatedTokens', { type: 'SafeInt', description: 'epochs × tokensPerEpoch' }),
    epochs: t.exposeInt('epochs'),
    costPer1mTokens: t.exposeFloat('costPer1mTokens', { description: 'USD per 1M training tokens (price table).' }),
    estimatedCostUsd: t.exposeFloat('estimatedCostUsd'),
    exampleCount: t.exposeInt('exampleCount'),
    tokensPerEpoch: t.expose('tokensPerEpoch', { type: 'SafeInt', description: 'Σ min(limit, tokens) over the training examples.' }),
    epochsSource: t.expose('epochsSource', { type: EpochsSourceEnum }),
    tokenLimitPerExample: t.exposeInt('tokenLimitPerExample'),
    pricesEffectiveDate: t.exposeString('pricesEffectiveDate'),
  }),
});

const FormatErrorCountRef = builder.objectRef<{ errorClass: FormatErrorClass; count: number }>('FormatErrorCount').implement({
  fields: (t) => ({
    errorClass: t.expose('errorClass', { type: FormatErrorClassEnum }),
    count: t.exposeInt('count'),
  }),
});
const formatErrorCounts = (errors: Record<FormatErrorClass, number>) => FORMAT_ERROR_CLASSES.map((errorClass) => ({ errorClass, count: errors[errorClass] ?? 0 }));

const FileCheckErrorLineRef = builder.objectRef<FileCheckReport['firstErrors'][number]>('FileCheckErrorLine').implement({
  fields: (t) => ({
    line: t.exposeInt('line', { description: '1-based.' }),
    errors: t.field({ type: [FormatErrorClassEnum], resolve: (e) => e.errors }),
  }),
});

export const FileCheckRef = builder.objectRef<FileCheckReport>('FileCheck').implement({
  description: 'The format check of a JSONL file, as OpenAI would see it: one example per line.',
  fields: (t) => ({
    examples: t.exposeInt('examples'),
    validExamples: t.exposeInt('validExamples'),
    examplesWithErrors: t.exposeInt('examplesWithErrors'),
    errors: t.field({ type: [FormatErrorCountRef], description: 'Examples per error class (each counted once per class).', resolve: (r) => formatErrorCounts(r.errors) }),
    firstErrors: t.field({ type: [FileCheckErrorLineRef], resolve: (r) => r.firstErrors }),
    missingSystem: t.int({ resolve: (r) => r.warnings.missingSystem, description: 'Warning: examples without a system message.' }),
    missingUser: t.int({ resolve: (r) => r.warnings.missingUser, description: 'Warning: examples without a user message.' }),
    overTokenLimit: t.int({ resolve: (r) => r.warnings.overTokenLimit, description: 'Warning: examples truncated in training.' }),
    tokens: t.field({ type: TokenStatsRef, description: 'Over the valid examples.', resolve: (r) => r.tokens }),
    minExamples: t.int({ resolve: (r) => r.minExamples.need, description: 'OpenAI refuses a training file with fewer valid examples.' }),
    ok: t.exposeBoolean('ok', { description: 'No errors and enough valid examples.' }),
  }),
});

export const DatasetFiltersRef = builder.objectRef<DatasetFiltersDoc>('DatasetFilters').implement({
  description: 'What the export selected, defaults filled in.',
  fields: (t) => ({
    minConfidence: t.float({ nullable: true, resolve: (f) => f.minConfidence ?? null, description: 'PENDING samples from this confidence up.' }),
    reviewStatuses: t.field({ type: [ReviewStatusEnum], resolve: (f) => f.reviewStatuses ?? [] }),
    createdAfter: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.createdAfter ?? null }),
    createdBefore: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.createdBefore ?? null }),
    sources: t.field({ type: [SampleSourceEnum], nullable: true, resolve: (f) => f.sources ?? null, description: 'Null: every source.' }),
    platforms: t.field({ type: [PlatformEnum], nullable: true, resolve: (f) => f.platforms ?? null }),
    tones: t.field({ type: [ToneEnum], nullable: true, resolve: (f) => f.tones ?? null }),
    baseModel: t.string({ nullable: true, resolve: (f) => f.baseModel ?? null }),
    maxTokensPerExample: t.int({ nullable: true, resolve: (f) => f.maxTokensPerExample ?? null }),
  }),
});

type FileParent = { dataset: DatasetDoc; file: DatasetFileDoc };
const LOWER: Record<DatasetFileDoc['split'], 'train' | 'validation' | 'test'> = { TRAIN: 'train', VALIDATION: 'validation', TEST: 'test' };

/** Where to GET a file: relative to the API's base URL, with the same Bearer key (ANALYST or ADMIN). */
export const downloadPath = (datasetId: string, split: DatasetFileDoc['split']) =>
  `/datasets/${encodeURIComponent(encodeGlobalID('Dataset', datasetId))}/${LOWER[split]}.jsonl`;

export const DatasetFileRef = builder.objectRef<FileParent>('DatasetFile').implement({
  description: 'One JSONL file of a dataset (GridFS bucket datasetFiles).',
  fields: (t) => ({
    split: t.field({ type: DatasetSplitEnum, resolve: (p) => p.file.split }),
    filename: t.string({ resolve: (p) => p.file.filename }),
    fileId: t.string({ resolve: (p) => p.file.fileId, description: 'The GridFS file id.' }),
    lines: t.int({ resolve: (p) => p.file.lines }),
    bytes: t.field({ type: 'SafeInt', resolve: (p) => p.file.bytes }),
    sha256: t.string({ resolve: (p) => p.file.sha256, description: 'Of the file as downloaded (also its ETag).' }),
    tokens: t.field({
      type: TokenStatsRef,
      resolve: (p) =>
        reportOf(p.dataset)?.splits[LOWER[p.file.split]].tokens ?? {
          examples: p.file.lines,
          total: p.file.tokens.total,
          billable: p.file.tokens.total,
          min: 0,
          max: p.file.tokens.max,
          mean: p.file.tokens.mean,
          p50: 0,
          p95: 0,
          overLimit: 0,
          limit: 0,
        },
    }),
    downloadUrl: t.string({
      description: 'GET it (relative to the API base URL) with the same Authorization: Bearer key; streamed, with Content-Length and the sha256 as ETag.',
      resolve: (p) => downloadPath(p.dataset._id, p.file.split),
    }),
  }),
});

const ExclusionRef = builder
  .objectRef<{ reason: ExclusionReason; count: number; exampleIds: string[]; rule: string }>('DatasetExclusion')
  .implement({
    description: 'Samples left out for one reason (each sample for the first reason that applies, in this order).',
    fields: (t) => ({
      reason: t.expose('reason', { type: ExclusionReasonEnum }),
      rule: t.exposeString('rule'),
      count: t.exposeInt('count'),
      sampleIds: t.idList({ description: 'The first few samples excluded (Sample ids).', resolve: (e) => e.exampleIds.map((id) => encodeGlobalID('Sample', id)) }),
    }),
  });

const ConflictReportRef = builder.objectRef<{ groups: number; samplesExcluded: number }>('ConflictReport').implement({
  description: 'Card ID: the same normalised input with different cards. Every member is excluded: nothing says which label is right.',
  fields: (t) => ({
    groups: t.exposeInt('groups'),
    samplesExcluded: t.exposeInt('samplesExcluded'),
  }),
});

const StratumRef = builder.objectRef<QualityReport['strata'][number]>('DatasetStratum').implement({
  description: 'The realised split of one stratum (sport for card ID, platform/tone for listings).',
  fields: (t) => ({
    stratum: t.exposeString('stratum'),
    train: t.exposeInt('train'),
    validation: t.exposeInt('validation'),
    test: t.exposeInt('test'),
  }),
});

const DiversityValueRef = builder.objectRef<DiversityCount>('DiversityValue').implement({
  fields: (t) => ({
    value: t.exposeString('value'),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share'),
  }),
});
const DiversityCountsRef = builder.objectRef<{ dimension: DiversityDimension; values: DiversityCount[] }>('DiversityCounts').implement({
  fields: (t) => ({
    dimension: t.expose('dimension', { type: DiversityDimensionEnum }),
    values: t.field({ type: [DiversityValueRef], description: 'Most frequent first.', resolve: (d) => d.values }),
  }),
});
const DiversityWarningRef = builder.objectRef<DiversityWarning>('DiversityWarning').implement({
  description: 'One value holds more than the threshold share of its dimension.',
  fields: (t) => ({
    dimension: t.expose('dimension', { type: DiversityDimensionEnum }),
    value: t.exposeString('value'),
    share: t.exposeFloat('share'),
    threshold: t.exposeFloat('threshold'),
  }),
});
const DiversityRef = builder.objectRef<DiversityReport>('Diversity').implement({
  description: 'What the kept samples are about: counts by sport, decade, brand, grading company (and platform, tone for listings).',
  fields: (t) => ({
    total: t.exposeInt('total'),
    dimensions: t.field({
      type: [DiversityCountsRef],
      resolve: (d) => (Object.entries(d.dimensions) as [DiversityDimension, DiversityCount[]][]).map(([dimension, values]) => ({ dimension, values })),
    }),
    warnings: t.field({ type: [DiversityWarningRef], resolve: (d) => d.warnings }),
  }),
});

const QualityWarningRef = builder.objectRef<QualityWarning>('QualityWarning').implement({
  fields: (t) => ({
    code: t.expose('code', { type: QualityWarningCodeEnum }),
    message: t.exposeString('message'),
  }),
});

const EXCLUSION_RULES = (r: QualityReport): Record<ExclusionReason, string> => ({
  INVALID_SAMPLE: 'the sample lacks what the chat format needs (e.g. empty OCR text, a card without a player)',
  CONFLICT: 'card ID: the same normalised input as another sample with a different card',
  EXACT_DUPLICATE: 'the same training line, byte for byte, as a kept sample',
  NEAR_DUPLICATE: r.nearDuplicateRule,
  FORMAT_ERROR: 'the line fails the OpenAI chat format check (see formatErrors)',
  OVER_TOKEN_LIMIT: `more than ${r.tokenLimit} tokens (the per-example limit applied)`,
});

export const QualityReportRef = builder.objectRef<QualityReport>('DatasetQualityReport').implement({
  description: 'What the export checked and left out, token statistics, diversity and readiness.',
  fields: (t) => ({
    samples: t.exposeInt('samples', { description: 'Samples selected by the filters.' }),
    kept: t.exposeInt('kept', { description: 'Lines written (all splits).' }),
    exclusions: t.field({
      type: [ExclusionRef],
      resolve: (r) => {
        const rules = EXCLUSION_RULES(r);
        return EXCLUSION_REASONS.map((reason) => ({ reason, rule: rules[reason], ...r.excluded[reason] }));
      },
    }),
    duplicatesRemoved: t.int({ resolve: (r) => r.excluded.EXACT_DUPLICATE.count + r.excluded.NEAR_DUPLICATE.count }),
    nearDuplicateRule: t.exposeString('nearDuplicateRule'),
    conflicts: t.field({ type: ConflictReportRef, resolve: (r) => ({ groups: r.conflictGroups, samplesExcluded: r.excluded.CONFLICT.count }) }),
    formatErrors: t.field({ type: [FormatErrorCountRef], resolve: (r) => formatErrorCounts(r.formatErrors) }),
    tokens: t.field({ type: TokenStatsRef, description: 'Over all kept lines.', resolve: (r) => r.tokens }),
    strata: t.field({ type: [StratumRef], resolve: (r) => r.strata }),
    diversity: t.field({ type: DiversityRef, resolve: (r) => r.diversity }),
    readiness: t.field({ type: TaskReadinessRef, description: 'On the kept samples.', resolve: (r) => r.readiness }),
    warnings: t.field({ type: [QualityWarningRef], resolve: (r) => r.warnings }),
    model: t.exposeString('model', { description: 'The base model whose encoding and token limit applied.' }),
    encoding: t.exposeString('encoding'),
    tokenizer: t.exposeString('tokenizer'),
    tokenLimit: t.exposeInt('tokenLimit'),
    normalisationVersion: t.exposeString('normalisationVersion'),
  }),
});

export const Dataset = builder.loadableNodeRef<DatasetDoc, string>('Dataset', {
  id: { resolve: (d) => d._id },
  load: (ids: string[], ctx) => ctx.services.datasets.byIds(ids),
  sort: (d) => d._id,
});

const Epochs = z.number().int().min(1, 'from 1 to 50').max(50, 'from 1 to 50').nullish();

Dataset.implement({
  description: 'An immutable dataset version: train / validation / test JSONL in the OpenAI chat format, with its quality report.',
  fields: (t) => ({
    name: t.exposeString('name'),
    task: t.expose('task', { type: TaskEnum }),
    version: t.exposeInt('version', { description: '1, 2, … per task.' }),
    status: t.expose('status', { type: DatasetStatusEnum }),
    contentHash: t.exposeString('contentHash', { description: 'Of the three files and the format versions: the same samples and options give the same hash.' }),
    promptVersion: t.exposeString('promptVersion'),
    filters: t.field({ type: DatasetFiltersRef, resolve: (d) => d.filters }),
    seed: t.exposeInt('seed', { nullable: true, description: 'For the fine-tuning job; the split does not depend on it (a sample keeps its split across versions).' }),
    validationFraction: t.exposeFloat('validationFraction'),
    testFraction: t.exposeFloat('testFraction'),
    files: t.field({ type: [DatasetFileRef], resolve: (d) => d.files.map((file) => ({ dataset: d, file })) }),
    file: t.field({
      type: DatasetFileRef,
      nullable: true,
      args: { split: t.arg({ type: DatasetSplitEnum, required: true }) },
      resolve: (d, { split }) => {
        const file = d.files.find((f) => f.split === split);
        return file ? { dataset: d, file } : null;
      },
    }),
    report: t.field({ type: QualityReportRef, nullable: true, description: 'Null only for a dataset not made by exportDataset.', resolve: (d) => reportOf(d) }),
    costEstimate: t.field({
      type: CostEstimateRef,
      description: "Training on this dataset's training file; epochs by OpenAI's default rule when not given.",
      args: {
        baseModel: t.arg.string({ description: 'Default: the model the dataset was exported for.' }),
        epochs: t.arg.int().validate(Epochs),
      },
      resolve: (d, args, ctx) =>
        ctx.services.costEstimator.forDataset(d, args.baseModel ?? d.filters.baseModel ?? DEFAULT_BASE_MODEL, args.epochs ?? null, 'baseModel'),
    }),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const ExportDatasetInputRef = builder.inputType('ExportDatasetInput', {
  fields: (t) => ({
    task: t.field({ type: TaskEnum, required: true }),
    minConfidence: t.float({ description: 'PENDING samples need at least this confidence (APPROVED ones are taken at any). Default 0.8.' }),
    reviewStatuses: t.field({
      type: [ReviewStatusEnum],
      description: 'APPROVED, PENDING (from minConfidence up) or both (the default). REJECTED is never exported.',
    }),
    createdAfter: t.field({ type: 'DateTime', description: 'Inclusive.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Exclusive.' }),
    sources: t.field({ type: [SampleSourceEnum], description: 'Default: every source.' }),
    platforms: t.field({ type: [PlatformEnum], description: 'Listings only. Default: every platform.' }),
    tones: t.field({ type: [ToneEnum], description: 'Listings only. Default: every tone.' }),
    validationFraction: t.float({ description: 'From 0.10 to 0.20; default 0.15.' }),
    testFraction: t.float({ description: 'Held out, never trained on: from 0 to 0.30; default 0.10.' }),
    seed: t.int({ description: 'Recorded for the fine-tuning job; does not change the split.' }),
    name: t.string({ description: 'Default: card-id-vN / listing-vN.' }),
    baseModel: t.string({ description: 'Decides the encoding and per-example token limit. Default gpt-4o-mini-2024-07-18.' }),
    maxTokensPerExample: t.int({ description: "Exclude longer examples; at most (and by default) the base model's limit." }),
    idempotencyKey: t.string({ description: 'A retry with the same key returns the first result. Also the key of datasetExportProgress.' }),
  }),
});

export const ExportDatasetPayloadRef = builder.objectRef<{ datasetId: string; created: boolean }>('ExportDatasetPayload').implement({
  fields: (t) => ({
    dataset: t.field({ type: Dataset, resolve: (p) => p.datasetId }),
    created: t.exposeBoolean('created', {
      description: 'False when a dataset with the same content already existed: it is returned, and no new version was made.',
    }),
  }),
});

export const DatasetFilterRef = builder.inputType('DatasetFilter', {
  fields: (t) => ({
    task: t.field({ type: TaskEnum }),
  }),
});

export const DatasetExportProgressRef = builder.objectRef<ExportProgress>('DatasetExportProgress').implement({
  fields: (t) => ({
    phase: t.expose('phase', { type: ExportPhaseEnum }),
    samplesRead: t.exposeInt('samplesRead'),
    samplesTotal: t.exposeInt('samplesTotal', { nullable: true, description: 'Known from WRITING on.' }),
    kept: t.exposeInt('kept'),
    dataset: t.field({ type: Dataset, nullable: true, description: 'When DONE.', resolve: (p) => p.datasetId }),
    message: t.exposeString('message', { nullable: true, description: 'When FAILED.' }),
  }),
});

export const EstimateCostInputRef = builder.inputType('EstimateCostInput', {
  description: 'Exactly one of datasetId, trainingFileId and jsonl.',
  fields: (t) => ({
    datasetId: t.id({ description: "A Dataset: its training file." }),
    trainingFileId: t.string({ description: 'A file uploaded with uploadTrainingFile (its provider file id).' }),
    jsonl: t.string({ description: 'A JSONL file as text (at most 1,500,000 characters): checked like an export, then estimated over its valid examples.' }),
    baseModel: t.string({ description: 'Default gpt-4o-mini-2024-07-18.' }),
    epochs: t.int({ description: "1 to 50; OpenAI's default rule when omitted." }),
  }),
});

export const EstimateCostPayloadRef = builder.objectRef<FileEstimate>('EstimateCostPayload').implement({
  fields: (t) => ({
    estimate: t.expose('estimate', { type: CostEstimateRef, nullable: true, description: 'Null when the file has no valid example.' }),
    fileCheck: t.field({ type: FileCheckRef, nullable: true, description: 'The format check, for jsonl.', resolve: (p) => p.check }),
  }),
});
