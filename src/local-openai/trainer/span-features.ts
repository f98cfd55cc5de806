import type { ScanToken } from './scan-tokens.js';
import { TEAM_WORDS } from './team-words.js';
import { shape, skeleton, core, foldDigits } from './text.js';
import type { ScanContext, Vocabulary } from './token-features.js';

/**
 * Candidate spans for the player's name and their features, for the span ranker: every run of
 * one to four word-like OCR tokens on a line. A span model sees the whole name at once, so
 * it can prefer exactly the tokens of one name over a set word or team name next to it.
 */

/** A run of tokens read as one field's value, with how sure the reader is of it. */
export interface Span {
  tokens: ScanToken[];
  score: number;
  /** A reading that comes from elsewhere than the tokens (the base model's). */
  text?: string;
}

export const MAX_NAME_TOKENS = 4;

const wordLike = (t: ScanToken) =>
  /[A-Za-z]/.test(t.text) && !t.text.startsWith('#') && !t.text.includes('+') && t.text.replace(/[^A-Za-z]/g, '').length * 2 >= t.text.replace(/[^A-Za-z0-9]/g, '').length;

export function nameCandidates(tokens: readonly ScanToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (first.source !== 0 || !wordLike(first)) continue;
    for (let j = i + 1; j <= Math.min(tokens.length, i + MAX_NAME_TOKENS); j++) {
      const t = tokens[j - 1]!;
      if (t.line !== first.line || t.source !== 0 || !wordLike(t)) break;
      out.push([i, j]);
    }
  }
  return out;
}

const key = (t: ScanToken | undefined, vocab: Vocabulary, edge: string) => (t ? (vocab.has(t.norm) ? t.norm : `<${shape(t.text).slice(0, 4)}>`) : edge);

/** The span's words, look-alikes collapsed, in sorted order: "DAVIS, ANTHONY" and "Anthony Davis" agree. */
export function spanSkeleton(tokens: readonly ScanToken[], from: number, to: number): string {
  const words: string[] = [];
  for (let i = from; i < to; i++) words.push(skeleton(core(tokens[i]!.text).replace(/,$/, '')));
  return words.sort().join(' ');
}

export function nameSpanFeatures(
  tokens: readonly ScanToken[],
  from: number,
  to: number,
  vocab: Vocabulary,
  ctx: ScanContext,
  firstNames: ReadonlySet<string>,
  skeletons: ReadonlyMap<string, number>,
  nonNames: ReadonlySet<string>,
  brandWords: ReadonlySet<string> = new Set(),
): string[] {
  const n = to - from;
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  const before = from > 0 && tokens[from - 1]!.line === first.line && tokens[from - 1]!.source === 0 ? tokens[from - 1] : undefined;
  const after = to < tokens.length && tokens[to]!.line === first.line && tokens[to]!.source === 0 ? tokens[to] : undefined;
  const f = [
    `n=${n}`,
    `f=${key(first, vocab, '')}`,
    `l=${key(last, vocab, '')}`,
    `fs=${shape(first.text)}`,
    `ls=${shape(last.text)}`,
    `b=${key(before, vocab, '<s>')}`,
    `a=${key(after, vocab, '</s>')}`,
    `bs=${before ? shape(before.text) : '<s>'}`,
    `as=${after ? shape(after.text) : '</s>'}`,
    `n|b=${n}|${key(before, vocab, '<s>')}`,
    `n|a=${n}|${key(after, vocab, '</s>')}`,
    `whole=${!before && !after}`,
    `line=${Math.min(first.line, 5)}|${Math.min(ctx.lines, 4)}`,
  ];
  let described = 0;
  let known = 0;
  let commas = 0;
  let nonName = 0;
  let team = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (nonNames.has(t.norm)) nonName++;
    if (TEAM_WORDS.has(t.norm)) team++;
    if (ctx.described.has(t.norm)) described++;
    if (vocab.has(t.norm)) known++;
    if (t.text.endsWith(',')) commas++;
    if (i > from && i < to - 1) f.push(`m=${key(t, vocab, '')}`, `ms=${shape(t.text)}`);
  }
  let brands = 0;
  let fuzzyDescribed = 0;
  let echoed = 0;
  for (let i = from; i < to; i++) {
    if (brandWords.has(tokens[i]!.norm)) brands++;
    fuzzyDescribed += ctx.fuzzyDescribed[i]!;
    echoed += ctx.echoed[i]!;
  }
  f.push(`fdesc=${Math.min(fuzzyDescribed, 2)}`, `echo=${Math.min(echoed, 3)}|${n}`);
  f.push(`described=${Math.min(described, 2)}`, `known=${Math.min(known, 3)}|${n}`, `commas=${commas}`, `nonname=${nonName}|${n}`, `brands=${Math.min(brands, 2)}`, `team=${Math.min(team, 2)}|${n}`);
  if (before && brandWords.has(before.norm)) f.push('after-brand');
  if (commas && first.text.endsWith(',')) f.push('last-first');
  if (firstNames.has(first.norm)) f.push('first-name-first');
  if (n > 1 && firstNames.has(last.norm)) f.push('first-name-last');
  const sk = spanSkeleton(tokens, from, to);
  if ((skeletons.get(sk) ?? 0) > 1) f.push(`repeated|${n}`);
  if (n % 2 === 0 && n > 1 && spanSkeleton(tokens, from, from + n / 2) === spanSkeleton(tokens, from + n / 2, to)) f.push('doubled');
  return f;
}

