/**
 * Text helpers shared by the base extractor and the trained models: tokenising OCR text,
 * folding OCR look-alike characters, edit distance and word shapes.
 */

export interface Token {
  /** As printed (after splitting). */
  text: string;
  /** Line index within its source; the description is one line of its own source. */
  line: number;
  /** Index of the token within its line. */
  index: number;
  /** 0 = OCR text, 1 = image description. */
  source: 0 | 1;
}

/** Letters OCR engines confuse with digits, read back as letters. */
const TO_LETTER: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', '5': 's', '8': 'b', '6': 'g', '3': 'e', '4': 'a', '7': 't', '2': 'z', '|': 'l', $: 's', '(': 'c' };
/** And the reverse: characters in a number read back as digits. */
const TO_DIGIT: Readonly<Record<string, string>> = { o: '0', O: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', L: '1', S: '5', s: '5', B: '8', Z: '2', z: '2', G: '6', b: '6', T: '7', A: '4', g: '9' };

export function foldLetters(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += TO_LETTER[ch] ?? ch;
  return out;
}

export function foldDigits(s: string): string {
  let out = '';
  for (const ch of s) out += TO_DIGIT[ch] ?? ch;
  return out;
}

/** Lower case with look-alike digits read as letters when the token is mostly letters. */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  let letters = 0;
  let digits = 0;
  for (const ch of lower) {
    if (ch >= 'a' && ch <= 'z') letters++;
    else if (ch >= '0' && ch <= '9') digits++;
  }
  return letters > digits ? foldLetters(lower) : lower;
}

/** Strips punctuation at both ends ("#12" stays: '#' is meaningful for numbers elsewhere). */
export function core(s: string): string {
  return s.replace(/^[^A-Za-z0-9#]+|[^A-Za-z0-9.]+$/g, '').replace(/\.+$/, '');
}

/** Whether a word is one OCR slip (a letter dropped, added, changed, or two swapped) from a word of `words` at least `min` letters long. */
export function oneSlipFromAny(word: string, words: Iterable<string>, min = 0): boolean {
  for (const w of words) if (w.length >= min && levenshtein(w, word, 1) <= 1) return true;
  return false;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let twoBack = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, twoBack[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = twoBack;
    twoBack = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/** Similarity in [0, 1] from edit distance. */
export function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

/** Xxxx, XXXX, dddd, dd-dd, #ddd …: each run of a class collapsed to at most two symbols. */
export function shape(s: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of s) {
    const c = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd' : ch;
    if (c === last) {
      run++;
      if (run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

export function tokenizeLines(text: string, source: 0 | 1): Token[] {
  const tokens: Token[] = [];
  const lines = source === 1 ? [text] : text.split(/\r?\n|\s\|\s/);
  lines.forEach((line, li) => {
    let index = 0;
    for (const piece of line.split(/\s+/)) {
      if (!piece) continue;
      tokens.push({ text: piece, line: li, index: index++, source });
    }
  });
  return tokens;
}

/** Splits a description's words off their commas so "uniform," reads as "uniform". */
export function descriptionText(description: string | null | undefined): string {
  return (description ?? '').replace(/,/g, ' , ');
}

export function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|[-\s'.])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

const SKELETON: Readonly<Record<string, string>> = { '0': 'o', q: 'o', '1': 'l', i: 'l', '|': 'l', '!': 'l', '5': 's', $: 's', '8': 'b', '6': 'g', '2': 'z', '3': 'e', '4': 'a', '7': 't', '9': 'g' };

/** Lower case with every class of OCR look-alikes collapsed to one letter: for fuzzy matching only. */
export function skeleton(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += SKELETON[ch] ?? ch;
  return out;
}

/** A string as a regular expression matching it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `longer` has the one character `shorter` lacks, or -1 when they differ otherwise. */
export function droppedAt(longer: string, shorter: string): number {
  if (longer.length !== shorter.length + 1) return -1;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i) ? i : -1;
}
