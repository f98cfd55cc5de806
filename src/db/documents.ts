import type { CardData, CardField, Platform, Tone } from '../services/cards/card.js';

/** The shapes of stored documents. `_id`s are strings so they travel unchanged through global IDs. */

export const ROLES = ['APP', 'ANALYST', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyDoc {
  _id: string;
  name: string;
  role: Role;
  /** First characters of the key, safe to show ("stk_AbC1…"). */
  prefix: string;
  /** SHA-256 of the whole key, hex. The key itself is never stored. */
  hash: string;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export const TASKS = ['CARD_IDENTIFICATION', 'LISTING_GENERATION'] as const;
export type Task = (typeof TASKS)[number];

export const SAMPLE_SOURCES = ['VALIDATED_SCAN', 'USER_CORRECTION', 'MANUAL', 'PRODUCTION_FEEDBACK'] as const;
export type SampleSource = (typeof SAMPLE_SOURCES)[number];

export const REVIEW_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ScanInputDoc {
  ocrText: string;
  imageDescription: string | null;
}

export interface ListingInputDoc {
  card: CardData;
  platform: Platform;
  tone: Tone;
}

export interface ListingOutputDoc {
  title: string;
  description: string;
}

interface SampleBase {
  _id: string;
  source: SampleSource;
  reviewStatus: ReviewStatus;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  confidence: number;
  userId: string | null;
  /** SHA-256 of the normalised content (task, input, output): equal content is stored once. */
  contentHash: string;
  /** How many more times the same content was submitted after the first. */
  repeatCount: number;
  /** Operation ids already counted in repeatCount, so a retried submission is not counted twice. */
  countedOps: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CardSampleDoc extends SampleBase {
  task: 'CARD_IDENTIFICATION';
  input: ScanInputDoc;
  output: CardData;
  originalPrediction: Partial<Record<CardField, string | number | null>> | null;
  correctedFields: CardField[];
  predictionId: string | null;
}

export interface ListingSampleDoc extends SampleBase {
  task: 'LISTING_GENERATION';
  input: ListingInputDoc;
  output: ListingOutputDoc;
  /** Copied from input so platform × tone counts and filters need no nested paths. */
  platform: Platform;
  tone: Tone;
}

export type SampleDoc = CardSampleDoc | ListingSampleDoc;

export interface IdempotencyDoc {
  /** `<caller>:<operation>:<client key>` */
  _id: string;
  requestHash: string;
  status: 'PENDING' | 'DONE';
  result: unknown;
  createdAt: Date;
  updatedAt: Date;
}

export const SPLITS = ['TRAIN', 'VALIDATION', 'TEST'] as const;
export type Split = (typeof SPLITS)[number];

/** One JSONL file of a dataset, stored in the GridFS bucket `datasetFiles`. */
export interface DatasetFileDoc {
  split: Split;
  /** GridFS file id (ObjectId hex). */
  fileId: string;
  filename: string;
  lines: number;
  /** Of the JSONL itself, as downloaded (and hashed by `sha256`). */
  bytes: number;
  sha256: string;
  tokens: { total: number; max: number; mean: number };
  /** How GridFS holds it: gzip (what exports write) or, when absent, the JSONL as it is. */
  compression?: 'gzip';
}

/**
 * What an export selected, defaults filled in (every field is set by exportDataset; optional only
 * so that older or hand-made documents stay valid).
 */
export type DatasetFiltersDoc = {
  minConfidence?: number;
  /** Never REJECTED. APPROVED samples are taken at any confidence, PENDING ones from minConfidence up. */
  reviewStatuses?: ('APPROVED' | 'PENDING')[];
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  /** null: every source. */
  sources?: SampleSource[] | null;
  /** Listings only; null: every platform / tone. */
  platforms?: Platform[] | null;
  tones?: Tone[] | null;
  /** The base model whose encoding and per-example token limit the export applied. */
  baseModel?: string;
  /** The per-example token limit applied (the model's, or a lower one asked for). */
  maxTokensPerExample?: number;
};

/** An immutable dataset version: same inputs over the same samples give the same contentHash. */
export interface DatasetDoc {
  _id: string;
  name: string;
  task: Task;
  /** 1, 2, … per task. */
  version: number;
  contentHash: string;
  promptVersion: string;
  filters: DatasetFiltersDoc;
  /** Recorded for the fine-tuning job; deliberately not part of the split (see services/datasets/split.ts). */
  seed: number | null;
  validationFraction: number;
  testFraction: number;
  status: 'BUILDING' | 'READY' | 'FAILED';
  files: DatasetFileDoc[];
  /** The quality report: a `QualityReport` of services/datasets/pipeline.ts (duplicates, conflicts, format errors, tokens, diversity, readiness). */
  report: Record<string, unknown> | null;
  error: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A split key (services/datasets/dedupe.ts) that was in a TEST file: it stays TEST in every later
 * version of its task, whatever the fractions, so no test sample is ever trained on.
 */
export interface TestSplitKeyDoc {
  /** The split key (hex). */
  _id: string;
  task: Task;
  /** The export that first put it in a test file. */
  datasetId: string;
  createdAt: Date;
}

/** Fine-tuning job lifecycle. CREATING: ours, before the provider accepted the job; UNKNOWN: a provider status we do not know (kept verbatim in providerStatus). */
export const JOB_STATUSES = ['CREATING', 'VALIDATING_FILES', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'UNKNOWN'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `null` means `auto`: the provider chooses. */
export interface JobHyperparametersDoc {
  nEpochs: number | null;
  batchSize: number | null;
  learningRateMultiplier: number | null;
}

export interface JobFileRefDoc {
  providerFileId: string;
  sha256: string;
  filename: string;
  lines: number;
}

export interface JobErrorDoc {
  code: string;
  message: string;
  param: string | null;
}

/** The latest training metrics of a running job. */
export interface JobProgressDoc {
  step: number;
  totalSteps: number | null;
  epoch: number | null;
  nEpochs: number | null;
  trainLoss: number | null;
  validLoss: number | null;
  trainAccuracy: number | null;
  validAccuracy: number | null;
}

export interface FineTuningJobDoc {
  _id: string;
  task: Task;
  /** The dataset trained on; null for a bring-your-own file. */
  datasetId: string | null;
  baseModel: string;
  suffix: string | null;
  seed: number | null;
  /** As requested. */
  hyperparameters: JobHyperparametersDoc;
  /** As the provider resolved them, once known. */
  resolvedHyperparameters: JobHyperparametersDoc | null;
  trainingFile: JobFileRefDoc;
  validationFile: JobFileRefDoc | null;
  providerJobId: string | null;
  status: JobStatus;
  providerStatus: string | null;
  error: JobErrorDoc | null;
  fineTunedModel: string | null;
  /** The registered Model, once the job succeeded. */
  modelId: string | null;
  trainedTokens: number | null;
  /** trainedTokens × the base model's training price; null when the price is unknown. */
  costUsd: number | null;
  progress: JobProgressDoc | null;
  estimatedFinish: Date | null;
  cancelRequested: boolean;
  /** Terminal and everything imported: nobody needs to watch it any more. */
  finalized: boolean;
  /** Provider id of the newest imported event; `eventCount` is the seq of the last one. */
  lastEventId: string | null;
  eventCount: number;
  /** Bumped by every change, so subscribers can tell a new state from one already sent. */
  version: number;
  /** The lease term of the watcher that wrote it last (see JobLeaseDoc): a holder of an older term may not write. */
  fence: number;
  nextPollAt: Date;
  pollFailures: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** One training-loss point, parsed from a metrics event. */
export interface LossPointDoc {
  step: number;
  totalSteps: number | null;
  trainLoss: number | null;
  validLoss: number | null;
  trainAccuracy: number | null;
  validAccuracy: number | null;
}

/** A provider event, in a per-job sequence: `_id` is `<jobId>:<provider event id>`, (jobId, seq) is unique. */
export interface JobEventDoc {
  _id: string;
  jobId: string;
  seq: number;
  providerEventId: string;
  level: string;
  type: string;
  message: string;
  data: Record<string, unknown> | null;
  metrics: LossPointDoc | null;
  createdAt: Date;
  importedAt: Date;
  /** The watcher instance that imported it, and its lease fence then. */
  importedBy: string;
  fence: number;
}

/**
 * One term of a job's watcher lease: `_id` is `<jobId>:<term>`. A new term is taken by inserting
 * the next one, which the unique `_id` grants to exactly one instance (an insert is atomic on
 * FerretDB, a conditional update is not); only the owner writes its term afterwards (renewals).
 */
export interface JobLeaseDoc {
  _id: string;
  jobId: string;
  term: number;
  owner: string;
  until: Date;
}

/** A cancel asked for through the API, until the job's watcher carries it out. `_id` is the job id. */
export interface JobCancelRequestDoc {
  _id: string;
  requestedBy: string;
  requestedAt: Date;
}

/** "Poll this job now" (a webhook, a new job, a cancel), for whichever instance holds its lease. */
export interface JobPollRequestDoc {
  _id: string;
  jobId: string;
  requestedAt: Date;
}

export interface JobCheckpointDoc {
  /** `<jobId>:<provider checkpoint id>` */
  _id: string;
  jobId: string;
  providerCheckpointId: string;
  stepNumber: number;
  model: string;
  metrics: Record<string, number>;
  createdAt: Date;
}

export const MODEL_STAGES = ['BASE', 'CANDIDATE', 'PRODUCTION', 'ARCHIVED'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

export interface ModelDoc {
  _id: string;
  /** e.g. `ft:gpt-4o-mini-2024-07-18:slabstak:card-id:abc123`; unique. */
  providerModelId: string;
  /** null for a base model, which serves every task. */
  task: Task | null;
  baseModel: string;
  stage: ModelStage;
  jobId: string | null;
  datasetId: string | null;
  trainedTokens: number | null;
  costUsd: number | null;
  shutdownDate: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A JSONL file uploaded to the provider, by content: the same sha256 is uploaded once. */
export interface TrainingFileDoc {
  /** sha256 of the content, hex. */
  _id: string;
  providerFileId: string;
  filename: string;
  bytes: number;
  lines: number;
  tokens: number;
  source: 'DATASET' | 'UPLOAD';
  createdBy: string;
  createdAt: Date;
}
