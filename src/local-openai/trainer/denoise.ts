import { levenshtein } from './text.js';


/**
 * What the card model learns about characters from the training answers: a character n-gram
 * language model of the words the answers use (names, brands, variations) and the OCR channel
 * (which characters get substituted, dropped, doubled or swapped), counted from OCR tokens
 * aligned to their answer words.
 */

const ORDER = 4;
const BOS = '^';
const EOS = '$';

export interface DenoiserState {
  /** n-gram counts: context → (next char → count). */
  grams: Record<string, Record<string, number>>;
  /** Channel: `s:g>o` substitution, `d:g` drop, `i:o` insertion, `r:o` a character doubled, `w` swap, `n` characters seen. */
  channel: Record<string, number>;
}

/** Edit operations turning `gold` into `ocr` (optimal string alignment backtrace). */
export function editOps(gold: string, ocr: string): string[] {
  const n = gold.length;
  const m = ocr.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = gold[i - 1] === ocr[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && gold[i - 1] === ocr[j - 2] && gold[i - 2] === ocr[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  const ops: string[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0 && gold[i - 1] === ocr[j - 1] && here === d[i - 1]![j - 1]) {
      i--;
      j--;
    } else if (i > 1 && j > 1 && gold[i - 1] === ocr[j - 2] && gold[i - 2] === ocr[j - 1] && here === d[i - 2]![j - 2]! + 1) {
      ops.push('w');
      i -= 2;
      j -= 2;
    } else if (i > 0 && j > 0 && here === d[i - 1]![j - 1]! + 1) {
      ops.push(`s:${gold[i - 1]}>${ocr[j - 1]}`);
      i--;
      j--;
    } else if (i > 0 && here === d[i - 1]![j]! + 1) {
      ops.push(`d:${gold[i - 1]}`);
      i--;
    } else {
      // A character read twice is its own kind of edit: OCR doubles letters far more often than it invents them.
      ops.push(j > 1 && ocr[j - 1] === ocr[j - 2] ? `r:${ocr[j - 1]}` : `i:${ocr[j - 1]}`);
      j--;
    }
  }
  return ops;
}

/**
 * The spellings on the way from one reading to another: each difference of their alignment
 * taken from either side ("jusstin" and "justinv" give "justin" among others). Two readings
 * damaged in different places hold the real spelling between them. Empty when they differ in
 * more than `maxDiffs` places.
 */
export function spellingsBetween(a: string, b: string, maxDiffs = 4): string[] {
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  // Aligned pieces, back to front: a shared character, or a difference (what a has there, what b has).
  const pieces: Array<{ same: string } | { a: string; b: string }> = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && d[i]![j] === d[i - 1]![j - 1]) {
      pieces.push({ same: a[--i]! });
      j--;
    } else if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + 1) pieces.push({ a: a[--i]!, b: b[--j]! });
    else if (i > 0 && d[i]![j] === d[i - 1]![j]! + 1) pieces.push({ a: a[--i]!, b: '' });
    else pieces.push({ a: '', b: b[--j]! });
  }
  pieces.reverse();
  const diffs = pieces.filter((p) => !('same' in p)).length;
  if (diffs === 0 || diffs > maxDiffs) return [];
  const out = new Set<string>();
  for (let mask = 0; mask < 1 << diffs; mask++) {
    let k = 0;
    let word = '';
    for (const p of pieces) word += 'same' in p ? p.same : mask & (1 << k++) ? p.b : p.a;
    out.add(word);
  }
  return [...out];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every spelling one edit from `word`: a letter dropped, doubled or inserted, changed, or (with `swaps`) two swapped. */
export function oneEditAway(word: string, swaps = true): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    if (i < word.length) out.add(word.slice(0, i) + word.slice(i + 1));
    if (swaps && i + 1 < word.length) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    for (const ch of LETTERS) {
      out.add(word.slice(0, i) + ch + word.slice(i));
      if (i < word.length) out.add(word.slice(0, i) + ch + word.slice(i + 1));
    }
  }
  out.delete(word);
  return out;
}

/**
 * The spellings one edit from each of two readings that differ: when OCR damaged both, each in
 * its own place ("MTATHEW" and "MTTHEW"), the word it read is among them ("matthew").
 */
export function commonNeighbours(a: string, b: string): string[] {
  if (a === b || levenshtein(a, b, 2) > 2) return [];
  return [...oneEditAway(a)].filter((w) => w !== b && levenshtein(w, b, 1) <= 1);
}

export class DenoiserBuilder {
  private readonly state: DenoiserState = { grams: {}, channel: { n: 0 } };

  addWord(word: string): void {
    const w = word.toLowerCase();
    if (!w) return;
    const padded = BOS.repeat(ORDER - 1) + w + EOS;
    for (let k = ORDER - 1; k < padded.length; k++) {
      const ch = padded[k]!;
      for (let n = 0; n < ORDER; n++) {
        const ctx = padded.slice(k - n, k);
        const row = (this.state.grams[ctx] ??= {});
        row[ch] = (row[ch] ?? 0) + 1;
      }
    }
  }

