/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Exactly one of cardIdentification and listing. */
export type AddTrainingSampleInput = {
  cardIdentification?: CardIdentificationSampleInput | null | undefined;
  confidence?: number | null | undefined;
  /** Any client-chosen string (8–128 chars): a retry with the same key returns the first result and writes nothing twice. */
  idempotencyKey?: string | null | undefined;
  listing?: ListingSampleInput | null | undefined;
  userId?: string | null | undefined;
};

export type CardDataInput = {
  brand: string;
  cardNumber: string;
  /** 1 to 10 in half steps; omit for a raw card */
  grade?: number | null | undefined;
  gradingCompany?: GradingCompany | null | undefined;
  player: string;
  sport: Sport;
  variation?: string | null | undefined;
  /** "1986" or a season "1986-87" */
  year: string;
};

export type CardField =
  | 'brand'
  | 'cardNumber'
  | 'grade'
  | 'gradingCompany'
  | 'player'
  | 'sport'
  | 'variation'
  | 'year';

export type CardIdentificationSampleInput = {
  card: CardDataInput;
  imageDescription?: string | null | undefined;
  ocrText: string;
};

export type ConfirmScanInput = {
  card: CardDataInput;
  /** In [0, 1]; 1 when omitted. */
  confidence?: number | null | undefined;
  /** Any client-chosen string (8–128 chars): a retry with the same key returns the first result and writes nothing twice. */
  idempotencyKey?: string | null | undefined;
  imageDescription?: string | null | undefined;
  /** At most 4,000 characters. */
  ocrText: string;
  userId?: string | null | undefined;
};

export type CreateApiKeyInput = {
  name: string;
  role: Role;
};

export type CreateFineTuningJobInput = {
  /** Default gpt-4o-mini-2024-07-18. */
  baseModel?: string | null | undefined;
  batchSize?: number | null | undefined;
  /** Any client-chosen string (8–128 chars): a retry with the same key returns the first job and creates nothing twice. */
  idempotencyKey?: string | null | undefined;
  learningRateMultiplier?: number | null | undefined;
  nEpochs?: number | null | undefined;
  seed?: number | null | undefined;
  suffix?: string | null | undefined;
  task: Task;
  /** The provider's file id (from uploadTrainingFile). */
  trainingFileId: string;
  validationFileId?: string | null | undefined;
};

/** WAITING: the subscription listens (send exportDataset now); SCANNING: pass 1 reads the samples; WRITING: pass 2 writes the files; FINISHING: storing the dataset; DONE / FAILED: the end. */
export type DatasetExportPhase =
  | 'DONE'
  | 'FAILED'
  | 'FINISHING'
  | 'SCANNING'
  | 'WAITING'
  | 'WRITING';

export type DatasetFilter = {
  task?: Task | null | undefined;
};

export type DatasetSplit =
  | 'TEST'
  | 'TRAIN'
  | 'VALIDATION';

export type DatasetStatus =
  | 'BUILDING'
  | 'FAILED'
  | 'READY';

export type DiversityDimension =
  | 'BRAND'
  | 'DECADE'
  | 'GRADING_COMPANY'
  | 'PLATFORM'
  | 'SPORT'
  | 'TONE';

/** DEFAULT: OpenAI's rule for n_epochs=auto (3, more for small files, fewer for large ones). */
export type EpochsSource =
  | 'DEFAULT'
  | 'GIVEN';

/** Exactly one of datasetId, trainingFileId and jsonl. */
export type EstimateCostInput = {
  /** Default gpt-4o-mini-2024-07-18. */
  baseModel?: string | null | undefined;
  /** A Dataset: its training file. */
  datasetId?: string | null | undefined;
  /** 1 to 50; OpenAI's default rule when omitted. */
  epochs?: number | null | undefined;
  /** A JSONL file as text (at most 1,500,000 characters): checked like an export, then estimated over its valid examples. */
  jsonl?: string | null | undefined;
  /** A file uploaded with uploadTrainingFile (its provider file id). */
  trainingFileId?: string | null | undefined;
};

export type ExclusionReason =
  | 'CONFLICT'
  | 'EXACT_DUPLICATE'
  | 'FORMAT_ERROR'
  | 'INVALID_SAMPLE'
  | 'NEAR_DUPLICATE'
  | 'OVER_TOKEN_LIMIT';

export type ExportDatasetInput = {
  /** Decides the encoding and per-example token limit. Default gpt-4o-mini-2024-07-18. */
  baseModel?: string | null | undefined;
  /** Inclusive. */
  createdAfter?: string | null | undefined;
  /** Exclusive. */
  createdBefore?: string | null | undefined;
  /** A retry with the same key returns the first result. Also the key of datasetExportProgress. */
  idempotencyKey?: string | null | undefined;
  /** Exclude longer examples; at most (and by default) the base model's limit. */
  maxTokensPerExample?: number | null | undefined;
  /** PENDING samples need at least this confidence (APPROVED ones are taken at any). Default 0.8. */
  minConfidence?: number | null | undefined;
  /** Default: card-id-vN / listing-vN. */
  name?: string | null | undefined;
  /** Listings only. Default: every platform. */
  platforms?: Array<Platform> | null | undefined;
  /** APPROVED, PENDING (from minConfidence up) or both (the default). REJECTED is never exported. */
  reviewStatuses?: Array<ReviewStatus> | null | undefined;
  /** Recorded for the fine-tuning job; does not change the split. */
  seed?: number | null | undefined;
  /** Default: every source. */
  sources?: Array<SampleSource> | null | undefined;
  task: Task;
  /** Held out, never trained on: from 0 to 0.30; default 0.10. */
  testFraction?: number | null | undefined;
  /** Listings only. Default: every tone. */
  tones?: Array<Tone> | null | undefined;
  /** From 0.10 to 0.20; default 0.15. */
  validationFraction?: number | null | undefined;
};

export type FineTuningJobFilter = {
  baseModel?: string | null | undefined;
  datasetId?: string | null | undefined;
  status?: FineTuningJobStatus | null | undefined;
  task?: Task | null | undefined;
};

/** CREATING: accepted here, not yet by the provider. UNKNOWN: a provider status this API does not know (see providerStatus). */
export type FineTuningJobStatus =
  | 'CANCELLED'
  | 'CREATING'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED'
  | 'UNKNOWN'
  | 'VALIDATING_FILES';

