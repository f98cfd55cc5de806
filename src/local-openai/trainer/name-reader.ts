import type { CardModelState } from './card-model.js';
import type { Denoiser } from './denoise.js';
import { commonNeighbours, oneEditAway, spellingsBetween } from './denoise.js';
import { GRADE_WORDS } from './grade-scales.js';
import { GIVEN_NAMES } from './given-names.js';
import { birthShare, censusLogShare, censusShares, givenNameLean, peopleBearing, givenNameSide, localeNameWords, nameWords } from './name-prior.js';
import { NOT_NAMES, PARALLELS } from './base-model.js';
import { COLOURS, PRODUCT_NAMES } from './parallels.js';
import type { LinearScorer } from './perceptron.js';
import type { ScanToken } from './scan-tokens.js';
import { candidateSkeletons, MAX_NAME_TOKENS, nameCandidates, nameSpanFeatures, spanSkeleton, type Span } from './span-features.js';
import { TEAM_NICKNAMES, TEAM_WORDS } from './team-words.js';
import { core, droppedAt, fold, levenshtein, oneSlipFromAny, similarity, skeleton, titleCase } from './text.js';
import type { ScanContext, Vocabulary } from './token-features.js';

/**
 * Reads the player's name off a scan: the name ranker's best span and the other readings of
 * the same name elsewhere on it, put in order and spelt from all of them, with OCR's usual
 * slips undone (a moved space, two names run together, a token moved in, a dropped letter) and
 * what a base model knows about names (given names and surnames, suffixes, hobby words that are
 * no one's name).
 */

let hobby: Set<string> | null = null;

/**
 * Words of the parallels and product lines the base model knows ("velocity", "concourse",
 * "select", "platinum") that are no one's name: colours and the like that are also surnames
 * ("Green", "White") are left out.
 */
function hobbyWords(): ReadonlySet<string> {
  hobby ??= new Set(
    [...PARALLELS, ...PRODUCT_NAMES]
      .flatMap((p) => p.toLowerCase().split(/[\s-]+/))
      .map((w) => w.replace(/[^a-z]/g, ''))
      .filter((w) => w.length >= 4 && !COLOURS.has(w) && !localeNameWords().has(w) && !GIVEN_NAMES.has(w)),
  );
  return hobby;
}

let notNameSkeletonList: string[] | null = null;

/** Skeletons of the not-name words of five letters or more, which a damaged reading may be one slip from. */
function notNameSkeletons(): readonly string[] {
  notNameSkeletonList ??= [...NOT_NAMES, ...hobbyWords()].filter((w) => w.length >= 5).map((w) => skeleton(w));
  return notNameSkeletonList;
}

/**
 * How alike two readings' words are in any order ("WADE, DWYANE" and "DWYANE AWDE"): each word
 * against its likest word in the other reading, averaged both ways.
 */
function wordsSimilarity(a: readonly string[], b: readonly string[]): number {
  const oneWay = (x: readonly string[], y: readonly string[]) => x.reduce((sum, w) => sum + Math.max(...y.map((v) => similarity(w, v))), 0) / x.length;
  return a.length && b.length ? (oneWay(a, b) + oneWay(b, a)) / 2 : 0;
}

/** How many times the penalty of a not-name word inside a name span one at its edge costs. */
const EDGE_PENALTY = 3;

/** Weight of the census share of people bearing a spelling, in nats per nat, when readings disagree. */
const CENSUS_SPELLING = 0.75;

/** The share of characters OCR must have damaged in the training scans for a name printed once to be repaired. */
const REPAIR_EDIT_RATE = 0.002;

/** People in a million bearing a name, as a given name or a surname, for it to be a repair of a name printed once. */
const COMMON_NAME_SHARE = 50;

/** What knowing a name word is worth against the character model, in nats. */
const KNOWN_NAME_WORD = 4;

/** Words that open a surname of several words ("Van Exel", "De La Cruz", "St. Brown"), as `fold(core(word))` gives them. */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'la', 'le', 'st', 'san', 'ten', 'ter', 'du', 'des', 'dos', 'das']);

const particle = (t: ScanToken) => SURNAME_PARTICLES.has(fold(core(t.text)).replace(/\.$/, ''));

/** Generational suffixes after a surname, as `fold(core(word))` gives them. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Letters OCR engines commonly print as these characters. */
const LOOK_ALIKE_LETTERS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'], '1': ['l', 'i'], '|': ['l', 'i'], '!': ['l', 'i'], '5': ['s'], $: ['s'], '8': ['b'], '6': ['g', 'b'], '3': ['e', 'b'], '4': ['a'], '7': ['t'], '2': ['z'], '9': ['g'], '(': ['c'],
};

const nearTeamWords = new Map<string, boolean>();

/** A team's word up to one OCR slip, five letters or more ("mgaic"). */
function nearTeamWord(word: string): boolean {
  let near = nearTeamWords.get(word);
  if (near === undefined) {
    near = word.length >= 5 && oneSlipFromAny(word, TEAM_WORDS, 5);
    if (nearTeamWords.size > 50_000) nearTeamWords.clear();
    nearTeamWords.set(word, near);
  }
  return near;
}

const nearNicknames = new Map<string, boolean>();

/**
 * A team's nickname with an OCR slip ("MGAIC", "MAIC" for Magic), when it is no name word: a surname a slip from a
 * nickname ("Starr", "Royal") stays a name.
 */
