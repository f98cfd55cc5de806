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
  bytes: number;
  sha256: string;
  tokens: { total: number; max: number; mean: number };
}

/** An immutable dataset version: same inputs over the same samples give the same contentHash. */
export interface DatasetDoc {
  _id: string;
  name: string;
  task: Task;
  /** 1, 2, … per task. */
  version: number;
  contentHash: string;
  promptVersion: string;
  filters: Record<string, unknown>;
  seed: number;
  validationFraction: number;
  testFraction: number;
  status: 'BUILDING' | 'READY' | 'FAILED';
  files: DatasetFileDoc[];
  /** The quality report (duplicates, conflicts, format errors, tokens, diversity). */
  report: Record<string, unknown> | null;
  error: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