/** The error classes of the OpenAI cookbook chat format check (plus INVALID_JSON for a line that does not parse). */
export type FormatErrorClass =
  | 'DATA_TYPE'
  | 'EXAMPLE_MISSING_ASSISTANT_MESSAGE'
  | 'INVALID_JSON'
  | 'MESSAGE_MISSING_KEY'
  | 'MESSAGE_UNRECOGNIZED_KEY'
  | 'MISSING_CONTENT'
  | 'MISSING_MESSAGES_LIST'
  | 'UNRECOGNIZED_ROLE';

export type GradingCompany =
  | 'BGS'
  | 'CGC'
  | 'CSG'
  | 'HGA'
  | 'PSA'
  | 'SGC'
  | 'TAG';

export type ListingSampleInput = {
  card: CardDataInput;
  description: string;
  platform: Platform;
  /** eBay: at most 80 characters. */
  title: string;
  tone: Tone;
};

export type ModelFilter = {
  stage?: ModelStage | null | undefined;
  task?: Task | null | undefined;
};

export type ModelStage =
  | 'ARCHIVED'
  | 'BASE'
  | 'CANDIDATE'
  | 'PRODUCTION';

export type Platform =
  | 'EBAY'
  | 'FACEBOOK_MARKETPLACE'
  | 'MERCARI'
  | 'WHATNOT';

export type PredictedCardInput = {
  brand?: string | null | undefined;
  cardNumber?: string | null | undefined;
  grade?: number | null | undefined;
  gradingCompany?: string | null | undefined;
  player?: string | null | undefined;
  sport?: string | null | undefined;
  variation?: string | null | undefined;
  year?: string | null | undefined;
};

export type QualityWarningCode =
  | 'DIVERSITY_DOMINANT'
  | 'EMPTY_VALIDATION_SPLIT'
  | 'NOT_READY'
  | 'STRATUM_WITHOUT_VALIDATION'
  | 'TRAIN_BELOW_OPENAI_MINIMUM';

export type ReviewDecision =
  | 'APPROVED'
  | 'REJECTED';

export type ReviewSamplesInput = {
  decision: ReviewDecision;
  /** Sample ids, at most 1,000. */
  ids: Array<string>;
  note?: string | null | undefined;
};

export type ReviewStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'APP';

export type SampleFilter = {
  createdAfter?: string | null | undefined;
  createdBefore?: string | null | undefined;
  minConfidence?: number | null | undefined;
  platform?: Platform | null | undefined;
  reviewStatus?: ReviewStatus | null | undefined;
  source?: SampleSource | null | undefined;
  task?: Task | null | undefined;
  tone?: Tone | null | undefined;
  userId?: string | null | undefined;
};

export type SampleSource =
  | 'MANUAL'
  | 'PRODUCTION_FEEDBACK'
  | 'USER_CORRECTION'
  | 'VALIDATED_SCAN';

export type Sport =
  | 'BASEBALL'
  | 'BASKETBALL'
  | 'FOOTBALL'
  | 'HOCKEY'
  | 'OTHER'
  | 'SOCCER';

export type StartFineTuningInput = {
  /** Default gpt-4o-mini-2024-07-18. */
  baseModel?: string | null | undefined;
  /** 1–256; auto when omitted. */
  batchSize?: number | null | undefined;
  datasetId: string;
  /** Any client-chosen string (8–128 chars): a retry with the same key returns the first job and creates nothing twice. */
  idempotencyKey?: string | null | undefined;
  /** (0, 10]; auto when omitted. */
  learningRateMultiplier?: number | null | undefined;
  /** 1–50; auto when omitted. */
  nEpochs?: number | null | undefined;
  seed?: number | null | undefined;
  /** Part of the model name (≤ 64 letters, digits, . _ -). */
  suffix?: string | null | undefined;
};

export type SubmitCorrectionInput = {
  confidence?: number | null | undefined;
  correctedCard: CardDataInput;
  /** Computed from the two cards when omitted; checked against them when given. */
  correctedFields?: Array<CardField> | null | undefined;
  /** Any client-chosen string (8–128 chars): a retry with the same key returns the first result and writes nothing twice. */
  idempotencyKey?: string | null | undefined;
  imageDescription?: string | null | undefined;
  ocrText: string;
  originalPrediction: PredictedCardInput;
  predictionId?: string | null | undefined;
  userId?: string | null | undefined;
};

export type Task =
  | 'CARD_IDENTIFICATION'
  | 'LISTING_GENERATION';

export type Tone =
  | 'CASUAL'
  | 'ENTHUSIASTIC'
  | 'PROFESSIONAL';

export type UploadTrainingFileInput = {
  /** The JSONL text. Checked like an export before it is uploaded. */
  content: string;
  filename: string;
};

export type CliDatasetFieldsFragment = { id: string, name: string, task: Task, version: number, contentHash: string, validationFraction: number, testFraction: number, files: Array<{ split: DatasetSplit, lines: number, bytes: number, sha256: string, downloadUrl: string, tokens: { total: number, max: number, mean: number } }>, report: { samples: number, kept: number, exclusions: Array<{ reason: ExclusionReason, count: number }>, conflicts: { groups: number }, warnings: Array<{ code: QualityWarningCode, message: string }> } | null, costEstimate: { model: string, estimatedTokens: number, epochs: number, costPer1mTokens: number, estimatedCostUsd: number } };

export type CliExportDatasetMutationVariables = Exact<{
  input: ExportDatasetInput;
}>;


export type CliExportDatasetMutation = { exportDataset: { created: boolean, dataset: { id: string, name: string, task: Task, version: number, contentHash: string, validationFraction: number, testFraction: number, files: Array<{ split: DatasetSplit, lines: number, bytes: number, sha256: string, downloadUrl: string, tokens: { total: number, max: number, mean: number } }>, report: { samples: number, kept: number, exclusions: Array<{ reason: ExclusionReason, count: number }>, conflicts: { groups: number }, warnings: Array<{ code: QualityWarningCode, message: string }> } | null, costEstimate: { model: string, estimatedTokens: number, epochs: number, costPer1mTokens: number, estimatedCostUsd: number } } } };

export type CliDatasetExportProgressSubscriptionVariables = Exact<{
  key: string;
}>;


