import { CARD_FIELDS, normaliseFieldValue, type CardData } from '../cards/card.js';
import type { SampleLike } from './sample.js';

/**
 * Normalised text of samples, for near-duplicate and conflict detection.
 *
 * The rule (NORMALISATION_VERSION n1):
 * - text: Unicode NFKD, combining marks dropped (Acuña → acuna), lower case, every run of
 *   characters that are not letters or digits (punctuation, symbols, whitespace) → one space,
 *   trimmed. "#23 Michael JORDAN," and "23 michael jordan" are the same text.
 * - OCR text is also order-insensitive: its words are sorted. OCR engines emit the blocks of
 *   the same card in different orders depending on crop and rotation, and the same words in
 *   another order carry the same evidence about the card.
 * - the image description, the listing title and description keep their word order (prose).
 * - a card is normalised field by field with `normaliseFieldValue` (the rule `diffCards` uses),
 *   so two cards have the same normalised text exactly when `diffCards` finds no difference.
 *
 * Inputs: card ID = OCR text + image description; listing = card + platform + tone.
 * Near duplicate = same normalised input and same normalised output.
 * Changing any of this changes which samples are duplicates and, through the split key, which
 * split an input falls in: bump the version, and pin earlier test sets (see split.ts).
 */
export const NORMALISATION_VERSION = 'n1';

export const NEAR_DUPLICATE_RULE =
  'same normalised input and output: NFKD, accents dropped, lower case, runs of non-letters/digits as one space; ' +
  'OCR words sorted (order-insensitive); image description and listing text keep word order; card fields compared as diffCards does';

const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const NON_ALNUM_ASCII = /[^a-z0-9]+/g;

export function normaliseText(text: string | null | undefined): string {
  if (!text) return '';
  // Same result, faster: ASCII text has nothing to decompose and only ASCII letters and digits.
  if (ASCII.test(text)) return text.toLowerCase().replace(NON_ALNUM_ASCII, ' ').trim();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NON_ALNUM, ' ').trim();
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;

/** normaliseText with the words sorted: for OCR text, whose reading order is arbitrary. */
export function normaliseOcrText(text: string | null | undefined): string {
  if (!text) return '';
  // The words normaliseText would join, found in one pass instead of replace, trim and split.
  const words = ASCII.test(text) ? text.toLowerCase().match(ASCII_WORD) : text.normalize('NFKD').replace(MARKS, '').toLowerCase().match(WORD);
  return words === null ? '' : words.sort().join(' ');
}

/** The card as the values `diffCards` compares, in CARD_FIELDS order. */
export function normaliseCard(card: Partial<Record<(typeof CARD_FIELDS)[number], unknown>> | CardData): string {
  return JSON.stringify(CARD_FIELDS.map((f) => normaliseFieldValue(f, card[f])));
}

/** Normalised input text of a sample, prefixed by its task so the two tasks never share keys. */
export function normalisedInput(sample: SampleLike): string {
  if (sample.task === 'CARD_IDENTIFICATION') {
    return `card-id\n${normaliseOcrText(sample.input.ocrText)}\n${normaliseText(sample.input.imageDescription)}`;
  }
  return `listing\n${sample.input.platform}\n${sample.input.tone}\n${normaliseCard(sample.input.card)}`;
}

/** Normalised output text of a sample. */
export function normalisedOutput(sample: SampleLike): string {
  if (sample.task === 'CARD_IDENTIFICATION') return normaliseCard(sample.output);
  return `${normaliseText(sample.output.title)}\n${normaliseText(sample.output.description)}`;
}
