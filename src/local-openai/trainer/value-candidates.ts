import { gradeOfWords, gradeWordsKey } from './grade-scales.js';
import { wordWithLookAlike, type ScanToken } from './scan-tokens.js';
import { foldDigits, foldLetters, levenshtein, shape, skeleton } from './text.js';

/**
 * Candidate values for the fields a scan prints as numbers — the grade and the year — with the
 * features a ranker scores them by. The tagger finds *a* number of the right kind; which one is
 * the card's depends on what is printed around it, and that is learned per training file:
 *
 *  - a grade: the words next to it ("9.5 GEM MINT" on a BGS label, "MINT+" → 9.5 on CGC, a
 *    subgrade after "CEN" or "SURFACE" that is not the grade) and the company;
 *  - a year: where it stands (a copyright line, a stats row, a set line, a caption) and the
 *    offset from that year to the card's (a stats row is the season before the card's; a
 *    copyright can be the year after a late release), so each candidate is a token *and* an
 *    offset.
 */

export interface ValueCandidate<V> {
  /** Index of the token the value is read from. */
  at: number;
  value: V;
  features: string[];
}

const sameLine = (tokens: readonly ScanToken[], i: number, j: number) =>
  j >= 0 && j < tokens.length && tokens[j]!.source === tokens[i]!.source && tokens[j]!.line === tokens[i]!.line;

/** A neighbour as the ranker sees it: its skeleton when it has letters (OCR look-alikes collapsed), else its shape. */
function neighbour(tokens: readonly ScanToken[], i: number, j: number): string {
  if (!sameLine(tokens, i, j)) return j < i ? '<s>' : '</s>';
  const t = tokens[j]!;
  if (/[A-Za-z]/.test(t.text)) return skeleton(t.text.replace(/[.,:;]+$/, '')).slice(0, 12);
  return t.text === '©' ? '©' : shape(t.text);
}

/** How many of a line's tokens are numbers: a stats row is mostly numbers. */
function numericShare(tokens: readonly ScanToken[], i: number): string {
  let numbers = 0;
  let all = 0;
  for (let j = 0; j < tokens.length; j++) {
    if (!sameLine(tokens, i, j)) continue;
    all++;
    if (/^[.\d%-]+$/.test(tokens[j]!.text)) numbers++;
  }
  return numbers >= 5 ? 'many' : numbers >= 3 ? 'some' : all <= 3 ? 'short' : 'few';
}

/**
 * How many of the six tokens after `i` are numbers: a stats row ("2021 HOU 59 122 .301 …") as
 * told by what follows, which holds when OCR returned the whole scan as one line.
 */
function numbersAfter(tokens: readonly ScanToken[], i: number): string {
  let numbers = 0;
  for (let j = i + 1; j <= i + 6 && j < tokens.length && sameLine(tokens, i, j); j++) if (/^[.\d%-]+$/.test(tokens[j]!.text)) numbers++;
  return numbers >= 4 ? 'many' : numbers >= 2 ? 'some' : 'few';
}

/** Half-point grades from 1 to 10 as printed ("9.5", "10", "8,5"). */
export function gradeOf(t: ScanToken): number | null {
  const g = Number(t.digits.replace(/,/, '.'));
  return /^\d{1,2}([.,]\d)?$/.test(t.digits) && g >= 1 && g <= 10 && Number.isInteger(g * 2) ? g : null;
}