export type CliDatasetExportProgressSubscription = { datasetExportProgress: { phase: DatasetExportPhase, samplesRead: number, samplesTotal: number | null, kept: number } };

export type CliEstimateCostQueryVariables = Exact<{
  input: EstimateCostInput;
}>;


export type CliEstimateCostQuery = { estimateCost: { estimate: { model: string, estimatedTokens: number, epochs: number, costPer1mTokens: number, estimatedCostUsd: number, exampleCount: number, tokensPerEpoch: number, epochsSource: EpochsSource } | null, fileCheck: { examples: number, validExamples: number, examplesWithErrors: number, missingSystem: number, missingUser: number, overTokenLimit: number, minExamples: number, ok: boolean, errors: Array<{ errorClass: FormatErrorClass, count: number }>, firstErrors: Array<{ line: number, errors: Array<FormatErrorClass> }> } | null } };

export type CliJobFieldsFragment = { id: string, providerJobId: string | null, status: FineTuningJobStatus, providerStatus: string | null, task: Task, baseModel: string, suffix: string | null, datasetId: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, eventCount: number, createdAt: string, finishedAt: string | null, trainingFile: { fileId: string, filename: string, lines: number }, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null, learningRateMultiplier: number | null } | null, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null, validLoss: number | null } | null, error: { code: string, message: string, param: string | null } | null, model: { id: string, providerModelId: string, stage: ModelStage } | null };

export type CliUploadTrainingFileMutationVariables = Exact<{
  input: UploadTrainingFileInput;
}>;


export type CliUploadTrainingFileMutation = { uploadTrainingFile: { fileId: string, filename: string, bytes: number, lines: number, tokens: number, sha256: string, reused: boolean } };

export type CliCreateFineTuningJobMutationVariables = Exact<{
  input: CreateFineTuningJobInput;
}>;


export type CliCreateFineTuningJobMutation = { createFineTuningJob: { id: string, providerJobId: string | null, status: FineTuningJobStatus, providerStatus: string | null, task: Task, baseModel: string, suffix: string | null, datasetId: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, eventCount: number, createdAt: string, finishedAt: string | null, trainingFile: { fileId: string, filename: string, lines: number }, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null, learningRateMultiplier: number | null } | null, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null, validLoss: number | null } | null, error: { code: string, message: string, param: string | null } | null, model: { id: string, providerModelId: string, stage: ModelStage } | null } };

export type CliStartFineTuningMutationVariables = Exact<{
  input: StartFineTuningInput;
}>;


export type CliStartFineTuningMutation = { startFineTuning: { id: string, providerJobId: string | null, status: FineTuningJobStatus, providerStatus: string | null, task: Task, baseModel: string, suffix: string | null, datasetId: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, eventCount: number, createdAt: string, finishedAt: string | null, trainingFile: { fileId: string, filename: string, lines: number }, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null, learningRateMultiplier: number | null } | null, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null, validLoss: number | null } | null, error: { code: string, message: string, param: string | null } | null, model: { id: string, providerModelId: string, stage: ModelStage } | null } };

export type CliJobStatusQueryVariables = Exact<{
  id: string;
}>;


export type CliJobStatusQuery = { job: { id: string, providerJobId: string | null, status: FineTuningJobStatus, providerStatus: string | null, task: Task, baseModel: string, suffix: string | null, datasetId: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, eventCount: number, createdAt: string, finishedAt: string | null, trainingFile: { fileId: string, filename: string, lines: number }, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null, learningRateMultiplier: number | null } | null, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null, validLoss: number | null } | null, error: { code: string, message: string, param: string | null } | null, model: { id: string, providerModelId: string, stage: ModelStage } | null } | null };

export type CliJobUpdatedSubscriptionVariables = Exact<{
  id: string;
}>;


export type CliJobUpdatedSubscription = { jobUpdated: { id: string, providerJobId: string | null, status: FineTuningJobStatus, providerStatus: string | null, task: Task, baseModel: string, suffix: string | null, datasetId: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, eventCount: number, createdAt: string, finishedAt: string | null, trainingFile: { fileId: string, filename: string, lines: number }, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null, learningRateMultiplier: number | null } | null, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null, validLoss: number | null } | null, error: { code: string, message: string, param: string | null } | null, model: { id: string, providerModelId: string, stage: ModelStage } | null } };

export type CliListJobsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: FineTuningJobFilter | null | undefined;
}>;


export type CliListJobsQuery = { jobs: { totalCount: number, edges: Array<{ node: { id: string, providerJobId: string | null, status: FineTuningJobStatus, providerStatus: string | null, task: Task, baseModel: string, suffix: string | null, datasetId: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, eventCount: number, createdAt: string, finishedAt: string | null, trainingFile: { fileId: string, filename: string, lines: number }, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null, learningRateMultiplier: number | null } | null, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null, validLoss: number | null } | null, error: { code: string, message: string, param: string | null } | null, model: { id: string, providerModelId: string, stage: ModelStage } | null } }> } };

export type CliListModelsQueryVariables = Exact<{
  first?: number | null | undefined;
  filter?: ModelFilter | null | undefined;
}>;


export type CliListModelsQuery = { models: { totalCount: number, edges: Array<{ node: { id: string, providerModelId: string, task: Task | null, stage: ModelStage, baseModel: string, trainedTokens: number | null, costUsd: number | null, shutdownDate: string | null, createdAt: string, job: { id: string } | null } }> } };

export type CliSeedScanMutationVariables = Exact<{
  input: ConfirmScanInput;
}>;


export type CliSeedScanMutation = { confirmScan: { duplicate: boolean } };

export type CliSeedCorrectionMutationVariables = Exact<{
  input: SubmitCorrectionInput;
}>;


export type CliSeedCorrectionMutation = { submitCorrection: { duplicate: boolean } };

export type CliSeedListingMutationVariables = Exact<{
  input: AddTrainingSampleInput;
}>;


export type CliSeedListingMutation = { addTrainingSample: { duplicate: boolean } };

export type CliTrainingStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type CliTrainingStatsQuery = { trainingStats: { cardIdentification: number, listingGeneration: number, userCorrections: number, totalSamples: number, lastUpdated: string | null, byPlatformTone: Array<{ platform: Platform, tone: Tone, count: number }>, readiness: Array<{ task: Task, have: number, need: number, recommended: number, ready: boolean, verdict: string }> } };

