import { GRADE_KEYS } from './grade-scales.js';
import { labelWordSet, ungluedPieces } from './glued-words.js';
import { censusShares, localeNameWords, nameWords } from './name-prior.js';
import { descriptionText, fold, core, foldDigits, type Token } from './text.js';

/**
 * The token sequence a card-ID model reads: the OCR text line by line, then the image
 * description as a line of its own. Letter–digit run-ons that OCR makes when it drops a space
 * ("MINT9", "NM-MT+8.5") are split; everything else stays as printed.
 */

export const TAGS = ['O', 'PLAYER', 'YEAR', 'BRAND', 'SET', 'NUM', 'VAR', 'GRADE'] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_INDEX: Readonly<Record<Tag, number>> = Object.fromEntries(TAGS.map((t, i) => [t, i])) as Record<Tag, number>;

export interface ScanToken extends Token {
  /** Folded core: lower case, look-alike digits read as letters in words. */
  norm: string;
  /** Core with look-alike letters read as digits (for numbers, years, grades). */
  digits: string;
}

/** Letters OCR reads as each digit. */
const LETTERS_OF_DIGIT: Readonly<Record<string, string>> = { '0': 'o', '1': 'il', '2': 'z', '3': 'eb', '4': 'a', '5': 's', '6': 'gb', '7': 't', '8': 'bs', '9': 'g' };

/** A name whose first letter OCR read as a digit ("8TEVE", "4NTHONY"), not a number run into a word. */
function nameWithLookAlike(piece: string): boolean {
  const rest = piece.slice(1).toLowerCase();
  // A name run into the next ("4DRIANPETERSON") counts by its first part.
  const known = (word: string) => nameWords().has(word) || Array.from({ length: Math.max(0, word.length - 6) }, (_, k) => k + 3).some((cut) => censusShares(word.slice(0, cut))[0] > 0 && nameWords().has(word.slice(cut)));
  return /^\d[a-z]{3,}$/i.test(piece) && [...(LETTERS_OF_DIGIT[piece[0]!] ?? '')].some((letter) => known(letter + rest));
}

/** A word whose last letter OCR read as a digit ("TOPP5", "ALBER7"), not a word run into a number. */
export function wordWithLookAlike(letters: string, digits: string): boolean {
  const word = letters.toLowerCase();
  return digits.length === 1 && [...(LETTERS_OF_DIGIT[digits] ?? '')].some((letter) => labelWordSet().has(word + letter) || localeNameWords().has(word + letter));
}

function splitRunOn(piece: string): string[] {
  if (piece.startsWith('#')) return [piece];
  // Not a card number's prefix ("RC-44", "BDC-150"): letters ending in a hyphen stay with their digits.
  const m = /^([A-Za-z][A-Za-z-]{1,}[A-Za-z+])(\d+(?:\.\d)?)$/.exec(piece) ?? /^(\d+(?:\.\d)?)([A-Za-z][A-Za-z-]*[A-Za-z+])$/.exec(piece);
  if (m && (m[1]!.length >= 3 || m[2]!.length >= 3) && !nameWithLookAlike(piece) && !wordWithLookAlike(m[1]!, m[2]!)) return [m[1]!, m[2]!];
  // A two-letter grade, or the end of one ("GEM MT10"), run into its number ("NM7", "EX5"), not a two-letter number
  // prefix ("US175").
  const short = /^([A-Za-z]{2}\+?)(\d+(?:\.\d)?)$/.exec(piece);
  const key = short?.[1]!.toLowerCase().replace('+', '');
  return short && (GRADE_KEYS.has(key!) || key === 'mt') ? [short[1]!, short[2]!] : [piece];
}

/**
 * A space OCR moved by one character next to a year, a print run or a card number, which never end in a letter, nor
 * has a year three digits, nor a season's end one, nor a name a digit: "2021P ANINI" is 2021 PANINI, "/199G eM" /199
 * GeM, "2019-20O -PEE-CHEE" 2019-20 O-PEE-CHEE, "2022-2 3DONRUSS" 2022-23 DONRUSS, "202 4TOPPS" 2024 TOPPS, "#6 2GARY"
 * #62 GARY.
 */
function movedSpacesNextToNumbers(words: string[]): string[] {
  const out = [...words];
  for (let k = 0; k + 1 < out.length; k++) {
    const next = out[k + 1]!;
    // Only what reads as a year's start (19x, 20xx): a card number may end in a letter of its own ("150A").
    const letter = /^((?:19|20)\d{1,2}(?:[-_~]\d{2})?|\/\d{1,4})([A-Za-z])$/.exec(out[k]!);
    if (letter && /^[A-Za-z-]/.test(next)) {
      out[k] = letter[1]!;
      out[k + 1] = letter[2]! + next;
      continue;
    }
    const digit = /^(\d)([A-Za-z].*)$/.exec(next);
    if (digit && /^(\d{4}[-_~]\d|(19|20)\d)$/.test(out[k]!)) {
      out[k] += digit[1]!;
      out[k + 1] = digit[2]!;
      continue;
    }
    // "Donrus s2016", "SRVICE S2001": a word's last letter moved onto the year after it.
    const lead = /^([A-Za-z])((?:19|20)\d\d(?:[-_~]\d\d)?)$/.exec(next);
    if (lead && /^[A-Za-z]{2,}$/.test(out[k]!)) {
      out[k] += lead[1]!;
      out[k + 1] = lead[2]!;
      continue;
    }
    // "NO .204": the period of "NO." swapped with the space after it, which would make the number a batting average.
    if (/^n[o0]$/i.test(out[k]!) && /^\.\d{1,4}$/.test(next)) {
      out[k] += '.';
      out[k + 1] = next.slice(1);
      continue;
    }
    // A card number's last digit moved onto the name after it ("#6 2GARY", "NO. 8 5STEPHEN"), unless the digit is a
    // letter of the name OCR misread ("8TEVE").
    if (/^#?\d{1,3}$/.test(out[k]!) && /^\d[A-Za-z][A-Za-z'.-]{2,}$/.test(next) && !nameWithLookAlike(next)) {
      out[k] += next[0]!;
      out[k + 1] = next.slice(1);
    }
  }
  return out;
}

export function scanTokens(ocrText: string, imageDescription: string | null | undefined): ScanToken[] {
  const out: ScanToken[] = [];
  const push = (text: string, line: number, index: number, source: 0 | 1) => {
    const c = core(text);
    out.push({ text, line, index, source, norm: fold(c), digits: foldDigits(c.replace(/^#/, '')) });
  };
  const lines = ocrText.split(/\r?\n|\s\|\s/);
  lines.forEach((line, li) => {
    let index = 0;
    for (const raw of movedSpacesNextToNumbers(line.split(/\s+/))) {
      if (!raw) continue;
      // A half grade whose point OCR swapped with the space before it ("MINT9 .5"): one number again.
      const last = out[out.length - 1];
      if (/^\.5$/.test(raw) && index > 0 && last && /^\d{1,2}$/.test(last.text) && Number(last.text) < 10) {
        out.pop();
        push(last.text + raw, li, index - 1, 0);
        continue;
      }
      for (const word of ungluedPieces(raw)) for (const piece of splitRunOn(word)) push(piece, li, index++, 0);
    }
  });
  let index = 0;
  for (const piece of descriptionText(imageDescription).split(/\s+/)) if (piece) push(piece, 0, index++, 1);
  return out;
}
