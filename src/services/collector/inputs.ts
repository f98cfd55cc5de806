import { z } from 'zod';
import { CARD_FIELDS, CardData, Platform, Tone } from '../cards/card.js';
import { REVIEW_STATUSES } from '../../db/documents.js';

/** The edge schemas of sample collection: GraphQL inputs are parsed with these before any write. */

const trimmed = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const optionalTrimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/, '8 to 128 characters of letters, digits and . _ : -')
  .nullish();

const Scan = {
  ocrText: trimmed(4000),
  imageDescription: optionalTrimmed(2000),
};

const Confidence = z.number().min(0, 'confidence is between 0 and 1').max(1, 'confidence is between 0 and 1');
const UserId = optionalTrimmed(100);

export const ConfirmScanInput = z.object({
  ...Scan,
  card: CardData,
  confidence: Confidence.nullish().transform((v) => v ?? 1),
  userId: UserId,
  idempotencyKey: IdempotencyKey,
});
export type ConfirmScanInput = z.output<typeof ConfirmScanInput>;

/** What a model predicted: anything goes, since it is the thing being corrected. */
export const PredictedCard = z.object({
  player: z.string().max(200).nullish(),
  year: z.string().max(20).nullish(),
  brand: z.string().max(200).nullish(),
  cardNumber: z.string().max(50).nullish(),
  variation: z.string().max(200).nullish(),
  sport: z.string().max(40).nullish(),
  grade: z.number().nullish(),
  gradingCompany: z.string().max(40).nullish(),
});

export const CardFieldName = z.enum(CARD_FIELDS);

export const SubmitCorrectionInput = z.object({
  ...Scan,
  originalPrediction: PredictedCard,
  correctedCard: CardData,
  correctedFields: z.array(CardFieldName).max(CARD_FIELDS.length).nullish(),
  predictionId: optionalTrimmed(100),
  confidence: Confidence.nullish().transform((v) => v ?? 1),
  userId: UserId,
  idempotencyKey: IdempotencyKey,
});
export type SubmitCorrectionInput = z.output<typeof SubmitCorrectionInput>;

export const ListingSampleInput = z
  .object({
    card: CardData,
    platform: Platform,
    tone: Tone,
    title: trimmed(200),
    description: trimmed(5000),
  })
  .superRefine((l, ctx) => {
    if (l.platform === 'EBAY' && l.title.length > 80) {
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'eBay titles are at most 80 characters' });
    }
  });

export const AddTrainingSampleInput = z
  .object({
    cardIdentification: z.object({ ...Scan, card: CardData }).nullish(),
    listing: ListingSampleInput.nullish(),
    confidence: Confidence.nullish().transform((v) => v ?? 1),
    userId: UserId,
    idempotencyKey: IdempotencyKey,
  })
  .superRefine((v, ctx) => {
    if (!v.cardIdentification === !v.listing) {
      ctx.addIssue({
        code: 'custom',
        path: [v.cardIdentification ? 'listing' : 'cardIdentification'],
        message: 'give exactly one of cardIdentification and listing',
      });
    }
  });
export type AddTrainingSampleInput = z.output<typeof AddTrainingSampleInput>;

export const ReviewDecision = z.enum(REVIEW_STATUSES.filter((s) => s !== 'PENDING') as ['APPROVED', 'REJECTED']);

export const ReviewSamplesInput = z.object({
  ids: z.array(z.string().min(1)).min(1, 'give at least one sample id').max(1000, 'at most 1000 samples at once'),
  decision: ReviewDecision,
  note: optionalTrimmed(500),
});
export type ReviewSamplesInput = z.output<typeof ReviewSamplesInput>;