const MAX_GRADE_WORDS = 3;
/** A word, a digit OCR misread a letter as inside it aside ("N3AR"). */
const isWord = (t: ScanToken) => /[A-Za-z]/.test(t.text) && !/\d/.test(t.text.replace(/(?<=[A-Za-z])\d(?=[A-Za-z])/g, ''));
const wordsText = (tokens: readonly ScanToken[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .map((t) => (/\d/.test(t.text) ? foldLetters(t.text).toUpperCase() : t.text))
    .join(' ');

/** OCR's stray marks between a grade's words and its number ("GEM * MINT", "NM | 7"). */
const isMark = (t: ScanToken) => !/[A-Za-z0-9]/.test(t.text);

/**
 * The grades named by the words around a number on its line: right before it ("GEM MT 10"),
 * right after it (9.5 "GEM MINT"), or on both sides of it ("NEAR 7 MINT"), in the printed order
 * or with two words swapped ("MINT GEM 10"), stray marks skipped.
 */
function gradeNamedNextTo(tokens: readonly ScanToken[], i: number, company: string): number[] {
  const side = (step: -1 | 1) => {
    const words: string[] = [];
    for (let j = i + step; j >= 0 && j < tokens.length && sameLine(tokens, i, j) && words.length < MAX_GRADE_WORDS; j += step) {
      if (isMark(tokens[j]!)) continue;
      if (!isWord(tokens[j]!)) break;
      words.push(tokens[j]!.text);
    }
    return step < 0 ? words.reverse() : words;
  };
  const before = side(-1);
  const after = side(1);
  const runs: string[][] = [];
  for (let n = 1; n <= MAX_GRADE_WORDS; n++) {
    if (n <= before.length) runs.push(before.slice(-n));
    if (n <= after.length) runs.push(after.slice(0, n));
  }
  for (let b = 1; b <= before.length; b++) for (let a = 1; a <= after.length && a + b <= MAX_GRADE_WORDS; a++) runs.push([...before.slice(-b), ...after.slice(0, a)]);
  const out: number[] = [];
  for (const run of runs) {
    for (const words of run.length === 2 ? [run, [run[1]!, run[0]!]] : [run]) {
      const hit = gradeOfWords(company, gradeWordsKey(words.join(' ')));
      if (hit) out.push(hit.grade);
    }
  }
  return out;
}

/**
 * Grades read off the label's words alone ("GEM MT" is a PSA 10 even when OCR made the number
 * "100" or lost it): for each run of words on a line, its longest end (up to three words, where
 * a number stands next to them) that the company's scale names.
 */
export function gradeWordCandidates(tokens: readonly ScanToken[], company: string): Array<ValueCandidate<number>> {
  const out: Array<ValueCandidate<number>> = [];
  for (let a = 0; a < tokens.length; ) {
    if (tokens[a]!.source !== 0 || !isWord(tokens[a]!)) {
      a++;
      continue;
    }
    let b = a + 1;
    // Stray marks inside a run are skipped ("GEM * MINT").
    while (b < tokens.length && sameLine(tokens, a, b) && (isWord(tokens[b]!) || (isMark(tokens[b]!) && b + 1 < tokens.length && sameLine(tokens, a, b + 1) && isWord(tokens[b + 1]!)))) b++;
    // The run's last words, longest first, then its first words: "NEAR MINT+" before "MINT+", "RC PSA MINT" as "MINT".
    const ends: Array<[number, number]> = [];
    for (let n = Math.min(MAX_GRADE_WORDS, b - a); n >= 1; n--) ends.push([b - n, b]);
    for (let n = Math.min(MAX_GRADE_WORDS, b - a); n >= 1; n--) ends.push([a, a + n]);
    for (const [from, to] of ends) {
      const hit = gradeOfWords(company, gradeWordsKey(wordsText(tokens, from, to)));
      if (!hit) continue;
      let numbers = 'none';
      for (const j of [from - 1, to]) {
        const g = j >= 0 && j < tokens.length && sameLine(tokens, a, j) ? gradeOf(tokens[j]!) : null;
        if (g !== null && numbers !== 'agree') numbers = g === hit.grade ? 'agree' : 'differ';
      }
      out.push({ at: from, value: hit.grade, features: ['words', `words|co=${company}`, `words|match=${hit.match}`, `words|numbers=${numbers}`, `words|n=${to - from}`] });
      break;
    }
    a = b;
  }
  return out;
}

export function gradeCandidates(tokens: readonly ScanToken[], company: string): Array<ValueCandidate<number>> {
  const out: Array<ValueCandidate<number>> = [];
  const values = new Map<number, number>();
  tokens.forEach((t) => {
    const g = t.source === 0 && !t.text.startsWith('#') ? gradeOf(t) : null;
    if (g !== null) values.set(g, (values.get(g) ?? 0) + 1);
  });
  tokens.forEach((t, i) => {
    if (t.source !== 0 || t.text.startsWith('#')) return;
    const v = gradeOf(t);
    if (v === null) return;
    const p1 = neighbour(tokens, i, i - 1);
    const n1 = neighbour(tokens, i, i + 1);
    const p2 = neighbour(tokens, i, i - 2);
    const n2 = neighbour(tokens, i, i + 2);
    const f = [
      `v=${v}`,
      `v|co=${v}|${company}`,
      `half=${!Number.isInteger(v)}|co=${company}`,
      `s=${shape(t.text)}`,
      `p1=${p1}`,
      `n1=${n1}`,
      `p2|p1=${p2}|${p1}`,
      `n1|n2=${n1}|${n2}`,
      `p1|co=${p1}|${company}`,
      `n1|co=${n1}|${company}`,
      `p1|v=${p1}|${v}`,
      `n1|v=${n1}|${v}`,
      `line=${Math.min(t.line, 6)}`,
      `same=${Math.min(values.get(v) ?? 0, 4)}`,
    ];
    // The label's words next to the number name a grade too: the same one, or another (a misread digit, a subgrade).
    const named = gradeNamedNextTo(tokens, i, company);
    f.push(`words=${named.includes(v) ? 'agree' : named.length ? 'differ' : 'none'}`);
    // The grade's words ("GEM MINT", "NM-MT+") sit within a few tokens of it: each says which grade it names.
    for (let j = i - 3; j <= i + 3; j++) {
      if (j === i || !sameLine(tokens, i, j) || !/[A-Za-z]/.test(tokens[j]!.text)) continue;
      const w = skeleton(tokens[j]!.text.replace(/[.,:;]+$/, '')).slice(0, 12);
      f.push(`w|v=${w}|${v}`, `w|co|v=${w}|${company}|${v}`);
    }
    out.push({ at: i, value: v, features: f });
  });
  return [...out, ...gradeWordCandidates(tokens, company)];
}

/** A season whose dash OCR moved ("20080-9"): its six digits, when the second year follows the first. */
function seasonOfDigits(text: string): RegExpExecArray | null {
  const m = /^(\d{4})(\d{2})$/.exec(text.replace(/[^0-9]/g, ''));
  return m && /[^0-9]/.test(text) && Number(m[2]) === (Number(m[1]) + 1) % 100 ? m : null;
}

/** A token's year, and whether it is a full season ("2014-15"). */
export function yearOf(t: ScanToken, thisYear = new Date().getUTCFullYear()): { start: number; season: boolean } | null {
  const m = /^(\d{4})(?:[-_~.]?(\d{2}))?$/.exec(t.digits) ?? seasonOfDigits(t.digits);
  if (!m) return null;
  const start = Number(m[1]);
  if (start < 1860 || start > thisYear + 1) return null;
  return { start, season: m[2] !== undefined && Number(m[2]) === (start + 1) % 100 };
}

export const YEAR_OFFSETS = [-1, 0, 1] as const;

/** Digits OCR reads for each other in a year ("7992" for 1992). */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { '7': '1', '1': '7', '8': '36', '3': '8', '6': '58', '5': '6', '0': '8', '9': '8' };

/**
 * The years a damaged year token may have been printed as, each with the kind of repair: a
 * season's start read off its end ("213-14", "2008-10"), a season's end cut short ("2020-2") or
 * with a digit read twice ("2016-177"), a doubled digit ("20122"), two digits
 * swapped ("2042"), a look-alike digit ("7992"), a dropped digit ("998", "201": many years for
 * one token, so only before a brand, where a set line prints its year). The year ranker learns
 * how far to trust each kind.
 */
export function repairedYears(t: ScanToken, beforeBrand: boolean, thisYear = new Date().getUTCFullYear()): Array<{ start: number; season: boolean; repair: string }> {
  // Digits as printed, a card number's '#' and words aside.
  if (t.source !== 0 || t.text.includes('#') || (t.text.match(/[A-Za-z]/g) ?? []).length > 1) return [];
  const valid = (y: number) => y >= 1900 && y <= thisYear + 1;
  if (yearOf(t, thisYear)) {
    // A season whose end does not follow its start: one of the two is damaged ("2008-10").
    const m = /^(\d{4})[-_~.](\d{2})$/.exec(t.digits);
    if (!m || Number(m[2]) === (Number(m[1]) + 1) % 100) return [];
    const start = Number(m[1]!.slice(0, 2)) * 100 + ((Number(m[2]) + 99) % 100);
    return valid(start) ? [{ start, season: true, repair: 'season-end' }] : [];
  }
  // A season with a digit of its end lost, the dash too or not ("1998-9", "20178"): its start stands.
  const cut = /^(\d{4})[-_~.]?(\d)$/.exec(t.digits);
  const end = (start: string) => String((Number(start) + 1) % 100).padStart(2, '0');
  // Either digit of the end may be the one left ("2020-2" and "2020-1" are 2020-21), the dash kept to tell a season.
  if (cut && valid(Number(cut[1])) && (cut[2] === end(cut[1]!)[1] || (/[-_~.]/.test(t.digits) && cut[2] === end(cut[1]!)[0]))) return [{ start: Number(cut[1]), season: true, repair: 'season-cut' }];
  // A season whose end has a digit read twice ("2016-177").
  const long = /^(\d{4})[-_~.](\d{3})$/.exec(t.digits);
  if (long && valid(Number(long[1])) && [0, 1].some((k) => long[2]![k] === long[2]![k + 1] && long[2]!.slice(0, k) + long[2]!.slice(k + 1) === end(long[1]!))) {
    return [{ start: Number(long[1]), season: true, repair: 'doubled' }];
  }
  const season = /^(\d{2,5})[-_~.](\d{2})$/.exec(t.digits);
  if (season) {
    // The start as its end says, in the century its first digits suggest.
    const century = /^(19|1|9)/.test(season[1]!) && !/^(20|2)/.test(season[1]!) ? 1900 : 2000;
    const start = century + ((Number(season[2]) + 99) % 100);
    return valid(start) ? [{ start, season: true, repair: 'season-end' }] : [];
  }
  const digits = t.digits;
  if (!/^\d{3,5}$/.test(digits)) return [];
  const out = new Map<number, string>();
  const add = (text: string, repair: string) => {
    const y = Number(text);
    if (text.length === 4 && valid(y) && !out.has(y)) out.set(y, repair);
  };
  for (let i = 0; i + 1 < digits.length; i++) if (digits[i] === digits[i + 1]) add(digits.slice(0, i) + digits.slice(i + 1), 'doubled');
  if (digits.length === 4) {
    for (let i = 0; i + 1 < 4; i++) add(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2), 'swapped');
    for (let i = 0; i < 4; i++) for (const d of DIGIT_LOOKALIKES[digits[i]!] ?? '') add(digits.slice(0, i) + d + digits.slice(i + 1), 'lookalike');
  }
  if (digits.length === 3 && beforeBrand) for (let i = 0; i <= 3; i++) for (let d = 0; d <= 9; d++) add(digits.slice(0, i) + d + digits.slice(i), 'dropped');
  return [...out].map(([start, repair]) => ({ start, season: false, repair }));
}

export function yearCandidates(tokens: readonly ScanToken[], brandAt: ReadonlySet<number> = new Set()): Array<ValueCandidate<number>> {
  const out: Array<ValueCandidate<number>> = [];
  const starts = new Map<number, number>();
  const read = tokens.map((t) => yearOf(t));
  for (const y of read) if (y) starts.set(y.start, (starts.get(y.start) ?? 0) + 1);
  tokens.forEach((t, i) => {
    // A set line names the card's year before its brand ("2024-25 O-PEE-CHEE PLATINUM").
    const beforeBrand = brandAt.has(i + 1) && sameLine(tokens, i, i + 1);
    const p1 = neighbour(tokens, i, i - 1);
    const n1 = neighbour(tokens, i, i + 1);
    const n2 = neighbour(tokens, i, i + 2);
    for (const y of [...(read[i] ? [{ ...read[i]!, repair: 'none' }] : []), ...repairedYears(t, beforeBrand)]) {
      const role = [
        `src=${t.source}`,
        `season=${y.season}`,
        `p1=${p1}`,
        `n1=${n1}`,
        `n1|n2=${n1}|${n2}`,
        `nums=${t.source === 0 ? numericShare(tokens, i) : 'caption'}`,
        `after=${t.source === 0 ? numbersAfter(tokens, i) : 'caption'}`,
        `brandNext=${beforeBrand}`,
        `first=${t.index === 0}`,
        `s=${shape(foldDigits(t.text))}`,
        `same=${Math.min(starts.get(y.start) ?? 0, 3)}`,
        ...(y.repair === 'none' ? [] : [`repair=${y.repair}`]),
      ];
      for (const offset of YEAR_OFFSETS) {
        // Other years on the scan that say the same: a stats row's season + 1 agreeing with the copyright.
        const agree = `agree=${Math.min((starts.get(y.start + offset) ?? 0) - (offset === 0 && y.repair === 'none' ? 1 : 0), 2)}`;
        out.push({ at: i, value: y.start + offset, features: [`o=${offset}`, `o=${offset}|${agree}`, ...role.map((r) => `o=${offset}|${r}`)] });
      }
    }
  });
  return out;
}

/** What a card-number candidate reads as, before the learned prefixes: no '#' or "NO.", no edge punctuation. */
export function numberText(raw: string): string {
  return raw
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/^no\.?/i, '')
    .replace(/[^A-Za-z0-9]+$/, '');
}