export type DashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardQuery = { viewer: { name: string, role: Role }, trainingStats: { totalSamples: number, userCorrections: number, cardIdentification: number, listingGeneration: number, lastUpdated: string | null, readiness: Array<{ task: Task, have: number, need: number, recommended: number, ready: boolean, verdict: string }>, byPlatformTone: Array<{ platform: Platform, tone: Tone, count: number }> }, jobs: { edges: Array<{ node: { id: string, status: FineTuningJobStatus, task: Task, baseModel: string, suffix: string | null, trainedTokens: number | null, costUsd: number | null, createdAt: string, fineTunedModel: string | null, progress: { step: number, totalSteps: number | null, trainLoss: number | null, validLoss: number | null } | null } }> }, models: { edges: Array<{ node: { id: string, providerModelId: string, stage: ModelStage, task: Task | null, trainedTokens: number | null, costUsd: number | null, createdAt: string } }> } };

export type JobLossQueryVariables = Exact<{
  id: string;
}>;


export type JobLossQuery = { job: { id: string, status: FineTuningJobStatus, suffix: string | null, fineTunedModel: string | null, createdAt: string, metrics: Array<{ step: number, trainLoss: number | null, validLoss: number | null, trainAccuracy: number | null, validAccuracy: number | null }> } | null };

export type TestStatsChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TestStatsChangedSubscription = { trainingStatsChanged: { totalSamples: number } };

export type TestConfirmScanMutationVariables = Exact<{
  input: ConfirmScanInput;
}>;


export type TestConfirmScanMutation = { confirmScan: { duplicate: boolean, sample: { id: string, task: Task, source: SampleSource, reviewStatus: ReviewStatus, ocrText: string | null, imageDescription: string | null, confidence: number, userId: string | null, repeatCount: number, contentHash: string, card: { player: string, year: string, brand: string, cardNumber: string, variation: string | null, sport: Sport, grade: number | null, gradingCompany: GradingCompany | null } } } };

export type TestSubmitCorrectionMutationVariables = Exact<{
  input: SubmitCorrectionInput;
}>;


export type TestSubmitCorrectionMutation = { submitCorrection: { duplicate: boolean, sample: { id: string, source: SampleSource, correctedFields: Array<CardField>, predictionId: string | null, originalPrediction: { player: string | null, year: string | null, grade: number | null } | null, card: { player: string, year: string } } } };

export type TestAddTrainingSampleMutationVariables = Exact<{
  input: AddTrainingSampleInput;
}>;


export type TestAddTrainingSampleMutation = { addTrainingSample: { duplicate: boolean, sample: { id: string, task: Task, source: SampleSource, platform: Platform | null, tone: Tone | null, listing: { title: string, description: string } | null, card: { player: string } } } };

export type TestReviewSamplesMutationVariables = Exact<{
  input: ReviewSamplesInput;
}>;


export type TestReviewSamplesMutation = { reviewSamples: { updatedCount: number, notFoundIds: Array<string>, samples: Array<{ id: string, reviewStatus: ReviewStatus, reviewedBy: string | null, reviewedAt: string | null, reviewNote: string | null }> } };

export type TestSamplesQueryVariables = Exact<{
  filter?: SampleFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type TestSamplesQuery = { samples: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null, startCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, task: Task, source: SampleSource, reviewStatus: ReviewStatus, userId: string | null, confidence: number, platform: Platform | null, tone: Tone | null } }> } };

export type TestSampleByIdQueryVariables = Exact<{
  id: string;
}>;


export type TestSampleByIdQuery = { sample: { id: string, source: SampleSource } | null, node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { task: Task, id: string }
   | null };

export type TestTrainingStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type TestTrainingStatsQuery = { trainingStats: { cardIdentification: number, listingGeneration: number, userCorrections: number, totalSamples: number, lastUpdated: string | null, byPlatformTone: Array<{ platform: Platform, tone: Tone, count: number }>, readiness: Array<{ task: Task, have: number, need: number, recommended: number, ready: boolean, verdict: string, groups: Array<{ platform: Platform, tone: Tone, have: number, need: number, ready: boolean }> }> } };

export type TestCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type TestCreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, role: Role, prefix: string, active: boolean } } };

export type TestRevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type TestRevokeApiKeyMutation = { revokeApiKey: { id: string, active: boolean, revokedAt: string | null } };

export type TestApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type TestApiKeysQuery = { apiKeys: Array<{ id: string, name: string, role: Role, prefix: string, active: boolean }> };

export type TestViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type TestViewerQuery = { viewer: { id: string, role: Role, name: string } };

export type SmokeStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type SmokeStatsQuery = { trainingStats: { totalSamples: number } };

export type TestCostUploadTrainingFileMutationVariables = Exact<{
  input: UploadTrainingFileInput;
}>;


export type TestCostUploadTrainingFileMutation = { uploadTrainingFile: { fileId: string, lines: number } };

export type TestDatasetFieldsFragment = { id: string, name: string, task: Task, version: number, status: DatasetStatus, contentHash: string, promptVersion: string, seed: number | null, validationFraction: number, testFraction: number, filters: { minConfidence: number | null, reviewStatuses: Array<ReviewStatus>, sources: Array<SampleSource> | null, platforms: Array<Platform> | null, tones: Array<Tone> | null, baseModel: string | null, maxTokensPerExample: number | null }, files: Array<{ split: DatasetSplit, filename: string, fileId: string, lines: number, bytes: number, sha256: string, downloadUrl: string, tokens: { examples: number, total: number, billable: number, max: number, mean: number, limit: number } }>, report: { samples: number, kept: number, duplicatesRemoved: number, nearDuplicateRule: string, encoding: string, tokenizer: string, tokenLimit: number, exclusions: Array<{ reason: ExclusionReason, rule: string, count: number, sampleIds: Array<string> }>, conflicts: { groups: number, samplesExcluded: number }, formatErrors: Array<{ errorClass: FormatErrorClass, count: number }>, tokens: { examples: number, total: number, max: number, limit: number }, strata: Array<{ stratum: string, train: number, validation: number, test: number }>, diversity: { total: number, dimensions: Array<{ dimension: DiversityDimension, values: Array<{ value: string, count: number, share: number }> }>, warnings: Array<{ dimension: DiversityDimension, value: string, share: number, threshold: number }> }, readiness: { task: Task, have: number, need: number, ready: boolean }, warnings: Array<{ code: QualityWarningCode, message: string }> } | null };