/** How often each candidate's joined text occurs in the scan (names are printed twice on many slabs). */
export function candidateSkeletons(tokens: readonly ScanToken[], candidates: ReadonlyArray<[number, number]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [a, b] of candidates) {
    const sk = spanSkeleton(tokens, a, b);
    counts.set(sk, (counts.get(sk) ?? 0) + 1);
  }
  return counts;
}

export const MAX_VARIATION_TOKENS = 4;

const variationLike = (t: ScanToken) => (/[A-Za-z]/.test(t.text) && !t.text.startsWith('#')) || /^\d*\/\d+$/.test(t.digits) || t.text === '&' || t.text === '-';

/** Candidate spans for the variation, in the OCR text and in the image description. */
export function variationCandidates(tokens: readonly ScanToken[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!variationLike(first) || !/[A-Za-z]/.test(first.text)) continue;
    for (let j = i + 1; j <= Math.min(tokens.length, i + MAX_VARIATION_TOKENS); j++) {
      const t = tokens[j - 1]!;
      if (t.line !== first.line || t.source !== first.source || !variationLike(t)) break;
      out.push([i, j]);
    }
  }
  return out;
}

/** Features of a variation candidate; `null` features describe the scan for the "no variation" answer. */
export function variationSpanFeatures(
  tokens: readonly ScanToken[],
  from: number,
  to: number,
  vocab: Vocabulary,
  ctx: ScanContext,
  known: { has(skeleton: string): boolean; base(skeleton: string): boolean },
): string[] {
  const n = to - from;
  const first = tokens[from]!;
  const last = tokens[to - 1]!;
  const sameLine = (t: ScanToken | undefined) => (t && t.line === first.line && t.source === first.source ? t : undefined);
  const before = sameLine(tokens[from - 1]);
  const before2 = before && sameLine(tokens[from - 2]);
  const after = sameLine(tokens[to]);
  const src = first.source;
  const f = [
    `n=${src}|${n}`,
    `f=${key(first, vocab, '')}`,
    `l=${key(last, vocab, '')}`,
    `fs=${shape(first.text)}`,
    `ls=${shape(last.text)}`,
    `b=${src}|${key(before, vocab, '<s>')}`,
    `b2=${src}|${key(before2, vocab, '<s>')}|${key(before, vocab, '<s>')}`,
    `a=${src}|${key(after, vocab, '</s>')}`,
    `bs=${src}|${before ? shape(before.text) : '<s>'}`,
    `as=${src}|${after ? shape(after.text) : '</s>'}`,
    `n|b=${src}|${n}|${key(before, vocab, '<s>')}`,
    `n|a=${src}|${n}|${key(after, vocab, '</s>')}`,
    `whole=${src}|${!before && !after}`,
    `line=${src}|${Math.min(first.line, 5)}|${Math.min(ctx.lines, 4)}`,
    // A caption capitalises a parallel's name ("marked Black Border") but not a look ("with a black border").
    `capital=${src}|${/^[A-Z]/.test(first.text)}`,
  ];
  let described = 0;
  let known_ = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (src === 0 && ctx.described.has(t.norm)) described++;
    if (vocab.has(t.norm)) known_++;
    if (i > from && i < to - 1) f.push(`m=${key(t, vocab, '')}`);
  }
  f.push(`described=${src}|${Math.min(described, 2)}|${n}`, `known=${src}|${Math.min(known_, 3)}|${n}`);
  if (/\//.test(last.text)) f.push(`serial=${src}`);
  const sk = spanSkeleton(tokens, from, to);
  if (known.has(sk)) f.push(`lexicon=${src}`);
  if (known.base(sk)) f.push(`base-parallel=${src}`);
  return f;
}