function nearNickname(word: string): boolean {
  let near = nearNicknames.get(word);
  if (near === undefined) {
    near = word.length >= 4 && !TEAM_NICKNAMES.has(word) && !nameWords().has(word) && oneSlipFromAny(word, TEAM_NICKNAMES, 5);
    if (nearNicknames.size > 50_000) nearNicknames.clear();
    nearNicknames.set(word, near);
  }
  return near;
}

/**
 * Runs of `words` name-like words on a line with exactly one token that is no word between two
 * of them (a number, a mark): OCR moves a card number or a hologram's litter into a name.
 */
function gappedReadings(tokens: readonly ScanToken[], words: number): ScanToken[][] {
  const out: ScanToken[][] = [];
  const isWord = (t: ScanToken) => t.source === 0 && /^[A-Za-z][A-Za-z'.-]*,?$/.test(t.text);
  // OCR's litter counts as a mark ("JOSE ll CANNSECO"), but not a suffix's numeral.
  const isGap = (t: ScanToken) => t.source === 0 && (!/[A-Za-z]/.test(t.text) || (/^[lI1|!]{1,3}$/.test(t.text) && !/^I{2,3}$/.test(t.text)));
  if (words < 2) return out;
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i]!)) continue;
    const run: ScanToken[] = [];
    let gaps = 0;
    for (let j = i; j < tokens.length && run.length < words && tokens[j]!.line === tokens[i]!.line; j++) {
      const t = tokens[j]!;
      if (isWord(t)) run.push(t);
      else if (isGap(t) && run.length > 0 && gaps === 0) gaps++;
      else break;
    }
    if (run.length === words && gaps === 1) out.push(run);
  }
  return out;
}

export class NameReader {
  private readonly notNames = new Map<string, boolean>();

  constructor(
    private readonly state: CardModelState,
    private readonly names: LinearScorer,
    private readonly vocab: Vocabulary,
    private readonly knownVariations: { has(sk: string): boolean; base(sk: string): boolean },
    private readonly firstNames: ReadonlySet<string>,
    private readonly nonNames: ReadonlySet<string>,
    private readonly brandWords: ReadonlySet<string>,
    private readonly denoiser: Denoiser,
    private readonly suffixes: ReadonlySet<string>,
    /** OCR character → the answer letters it was read from, as counted in training. */
    private readonly confusions: ReadonlyMap<string, string[]>,
  ) {}

