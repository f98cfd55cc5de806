import { levenshtein } from './text.js';

/**
 * A noisy-channel spelling corrector learned from the training answers: a character n-gram
 * language model of the words the answers use (names, brands, variations) and an OCR channel
 * model (which characters get substituted, dropped, doubled or swapped) counted from OCR
 * tokens aligned to their answer words. It corrects words it never saw, because it scores
 * letters in context rather than looking words up.
 */

const ORDER = 4;
const BOS = '^';
const EOS = '$';

export interface DenoiserState {
  /** n-gram counts: context → (next char → count). */
  grams: Record<string, Record<string, number>>;
  /** Channel: `s:g>o` substitution, `d:g` drop, `i:o` insertion, `w` swap, `n` characters seen. */
  channel: Record<string, number>;
  /** Known answer words with their counts. */
  words: Record<string, number>;
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
      ops.push(`i:${ocr[j - 1]}`);
      j--;
    }
  }
  return ops;
}

export class DenoiserBuilder {
  private readonly state: DenoiserState = { grams: {}, channel: { n: 0 }, words: {} };

  addWord(word: string): void {
    const w = word.toLowerCase();
    if (!w) return;
    this.state.words[w] = (this.state.words[w] ?? 0) + 1;
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

export class Denoiser {
  private readonly totals = new Map<string, { total: number; types: number }>();
  private readonly alphabet: string[];
  private readonly subsFrom = new Map<string, Array<[string, number]>>();
  private readonly pDrop = new Map<string, number>();
  private readonly pInsert: number;
  private readonly pSwap: number;
  private readonly pClean: number;
  private readonly cache = new Map<string, string>();

  constructor(private readonly state: DenoiserState) {
    for (const [ctx, row] of Object.entries(state.grams)) {
      let total = 0;
      for (const v of Object.values(row)) total += v;
      this.totals.set(ctx, { total, types: Object.keys(row).length });
    }
    this.alphabet = Object.keys(state.grams[''] ?? {}).filter((c) => c !== EOS);
    const ch = state.channel;
    const n = Math.max(1, ch.n ?? 0);
    let errors = 0;
    let inserts = 0;
    for (const [op, count] of Object.entries(ch)) {
      if (op === 'n') continue;
      errors += count;
      if (op.startsWith('s:')) {
        const [g, o] = op.slice(2).split('>') as [string, string];
        const list = this.subsFrom.get(o) ?? [];
        list.push([g, (count + 0.5) / n]);
        this.subsFrom.set(o, list);
      } else if (op.startsWith('d:')) this.pDrop.set(op.slice(2), (count + 0.5) / n);
      else if (op.startsWith('i:')) inserts += count;
    }
    this.pInsert = (inserts + 1) / n;
    this.pSwap = ((ch.w ?? 0) + 0.5) / n;
    this.pClean = Math.max(0.5, 1 - (errors + 1) / n);
  }

  /** log P(word) under the character model (Witten–Bell interpolation down to uniform). */
  logProb(word: string): number {
    const padded = BOS.repeat(ORDER - 1) + word + EOS;
    let lp = 0;
    const uniform = 1 / (this.alphabet.length + 2);
    for (let k = ORDER - 1; k < padded.length; k++) {
      const ch = padded[k]!;
      let p = uniform;
      for (let n = 0; n < ORDER; n++) {
        const ctx = padded.slice(k - n, k);
        const t = this.totals.get(ctx);
        if (!t) break;
        const count = this.state.grams[ctx]![ch] ?? 0;
        const lambda = t.total / (t.total + t.types);
        p = lambda * (count / t.total) + (1 - lambda) * p;
      }
      lp += Math.log(p);
    }
    return lp;
  }

  knows(word: string): boolean {
    return (this.state.words[word.toLowerCase()] ?? 0) > 0;
  }

  /**
   * Candidate readings of an OCR'd word, one OCR slip undone each, with the log-odds of the
   * slip against the word being read right: substitutions the channel saw, a doubled or stray
   * character removed, two neighbours swapped back, a dropped character put back.
   */
  private candidates(ocr: string): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const clean = Math.log(this.pClean);
    for (let i = 0; i < ocr.length; i++) {
      const o = ocr[i]!;
      for (const [g, p] of this.subsFrom.get(o) ?? []) out.push([ocr.slice(0, i) + g + ocr.slice(i + 1), Math.log(p) - clean]);
      out.push([ocr.slice(0, i) + ocr.slice(i + 1), Math.log(this.pInsert)]);
      if (i + 1 < ocr.length && ocr[i + 1] !== o) out.push([ocr.slice(0, i) + ocr[i + 1] + o + ocr.slice(i + 2), Math.log(this.pSwap) - clean]);
    }
    const fallback = 0.5 / Math.max(1, this.state.channel.n ?? 1);
    for (let i = 0; i <= ocr.length; i++) {
      for (const g of this.alphabet) out.push([ocr.slice(0, i) + g + ocr.slice(i), Math.log(this.pDrop.get(g) ?? fallback) - clean]);
    }
    return out;
  }

  /**
   * The most likely answer word behind an OCR'd word (lower case in, lower case out): a
   * candidate replaces the word only when language model and channel together favour it by
   * more than `threshold` nats (the caller calibrates it on words held out from training).
   */
  correct(ocr: string, threshold = this.threshold): string {
    const key = `${threshold}|${ocr}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let best = ocr;
    if (ocr.length >= 2 && !this.knows(ocr)) {
      const base = this.logProb(ocr);
      let bestGain = threshold;
      for (const [cand, channel] of this.candidates(ocr)) {
        if (!cand) continue;
        const gain = this.logProb(cand) - base + channel + (this.knows(cand) ? this.knownBonus : 0);
        if (gain > bestGain) {
          bestGain = gain;
          best = cand;
        }
      }
    }
    if (this.cache.size > 5_000) this.cache.clear();
    this.cache.set(key, best);
    return best;
  }

  threshold = 0;
  knownBonus = 2;
}
