import { encodeGlobalID } from '@pothos/plugin-relay';
import { REVIEW_STATUSES, SAMPLE_SOURCES, TASKS, type SampleDoc } from '../db/documents.js';
import { builder } from './builder.js';
import { CardDataRef, CardFieldEnum, PlatformEnum, PredictedCardRef, ToneEnum } from './card.js';

export const TaskEnum = builder.enumType('Task', { values: TASKS });
export const SampleSourceEnum = builder.enumType('SampleSource', { values: SAMPLE_SOURCES });
export const ReviewStatusEnum = builder.enumType('ReviewStatus', { values: REVIEW_STATUSES });

export const ListingRef = builder.objectRef<{ title: string; description: string }>('Listing').implement({
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
  }),
});

export const Sample = builder.loadableNodeRef<SampleDoc, string>('Sample', {
  id: { resolve: (s) => s._id },
  load: (ids: string[], ctx) => ctx.services.samples.byIds(ids),
  sort: (s) => s._id,
});

const cardTask = (s: SampleDoc) => (s.task === 'CARD_IDENTIFICATION' ? s : null);
const listingTask = (s: SampleDoc) => (s.task === 'LISTING_GENERATION' ? s : null);

Sample.implement({
  description: 'One training example: a confirmed scan, a correction, a manual entry or a listing.',
  fields: (t) => ({
    task: t.expose('task', { type: TaskEnum }),
    source: t.expose('source', { type: SampleSourceEnum }),
    reviewStatus: t.expose('reviewStatus', { type: ReviewStatusEnum }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
    ocrText: t.string({ nullable: true, resolve: (s) => cardTask(s)?.input.ocrText ?? null }),
    imageDescription: t.string({ nullable: true, resolve: (s) => cardTask(s)?.input.imageDescription ?? null }),
    card: t.field({
      type: CardDataRef,
      description: 'The correct card: the answer for card identification, the subject of a listing.',
      resolve: (s) => (s.task === 'CARD_IDENTIFICATION' ? s.output : s.input.card),
    }),
    platform: t.field({ type: PlatformEnum, nullable: true, resolve: (s) => listingTask(s)?.platform ?? null }),
    tone: t.field({ type: ToneEnum, nullable: true, resolve: (s) => listingTask(s)?.tone ?? null }),
    listing: t.field({ type: ListingRef, nullable: true, resolve: (s) => listingTask(s)?.output ?? null }),
    originalPrediction: t.field({
      type: PredictedCardRef,
      nullable: true,
      resolve: (s) => cardTask(s)?.originalPrediction ?? null,
    }),
    correctedFields: t.field({ type: [CardFieldEnum], resolve: (s) => cardTask(s)?.correctedFields ?? [] }),
    predictionId: t.string({ nullable: true, resolve: (s) => cardTask(s)?.predictionId ?? null }),
    confidence: t.exposeFloat('confidence'),
    userId: t.exposeString('userId', { nullable: true }),
    contentHash: t.exposeString('contentHash'),
    repeatCount: t.exposeInt('repeatCount', { description: 'How often the same content was submitted again.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const SampleFilterInput = builder.inputType('SampleFilter', {
  fields: (t) => ({
    task: t.field({ type: TaskEnum }),
    source: t.field({ type: SampleSourceEnum }),
    reviewStatus: t.field({ type: ReviewStatusEnum }),
    platform: t.field({ type: PlatformEnum }),
    tone: t.field({ type: ToneEnum }),
    userId: t.string(),
    createdAfter: t.field({ type: 'DateTime' }),
    createdBefore: t.field({ type: 'DateTime' }),
    minConfidence: t.float(),
  }),
});

export const CollectSamplePayload = builder
  .objectRef<{ sampleId: string; duplicate: boolean }>('CollectSamplePayload')
  .implement({
    fields: (t) => ({
      sample: t.field({ type: Sample, resolve: (p) => p.sampleId }),
      duplicate: t.exposeBoolean('duplicate', {
        description: 'True when this content was already stored: the repeat was counted, nothing new was written.',
      }),
    }),
  });

export const ReviewSamplesPayload = builder
  .objectRef<{ updatedIds: string[]; notFoundIds: string[] }>('ReviewSamplesPayload')
  .implement({
    fields: (t) => ({
      samples: t.field({ type: [Sample], resolve: (p) => p.updatedIds }),
      updatedCount: t.int({ resolve: (p) => p.updatedIds.length }),
      notFoundIds: t.idList({ resolve: (p) => p.notFoundIds.map((id) => encodeGlobalID('Sample', id)) }),
    }),
  });