  /** Counts the OCR damage between an answer word and the OCR token aligned to it. */
  addPair(gold: string, ocr: string): void {
    const g = gold.toLowerCase();
    const o = ocr.toLowerCase();
    if (levenshtein(g, o, 3) > 2) return;
    this.state.channel.n = (this.state.channel.n ?? 0) + g.length;
    for (const op of editOps(g, o)) this.state.channel[op] = (this.state.channel[op] ?? 0) + 1;
  }

  build(): DenoiserState {
    return this.state;
  }
}

/** A character n-gram model read from counts (Witten–Bell interpolation down to uniform). */
export class CharModel {
  private readonly totals = new Map<string, { total: number; types: number }>();
  private readonly uniform: number;

  constructor(private readonly grams: DenoiserState['grams']) {
    for (const [ctx, row] of Object.entries(grams)) {
      let total = 0;
      for (const v of Object.values(row)) total += v;
      this.totals.set(ctx, { total, types: Object.keys(row).length });
    }
    this.uniform = 1 / (Object.keys(grams[''] ?? {}).length + 2);
  }

  /** P(the character at `k` | the ORDER - 1 before it) in a padded word. */
  charProb(padded: string, k: number): number {
    const ch = padded[k]!;
    let p = this.uniform;
    for (let n = 0; n < ORDER; n++) {
      const ctx = padded.slice(k - n, k);
      const t = this.totals.get(ctx);
      if (!t) break;
      const count = this.grams[ctx]![ch] ?? 0;
      const lambda = t.total / (t.total + t.types);
      p = lambda * (count / t.total) + (1 - lambda) * p;
    }
    return p;
  }

  /** log P(word), padded as words are counted. */
  logProb(word: string): number {
    const padded = BOS.repeat(ORDER - 1) + word + EOS;
    let lp = 0;
    for (let k = ORDER - 1; k < padded.length; k++) lp += Math.log(this.charProb(padded, k));
    return lp;
  }
}

/** Counts the character n-grams of words into a model's table. */
export function countWords(words: Iterable<string>): DenoiserState['grams'] {
  const builder = new DenoiserBuilder();
  for (const w of words) builder.addWord(w);
  return builder.build().grams;
}

/**
 * The character model at inference: how likely a word is as an answer word — the answers' own
 * words mixed with a prior over people's names in general (`prior`, e.g. name-prior.ts), so a
 * player the training file never named still reads as a name ("Dubois" over "Dbois") — and the
 * OCR channel. The name decoder uses both to choose between readings of the same name and to
 * decide which letter a digit in a name stood for, and whether a name read only once was damaged.
 */
export class Denoiser {
  private readonly answers: CharModel;
  private readonly chars: number;
  /** log of the share of characters the channel leaves alone. */
  private readonly keep: number;
  /** Edits per kind (d drop, i insertion, r doubling, s substitution, w swap): an edit never counted backs off to its kind's rate. */
  private readonly kinds = new Map<string, number>();

  constructor(
    private readonly state: DenoiserState,
    private readonly prior: CharModel | null = null,
    /** Weight of the answers' own model against the prior. */
    private readonly answerWeight = 0.5,
  ) {
    this.answers = new CharModel(state.grams);
    this.chars = Math.max(1, state.channel.n ?? 0);
    let edits = 0;
    for (const [op, v] of Object.entries(state.channel)) {
      if (op === 'n') continue;
      edits += v;
      this.kinds.set(op[0]!, (this.kinds.get(op[0]!) ?? 0) + v);
    }
    this.keep = Math.log(Math.max(0.5, 1 - edits / this.chars));
  }

  /** The share of characters the channel damaged in training. */
  get editRate(): number {
    return 1 - Math.exp(this.keep);
  }

  /** log P(word) under the character model. */
  logProb(word: string): number {
    const padded = BOS.repeat(ORDER - 1) + word + EOS;
    let lp = 0;
    for (let k = ORDER - 1; k < padded.length; k++) {
      const own = this.answers.charProb(padded, k);
      lp += Math.log(this.prior ? this.answerWeight * own + (1 - this.answerWeight) * this.prior.charProb(padded, k) : own);
    }
    return lp;
  }

  /** log P(ocr | gold) under the learned channel: each edit at its counted rate, each kept character at the rest. */
  channelLogProb(gold: string, ocr: string): number {
    if (gold === ocr) return gold.length * this.keep;
    const ops = editOps(gold, ocr);
    let lp = Math.max(0, gold.length - ops.length) * this.keep;
    // An edit of a kind the channel makes often (drops) but on a letter it never saw counts as a share of its kind.
    for (const op of ops) lp += Math.log(((this.state.channel[op] ?? 0) + 0.2 + (this.kinds.get(op[0]!) ?? 0) / 26) / this.chars);
    return lp;
  }
}
