import type { ScanToken } from './scan-tokens.js';
import { levenshtein, shape, skeleton } from './text.js';

/**
 * Features of one token for the card tagger: the word (only when it is common in training, so
 * names the model never saw look like the rare words it learned names from), its shape,
 * affixes, number-likeness, place in its line, its neighbours and, added during decoding,
 * the previous tags.
 */

export interface Vocabulary {
  has(word: string): boolean;
}

const key = (t: ScanToken | undefined, vocab: Vocabulary, edge: string) => (t ? (vocab.has(t.norm) ? t.norm : `<${shape(t.text).slice(0, 4)}>`) : edge);

/** Per-scan facts a token's features refer to: which OCR words the description repeats, which recur. */
export interface ScanContext {
  described: Set<string>;
  counts: Map<string, number>;
  lines: number;
  /** OCR tokens (by index) that a word of the description spells, up to an OCR slip: never a player's name. */
  fuzzyDescribed: Uint8Array;
  /** OCR tokens (by index) read again, up to an OCR slip, elsewhere in the OCR text (a name on label and card). */
  echoed: Uint8Array;
}

export function scanContext(tokens: readonly ScanToken[]): ScanContext {
  const described = new Set<string>();
  const counts = new Map<string, number>();
  let lines = 0;
  for (const t of tokens) {
    if (t.source === 1) described.add(t.norm);
    else {
      counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
      lines = Math.max(lines, t.line + 1);
    }
  }
  const fuzzyDescribed = new Uint8Array(tokens.length);
  const echoed = new Uint8Array(tokens.length);
  const words = tokens.map((t) => (t.norm.length >= 4 && /[a-z]/.test(t.norm) ? skeleton(t.norm) : ''));
  const descWords = [...new Set(tokens.filter((t, i) => t.source === 1 && words[i]).map((t) => skeleton(t.norm)))];
  for (let i = 0; i < tokens.length; i++) {
    const w = words[i]!;
    if (!w || tokens[i]!.source !== 0) continue;
    for (const d of descWords) {
      if (Math.abs(d.length - w.length) <= 1 && levenshtein(d, w, 1) <= 1) {
        fuzzyDescribed[i] = 1;
        break;
      }
    }
    for (let j = i + 1; j < tokens.length; j++) {
      const v = words[j]!;
      const t = tokens[j]!;
      if (!v || t.source !== 0 || (t.line === tokens[i]!.line && j - i <= 4) || Math.abs(v.length - w.length) > 2) continue;
      if (levenshtein(v, w, 2) <= (w.length >= 6 ? 2 : 1)) echoed[i] = echoed[j] = 1;
    }
  }
  return { described, counts, lines, fuzzyDescribed, echoed };
}

export function staticFeatures(tokens: readonly ScanToken[], i: number, vocab: Vocabulary, ctx: ScanContext): string[] {
  const t = tokens[i]!;
  const same = (j: number) => {
    const n = tokens[j];
    return n && n.source === t.source && n.line === t.line ? n : undefined;
  };
  const p1 = same(i - 1);
  const p2 = p1 && same(i - 2);
  const n1 = same(i + 1);
  const n2 = n1 && same(i + 2);
  const w = key(t, vocab, '');
  const s = shape(t.text);
  const norm = t.norm;
  const f = [
    'b',
    `w=${w}`,
    `s=${s}`,
    `p2=${norm.slice(0, 2)}`,
    `p3=${norm.slice(0, 3)}`,
    `x2=${norm.slice(-2)}`,
    `x3=${norm.slice(-3)}`,
    `len=${Math.min(norm.length, 10)}`,
    `src=${t.source}`,
    `li=${t.source}:${Math.min(t.line, 5)}`,
    `ti=${t.source}:${Math.min(t.index, 6)}`,
    `w-1=${key(p1, vocab, '<s>')}`,
    `w-2=${key(p2, vocab, '<s>')}`,
    `w+1=${key(n1, vocab, '</s>')}`,
    `w+2=${key(n2, vocab, '</s>')}`,
    `s-1=${p1 ? shape(p1.text) : '<s>'}`,
    `s+1=${n1 ? shape(n1.text) : '</s>'}`,
    `w-1|s=${key(p1, vocab, '<s>')}|${s}`,
    `w+1|s=${key(n1, vocab, '</s>')}|${s}`,
    `w-1|w+1=${key(p1, vocab, '<s>')}|${key(n1, vocab, '</s>')}`,
    `src|s=${t.source}|${s}`,
  ];
  if (t.source === 0) {
    if (ctx.described.has(norm)) f.push('described');
    if ((ctx.counts.get(norm) ?? 0) > 1) f.push('repeated');
    f.push(`lines=${Math.min(ctx.lines, 4)}`);
  }
  if (!n1) f.push('last');
  if (!p1) f.push('first');
  const d = t.digits;
  if (/^\d+$/.test(d)) f.push(`num=${Math.min(d.length, 5)}`);
  if (/^(\d|10)(\.5)?$/.test(d)) f.push('gradelike');
  if (/^(18|19|20)\d\d$/.test(d)) f.push('yearlike');
  if (/^(18|19|20)\d\d[-_~]\d\d$/.test(d)) f.push('seasonlike');
  if (t.text.startsWith('#')) f.push('hash');
  if (t.text.includes('/')) f.push('slash');
  if (t.text.endsWith(',')) f.push('comma');
  if (/[A-Za-z]/.test(t.text)) {
    if (t.text === t.text.toUpperCase()) f.push('upper');
    else if (/^[A-Z][a-z]/.test(t.text)) f.push('title');
    else if (t.text === t.text.toLowerCase()) f.push('lower');
    else f.push('mixed');
    if (!vocab.has(norm)) f.push('rare-alpha', `rare-alpha|w-1=${key(p1, vocab, '<s>')}`, `rare-alpha|w+1=${key(n1, vocab, '</s>')}`);
  }
  return f;
}

export const previousTagFeatures = (prev: string, prev2: string): string[] => [`t-1=${prev}`, `t-2|t-1=${prev2}|${prev}`];

/** The words of a scan for the sport and company classifiers. */
export function bagOfWords(tokens: readonly ScanToken[]): string[] {
  const out = new Set<string>(['b']);
  let prev = '';
  for (const t of tokens) {
    if (!t.norm) continue;
    out.add(`${t.source}:${t.norm}`);
    if (t.source === 1) {
      if (prev) out.add(`d2:${prev}_${t.norm}`);
      prev = t.norm;
    }
  }
  return [...out];
}

