import { CARD_FIELDS, normaliseFieldValue, type CardData, type CardField } from '../../services/cards/card.js';
import type { ScanInput } from '../../services/prompts/chat-format.js';
import { levenshtein } from '../trainer/text.js';

/**
 * Which fields of a scan's answer are in its text at all. The generator's scans carry every
 * field somewhere (OCR text or image description), but OCR damage can make a field's only
 * reading unrecognisable, and no model can read a field its input does not carry: this oracle
 * bounds what any model can score, so an evaluation can report exact match on the scans where
 * every field is there to be read.
 * Lenient by default: one OCR slip per value still counts as present. With `slips: 0` it asks
 * for every value printed undamaged at least once: the bound of a model that cannot know how an
 * unseen player's name is spelt when every reading of it is damaged.
 */

function fuzzyIncludes(haystack: string, needle: string, slips: 0 | 1): boolean {
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  if (!n || h.includes(n)) return true;
  if (slips === 0 || n.length < 5) return false;
  for (let i = 0; i + n.length - 1 <= h.length; i++) {
    for (const len of [n.length - 1, n.length, n.length + 1]) {
      if (i + len <= h.length && levenshtein(h.slice(i, i + len), n, 1) <= 1) return true;
    }
  }
  return false;
}

export function missingFields(scan: ScanInput, card: CardData, slips: 0 | 1 = 1): CardField[] {
  const ocr = scan.ocrText;
  const all = `${ocr}\n${scan.imageDescription ?? ''}`;
  const missing: CardField[] = [];
  const number = card.cardNumber.toLowerCase().replace(/[-]/g, '.?');
  if (!new RegExp(`(^|[^0-9a-z])${number}($|[^0-9])`).test(ocr.toLowerCase())) missing.push('cardNumber');
  if (!all.includes(card.year.slice(0, 4))) missing.push('year');
  if (!fuzzyIncludes(all, card.brand, slips)) missing.push('brand');
  if (card.variation && !fuzzyIncludes(all, card.variation.replace(/\s*\/.*$/, ''), slips)) missing.push('variation');
  const words = card.player.split(/\s+/);
  const nameRead = slips ? fuzzyIncludes(ocr, words.slice(1).join(' ') || card.player, 1) : words.every((w) => fuzzyIncludes(ocr, w, 0));
  if (!nameRead) missing.push('player');
  return missing;
}

export interface Scores {
  n: number;
  exactMatch: number;
  perField: Record<CardField, number>;
  /** Exact match on the scans whose text carries every field. */
  answerableExactMatch: number;
  answerable: number;
  /** Exact match on the scans that print every field undamaged at least once, and how many do. */
  legibleExactMatch: number;
  legible: number;
  /** Answers that were not a valid card. */
  invalid: number;
}

export function score(results: ReadonlyArray<{ scan: ScanInput; truth: CardData; predicted: CardData | null }>): Scores {
  const perField = Object.fromEntries(CARD_FIELDS.map((f) => [f, 0])) as Record<CardField, number>;
  let exact = 0;
  let answerable = 0;
  let answerableExact = 0;
  let legible = 0;
  let legibleExact = 0;
  let invalid = 0;
  for (const r of results) {
    const ok = CARD_FIELDS.filter((f) => r.predicted !== null && normaliseFieldValue(f, r.predicted[f]) === normaliseFieldValue(f, r.truth[f]));
    if (!r.predicted) invalid++;
    for (const f of ok) perField[f]++;
    const all = ok.length === CARD_FIELDS.length;
    if (all) exact++;
    if (missingFields(r.scan, r.truth).length === 0) {
      answerable++;
      if (all) answerableExact++;
    }
    if (missingFields(r.scan, r.truth, 0).length === 0) {
      legible++;
      if (all) legibleExact++;
    }
  }
  const n = results.length;
  for (const f of CARD_FIELDS) perField[f] /= n;
  return { n, exactMatch: exact / n, perField, answerableExactMatch: answerable ? answerableExact / answerable : 0, answerable, legibleExactMatch: legible ? legibleExact / legible : 0, legible, invalid };
}