export type TestExportDatasetMutationVariables = Exact<{
  input: ExportDatasetInput;
}>;


export type TestExportDatasetMutation = { exportDataset: { created: boolean, dataset: { id: string, name: string, task: Task, version: number, status: DatasetStatus, contentHash: string, promptVersion: string, seed: number | null, validationFraction: number, testFraction: number, filters: { minConfidence: number | null, reviewStatuses: Array<ReviewStatus>, sources: Array<SampleSource> | null, platforms: Array<Platform> | null, tones: Array<Tone> | null, baseModel: string | null, maxTokensPerExample: number | null }, files: Array<{ split: DatasetSplit, filename: string, fileId: string, lines: number, bytes: number, sha256: string, downloadUrl: string, tokens: { examples: number, total: number, billable: number, max: number, mean: number, limit: number } }>, report: { samples: number, kept: number, duplicatesRemoved: number, nearDuplicateRule: string, encoding: string, tokenizer: string, tokenLimit: number, exclusions: Array<{ reason: ExclusionReason, rule: string, count: number, sampleIds: Array<string> }>, conflicts: { groups: number, samplesExcluded: number }, formatErrors: Array<{ errorClass: FormatErrorClass, count: number }>, tokens: { examples: number, total: number, max: number, limit: number }, strata: Array<{ stratum: string, train: number, validation: number, test: number }>, diversity: { total: number, dimensions: Array<{ dimension: DiversityDimension, values: Array<{ value: string, count: number, share: number }> }>, warnings: Array<{ dimension: DiversityDimension, value: string, share: number, threshold: number }> }, readiness: { task: Task, have: number, need: number, ready: boolean }, warnings: Array<{ code: QualityWarningCode, message: string }> } | null } } };

export type TestDatasetByIdQueryVariables = Exact<{
  id: string;
  model?: string | null | undefined;
  epochs?: number | null | undefined;
}>;


export type TestDatasetByIdQuery = { dataset: { id: string, name: string, task: Task, version: number, status: DatasetStatus, contentHash: string, promptVersion: string, seed: number | null, validationFraction: number, testFraction: number, costEstimate: { model: string, estimatedTokens: number, epochs: number, costPer1mTokens: number, estimatedCostUsd: number, exampleCount: number, tokensPerEpoch: number, epochsSource: EpochsSource }, filters: { minConfidence: number | null, reviewStatuses: Array<ReviewStatus>, sources: Array<SampleSource> | null, platforms: Array<Platform> | null, tones: Array<Tone> | null, baseModel: string | null, maxTokensPerExample: number | null }, files: Array<{ split: DatasetSplit, filename: string, fileId: string, lines: number, bytes: number, sha256: string, downloadUrl: string, tokens: { examples: number, total: number, billable: number, max: number, mean: number, limit: number } }>, report: { samples: number, kept: number, duplicatesRemoved: number, nearDuplicateRule: string, encoding: string, tokenizer: string, tokenLimit: number, exclusions: Array<{ reason: ExclusionReason, rule: string, count: number, sampleIds: Array<string> }>, conflicts: { groups: number, samplesExcluded: number }, formatErrors: Array<{ errorClass: FormatErrorClass, count: number }>, tokens: { examples: number, total: number, max: number, limit: number }, strata: Array<{ stratum: string, train: number, validation: number, test: number }>, diversity: { total: number, dimensions: Array<{ dimension: DiversityDimension, values: Array<{ value: string, count: number, share: number }> }>, warnings: Array<{ dimension: DiversityDimension, value: string, share: number, threshold: number }> }, readiness: { task: Task, have: number, need: number, ready: boolean }, warnings: Array<{ code: QualityWarningCode, message: string }> } | null } | null };

export type TestDatasetsQueryVariables = Exact<{
  filter?: DatasetFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TestDatasetsQuery = { datasets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, task: Task, version: number, createdAt: string } }> } };

export type TestEstimateCostQueryVariables = Exact<{
  input: EstimateCostInput;
}>;


export type TestEstimateCostQuery = { estimateCost: { estimate: { model: string, estimatedTokens: number, epochs: number, costPer1mTokens: number, estimatedCostUsd: number, exampleCount: number, tokensPerEpoch: number, epochsSource: EpochsSource, tokenLimitPerExample: number } | null, fileCheck: { examples: number, validExamples: number, examplesWithErrors: number, ok: boolean, errors: Array<{ errorClass: FormatErrorClass, count: number }>, firstErrors: Array<{ line: number, errors: Array<FormatErrorClass> }> } | null } };

export type TestDatasetExportProgressSubscriptionVariables = Exact<{
  key: string;
}>;


export type TestDatasetExportProgressSubscription = { datasetExportProgress: { phase: DatasetExportPhase, samplesRead: number, samplesTotal: number | null, kept: number, message: string | null, dataset: { id: string, version: number } | null } };

export type TestCancelFineTuningMutationVariables = Exact<{
  id: string;
}>;


export type TestCancelFineTuningMutation = { cancelFineTuning: { id: string, status: FineTuningJobStatus, cancelRequested: boolean } };

export type TestUploadTrainingFileMutationVariables = Exact<{
  input: UploadTrainingFileInput;
}>;


export type TestUploadTrainingFileMutation = { uploadTrainingFile: { fileId: string, lines: number, reused: boolean } };

export type TestCreateFineTuningJobMutationVariables = Exact<{
  input: CreateFineTuningJobInput;
}>;


export type TestCreateFineTuningJobMutation = { createFineTuningJob: { id: string, status: FineTuningJobStatus, datasetId: string | null, trainingFile: { fileId: string } } };

export type TestJobsQueryVariables = Exact<{
  filter?: FineTuningJobFilter | null | undefined;
}>;


export type TestJobsQuery = { jobs: { totalCount: number, edges: Array<{ node: { id: string, status: FineTuningJobStatus } }> } };

export type TestJobUpdatedStatusSubscriptionVariables = Exact<{
  id: string;
}>;


export type TestJobUpdatedStatusSubscription = { jobUpdated: { status: FineTuningJobStatus } };

