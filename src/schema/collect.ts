import { builder } from './builder.js';
import { CardDataInput, CardFieldEnum, PlatformEnum, PredictedCardInput, ToneEnum } from './card.js';
import { ReviewStatusEnum } from './sample.js';

/** Inputs of the collecting mutations; their zod twins in services/collector/inputs.ts validate them. */

const idempotencyKeyDescription =
  'Any client-chosen string (8–128 chars): a retry with the same key returns the first result and writes nothing twice.';

export const ConfirmScanInputRef = builder.inputType('ConfirmScanInput', {
  fields: (t) => ({
    ocrText: t.string({ required: true, description: 'At most 4,000 characters.' }),
    imageDescription: t.string(),
    card: t.field({ type: CardDataInput, required: true }),
    confidence: t.float({ description: 'In [0, 1]; 1 when omitted.' }),
    userId: t.string(),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const SubmitCorrectionInputRef = builder.inputType('SubmitCorrectionInput', {
  fields: (t) => ({
    ocrText: t.string({ required: true }),
    imageDescription: t.string(),
    originalPrediction: t.field({ type: PredictedCardInput, required: true }),
    correctedCard: t.field({ type: CardDataInput, required: true }),
    correctedFields: t.field({
      type: [CardFieldEnum],
      description: 'Computed from the two cards when omitted; checked against them when given.',
    }),
    predictionId: t.string(),
    confidence: t.float(),
    userId: t.string(),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const CardIdentificationSampleInputRef = builder.inputType('CardIdentificationSampleInput', {
  fields: (t) => ({
    ocrText: t.string({ required: true }),
    imageDescription: t.string(),
    card: t.field({ type: CardDataInput, required: true }),
  }),
});

export const ListingSampleInputRef = builder.inputType('ListingSampleInput', {
  fields: (t) => ({
    card: t.field({ type: CardDataInput, required: true }),
    platform: t.field({ type: PlatformEnum, required: true }),
    tone: t.field({ type: ToneEnum, required: true }),
    title: t.string({ required: true, description: 'eBay: at most 80 characters.' }),
    description: t.string({ required: true }),
  }),
});

export const AddTrainingSampleInputRef = builder.inputType('AddTrainingSampleInput', {
  description: 'Exactly one of cardIdentification and listing.',
  fields: (t) => ({
    cardIdentification: t.field({ type: CardIdentificationSampleInputRef }),
    listing: t.field({ type: ListingSampleInputRef }),
    confidence: t.float(),
    userId: t.string(),
    idempotencyKey: t.string({ description: idempotencyKeyDescription }),
  }),
});

export const ReviewDecisionEnum = builder.enumType('ReviewDecision', { values: ['APPROVED', 'REJECTED'] as const });

export const ReviewSamplesInputRef = builder.inputType('ReviewSamplesInput', {
  fields: (t) => ({
    ids: t.idList({ required: true, description: 'Sample ids, at most 1,000.' }),
    decision: t.field({ type: ReviewDecisionEnum, required: true }),
    note: t.string(),
  }),
});