  /**
   * A name word as the answers would spell it: characters that cannot be in a name (digits,
   * bars, dollar signs) replaced by the letter the learned character model finds likeliest among
   * those the OCR channel confuses them with, then cased as the answers case it.
   */
  private nameWord(raw: string): string {
    const period = raw.endsWith('.');
    // No name has an underscore or a tilde: they are OCR's readings of a hyphen ("JEAN_SEBASTIEN", "PIERRE~LUC").
    let word = core(raw).toLowerCase().replace(/[_~]/g, '-');
    if (!word) return '';
    if (/[a-z]/.test(word)) {
      for (let i = 0; i < word.length; i++) {
        const ch = word[i]!;
        if (/[a-z'.-]/.test(ch)) continue;
        const options = this.letterOptions(ch);
        if (options.length === 0) continue;
        let best = word;
        let bestScore = -Infinity;
        for (const letter of options) {
          const candidate = word.slice(0, i) + letter + word.slice(i + 1);
          const score = this.denoiser.logProb(candidate.replace(/[^a-z]/g, ''));
          if (score > bestScore) {
            bestScore = score;
            best = candidate;
          }
        }
        word = best;
      }
    }
    const cased = this.state.nameCasing[fold(word)];
    if (cased) return cased;
    if (/^(ii|iii|iv)$/.test(word)) return word.toUpperCase();
    return titleCase(word) + (period ? '.' : '');
  }

  /** Letters an OCR'd non-letter most likely stood for: those the channel saw, else the usual look-alike. */
  private letterOptions(ch: string): string[] {
    const seen = this.confusions.get(ch) ?? [];
    const usual = LOOK_ALIKE_LETTERS[ch] ?? [];
    return [...new Set([...seen, ...usual])];
  }

  /** The ranker's best name span, and the other readings of the same name elsewhere on the scan (best first). */
  spans(tokens: readonly ScanToken[], ctx: ScanContext): Span[] {
    const windows = nameCandidates(tokens);
    if (windows.length === 0) return [];
    const skeletons = candidateSkeletons(tokens, windows);
    // A span of team words only ("CHARLOTTE HORNETS"), or ending with a team's nickname ("ORLANDO MAGIC"), is never the player.
    // A team's name with an OCR slip is one too: its nickname with a slip ("ORLANDO MGAIC"), or another word with one
    // when a word of it is printed whole ("CHARLOTTE HORNFTS").
    const teamOnly = (a: number, b: number) =>
      // After a comma comes the given name ("JOHNSON, MAGIC").
      ((TEAM_NICKNAMES.has(tokens[b - 1]!.norm) || (b - a >= 2 && nearNickname(tokens[b - 1]!.norm))) && !tokens.slice(a, b - 1).some((t) => /[A-Za-z],$/.test(t.text))) ||
      tokens.slice(a, b).every((t) => TEAM_WORDS.has(t.norm)) ||
      (b - a >= 2 && tokens.slice(a, b).some((t) => TEAM_WORDS.has(t.norm)) && tokens.slice(a, b).every((t) => TEAM_WORDS.has(t.norm) || nearTeamWord(t.norm)));
    // Words that are printed on labels and cards but are no one's name ("CATCHER", "CERT", a damaged "ROAKIE") count
    // against a span, as do team and brand words.
    const penalty = 10;
    // OCR's litter ("ll", "|") and a bare letter without its period (a position's "G") are no one's name either.
    const litter = (text: string) => (/^[lI1|!]{1,3}$/.test(text) && !/^I{2,3}$/.test(text)) || /^[A-Za-z]$/.test(text);
    // "NO." before a card number, with an OCR slip ("MO. 88", "ND. 195").
    const numberMark = (i: number) => {
      const t = tokens[i]!;
      const n = tokens[i + 1];
      return /^[A-Za-z0-9]{2}\.$/.test(t.text) && levenshtein(fold(t.text.slice(0, 2)).replace('0', 'o'), 'no', 1) <= 1 && n !== undefined && n.line === t.line && /^\d/.test(n.text);
    };
    const notName = tokens.map((t, i) => (t.source === 0 && (this.isNotName(t.norm) || litter(t.text) || numberMark(i)) ? 1 : 0));
    const scored = windows.map(([a, b]) => {
      let others = 0;
      // A surname's particle inside a name is the name's ("AMON-RA ST. BROWN"), whatever else it is on a label ("ST. LOUIS").
      for (let i = a; i < b; i++) others += i > a && i < b - 1 && particle(tokens[i]!) ? 0 : notName[i]!;
      // A name neither starts nor ends with such a word ("MAGIC KENTAVIOUS CALDWELL-POPE", "KEVIN GARNETT NM-MT").
      others += (EDGE_PENALTY - 1) * (notName[a]! + (b - 1 > a ? notName[b - 1]! : 0));
      // So is a span that spells a parallel ("PINK VELOCITY" on a label line of its own, as a name would be).
      const parallel = this.knownVariations.base(spanSkeleton(tokens, a, b)) || this.knownVariations.has(spanSkeleton(tokens, a, b));
      // Nor does a name start with its suffix ("JR. KNICKSG"), or end with a surname's particle ("NICK VAN", "AMON-RA ST.").
      const suffixFirst = NAME_SUFFIXES.has(fold(core(tokens[a]!.text)));
      const particleLast = b - a < MAX_NAME_TOKENS && b < tokens.length && tokens[b]!.line === tokens[b - 1]!.line && particle(tokens[b - 1]!);
      // Nor does a span start with one right after a word that could open the name ("NICK | VAN EXEL").
      const before = tokens[a - 1];
      const particleFirst = particle(tokens[a]!) && before !== undefined && before.line === tokens[a]!.line && before.source === 0 && /^[A-Za-z][A-Za-z'.-]*$/.test(before.text) && !notName[a - 1];
      // Nor right after its particle ("VAN | EXEL, NICK").
      const afterParticle = before !== undefined && before.line === tokens[a]!.line && before.source === 0 && particle(before);
      // Nor at a comma with the given name after it ("VAN EXEL, NICK").
      const next = tokens[b];
      const commaLast = /[A-Za-z],$/.test(tokens[b - 1]!.text) && b - a < MAX_NAME_TOKENS && next !== undefined && next.line === tokens[b - 1]!.line && /^[A-Za-z]/.test(next.text) && !notName[b];
      return { a, b, score: this.names.scores(nameSpanFeatures(tokens, a, b, this.vocab, ctx, this.firstNames, skeletons, this.nonNames, this.brandWords))[0]! - (teamOnly(a, b) || parallel || suffixFirst || particleLast || particleFirst || afterParticle || commaLast ? 100 : 0) - penalty * others };
    });
    scored.sort((x, y) => y.score - x.score);
    const best = scored[0]!;
    // A reading's words, a comma OCR ran two together with ("WADE,DWYANE") splitting them.
    // A name OCR ran together ("STEPHENCURRY") is a reading of as many words as its parts.
    const words = (c: { a: number; b: number }) =>
      tokens
        .slice(c.a, c.b)
        .flatMap((t) => core(t.text).replace(/,$/, '').split(/,(?=[A-Za-z]{2})/))
        .flatMap((w) => (c.b - c.a === 1 ? this.unglued(w) : [w]))
        .map((w) => skeleton(w));
    const bestWords = words(best);
    const taken: Array<{ a: number; b: number; score: number }> = [best];
    for (const c of scored) {
      // Another reading holds no word that is no one's name ("RANGERS JOSE" is no reading of JOSE ANSECO).
      if (c === best || taken.some((t) => c.a < t.b && c.b > t.a) || notName.slice(c.a, c.b).some(Boolean)) continue;
      const cWords = words(c);
      if (cWords.length === bestWords.length && wordsSimilarity(cWords, bestWords) >= 0.7) taken.push(c);
    }
    // A generational suffix printed right after the name belongs to it ("HARDAWAY JR."), learned or not: every reader of
    // names knows Jr. and III, even when the training file had no such player.
    const withSuffix = (c: { a: number; b: number }) => {
      const last = tokens[c.b - 1]!;
      const isSuffix = (t: ScanToken) => NAME_SUFFIXES.has(fold(core(t.text)));
      // A stray mark may sit between the name and its suffix ("TIM HARDAWAY : JR.").
      for (const at of [c.b, c.b + 1]) {
        const next = tokens[at];
        if (!next || next.line !== last.line || next.source !== last.source) break;
        if (isSuffix(next) && !isSuffix(last)) return at + 1;
        if (/[A-Za-z0-9]/.test(next.text)) break;
      }
      return c.b;
    };
    // A name read as one word may have had a token moved into it ("JOSE #147 CANSECO", "PEYTON GEM MANNING"): the word
    // one token on, or one token back, on the same line joins it when it could be a name.
    const nameWordAt = (j: number, from: number) =>
      j >= 0 && j < tokens.length && tokens[j]!.line === tokens[from]!.line && tokens[j]!.source === 0 && /^[A-Za-z][A-Za-z'.-]+,?$/.test(tokens[j]!.text) && !notName[j] && !TEAM_WORDS.has(tokens[j]!.norm);
    const read = (c: { a: number; b: number }): ScanToken[] => {
      const end = withSuffix(c);
      // A word that is no one's name inside a name was moved in by OCR ("GUNNAR FINFST HENDERSON").
      const span = tokens.slice(c.a, end).filter((t, k, all) => /[A-Za-z0-9]/.test(t.text) && !(k > 0 && k < all.length - 1 && notName[c.a + k] && !particle(t)));
      const words = span.filter((t) => !NAME_SUFFIXES.has(fold(core(t.text))));
      // Two names run together ("QuinnHughes") are split in readingWords, not joined with a neighbour.
      if (words.length !== 1 || this.unglued(core(words[0]!.text)).length > 1) return span;
      // The word right before it first (the ranker may cut a name short: "MARVIN | HARRISON JR."), then one token away.
      if (nameWordAt(c.a - 1, c.a)) return [tokens[c.a - 1]!, ...span];
      if (end === c.b && nameWordAt(c.b, c.a) && !NAME_SUFFIXES.has(fold(core(tokens[c.b]!.text)))) return [...span, tokens[c.b]!];
      if (end === c.b && nameWordAt(c.b + 1, c.a)) return [...span, tokens[c.b + 1]!];
      if (nameWordAt(c.a - 2, c.a)) return [tokens[c.a - 2]!, ...span];
      return span;
    };
    const readings = taken.map((c, k) => ({ tokens: read(c), score: k === 0 ? 1 : 0.9 }));
    // More readings to vote on the spelling, with a number or a mark OCR moved in between the words ("CHIPPER 409
    // JONES", "tyrese ~ HALIBURTON"): never the best reading, since the ranker only scores runs of words.
    const used = new Set(readings.flatMap((r) => r.tokens));
    for (const gapped of gappedReadings(tokens, bestWords.length)) {
      if (gapped.some((t) => used.has(t)) || wordsSimilarity(gapped.map((t) => skeleton(core(t.text).replace(/,$/, ''))), bestWords) < 0.7) continue;
      readings.push({ tokens: gapped, score: 0.9 });
      for (const t of gapped) used.add(t);
    }
    return readings;
  }

  /**
   * A space OCR moved by a letter between a name and the word beside it: the letter goes back to that word when it
   * makes it a word no one's name is and the word alone is none ("SELANNER IGHT WING" is SELANNE RIGHT, "HEA TDWYANE"
   * HEAT DWYANE, "PUJOLSG EM MT" PUJOLS GEM MT).
   */
  private withNeighboursLetters(span: Span, tokens: readonly ScanToken[]): Span {
    if (span.text !== undefined || span.tokens.length === 0) return span;
    const edited = [...span.tokens];
    const first = edited[0]!;
    const last = edited[edited.length - 1]!;
    const beside = (t: ScanToken, step: 1 | -1) => {
      const u = tokens[tokens.indexOf(t) + step];
      return u && u.source === t.source && u.line === t.line && !span.tokens.includes(u) ? core(u.text) : undefined;
    };
    const known = (w: string) => this.readsAsWord(fold(w));
    const next = beside(last, 1);
    if (next && /[A-Za-z]{3}[A-Za-z]$/.test(last.text) && /^[A-Za-z0-9]{2}/.test(next) && known(last.text.slice(-1) + next) && !known(next)) {
      edited[edited.length - 1] = { ...last, text: last.text.slice(0, -1) };
    }
    const prev = beside(first, -1);
    if (prev && /^[A-Za-z][A-Za-z]{3}/.test(edited[0]!.text) && /[A-Za-z]{2}$/.test(prev) && known(prev + first.text[0]!) && !known(prev)) {
      edited[0] = { ...edited[0]!, text: edited[0]!.text.slice(1) };
    }
    return edited[0] === first && edited[edited.length - 1] === last ? span : { ...span, tokens: edited };
  }

  /** A word the label, the card or the training scans print that is no one's name, as spelt: no look-alike. */
  private readsAsWord(w: string): boolean {
    return w.length >= 2 && (NOT_NAMES.has(w) || TEAM_WORDS.has(w) || this.brandWords.has(w) || this.nonNames.has(w) || hobbyWords().has(w) || GRADE_WORDS.has(w));
  }

  private isNotName(word: string): boolean {
    let known = this.notNames.get(word);
    if (known === undefined) {
      known = this.readsAsNotName(word);
      // Bounded: the words of a few thousand scans, then it starts over.
      if (this.notNames.size > 50_000) this.notNames.clear();
      this.notNames.set(word, known);
    }
    return known;
  }

  private readsAsNotName(word: string): boolean {
    const w = word.replace(/[^a-z]/g, '');
    if (w.length < 2 || this.firstNames.has(w) || this.state.nameCasing[w]) return false;
    if (this.readsAsWord(w) || nearNickname(w)) return true;
    // A grade's hyphenated words with an OCR slip ("EX-T", "NH-MT").
    if (word.includes('-') && w.length <= 6 && oneSlipFromAny(w, GRADE_WORDS)) return true;
    if (w.length < 5) return false;
    return oneSlipFromAny(skeleton(w), notNameSkeletons());
  }

  /** A reading's words in first-name order ("DAVIS, ANTHONY" → Anthony Davis), digits read back as letters, lower case. */
  private readingWords(span: Span): string[] {
    let words = span.tokens
      .map((t) => t.text)
      // OCR's slips around a comma: "MANNING,PEYTON" run together, "LEONAR,D" swapped with a letter.
      .flatMap((w) => (/^[^,]{2,},[^,]{2,}$/.test(w) ? [`${w.split(',')[0]},`, w.split(',')[1]!] : [/^[^,]{2,},[A-Za-z]$/.test(w) ? `${w.replace(',', '')},` : w]))
      // A comma swapped with the space before it ("CELEBRINI ,MACKLIN") ends the word before.
      .flatMap((w, k, all) => (/^,[A-Za-z]/.test(w) ? [w.slice(1)] : k + 1 < all.length && /^,[A-Za-z]/.test(all[k + 1]!) && !w.endsWith(',') ? [`${w},`] : [w]))
      // A suffix run into the surname ("HARRISONjr."): split off when the answers use that suffix.
      .flatMap((w) => {
        const m = /^(.{3,}?)(jr|sr|ii|iii|iv)(\.?,?)$/i.exec(w);
        // Only a suffix the answers use, or Jr./Sr.: a name may end in the letters of a numeral ("CELEBRINII" is no II).
        // Jr. and Sr. with their period or in their own case: a name may end in the letters too ("RODGESR", OCR's RODGERS).
        if (!m) return [w];
        const suffix = m[2]!.toLowerCase();
        const junior = suffix === 'jr' || suffix === 'sr';
        const marked = !junior || m[3]!.includes('.') || /[a-z]/.test(m[2]!) !== /[a-z]/.test(m[1]!.slice(-1));
        return (this.state.suffixes.includes(suffix) || junior) && !/[^A-Za-z]/.test(m[1]!) && marked ? [m[1]!, `${m[2]}${m[3]}`] : [w];
      })
      .filter((w) => /[A-Za-z0-9]/.test(w));
    words = this.caseMovedSpaces(words);
    // A name read as one word (its suffix aside) may be two run together.
    const isSuffix = (w: string) => this.suffixes.has(fold(core(w)));
    if (words.filter((w) => !isSuffix(w)).length === 1) words = words.flatMap((w) => (isSuffix(w) ? [w] : this.unglued(w)));
    const comma = words.findIndex((w, i) => w.endsWith(',') && i < words.length - 1);
    if (comma >= 0) {
      const before = words.slice(0, comma + 1).map((w) => w.replace(/,$/, ''));
      const after = words.slice(comma + 1);
      words = [...after.filter((w) => !isSuffix(w)), ...before, ...after.filter(isSuffix)];
    }
    // A suffix ends a name wherever OCR put it ("MARVIN JR. HARRISON").
    words = [...words.filter((w) => !isSuffix(w)), ...words.filter(isSuffix)];
    return words.map((w) => this.nameWord(w)).filter(Boolean);
  }

  /**
   * A space OCR moved by a letter inside a name printed in Title case leaves the letter in the
   * other word's case ("Jos eAltuve", "RonaldA cuna"): it goes back when that gives likelier
   * names; two letters swapped look the same ("Adrian ePterson" is Peterson's).
   */
  private caseMovedSpaces(words: readonly string[]): string[] {
    const out = [...words];
    for (let i = 0; i + 1 < out.length; i++) {
      const [a, b] = [out[i]!, out[i + 1]!];
      const moved: [string, string] | null =
        /^[A-Z][a-z]+$/.test(a) && /^[a-z][A-Z][a-z]+[.,]?$/.test(b) ? [a + b[0], b.slice(1)] : /^[A-Z][a-z]+[A-Z]$/.test(a) && /^[a-z]+[.,]?$/.test(b) ? [a.slice(0, -1), a.slice(-1) + b] : null;
      if (moved && this.pairPrior(...moved) > this.pairPrior(a, b)) [out[i], out[i + 1]] = moved;
    }
    return out;
  }

  /**
   * Two names OCR ran together ("RONALDACUNA", "QuinnHughes"): split where both halves are name
   * words a base model knows, four letters or more each, and the whole is no name it knows; else
   * between a given name and a surname ("CHIPPERJONES"), after a given name or before a surname the
   * census lists ("TIMHARDAWAY", "DWYANEWADE").
   */
  private unglued(word: string): string[] {
    const letters = word.toLowerCase();
    if (!/^[a-z]{8,}$/.test(letters) || this.knownNameWord(letters)) return [word];
    for (let cut = 4; cut <= letters.length - 4; cut++) {
      if (this.knownNameWord(letters.slice(0, cut)) && this.knownNameWord(letters.slice(cut))) return [word.slice(0, cut), word.slice(cut)];
    }
    // A given name people bear or babies are given before a surname people bear ("CHIPPERJONES"), then a given name
    // before any word ("TIMHARDAWAY"), any word before a surname ("DWYANEWADE").
    const given = (w: string) => censusShares(w)[0] > 0 || birthShare(w) > 0;
    for (let cut = letters.length - 3; cut >= 3; cut--) if (given(letters.slice(0, cut)) && censusShares(letters.slice(cut))[1] > 0) return [word.slice(0, cut), word.slice(cut)];
    for (let cut = letters.length - 4; cut >= 3; cut--) if (censusShares(letters.slice(0, cut))[0] > 0) return [word.slice(0, cut), word.slice(cut)];
    for (let cut = 4; cut <= letters.length - 4; cut++) if (censusShares(letters.slice(cut))[1] > 0) return [word.slice(0, cut), word.slice(cut)];
    return [word];
  }

  /**
   * A space OCR moved by a letter ("LUKAD ONCIC", "BROC KPURDY"): moved back when another
   * reading prints both words so and they are the likelier names, or when that makes both words
   * name words a base model knows and they were not before.
   */
  private resplit(words: string[], elsewhere: ReadonlySet<string>): string[] {
    // A word of three letters or fewer counts only when people bear it ("Ja", "Cal"): the big list holds fragments such
    // as "sh" and "yde".
    const known = (w: string) => {
      const letters = w.toLowerCase().replace(/[^a-z]/g, '');
      return this.knownNameWord(letters) && (letters.length > 3 || peopleBearing(letters) > 0);
    };
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      const moves = [
        [a.slice(0, -1), a.slice(-1) + b],
        [a + b.slice(0, 1), b.slice(1)],
      ] as const;
      // Another reading printing both words with the space moved says where it belongs ("RonaldA cuna" is Ronald Acuna),
      // when they are the likelier names.
      const confirmed = moves.find(([x, y]) => elsewhere.has(x.toLowerCase()) && elsewhere.has(y.toLowerCase()) && this.pairPrior(x, y) > this.pairPrior(a, b));
      if (confirmed) {
        words = [...words.slice(0, i), this.nameWord(confirmed[0]), this.nameWord(confirmed[1]), ...words.slice(i + 2)];
        continue;
      }
      // Another reading printing either word as it stands says the space is where it belongs ("RONALD ACONA" is not Ronalda Cona).
      if ((known(a) && known(b)) || elsewhere.has(a.toLowerCase()) || elsewhere.has(b.toLowerCase())) continue;
      for (const [x, y] of moves) {
        if (/^[A-Za-z]{2,}$/.test(x) && /^[A-Za-z]{2,}$/.test(y) && known(x) && known(y)) {
          words = [...words.slice(0, i), this.nameWord(x), this.nameWord(y), ...words.slice(i + 2)];
          break;
        }
      }
    }
    return words;
  }

  /** A two-word reading printed surname first without a comma ("TKACHUK MATTHEW"), when only its second word is a first name. */
  private givenNameFirst(words: string[]): string[] {
    const isSuffix = (w: string) => this.suffixes.has(fold(core(w)));
    const main = words.filter((w) => !isSuffix(w));
    if (main.length !== 2 || isSuffix(words[0]!) || isSuffix(words[1]!)) return words;
    // Only a common given name moves to the front: a training first name may be someone's surname too ("Russell").
    const known = (w: string) => this.firstNames.has(fold(core(w)));
    // A double given name counts by its first part ("Jean-Sebastien", "Pierre-Luc").
    const given = (w: string) => GIVEN_NAMES.has(fold(core(w))) || GIVEN_NAMES.has(fold(core(w.split('-')[0]!)));
    return !known(main[0]!) && !given(main[0]!) && given(main[1]!) ? [main[1]!, main[0]!, ...words.slice(2)] : words;
  }

  /**
   * The name from all its readings: word by word, the spelling that best explains every reading
   * under the learned character model and OCR channel (a reading damaged in one place is outvoted
   * by a clean one); the word order of the best reading unless others agree on another.
   */
  player(spans: readonly Span[], tokens: readonly ScanToken[] = []): string {
    const raw = spans.map((s) => this.readingWords(this.withNeighboursLetters(s, tokens)));
    // How many tokens share a reading's line: OCR swaps one pair of a line's neighbours, so a name on a line of its own
    // is reversed whenever its line is, one among many words seldom.
    const lineLength = (t: ScanToken | undefined) => (t ? tokens.filter((u) => u.source === t.source && u.line === t.line).length : 0);
    const read = spans
      .map((s, k) => {
        const elsewhere = new Set(raw.flatMap((r, j) => (j === k ? [] : r.map((w) => w.toLowerCase()))));
        return { words: this.givenNameFirst(this.resplit(raw[k]!, elsewhere)), comma: s.tokens.some((t) => /[A-Za-z],|^,[A-Za-z]/.test(t.text)), line: lineLength(s.tokens[0]) };
      })
      .filter((r) => r.words.length > 0);
    const readings = read.map((r) => r.words);
    if (readings.length === 0) return 'Unknown Player';
    if (readings.length === 1) return readings[0]!.map((w) => this.spelling([w])).join(' ');
    // The best reading, or a longer one holding all its words: the ranker may have cut a name short ("WITT JR." of
    // "BOBBY WITT JR."), or a suffix OCR damaged ("HARDAWAY JRR.") kept it out.
    const covers = (long: readonly string[], short: readonly string[]) =>
      short.every((w) => long.some((v) => similarity(v.toLowerCase(), w.toLowerCase()) >= 0.7)) &&
      !long.some((v) => this.isNotName(fold(core(v)))) &&
      // What the longer one adds is a suffix or a given name people bear, not a team's or a label's word ("HOUSTON").
      long.every((v) => short.some((w) => similarity(v.toLowerCase(), w.toLowerCase()) >= 0.7) || NAME_SUFFIXES.has(fold(core(v))) || censusShares(v)[0] > 0);
    const first = readings.find((r) => r.length > readings[0]!.length && covers(r, readings[0]!)) ?? readings[0]!;
    // Word order: each reading of as many words votes for the first reading's order or its reverse, read by which
    // pairing of their words is closer ("ADAMS DAVANTE" against "DAVANTE ADAS"); a tie goes to the order whose first
    // word is a given name rather than a surname.
    let order = first;
    if (first.length === 2) {
      const sim = (a: string, b: string) => similarity(skeleton(a.toLowerCase()), skeleton(b.toLowerCase()));
      let same = 0;
      let reversed = 0;
      // For the flipped order, in nats: a reading among more words on its line is likelier in the order printed.
      let byLines = 0;
      for (const { words: r, comma, line } of read) {
        if (r.length !== 2) continue;
        const straight = sim(r[0]!, first[0]!) + sim(r[1]!, first[1]!);
        const crossed = sim(r[0]!, first[1]!) + sim(r[1]!, first[0]!);
        // "WADE, DWYANE" says its order; a reading without a comma may have had its words swapped by OCR.
        const weight = comma ? 2 : 1;
        const odds = comma ? 0 : Math.log(Math.max(1, line - 1));
        if (crossed > straight) {
          reversed += weight;
          byLines += odds;
        } else if (straight > crossed) {
          same += weight;
          byLines -= odds;
        }
      }
      const given = (w: string) => (this.firstNames.has(fold(core(w))) ? 1 : 0) + givenNameSide(w);
      const flipped = [first[1]!, first[0]!];
      // Neither word known as a given name or a surname: the one that looks more like a given name ("Saquon", not "Barkley").
      const leansFlipped = () => given(flipped[0]!) === given(flipped[1]!) && givenNameLean(flipped[0]!) - givenNameLean(flipped[1]!) > 0.3;
      // A tie goes to the order the evidence favours, in nats: more people bearing the first word as a given name and the
      // second as a surname ("Trevor Lawrence"), readings standing among more words, words known as given names; with none,
      // to the word looking more like a given name. Each word by its likeliest reading: one reading's damage ("FRANEISCO")
      // is another's clean word.
      const share = (w: string, side: 0 | 1) => Math.max(...readings.flat().filter((v) => sim(v, w) >= 0.7).map((v) => censusLogShare(v, side)), censusLogShare(w, side));
      const census = (a: string, b: string) => share(a, 0) + share(b, 1);
      const evidence = census(flipped[0]!, flipped[1]!) - census(first[0]!, first[1]!) + byLines;
      // Knowing a word as a given name (the answers', a name list's) adds a nat to its order.
      const total = evidence + given(flipped[0]!) - given(flipped[1]!) - (given(first[0]!) - given(first[1]!));
      const tieFlips = Math.abs(total) > 0.01 ? total > 0 : leansFlipped();
      if (reversed > same || (reversed === same && reversed > 0 && tieFlips)) {
        order = readings.find((r) => r.length === 2 && sim(r[0]!, first[1]!) + sim(r[1]!, first[0]!) > sim(r[0]!, first[0]!) + sim(r[1]!, first[1]!)) ?? flipped;
      }
    }
    // Per position of the chosen order, every reading's word aligned to it.
    const positions = order.map((w) => [w]);
    for (const r of readings) {
      if (r === order) continue;
      r.forEach((w) => {
        let best = -1;
        let bestSim = 0.55;
        order.forEach((o, j) => {
          const sim = similarity(o.toLowerCase(), w.toLowerCase());
          if (sim > bestSim) {
            bestSim = sim;
            best = j;
          }
        });
        if (best >= 0) positions[best]!.push(w);
      });
    }
    return positions.map((variants) => this.spelling(variants)).join(' ');
  }

  /**
   * One word of the name from its readings: the reading that best explains them all under the
   * character model and the learned OCR channel, a name word a base model knows ("Damian" against
   * "Danian") counting for more. A word printed once may be a common name one edit away
   * ("BQBBY"), when the training scans show OCR damage at all: correcting towards common
   * spellings also turns a real Dwyane into a Dwayne, which only damage elsewhere on the scans
   * can pay for.
   */
  private spelling(variants: readonly string[]): string {
    // A double-barrelled name is spelt part by part: one reading may hold one part undamaged, another the other
    // ("GILGOEUS-ALEXANDER" and "GILGEOUS-LAEXANDER").
    const parts = variants.map((v) => v.split('-'));
    if (parts[0]!.length > 1 && parts.every((p) => p.length === parts[0]!.length && p.every((part) => /[A-Za-z]{2,}/.test(part)))) {
      return parts[0]!.map((_, k) => this.spelling(parts.map((p) => p[k]!))).join('-');
    }
    const lower = [...new Set(variants.map((v) => v.toLowerCase()))];
    // Only a word no one is known to bear, nor any baby was given: players' names are often rarer than the common names
    // they are an edit from ("Shai", "Hedman", "Eichel"), and names spelt two ways are names ("Dwyane", "Dwayne").
    const once = variants.length === 1 && this.denoiser.editRate > REPAIR_EDIT_RATE && /^[a-z]{4,}$/.test(lower[0]!) && !this.knownNameWord(lower[0]!) && birthShare(lower[0]!) === 0;
    // Two letters swapped too ("LAWRNECE", "SPNECER"); common by the census or by births since ("Micah").
    const common = once ? [...oneEditAway(lower[0]!)].filter((w) => Math.max(peopleBearing(w), birthShare(w)) >= COMMON_NAME_SHARE) : [];
    if (lower.length === 1 && common.length === 0) return variants[0]!;
    // The character model per character, at the readings' mean length: a longer spelling is not less likely for being longer.
    const length = lower.reduce((n, v) => n + v.replace(/[^a-z]/g, '').length, 0) / lower.length;
    // Spellings with the same letters differ only in OCR-dropped punctuation ("NUGENTHOPKINS"): the punctuated one stands.
    const punctuated = (cand: string) => lower.some((o) => o !== cand && o.replace(/[^a-z]/g, '') === cand.replace(/[^a-z]/g, '') && o.length > cand.length);
    // Two readings damaged in different places hold the real spelling between them ("JUSSTIN" and "JUSTINV",
    // "CELEBRINNI" and "CELLEBRINI"): such a spelling is a candidate too, known name or not.
    const between = new Set<string>();
    for (let x = 0; x < lower.length; x++) for (let y = x + 1; y < lower.length; y++) for (const w of spellingsBetween(lower[x]!, lower[y]!)) if (/^[a-z][a-z'-]*$/.test(w) && !lower.includes(w)) between.add(w);
    // Two readings both damaged, each in its own place, hold the real spelling one edit from each ("MTATHEW" and "MTTHEW").
    // Of two readings one edit apart, one is more likely the spelling, damaged once, than a third damaged twice, unless
    // that third is a common name ("MTATHEW" and "MTTHEW", but not "WYANE" and "DWYANE" for Dyane).
    for (let x = 0; x < lower.length; x++) {
      for (let y = x + 1; y < lower.length; y++) {
        const once = levenshtein(lower[x]!, lower[y]!, 2) < 2;
        for (const w of commonNeighbours(lower[x]!, lower[y]!)) if (/^[a-z][a-z'-]*$/.test(w) && !lower.includes(w) && this.knownName(w) && (!once || peopleBearing(w) >= COMMON_NAME_SHARE)) between.add(w);
      }
    }
    // Two readings a letter apart: OCR drops letters far more often than it invents one, unless it read one twice
    // ("TYRES" and "TYRESE" are Tyrese; "MORANTT" and "MORANT" are left to the models below). When the longer one is
    // no known name, and people bear the shorter or a known name lies between them or one edit from each, all are weighed
    // instead ("MTATHEW" and "MTTHEW" are Matthew; "RLAWRENCE", a moved space's, is not Lawrence with a letter dropped).
    if (lower.length === 2) {
      const [a, b] = lower[0]!.length > lower[1]!.length ? [lower[0]!, lower[1]!] : [lower[1]!, lower[0]!];
      const at = droppedAt(a, b);
      const weighed = !this.knownName(a) && (between.size > 0 || peopleBearing(b) > 0);
      if (!weighed && at >= 0 && a[at] !== a[at - 1] && a[at] !== a[at + 1] && /[a-z]/.test(a[at]!)) return variants.find((v) => v.toLowerCase() === a)!;
    }
    let best = variants[0]!;
    let bestScore = -Infinity;
    for (const cand of [...lower, ...between, ...common]) {
      const letters = cand.replace(/[^a-z]/g, '');
      let score = letters ? (this.denoiser.logProb(letters) / (letters.length + 1)) * (length + 1) : -Infinity;
      for (const v of variants) score += this.denoiser.channelLogProb(letters, v.toLowerCase().replace(/[^a-z]/g, ''));
      if (punctuated(cand)) score -= 100;
      score += this.namePrior(cand);
      if (score > bestScore) {
        bestScore = score;
        best = variants.find((v) => v.toLowerCase() === cand) ?? this.nameWord(cand);
      }
    }
    return best;
  }

  /**
   * What a base model's knowledge of names says for a spelling, in nats: whether it is a name at
   * all, and how many people bear it (a double-barrelled name by its parts, "Caldwell-Pope").
   */
  private namePrior(word: string): number {
    let prior = this.knownName(word) ? KNOWN_NAME_WORD : 0;
    for (const part of word.toLowerCase().replace(/[.,]$/, '').split('-')) prior += CENSUS_SPELLING * Math.log(1 + peopleBearing(part));
    return prior;
  }

  private pairPrior(a: string, b: string): number {
    return this.namePrior(a) + this.namePrior(b);
  }

  /** A name word a base model knows; a double-barrelled one when each of its parts is ("Caldwell-Pope", "Jean-Sebastien"). */
  private knownName(word: string): boolean {
    const lower = word.toLowerCase();
    const parts = lower.split('-');
    return this.knownNameWord(lower.replace(/[^a-z]/g, '')) || (parts.length > 1 && parts.every((part) => this.knownNameWord(part.replace(/[^a-z]/g, ''))));
  }

  knownNameWord(letters: string): boolean {
    return this.state.nameCasing[letters] !== undefined || nameWords().has(letters);
  }
}