export type TestJobUpdatedSubscriptionVariables = Exact<{
  id: string;
}>;


export type TestJobUpdatedSubscription = { jobUpdated: { id: string, status: FineTuningJobStatus, progress: { step: number, totalSteps: number | null, epoch: number | null, nEpochs: number | null, trainLoss: number | null } | null } };

export type TestJobEventsSubscriptionVariables = Exact<{
  jobId: string;
  after?: string | null | undefined;
}>;


export type TestJobEventsSubscription = { jobEvents: { seq: number, cursor: string, type: string, message: string, metrics: { step: number, trainLoss: number | null, validLoss: number | null } | null } };

export type TestJobResultQueryVariables = Exact<{
  id: string;
}>;


export type TestJobResultQuery = { job: { id: string, status: FineTuningJobStatus, datasetId: string | null, baseModel: string, suffix: string | null, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, resolvedHyperparameters: { nEpochs: number | null, batchSize: number | null } | null, checkpoints: Array<{ stepNumber: number, model: string, trainLoss: number | null }>, metrics: Array<{ step: number, trainLoss: number | null }>, dataset: { id: string, status: DatasetStatus } | null, model: { id: string, dataset: { id: string } | null } | null } | null };

export type TestModelsQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
}>;


export type TestModelsQuery = { models: { totalCount: number, edges: Array<{ node: { id: string, providerModelId: string, task: Task | null, stage: ModelStage, baseModel: string, datasetId: string | null, trainedTokens: number | null, costUsd: number | null, shutdownDate: string | null, job: { id: string } | null } }> } };

export type TestJobsOfDatasetQueryVariables = Exact<{
  datasetId: string;
}>;


export type TestJobsOfDatasetQuery = { jobs: { totalCount: number, edges: Array<{ node: { id: string } }> } };

export type TestCancelFinishedMutationVariables = Exact<{
  id: string;
}>;


export type TestCancelFinishedMutation = { cancelFineTuning: { id: string } };

export type TestStartFineTuningMutationVariables = Exact<{
  input: StartFineTuningInput;
}>;


export type TestStartFineTuningMutation = { startFineTuning: { id: string, status: FineTuningJobStatus, providerJobId: string | null, trainingFile: { fileId: string, sha256: string } } };

export type TestJobStateQueryVariables = Exact<{
  id: string;
}>;


export type TestJobStateQuery = { job: { id: string, status: FineTuningJobStatus, providerStatus: string | null, providerJobId: string | null, eventCount: number, fineTunedModel: string | null, trainedTokens: number | null, costUsd: number | null, error: { code: string, message: string, param: string | null } | null } | null };

export type TestJobEventsPageQueryVariables = Exact<{
  id: string;
  after?: string | null | undefined;
}>;


export type TestJobEventsPageQuery = { job: { eventCount: number, events: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { seq: number, providerEventId: string, type: string, message: string, metrics: { step: number, trainLoss: number | null } | null } }> } } | null };

export type TestJobsConfirmScanMutationVariables = Exact<{
  input: ConfirmScanInput;
}>;


export type TestJobsConfirmScanMutation = { confirmScan: { duplicate: boolean } };

export type TestJobsExportDatasetMutationVariables = Exact<{
  input: ExportDatasetInput;
}>;


export type TestJobsExportDatasetMutation = { exportDataset: { created: boolean, dataset: { id: string, status: DatasetStatus, files: Array<{ split: DatasetSplit, lines: number }> } } };