/**
 * Tokens that could be the card number: short, with a digit once look-alikes are read as
 * digits ("#2O5", "RC-44", a bare "110" opening a card back's first line) — not a cert number.
 * `nameStarts`: where the player's name begins (the answer's in training, the name ranker's
 * readings at inference).
 */
export function numberCandidates(tokens: readonly ScanToken[], nameStarts: ReadonlySet<number> = new Set(), brandAt: ReadonlySet<number> = new Set()): Array<ValueCandidate<string>> {
  const out: Array<ValueCandidate<string>> = [];
  tokens.forEach((t, i) => {
    // A print run or serial ("/99", "18/50") is no card number, nor is a decimal (a grade, a batting average).
    if (t.source !== 0 || !/\d/.test(t.text) || t.text.includes('/') || /^\d*[.,]\d+$/.test(t.text)) return;
    // Nor a word with a letter OCR read as a digit inside it ("SEA7TLE", "OPT1C"): no card number has letters on both
    // sides of its digits.
    if (!t.text.includes('#') && /[A-Za-z]\d+[A-Za-z]/.test(t.text) && t.text.replace(/[^A-Za-z]/g, '').length >= 3) return;
    // Nor a word whose last letter OCR read as a digit ("LUK4", "TOPP5").
    const word = /^([A-Za-z]{3,})(\d)$/.exec(t.text);
    if (word && wordWithLookAlike(word[1]!, word[2]!)) return;
    const p1 = neighbour(tokens, i, i - 1);
    const n1 = neighbour(tokens, i, i + 1);
    const p2 = neighbour(tokens, i, i - 2);
    const n2 = neighbour(tokens, i, i + 2);
    const next = sameLine(tokens, i, i + 1) ? tokens[i + 1]! : undefined;
    const context = [
      'bias',
      `s=${shape(t.text)}`,
      // OCR reads a '#' as '*' or '=' too ("*114").
      `hash=${/^[#*=]/.test(t.text)}`,
      `p1=${p1}`,
      `n1=${n1}`,
      `p2|p1=${p2}|${p1}`,
      `n1|n2=${n1}|${n2}`,
      `nums=${numericShare(tokens, i)}`,
      `after=${numbersAfter(tokens, i)}`,
      `first=${t.index === 0}`,
      `first|s=${t.index === 0}|${shape(t.text)}`,
      `line=${Math.min(t.line, 6)}`,
      `gradelike=${gradeOf(t) !== null}`,
      `nextWord=${next !== undefined && /^[A-Za-z][A-Za-z'.-]+,?$/.test(next.text)}`,
      // Backs and labels print the number right before the player's name ("NO. 277 BROCK PURDY", "#57 DWYANE WADE").
      // A mark OCR picked up may sit between them ("265 « GIGUERE, JEAN-SEBASTIEN").
      `beforeName=${next !== undefined && (nameStarts.has(i + 1) || (isMark(next) && sameLine(tokens, i, i + 2) && nameStarts.has(i + 2)))}`,
      // A set line prints its year before the brand, and OCR may have lost a digit of it ("204 TOPPS FINEST").
      `beforeBrand=${next !== undefined && brandAt.has(i + 1)}`,
    ];
    for (const [cut, text] of numberReadings(t.text)) {
      const digits = foldDigits(text).replace(/[^0-9]/g, '');
      if (!text || !/\d/.test(text) || digits.length === 0 || digits.length > 5 || text.length > 10) continue;
      out.push({
        at: i,
        value: text,
        features: [
          ...context,
          `digits=${digits.length}`,
          `yearlike=${/^(18|19|20)\d\d$/.test(digits)}`,
          `cut=${cut}`,
          `cut|hash=${cut}|${t.text.includes('#')}`,
        ],
      });
    }
  });
  return out;
}

