import { createHash } from 'node:crypto';
import { CARD_FIELDS, normaliseFieldValue, type CardData } from '../cards/card.js';
import type { ListingInputDoc, ListingOutputDoc, ScanInputDoc, Task } from '../../db/documents.js';

/**
 * Identity of a sample's training content. Case, spacing and punctuation-free spacing do not
 * make two samples different; the source and who sent it do not either.
 */

export const normaliseText = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();

const cardKey = (card: CardData) => CARD_FIELDS.map((f) => normaliseFieldValue(f, card[f])).join('\u001f');

export function scanInputKey(input: ScanInputDoc): string {
  return `${normaliseText(input.ocrText)}\u001e${normaliseText(input.imageDescription)}`;
}

export function sampleContentHash(
  sample:
    | { task: 'CARD_IDENTIFICATION'; input: ScanInputDoc; output: CardData }
    | { task: 'LISTING_GENERATION'; input: ListingInputDoc; output: ListingOutputDoc },
): string {
  const task: Task = sample.task;
  const parts =
    sample.task === 'CARD_IDENTIFICATION'
      ? [task, scanInputKey(sample.input), cardKey(sample.output)]
      : [
          task,
          cardKey(sample.input.card),
          sample.input.platform,
          sample.input.tone,
          normaliseText(sample.output.title),
          normaliseText(sample.output.description),
        ];
  return createHash('sha256').update(parts.join('\u001d')).digest('hex');
}