/** Features of the "no variation" answer: the scan's shape, and whether the base model found a parallel it knows. */
export function nullVariationFeatures(ctx: ScanContext, baseFound: boolean): string[] {
  return ['null', `null|lines=${Math.min(ctx.lines, 6)}`, `null|base-found=${baseFound}`];
}

/** Features of the base model's own reading of the variation (one of the parallels it knows by name), as a candidate. */
export function baseVariationFeatures(baseVariation: string, skeletonOf: (v: string) => string): string[] {
  return ['base', `base=${skeletonOf(baseVariation)}`];
}

/**
 * The print run a scan shows, if any: a serial stamped on the card ("19/50", OCR look-alikes
 * folded), a bare "/50" after a label's parallel or in a caption, or a caption's "numbered to 50".
 */
export function printRunOf(tokens: readonly ScanToken[]): number | null {
  // Every mention votes (a serial "18/50", a label's bare "/50", a caption's "numbered to 50"): one damaged reading is outvoted.
  const votes = new Map<number, number>();
  const vote = (run: number) => votes.set(run, (votes.get(run) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const serial = /^(\d{0,4})\/(\d{1,4})$/.exec(foldDigits(t.text.replace(/[,.;:)]+$/, '')));
    if (serial && Number(serial[2]) >= 1 && (serial[1] === '' || (Number(serial[1]) >= 1 && Number(serial[1]) <= Number(serial[2])))) vote(Number(serial[2]));
    else if (t.source === 1 && /^numbered$/i.test(t.norm)) {
      const next = tokens[i + 1]?.norm === 'to' ? tokens[i + 2] : tokens[i + 1];
      const m = next && /^(\d{1,4})$/.exec(foldDigits(next.text.replace(/[,.;:)]+$/, '')));
      if (m && Number(m[1]) >= 1) vote(Number(m[1]));
    }
  }
  let best: number | null = null;
  // A tie goes to a run the hobby prints (/50 against a damaged /60).
  const rank = (run: number) => votes.get(run)! + (STANDARD_RUNS.has(run) ? 0.5 : 0);
  for (const run of votes.keys()) if (best === null || rank(run) > rank(best)) best = run;
  return best;
}

/** Print runs card makers number parallels to. */
const STANDARD_RUNS: ReadonlySet<number> = new Set([1, 5, 10, 15, 20, 25, 35, 49, 50, 75, 99, 125, 149, 150, 175, 199, 249, 250, 299, 399, 499, 999]);

/** The variation written with its print run, as hobby listings do: "Gold Refractor /50", a one-of-one "Superfractor 1/1". */
export const withPrintRun = (variation: string, run: number): string => (/\d*\/\d+$/.test(variation) ? variation : `${variation} ${run === 1 ? '1/1' : `/${run}`}`);