/**
 * A token's readings as a card number: as printed, and with what OCR ran into it cut off — a
 * word before an inner '#' ("OPTIC#29"), letters after the digits ("#148TIM"), a '#' read as a
 * letter ("H153"). Each reading says which cut made it, and the ranker learns how far to trust it.
 */
function numberReadings(raw: string): Array<[string, string]> {
  // A digit before the '#' is the number's first, the two swapped ("7#6"); a word before it is another word ("OPTIC#29").
  const swapped = /^(\d)#(\d+)$/.exec(raw);
  if (swapped) return [['hash-swapped', swapped[1]! + swapped[2]!]];
  const text = numberText(raw);
  const out: Array<[string, string]> = [['none', text]];
  const hash = raw.lastIndexOf('#');
  if (hash > 0) out.push(['before-hash', numberText(raw.slice(hash))]);
  const tail = /^(.*\d)([A-Za-z]+)$/.exec(text);
  if (tail) out.push([tail[2]!.length >= 2 ? 'tail-word' : 'tail-letter', tail[1]!]);
  const head = /^[H*=]([0-9OoIlSB]+)$/.exec(text);
  if (head) out.push(['hash-letter', head[1]!]);
  return out;
}

/**
 * Spans that spell a brand the model knows (its lexicon: the answers' brands and their OCR
 * spellings, and the base model's brands), up to OCR slips. Where a brand stands decides whether
 * it is the card's: the maker named in a copyright line is not always the brand the answers use
 * ("STADIUM CLUB" on the front, "© THE TOPPS COMPANY" on the back).
 */