export const CliDatasetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDatasetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"validationFraction"}},{"kind":"Field","name":{"kind":"Name","value":"testFraction"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"costEstimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"costPer1mTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostUsd"}}]}}]}}]} as unknown as DocumentNode<CliDatasetFieldsFragment, unknown>;
export const CliJobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"learningRateMultiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<CliJobFieldsFragment, unknown>;
export const TestDatasetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestDatasetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"promptVersion"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"validationFraction"}},{"kind":"Field","name":{"kind":"Name","value":"testFraction"}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minConfidence"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatuses"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"platforms"}},{"kind":"Field","name":{"kind":"Name","value":"tones"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokensPerExample"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"billable"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}},{"kind":"Field","name":{"kind":"Name","value":"duplicatesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"nearDuplicateRule"}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sampleIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"samplesExcluded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"formatErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"strata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stratum"}},{"kind":"Field","name":{"kind":"Name","value":"train"}},{"kind":"Field","name":{"kind":"Name","value":"validation"}},{"kind":"Field","name":{"kind":"Name","value":"test"}}]}},{"kind":"Field","name":{"kind":"Name","value":"diversity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"tokenizer"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}}]}}]}}]} as unknown as DocumentNode<TestDatasetFieldsFragment, unknown>;
export const CliExportDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliExportDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportDatasetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliDatasetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliDatasetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"validationFraction"}},{"kind":"Field","name":{"kind":"Name","value":"testFraction"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"costEstimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"costPer1mTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostUsd"}}]}}]}}]} as unknown as DocumentNode<CliExportDatasetMutation, CliExportDatasetMutationVariables>;
export const CliDatasetExportProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CliDatasetExportProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetExportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"samplesRead"}},{"kind":"Field","name":{"kind":"Name","value":"samplesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}}]}}]}}]} as unknown as DocumentNode<CliDatasetExportProgressSubscription, CliDatasetExportProgressSubscriptionVariables>;
export const CliEstimateCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliEstimateCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EstimateCostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimateCost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"costPer1mTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"exampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"tokensPerEpoch"}},{"kind":"Field","name":{"kind":"Name","value":"epochsSource"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"validExamples"}},{"kind":"Field","name":{"kind":"Name","value":"examplesWithErrors"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingSystem"}},{"kind":"Field","name":{"kind":"Name","value":"missingUser"}},{"kind":"Field","name":{"kind":"Name","value":"overTokenLimit"}},{"kind":"Field","name":{"kind":"Name","value":"minExamples"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]}}]} as unknown as DocumentNode<CliEstimateCostQuery, CliEstimateCostQueryVariables>;
export const CliUploadTrainingFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliUploadTrainingFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadTrainingFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadTrainingFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}}]}}]}}]} as unknown as DocumentNode<CliUploadTrainingFileMutation, CliUploadTrainingFileMutationVariables>;
export const CliCreateFineTuningJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliCreateFineTuningJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFineTuningJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFineTuningJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"learningRateMultiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<CliCreateFineTuningJobMutation, CliCreateFineTuningJobMutationVariables>;
export const CliStartFineTuningDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliStartFineTuning"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartFineTuningInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFineTuning"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"learningRateMultiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<CliStartFineTuningMutation, CliStartFineTuningMutationVariables>;
export const CliJobStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliJobStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"learningRateMultiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<CliJobStatusQuery, CliJobStatusQueryVariables>;
export const CliJobUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CliJobUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliJobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"learningRateMultiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<CliJobUpdatedSubscription, CliJobUpdatedSubscriptionVariables>;
export const CliListJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliListJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJobFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CliJobFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CliJobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"learningRateMultiplier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<CliListJobsQuery, CliListJobsQueryVariables>;
export const CliListModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliListModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"shutdownDate"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CliListModelsQuery, CliListModelsQueryVariables>;
export const CliSeedScanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSeedScan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmScanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmScan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}}]}}]}}]} as unknown as DocumentNode<CliSeedScanMutation, CliSeedScanMutationVariables>;
export const CliSeedCorrectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSeedCorrection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCorrectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCorrection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}}]}}]}}]} as unknown as DocumentNode<CliSeedCorrectionMutation, CliSeedCorrectionMutationVariables>;
export const CliSeedListingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CliSeedListing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTrainingSampleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTrainingSample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}}]}}]}}]} as unknown as DocumentNode<CliSeedListingMutation, CliSeedListingMutationVariables>;
export const CliTrainingStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CliTrainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"listingGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userCorrections"}},{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"byPlatformTone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}}]}}]}}]} as unknown as DocumentNode<CliTrainingStatsQuery, CliTrainingStatsQueryVariables>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}},{"kind":"Field","name":{"kind":"Name","value":"userCorrections"}},{"kind":"Field","name":{"kind":"Name","value":"cardIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"listingGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPlatformTone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const JobLossDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobLoss"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}},{"kind":"Field","name":{"kind":"Name","value":"trainAccuracy"}},{"kind":"Field","name":{"kind":"Name","value":"validAccuracy"}}]}}]}}]}}]} as unknown as DocumentNode<JobLossQuery, JobLossQueryVariables>;
export const TestStatsChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestStatsChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingStatsChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}}]}}]}}]} as unknown as DocumentNode<TestStatsChangedSubscription, TestStatsChangedSubscriptionVariables>;
export const TestConfirmScanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestConfirmScan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmScanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmScan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ocrText"}},{"kind":"Field","name":{"kind":"Name","value":"imageDescription"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"repeatCount"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"player"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"cardNumber"}},{"kind":"Field","name":{"kind":"Name","value":"variation"}},{"kind":"Field","name":{"kind":"Name","value":"sport"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"gradingCompany"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestConfirmScanMutation, TestConfirmScanMutationVariables>;
export const TestSubmitCorrectionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestSubmitCorrection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitCorrectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCorrection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"correctedFields"}},{"kind":"Field","name":{"kind":"Name","value":"predictionId"}},{"kind":"Field","name":{"kind":"Name","value":"originalPrediction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"player"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"player"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestSubmitCorrectionMutation, TestSubmitCorrectionMutationVariables>;
export const TestAddTrainingSampleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestAddTrainingSample"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTrainingSampleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTrainingSample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"sample"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}},{"kind":"Field","name":{"kind":"Name","value":"listing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"card"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"player"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestAddTrainingSampleMutation, TestAddTrainingSampleMutationVariables>;
export const TestReviewSamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestReviewSamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewSamplesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewSamples"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatedCount"}},{"kind":"Field","name":{"kind":"Name","value":"notFoundIds"}},{"kind":"Field","name":{"kind":"Name","value":"samples"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reviewedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reviewNote"}}]}}]}}]}}]} as unknown as DocumentNode<TestReviewSamplesMutation, TestReviewSamplesMutationVariables>;
export const TestSamplesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestSamples"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SampleFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatus"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestSamplesQuery, TestSamplesQueryVariables>;
export const TestSampleByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestSampleById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Sample"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}}]}}]}}]}}]} as unknown as DocumentNode<TestSampleByIdQuery, TestSampleByIdQueryVariables>;
export const TestTrainingStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestTrainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardIdentification"}},{"kind":"Field","name":{"kind":"Name","value":"listingGeneration"}},{"kind":"Field","name":{"kind":"Name","value":"userCorrections"}},{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}},{"kind":"Field","name":{"kind":"Name","value":"byPlatformTone"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"recommended"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platform"}},{"kind":"Field","name":{"kind":"Name","value":"tone"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestTrainingStatsQuery, TestTrainingStatsQueryVariables>;
export const TestCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<TestCreateApiKeyMutation, TestCreateApiKeyMutationVariables>;
export const TestRevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestRevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<TestRevokeApiKeyMutation, TestRevokeApiKeyMutationVariables>;
export const TestApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<TestApiKeysQuery, TestApiKeysQueryVariables>;
export const TestViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TestViewerQuery, TestViewerQueryVariables>;
export const SmokeStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SmokeStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalSamples"}}]}}]}}]} as unknown as DocumentNode<SmokeStatsQuery, SmokeStatsQueryVariables>;
export const TestCostUploadTrainingFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCostUploadTrainingFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadTrainingFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadTrainingFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}}]}}]} as unknown as DocumentNode<TestCostUploadTrainingFileMutation, TestCostUploadTrainingFileMutationVariables>;
export const TestExportDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestExportDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportDatasetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestDatasetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestDatasetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"promptVersion"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"validationFraction"}},{"kind":"Field","name":{"kind":"Name","value":"testFraction"}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minConfidence"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatuses"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"platforms"}},{"kind":"Field","name":{"kind":"Name","value":"tones"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokensPerExample"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"billable"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}},{"kind":"Field","name":{"kind":"Name","value":"duplicatesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"nearDuplicateRule"}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sampleIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"samplesExcluded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"formatErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"strata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stratum"}},{"kind":"Field","name":{"kind":"Name","value":"train"}},{"kind":"Field","name":{"kind":"Name","value":"validation"}},{"kind":"Field","name":{"kind":"Name","value":"test"}}]}},{"kind":"Field","name":{"kind":"Name","value":"diversity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"tokenizer"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}}]}}]}}]} as unknown as DocumentNode<TestExportDatasetMutation, TestExportDatasetMutationVariables>;
export const TestDatasetByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestDatasetById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"epochs"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TestDatasetFields"}},{"kind":"Field","name":{"kind":"Name","value":"costEstimate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"baseModel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"epochs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"epochs"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"costPer1mTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"exampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"tokensPerEpoch"}},{"kind":"Field","name":{"kind":"Name","value":"epochsSource"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TestDatasetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"promptVersion"}},{"kind":"Field","name":{"kind":"Name","value":"seed"}},{"kind":"Field","name":{"kind":"Name","value":"validationFraction"}},{"kind":"Field","name":{"kind":"Name","value":"testFraction"}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minConfidence"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatuses"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}},{"kind":"Field","name":{"kind":"Name","value":"platforms"}},{"kind":"Field","name":{"kind":"Name","value":"tones"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokensPerExample"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"billable"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"mean"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"samples"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}},{"kind":"Field","name":{"kind":"Name","value":"duplicatesRemoved"}},{"kind":"Field","name":{"kind":"Name","value":"nearDuplicateRule"}},{"kind":"Field","name":{"kind":"Name","value":"exclusions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"sampleIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conflicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"samplesExcluded"}}]}},{"kind":"Field","name":{"kind":"Name","value":"formatErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tokens"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"max"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"strata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stratum"}},{"kind":"Field","name":{"kind":"Name","value":"train"}},{"kind":"Field","name":{"kind":"Name","value":"validation"}},{"kind":"Field","name":{"kind":"Name","value":"test"}}]}},{"kind":"Field","name":{"kind":"Name","value":"diversity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"dimensions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"values"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"share"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"have"}},{"kind":"Field","name":{"kind":"Name","value":"need"}},{"kind":"Field","name":{"kind":"Name","value":"ready"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"tokenizer"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimit"}}]}}]}}]} as unknown as DocumentNode<TestDatasetByIdQuery, TestDatasetByIdQueryVariables>;
export const TestDatasetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestDatasets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DatasetFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestDatasetsQuery, TestDatasetsQueryVariables>;
export const TestEstimateCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestEstimateCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EstimateCostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimateCost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"estimate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"costPer1mTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"exampleCount"}},{"kind":"Field","name":{"kind":"Name","value":"tokensPerEpoch"}},{"kind":"Field","name":{"kind":"Name","value":"epochsSource"}},{"kind":"Field","name":{"kind":"Name","value":"tokenLimitPerExample"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fileCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"validExamples"}},{"kind":"Field","name":{"kind":"Name","value":"examplesWithErrors"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"firstErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"errors"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]}}]} as unknown as DocumentNode<TestEstimateCostQuery, TestEstimateCostQueryVariables>;
export const TestDatasetExportProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestDatasetExportProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetExportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"samplesRead"}},{"kind":"Field","name":{"kind":"Name","value":"samplesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"kept"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<TestDatasetExportProgressSubscription, TestDatasetExportProgressSubscriptionVariables>;
export const TestCancelFineTuningDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCancelFineTuning"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelFineTuning"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}}]}}]}}]} as unknown as DocumentNode<TestCancelFineTuningMutation, TestCancelFineTuningMutationVariables>;
export const TestUploadTrainingFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestUploadTrainingFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadTrainingFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadTrainingFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}},{"kind":"Field","name":{"kind":"Name","value":"reused"}}]}}]}}]} as unknown as DocumentNode<TestUploadTrainingFileMutation, TestUploadTrainingFileMutationVariables>;
export const TestCreateFineTuningJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCreateFineTuningJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateFineTuningJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFineTuningJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}}]}}]}}]}}]} as unknown as DocumentNode<TestCreateFineTuningJobMutation, TestCreateFineTuningJobMutationVariables>;
export const TestJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FineTuningJobFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestJobsQuery, TestJobsQueryVariables>;
export const TestJobUpdatedStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestJobUpdatedStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<TestJobUpdatedStatusSubscription, TestJobUpdatedStatusSubscriptionVariables>;
export const TestJobUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestJobUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"totalSteps"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}}]}}]}}]}}]} as unknown as DocumentNode<TestJobUpdatedSubscription, TestJobUpdatedSubscriptionVariables>;
export const TestJobEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TestJobEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}},{"kind":"Field","name":{"kind":"Name","value":"validLoss"}}]}}]}}]}}]} as unknown as DocumentNode<TestJobEventsSubscription, TestJobEventsSubscriptionVariables>;
export const TestJobResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestJobResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"suffix"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedHyperparameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nEpochs"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepNumber"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestJobResultQuery, TestJobResultQueryVariables>;
export const TestModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestModels"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerModelId"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"baseModel"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"shutdownDate"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestModelsQuery, TestModelsQueryVariables>;
export const TestJobsOfDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestJobsOfDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"datasetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"datasetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"datasetId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestJobsOfDatasetQuery, TestJobsOfDatasetQueryVariables>;
export const TestCancelFinishedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestCancelFinished"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelFineTuning"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<TestCancelFinishedMutation, TestCancelFinishedMutationVariables>;
export const TestStartFineTuningDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestStartFineTuning"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartFineTuningInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startFineTuning"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"trainingFile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}}]}}]} as unknown as DocumentNode<TestStartFineTuningMutation, TestStartFineTuningMutationVariables>;
export const TestJobStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestJobState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"providerJobId"}},{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"fineTunedModel"}},{"kind":"Field","name":{"kind":"Name","value":"trainedTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"param"}}]}}]}}]}}]} as unknown as DocumentNode<TestJobStateQuery, TestJobStateQueryVariables>;
export const TestJobEventsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestJobEventsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"providerEventId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"trainLoss"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestJobEventsPageQuery, TestJobEventsPageQueryVariables>;
export const TestJobsConfirmScanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestJobsConfirmScan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmScanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmScan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}}]}}]}}]} as unknown as DocumentNode<TestJobsConfirmScanMutation, TestJobsConfirmScanMutationVariables>;
export const TestJobsExportDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestJobsExportDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExportDatasetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"exportDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"lines"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestJobsExportDatasetMutation, TestJobsExportDatasetMutationVariables>;