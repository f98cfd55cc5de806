import { PARALLEL_GLOSSARY, PRODUCT_NAMES } from './parallels.js';
import { levenshtein } from './text.js';

/**
 * The grading companies' published scales: the words each prints on its labels for a grade,
 * general knowledge a base model has. A "+" adds half a point ("NM-MT+" is 8.5, "MINT+" 9.5).
 * Keys are the words in lower case with everything but letters dropped ("NM/MINT" → "nmmint").
 */
const SCALES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  PSA: { gemmt: 10, gemmint: 10, mint: 9, nmmt: 8, nm: 7, nearmint: 7, exmt: 6, ex: 5, vgex: 4, vg: 3, good: 2, fr: 1.5, fair: 1.5, pr: 1, poor: 1 },
  BGS: { pristine: 10, gemmint: 9.5, mint: 9, nmmt: 8, nearmint: 7, nm: 7, exmt: 6, excellent: 5, ex: 5, vgex: 4, verygood: 3, vg: 3, good: 2, fair: 1.5, poor: 1 },
  SGC: { pristine: 10, gemmint: 10, mint: 9, nmmt: 8, nm: 7, exnm: 6, ex: 5, vgex: 4, vg: 3, good: 2, fair: 1.5, poor: 1 },
  CGC: { pristine: 10, gemmint: 10, mint: 9, nmmint: 8, nearmint: 7, exnm: 6, excellent: 5, vgex: 4, verygood: 3, good: 2, fair: 1.5, poor: 1 },
};
const scaleOf = (company: string) => SCALES[company === 'CSG' ? 'CGC' : company];

/** Every scale's words, run together as keys are ("nm", "nmmt", "gemmint"). */
export const GRADE_KEYS: ReadonlySet<string> = new Set(Object.values(SCALES).flatMap((scale) => Object.keys(scale)));

/** Every scale's words of four letters or more, run together as keys are ("nmmt", "gemmint"): no one's name. */
export const GRADE_WORDS: ReadonlySet<string> = new Set(
  Object.values(SCALES)
    .flatMap((scale) => Object.keys(scale))
    .filter((k) => k.length >= 4),
);

/**
 * Label words a slip away from a grade's word that name something else: "GOLD" is a parallel, not
 * a misread GOOD; "PRINT" is not MINT.
 */
const OTHER_LABEL_WORDS: ReadonlySet<string> = new Set(
  [...PARALLEL_GLOSSARY, ...PRODUCT_NAMES].flatMap((name) => name.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 3),
);

/** The key of a run of label words: letters only, and whether it ends in "+". */
export function gradeWordsKey(text: string): string {
  // A "+" OCR swapped with the letter before it counts too ("NM/MIN+T").
  const plus = /\+[A-Za-z]?\s*$/.test(text);
  return text.toLowerCase().replace(/[^a-z]/g, '') + (plus ? '+' : '');
}

/**
 * The grade a company's label words name, or null: exactly, or one OCR slip away for words of
 * four letters or more ("GEM T" for "GEM MT"); a "+" must be there on both or neither.
 */
export function gradeOfWords(company: string, key: string): { grade: number; match: 'exact' | 'fuzzy' } | null {
  const scale = scaleOf(company);
  if (!scale || !key) return null;
  const plus = key.endsWith('+');
  const letters = plus ? key.slice(0, -1) : key;
  const withPlus = (g: number) => (plus ? g + 0.5 : g);
  const exact = scale[letters];
  if (exact !== undefined) return withPlus(exact) <= 10 ? { grade: withPlus(exact), match: 'exact' } : null;
  // Three letters only as a four-letter word with one dropped ("MIN", "INT" for MINT).
  if (letters.length < 3 || OTHER_LABEL_WORDS.has(letters)) return null;
  for (const [words, grade] of Object.entries(scale)) {
    if (words.length < 4) continue;
    if (Math.abs(words.length - letters.length) <= 1 && levenshtein(words, letters, 1) <= 1 && withPlus(grade) <= 10) return { grade: withPlus(grade), match: 'fuzzy' };
  }
  return null;
}