/** Fuzzy brand lookups per lexicon: the same OCR words come back scan after scan. */
const brandLookups = new WeakMap<ReadonlyMap<string, string>, Map<string, [string, string] | null>>();

export function brandCandidates(tokens: readonly ScanToken[], lexicon: ReadonlyMap<string, string>): Array<ValueCandidate<string>> {
  const out: Array<ValueCandidate<string>> = [];
  let memo = brandLookups.get(lexicon);
  if (!memo) brandLookups.set(lexicon, (memo = new Map()));
  const lookup = (key: string): [string, string] | null => {
    const exact = lexicon.get(key);
    if (exact) return [exact, 'exact'];
    if (key.length < 5) return null;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best: string | null = null;
    let bestSim = 0.75;
    for (const k of lexicon.keys()) {
      if (Math.abs(k.length - key.length) > 2) continue;
      // Two slips at most: the bounded distance says only "more" beyond that, which is no distance to score by.
      const d = levenshtein(k, key, 2);
      if (d > 2) continue;
      const sim = 1 - d / Math.max(k.length, key.length);
      if (sim > bestSim) {
        bestSim = sim;
        best = lexicon.get(k)!;
      }
    }
    const found: [string, string] | null = best ? [best, 'fuzzy'] : null;
    // Bounded: the words of some thousands of scans, then it starts over.
    if (memo.size > 50_000) memo.clear();
    memo.set(key, found);
    return found;
  };
  const found: Array<{ at: number; to: number; value: string; match: string }> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/[A-Za-z]/.test(tokens[i]!.text)) continue;
    let key = '';
    for (let j = i; j < Math.min(tokens.length, i + 3) && sameLine(tokens, i, j); j++) {
      key += skeleton(tokens[j]!.text.replace(/[^A-Za-z0-9-]/g, ''));
      const hit = lookup(key);
      if (hit) found.push({ at: i, to: j + 1, value: hit[0], match: hit[1] });
    }
  }
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.value, (counts.get(f.value) ?? 0) + 1);
  for (const f of found) {
    const t = tokens[f.at]!;
    const p1 = neighbour(tokens, f.at, f.at - 1);
    const p2 = neighbour(tokens, f.at, f.at - 2);
    const n1 = neighbour(tokens, f.to - 1, f.to);
    // A copyright holder follows its '©' by a year and "THE" at most: nearer than a line, as OCR may return one long line.
    let copyright = false;
    for (let j = Math.max(0, f.at - 4); j < f.at; j++) if (sameLine(tokens, f.at, j) && tokens[j]!.text.startsWith('©')) copyright = true;
    out.push({
      at: f.at,
      value: f.value,
      features: [
        'bias',
        `src=${t.source}`,
        `p1=${p1}`,
        `p2|p1=${p2}|${p1}`,
        `n1=${n1}`,
        `copyright=${copyright}`,
        `line=${t.source}|${Math.min(t.line, 6)}`,
        `first=${t.index === 0}`,
        `words=${f.to - f.at}`,
        `match=${f.match}`,
        `count=${Math.min(counts.get(f.value) ?? 0, 3)}`,
        `count|copyright=${Math.min(counts.get(f.value) ?? 0, 3)}|${copyright}`,
      ],
    });
  }
  return out;
}
