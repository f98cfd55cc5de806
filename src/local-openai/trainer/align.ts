import type { CardData } from '../../services/cards/card.js';
import { TAG_INDEX, type ScanToken, type Tag } from './scan-tokens.js';
import { core, fold, foldDigits, similarity, skeleton } from './text.js';

/**
 * Training targets for the tagger: which tokens of a scan carry which field of the answer.
 * OCR is noisy, so matches are fuzzy (folded look-alikes, edit-distance similarity over the
 * joined characters of a window, which also absorbs dropped or doubled spaces).
 */

const joined = (tokens: readonly ScanToken[], from: number, to: number) => {
  let s = '';
  for (let i = from; i < to; i++) s += skeleton(core(tokens[i]!.text));
  return s;
};

const sameLine = (a: ScanToken, b: ScanToken) => a.source === b.source && a.line === b.line;

/** Non-overlapping windows whose joined text is similar enough to one of the targets. */
function windows(tokens: readonly ScanToken[], tags: Tag[], rawTargets: readonly string[], maxLen: number, looseThreshold: number): Array<[number, number]> {
  const targets = rawTargets.map(skeleton);
  // Short targets must match exactly (up to look-alikes): "mini" is one edit from "mint".
  const threshold = Math.min(...targets.map((t) => t.length)) <= 5 ? 0.999 : looseThreshold;
  const found: Array<[number, number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tags[i] !== 'O') continue;
    for (let len = 1; len <= maxLen && i + len <= tokens.length; len++) {
      if (!sameLine(tokens[i]!, tokens[i + len - 1]!) || tags[i + len - 1] !== 'O') break;
      const text = joined(tokens, i, i + len);
      if (!text) continue;
      for (const target of targets) {
        if (Math.abs(text.length - target.length) > Math.max(2, target.length * 0.3)) continue;
        const sim = similarity(text, target);
        if (sim >= threshold) found.push([i, i + len, sim]);
      }
    }
  }
  found.sort((a, b) => b[2] - a[2] || b[1] - b[0] - (a[1] - a[0]));
  const taken: Array<[number, number]> = [];
  for (const [from, to] of found) {
    if (taken.some(([a, b]) => from < b && to > a)) continue;
    taken.push([from, to]);
  }
  return taken;
}

function mark(tags: Tag[], spans: Array<[number, number]>, tag: Tag): void {
  for (const [from, to] of spans) for (let i = from; i < to; i++) tags[i] = tag;
}

const normWords = (s: string) => s.split(/\s+/).map((w) => fold(core(w))).filter(Boolean);

export function gradeText(grade: number): string {
  return Number.isInteger(grade) ? String(grade) : grade.toFixed(1);
}

export function alignCard(tokens: readonly ScanToken[], card: CardData): Tag[] {
  const tags: Tag[] = tokens.map(() => 'O');

  // Player: in printed order or as "LAST, FIRST SUFFIX".
  const words = normWords(card.player);
  if (words.length) {
    const targets = [words.join('')];
    if (words.length > 1) {
      const suffix = /^(jr|sr|ii|iii|iv)$/.test(words[words.length - 1]!) ? words.slice(-1) : [];
      const rest = words.slice(0, words.length - suffix.length);
      targets.push([...rest.slice(1), rest[0]!, ...suffix].join(''));
    }
    mark(tags, windows(tokens, tags, targets, words.length + 2, 0.74), 'PLAYER');
  }

  // Card number: prefer tokens printed as a number ("#12", "NO. 12", first on a line).
  const number = foldDigits(card.cardNumber.replace(/^#/, '')).toLowerCase();
  const numberHits: number[] = [];
  tokens.forEach((t, i) => {
    if (tags[i] === 'O' && t.source === 0 && t.digits.toLowerCase() === number) numberHits.push(i);
  });
  const marked = numberHits.filter((i) => tokens[i]!.text.startsWith('#') || /^no\.?$/i.test(tokens[i - 1]?.text ?? '') || tokens[i]!.index === 0);
  for (const i of marked.length ? marked : numberHits) tags[i] = 'NUM';

  // Year: the card's year, its season, or the first year alone.
  const start = card.year.slice(0, 4);
  tokens.forEach((t, i) => {
    if (tags[i] !== 'O') return;
    if (t.digits === start || t.digits === card.year || t.digits.replace(/[_~]/, '-') === card.year) tags[i] = 'YEAR';
  });

  // Brand, then the rest of the set name that follows it on the same line.
  const brand = normWords(card.brand).join('');
  const brandSpans = windows(tokens, tags, [brand], 3, 0.74);
  mark(tags, brandSpans, 'BRAND');
  for (const [, to] of brandSpans) {
    for (let i = to; i < Math.min(tokens.length, to + 3); i++) {
      const t = tokens[i]!;
      if (tags[i] !== 'O' || !sameLine(t, tokens[to - 1]!) || !/^[A-Za-z&]/.test(t.text) || (t.source === 1 && /^[a-z]/.test(t.text))) break;
      tags[i] = 'SET';
    }
  }

  // Variation (its words; a serial like "/99" is part of it).
  if (card.variation) {
    const target = normWords(card.variation).join('');
    mark(tags, windows(tokens, tags, [target], normWords(card.variation).length + 1, 0.74), 'VAR');
  }

  // Grade: every token that reads as it (the tagger learns which context is the label's).
  if (card.grade !== null) {
    const text = gradeText(card.grade);
    tokens.forEach((t, i) => {
      if (tags[i] === 'O' && t.source === 0 && t.digits === text) tags[i] = 'GRADE';
    });
  }
  return tags;
}

export const tagIndex = (tag: Tag) => TAG_INDEX[tag];
