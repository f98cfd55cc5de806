import { ObjectId } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { CardSampleDoc, ListingSampleDoc, SampleDoc, SampleSource } from '../../db/documents.js';
import { badInput } from '../../errors.js';
import { diffCards, type CardData } from '../cards/card.js';
import type { AddTrainingSampleInput, ConfirmScanInput, SubmitCorrectionInput } from './inputs.js';
import type { Events } from '../events.js';
import { sampleContentHash } from './content-hash.js';

/** The seed's TrainingDataCollector: turns scans, corrections and manual entries into samples. */

export interface CollectResult {
  sampleId: string;
  /** True when the content was already stored: the repeat was counted, nothing new was written. */
  duplicate: boolean;
}

type NewSample =
  | Omit<CardSampleDoc, '_id' | 'contentHash' | 'repeatCount' | 'countedOps' | 'reviewStatus' | 'reviewedBy' | 'reviewedAt' | 'reviewNote' | 'createdAt' | 'updatedAt'>
  | Omit<ListingSampleDoc, '_id' | 'contentHash' | 'repeatCount' | 'countedOps' | 'reviewStatus' | 'reviewedBy' | 'reviewedAt' | 'reviewNote' | 'createdAt' | 'updatedAt'>;

export class CollectorService {
  constructor(
    private readonly db: Database,
    private readonly events: Events,
  ) {}

  confirmScan(input: ConfirmScanInput, createdBy: string, opId: string | null): Promise<CollectResult> {
    return this.store(
      {
        task: 'CARD_IDENTIFICATION',
        source: 'VALIDATED_SCAN',
        input: { ocrText: input.ocrText, imageDescription: input.imageDescription },
        output: input.card,
        originalPrediction: null,
        correctedFields: [],
        predictionId: null,
        confidence: input.confidence,
        userId: input.userId,
        createdBy,
      },
      opId,
    );
  }

  submitCorrection(input: SubmitCorrectionInput, createdBy: string, opId: string | null): Promise<CollectResult> {
    const changed = diffCards(input.originalPrediction, input.correctedCard);
    if (changed.length === 0) {
      throw badInput('input.correctedCard', 'the corrected card equals the original prediction: nothing was corrected');
    }
    if (input.correctedFields) {
      const given = [...new Set(input.correctedFields)].sort();
      if (given.join(',') !== [...changed].sort().join(',')) {
        throw badInput(
          'input.correctedFields',
          `does not match the fields that differ between originalPrediction and correctedCard (${changed.join(', ')})`,
        );
      }
    }
    return this.store(
      {
        task: 'CARD_IDENTIFICATION',
        source: 'USER_CORRECTION',
        input: { ocrText: input.ocrText, imageDescription: input.imageDescription },
        output: input.correctedCard,
        originalPrediction: input.originalPrediction,
        correctedFields: changed,
        predictionId: input.predictionId,
        confidence: input.confidence,
        userId: input.userId,
        createdBy,
      },
      opId,
    );
  }

  addTrainingSample(input: AddTrainingSampleInput, createdBy: string, opId: string | null): Promise<CollectResult> {
    const common = { source: 'MANUAL' as SampleSource, confidence: input.confidence, userId: input.userId, createdBy };
    if (input.cardIdentification) {
      const c = input.cardIdentification;
      return this.store(
        {
          ...common,
          task: 'CARD_IDENTIFICATION',
          input: { ocrText: c.ocrText, imageDescription: c.imageDescription },
          output: c.card,
          originalPrediction: null,
          correctedFields: [],
          predictionId: null,
        },
        opId,
      );
    }
    const l = input.listing!;
    return this.store(
      {
        ...common,
        task: 'LISTING_GENERATION',
        input: { card: l.card as CardData, platform: l.platform, tone: l.tone },
        output: { title: l.title, description: l.description },
        platform: l.platform,
        tone: l.tone,
      },
      opId,
    );
  }

  /**
   * Inserts the sample, or counts a repeat of content already stored. One document write
   * either way; `opId` (from an idempotency key) makes a re-run land on the same outcome.
   */
  private async store(sample: NewSample, opId: string | null): Promise<CollectResult> {
    const result = await this.write(sample, opId);
    this.events.publish('samples:changed', { at: new Date() });
    return result;
  }

  private async write(sample: NewSample, opId: string | null): Promise<CollectResult> {
    const contentHash = sampleContentHash(sample as Parameters<typeof sampleContentHash>[0]);
    const now = new Date();
    const doc = {
      ...sample,
      _id: opId ?? new ObjectId().toHexString(),
      contentHash,
      repeatCount: 0,
      countedOps: [],
      reviewStatus: 'PENDING',
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      createdAt: now,
      updatedAt: now,
    } as SampleDoc;
    try {
      await this.db.samples.insertOne(doc);
      return { sampleId: doc._id, duplicate: false };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    const same = await this.db.samples.findOne({ _id: doc._id }, { projection: { _id: 1, contentHash: 1 } });
    if (same) return { sampleId: same._id, duplicate: false };
    const filter = opId ? { contentHash, countedOps: { $ne: opId } } : { contentHash };
    const update = opId
      ? { $inc: { repeatCount: 1 }, $push: { countedOps: opId }, $set: { updatedAt: now } }
      : { $inc: { repeatCount: 1 }, $set: { updatedAt: now } };
    // No projection here: FerretDB 1.x rejects findAndModify with `fields`.
    const counted = await this.db.samples.findOneAndUpdate(filter, update);
    const existing = counted ?? (await this.db.samples.findOne({ contentHash }, { projection: { _id: 1 } }));
    if (!existing) throw new Error(`sample with content ${contentHash} vanished between insert and lookup`);
    return { sampleId: existing._id, duplicate: true };
  }
}
