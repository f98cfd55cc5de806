import { CardData, type GradingCompany, type Sport } from '../../services/cards/card.js';
import type { ScanInput } from '../../services/prompts/chat-format.js';
import type { CardModelState } from './card-model.js';
import { Denoiser, spellingsBetween, type DenoiserState } from './denoise.js';
import { COMPANY_MARKS, namedClasses, SPORT_MARKS } from './named-classes.js';
import { givenNameLean, givenNameSide, localeNameWords, namePrior, nameWords } from './name-prior.js';
import { argmax, LinearScorer, softmax, type LinearModel } from './perceptron.js';
import { scanTokens, TAGS, TAG_INDEX, type ScanToken, type Tag } from './scan-tokens.js';
import { core, droppedAt, escapeRegExp, fold, foldDigits, levenshtein, similarity, skeleton, titleCase } from './text.js';
import {
  candidateSkeletons,
  nameCandidates,
  baseVariationFeatures,
  nullVariationFeatures,
  printRunOf,
  withPrintRun,
  nameSpanFeatures,
  spanSkeleton,
  variationCandidates,
  variationSpanFeatures,
} from './span-features.js';
import { brandCandidates, gradeCandidates, numberCandidates, numberText, yearCandidates, type ValueCandidate } from './value-candidates.js';
import { BRANDS, extractCard, NOT_NAMES, PARALLELS } from './base-model.js';
import { GRADE_WORDS } from './grade-scales.js';
import { PRODUCT_NAMES } from './parallels.js';
import { GIVEN_NAMES } from './given-names.js';
import { TEAM_NICKNAMES, TEAM_WORDS } from './team-words.js';
import { BASE_PARALLELS, brandKeysOf, brandWordsOf, COMPANY_CLASSES, NONE, SPORT_CLASSES, variationSkeleton } from './card-model.js';
import { bagOfWords, previousTagFeatures, scanContext, staticFeatures, type ScanContext } from './token-features.js';

/**
 * Reads a card out of a tagged scan: spans of each tag become candidate values, candidates are
 * normalised with the learned lexicons (canonical brand and variation spellings, name casing,
 * card-number prefixes, season years per sport) and the noisy-channel denoiser, and the
 * candidates that the tagger is most sure of win, votes from repeated spans adding up.
 */

export interface CardLexicons {
  denoiser: DenoiserState;
  /** Skeleton of a spelling → canonical brand → count. */
  brands: Record<string, Record<string, number>>;
  variations: Record<string, Record<string, number>>;
  /** Lower-case name word → the casing answers use ("jr" → "Jr.", "degrom" → "deGrom"). */
  nameCasing: Record<string, string>;
  /** Name words that close a name ("jr", "ii"): they stay last when "LAST, FIRST JR." is reordered. */
  suffixes: string[];
  numberPrefixes: Record<string, number>;
  /** The most digits a card number of the answers has (absent in models trained before it). */
  numberDigits?: number;
  /** Sports whose answers write seasons ("1986-87"). */
  seasonSports: string[];
  usualGrades: Record<string, number>;
  usualYear: string;
  usualBrand: string;
}

interface Span {
  tokens: ScanToken[];
  score: number;
  /** A reading that comes from elsewhere than the tokens (the base model's). */
  text?: string;
}

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

/** What knowing a name word is worth against the character model, in nats. */
const KNOWN_NAME_WORD = 4;

/** Generational suffixes after a surname, as `fold(core(word))` gives them. */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Letters OCR engines commonly print as these characters. */
const LOOK_ALIKE_LETTERS: Readonly<Record<string, readonly string[]>> = {
  '0': ['o'], '1': ['l', 'i'], '|': ['l', 'i'], '!': ['l', 'i'], '5': ['s'], $: ['s'], '8': ['b'], '6': ['g', 'b'], '3': ['e', 'b'], '4': ['a'], '7': ['t'], '2': ['z'], '9': ['g'], '(': ['c'],
};

/** The value of the best-scored candidate, or null when there is none. */
function bestCandidate<V>(ranker: LinearScorer, candidates: ReadonlyArray<ValueCandidate<V>>): ValueCandidate<V> | null {
  let best: ValueCandidate<V> | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = ranker.scores(c.features)[0]!;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

const bestValue = <V>(ranker: LinearScorer, candidates: ReadonlyArray<ValueCandidate<V>>): V | null => bestCandidate(ranker, candidates)?.value ?? null;

const mostCommon = (row: Record<string, number> | undefined) => (row ? Object.entries(row).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] : undefined);

function vote<T>(candidates: Array<{ value: T; key: string; score: number; tie?: number }>): T | undefined {
  const groups = new Map<string, { value: T; score: number; tie: number }>();
  for (const c of candidates) {
    const g = groups.get(c.key);
    if (g) {
      g.score += c.score;
      g.tie = Math.max(g.tie, c.tie ?? 0);
    } else groups.set(c.key, { value: c.value, score: c.score, tie: c.tie ?? 0 });
  }
  let best: { value: T; score: number; tie: number } | undefined;
  for (const g of groups.values()) if (!best || g.score + g.tie > best.score + best.tie) best = g;
  return best?.value;
}

/**
 * The sport or company ranker read back as one row of class weights per word, so a scan costs
 * one lookup per word instead of one per word and class. Same scores as classFeatures gives.
 */
class ClassScorer {
  private readonly rows = new Map<string, Float64Array>();
  private readonly agrees: Record<'true' | 'false', number> = { true: 0, false: 0 };

  constructor(
    model: LinearModel,
    private readonly field: string,
    private readonly classes: readonly string[],
  ) {
    const index = new Map(classes.map((c, k) => [c, k]));
    model.features.forEach((name, k) => {
      const w = model.weights[k]!;
      if (!name.startsWith(`${field}:`)) return;
      const rest = name.slice(field.length + 1);
      const agree = /^base-agrees=(true|false)$/.exec(rest);
      if (agree) {
        this.agrees[agree[1] as 'true' | 'false'] = w;
        return;
      }
      const bar = rest.indexOf('|');
      const c = index.get(rest.slice(0, bar));
      if (c === undefined) return;
      const word = rest.slice(bar + 1);
      let row = this.rows.get(word);
      if (!row) this.rows.set(word, (row = new Float64Array(classes.length)));
      row[c]! += w;
    });
  }

  /** The best class, among `allowed` when given and not empty. */
  best(bag: readonly string[], base: string, allowed?: ReadonlySet<string>): string {
    const scores = new Float64Array(this.classes.length);
    for (const w of ['bias', ...bag]) {
      const row = this.rows.get(w);
      if (row) for (let c = 0; c < scores.length; c++) scores[c]! += row[c]!;
    }
    for (let c = 0; c < scores.length; c++) scores[c]! += this.classes[c] === base ? this.agrees.true : this.agrees.false;
    if (allowed?.size) for (let c = 0; c < scores.length; c++) if (!allowed.has(this.classes[c]!)) scores[c] = -Infinity;
    return this.classes[argmax(scores)]!;
  }
}

const COLOURS = new Set(['gold', 'silver', 'pink', 'orange', 'red', 'blue', 'green', 'purple', 'black', 'white', 'yellow', 'bronze', 'teal', 'aqua', 'sapphire', 'emerald', 'ruby']);

/**
 * A variation that took the last word of the product line printed before it ("TOPPS CHROME
 * REFRACTOR" read as Chrome Refractor, "O-PEE-CHEE PLATINUM RAINBOW" as Platinum Rainbow) gives
 * that word back; one that is only the product line's words is none. A parallel that repeats
 * the word ("BOWMAN CHROME CHROME REFRACTOR") keeps it.
 */
function withoutProductWord(variation: string | null, tokens: readonly ScanToken[]): string | null {
  const words = variation?.split(' ') ?? [];
  if (!variation) return variation;
  const text = tokens.map((t) => t.text).join(' ');
  const printed = (parts: readonly string[]) => new RegExp(`(?<![A-Za-z])${parts.map(escapeRegExp).join('\\s+')}(?![A-Za-z])`, 'i').test(text);
  for (const product of PRODUCT_NAMES) {
    const parts = product.split(' ');
    // The product line itself, or its last words, read as a parallel ("PLATINUM" of O-PEE-CHEE PLATINUM): no parallel.
    const tail = parts.slice(-words.length);
    if (words.length < parts.length + 1 && tail.length === words.length && tail.every((p, k) => fold(p) === fold(words[k]!)) && printed(parts)) return null;
    if (words.length < 2 || parts.length < 2 || fold(parts[parts.length - 1]!) !== fold(words[0]!)) continue;
    const glued = [...parts.slice(0, -1), ...words.filter((w) => !/^\d*\/\d+$/.test(w))].map(escapeRegExp).join('(?:\\s+-)?\\s+');
    if (new RegExp(`(?<![A-Za-z])${glued}(?![A-Za-z])`, 'i').test(text)) return words.slice(1).join(' ');
  }
  return variation;
}

/** A parallel printed with a colour before it ("PINK REFRACTOR") keeps the colour: it names a different parallel. */
function withColour(variation: string | null, tokens: readonly ScanToken[]): string | null {
  if (!variation || COLOURS.has(fold(variation.split(' ')[0]!))) return variation;
  const head = skeleton(variation.split(' ')[0]!);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const before = tokens[i - 1]!;
    if (t.source !== 0 || before.source !== 0 || before.line !== t.line || skeleton(core(t.text)) !== head) continue;
    if (COLOURS.has(before.norm)) return `${titleCase(before.norm)} ${variation}`;
  }
  return variation;
}

export class CardPredictor {
  private readonly tagger: LinearScorer;
  private readonly names: LinearScorer;
  private readonly variationRanker: LinearScorer;
  private readonly gradeRanker: LinearScorer | null;
  private readonly yearRanker: LinearScorer | null;
  private readonly numberRanker: LinearScorer | null;
  private readonly brandRanker: LinearScorer | null;
  private readonly brandKeys: Map<string, string>;
  private readonly knownVariations: { has(sk: string): boolean; base(sk: string): boolean };
  private readonly brandLexicon: Record<string, Record<string, number>>;
  private readonly variationLexicon: Record<string, Record<string, number>>;
  private readonly firstNames: Set<string>;
  private readonly nonNames: Set<string>;
  private readonly brandWords: Set<string>;
  private readonly sportScorer: ClassScorer;
  private readonly companyScorer: ClassScorer;
  private readonly vocab: Set<string>;
  private readonly denoiser: Denoiser;
  private readonly suffixes: Set<string>;
  private readonly prefixes: string[];
  /** OCR character → the answer letters it was read from, as counted in training. */
  private readonly confusions = new Map<string, string[]>();

  constructor(private readonly state: CardModelState) {
    this.tagger = new LinearScorer(state.tagger);
    this.names = new LinearScorer(state.names);
    this.variationRanker = new LinearScorer(state.variationRanker);
    this.gradeRanker = state.gradeRanker ? new LinearScorer(state.gradeRanker) : null;
    this.yearRanker = state.yearRanker ? new LinearScorer(state.yearRanker) : null;
    this.numberRanker = state.numberRanker ? new LinearScorer(state.numberRanker) : null;
    this.brandRanker = state.brandRanker ? new LinearScorer(state.brandRanker) : null;
    this.brandKeys = brandKeysOf(state.brands);
    this.knownVariations = { has: (sk: string) => known.has(sk), base: (sk: string) => BASE_PARALLELS.has(sk) };
    const known = new Set(state.knownVariations);
    // Brands the base model knows by name are candidates too: fine-tuning keeps what the base knew.
    this.brandLexicon = structuredClone(state.brands);
    // So are the parallels it knows: a damaged "SEISMIC GO1D" is written as the base model would write it.
    this.variationLexicon = structuredClone(state.variations);
    for (const p of PARALLELS) this.variationLexicon[skeleton(p.replace(/\s+/g, ''))] ??= { [p]: 1 };
    for (const brand of BRANDS) (this.brandLexicon[skeleton(brand.replace(/\s+/g, ''))] ??= {})[brand] = 1;
    this.firstNames = new Set([...state.firstNames, ...GIVEN_NAMES]);
    this.nonNames = new Set(state.nonNames);
    this.brandWords = brandWordsOf(Object.values(state.brands).flatMap((row) => Object.keys(row)));
    this.sportScorer = new ClassScorer(state.classes, 'sport', SPORT_CLASSES);
    this.companyScorer = new ClassScorer(state.classes, 'company', COMPANY_CLASSES);
    this.vocab = new Set(state.vocab);
    this.denoiser = new Denoiser(state.denoiser, namePrior());
    this.suffixes = new Set([...state.suffixes, ...NAME_SUFFIXES]);
    this.prefixes = Object.keys(state.numberPrefixes).sort((a, b) => b.length - a.length);
    for (const op of Object.keys(state.denoiser.channel)) {
      const m = /^s:([a-z])>(.)$/.exec(op);
      if (!m || /[a-z]/.test(m[2]!)) continue;
      const list = this.confusions.get(m[2]!) ?? [];
      list.push(m[1]!);
      this.confusions.set(m[2]!, list);
    }
  }

  /** Tags every token (greedy, left to right) and keeps each token's tag probabilities. */
  private tag(tokens: readonly ScanToken[], ctx: ScanContext): { tags: Tag[]; probs: Float64Array[] } {
    const tags: Tag[] = [];
    const probs: Float64Array[] = [];
    let prev = '<s>';
    let prev2 = '<s>';
    const scores = new Float64Array(TAGS.length);
    for (let i = 0; i < tokens.length; i++) {
      if (i > 0 && (tokens[i]!.source !== tokens[i - 1]!.source || tokens[i]!.line !== tokens[i - 1]!.line)) {
        prev2 = prev;
        prev = '<nl>';
      }
      this.tagger.scores([...staticFeatures(tokens, i, this.vocab, ctx), ...previousTagFeatures(prev, prev2)], scores);
      const p = softmax(scores, new Float64Array(TAGS.length));
      const tag = TAGS[argmax(scores)]!;
      tags.push(tag);
      probs.push(p);
      prev2 = prev;
      prev = tag;
    }
    return { tags, probs };
  }

  private spans(tokens: readonly ScanToken[], tags: readonly Tag[], probs: readonly Float64Array[], tag: Tag, gap = 0): Span[] {
    const k = TAG_INDEX[tag];
    const out: Span[] = [];
    let cur: { from: number; to: number } | undefined;
    const flush = () => {
      if (!cur) return;
      const list: ScanToken[] = [];
      let score = 0;
      let n = 0;
      for (let i = cur.from; i < cur.to; i++) {
        if (tags[i] !== tag) continue;
        list.push(tokens[i]!);
        score += probs[i]![k]!;
        n++;
      }
      out.push({ tokens: list, score: score / n });
      cur = undefined;
    };
    for (let i = 0; i < tokens.length; i++) {
      if (tags[i] !== tag) continue;
      const t = tokens[i]!;
      const last = cur ? tokens[cur.to - 1]! : undefined;
      if (cur && last && last.source === t.source && last.line === t.line && i - cur.to <= gap) cur.to = i + 1;
      else {
        flush();
        cur = { from: i, to: i + 1 };
      }
    }
    flush();
    if (out.length === 0) {
      // Nothing tagged: the single token the tagger found likeliest for it, if any is plausible.
      let best = -1;
      for (let i = 0; i < tokens.length; i++) if (best < 0 || probs[i]![k]! > probs[best]![k]!) best = i;
      if (best >= 0 && probs[best]![k]! > 0.05) out.push({ tokens: [tokens[best]!], score: probs[best]![k]! });
    }
    return out;
  }

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
  private nameSpans(tokens: readonly ScanToken[], ctx: ScanContext): Span[] {
    const windows = nameCandidates(tokens);
    if (windows.length === 0) return [];
    const skeletons = candidateSkeletons(tokens, windows);
    // A span of team words only ("CHARLOTTE HORNETS"), or ending with a team's nickname ("ORLANDO MAGIC"), is never the player.
    const teamOnly = (a: number, b: number) => TEAM_NICKNAMES.has(tokens[b - 1]!.norm) || tokens.slice(a, b).every((t) => TEAM_WORDS.has(t.norm));
    // Words that are printed on labels and cards but are no one's name ("CATCHER", "CERT", a damaged "ROAKIE") count
    // against a span, as do team and brand words.
    const penalty = 10;
    // OCR's litter ("ll", "|") and a bare letter without its period (a position's "G") are no one's name either.
    const litter = (text: string) => (/^[lI1|!]{1,3}$/.test(text) && !/^I{2,3}$/.test(text)) || /^[A-Za-z]$/.test(text);
    const notName = tokens.map((t) => (t.source === 0 && (this.isNotName(t.norm) || litter(t.text)) ? 1 : 0));
    const scored = windows.map(([a, b]) => {
      let others = 0;
      for (let i = a; i < b; i++) others += notName[i]!;
      // A name neither starts nor ends with such a word ("MAGIC KENTAVIOUS CALDWELL-POPE", "KEVIN GARNETT NM-MT").
      others += (EDGE_PENALTY - 1) * (notName[a]! + (b - 1 > a ? notName[b - 1]! : 0));
      // So is a span that spells a parallel ("PINK VELOCITY" on a label line of its own, as a name would be).
      const parallel = this.knownVariations.base(spanSkeleton(tokens, a, b)) || this.knownVariations.has(spanSkeleton(tokens, a, b));
      return { a, b, score: this.names.scores(nameSpanFeatures(tokens, a, b, this.vocab, ctx, this.firstNames, skeletons, this.nonNames, this.brandWords))[0]! - (teamOnly(a, b) || parallel ? 100 : 0) - penalty * others };
    });
    scored.sort((x, y) => y.score - x.score);
    const best = scored[0]!;
    // A reading's words, a comma OCR ran two together with ("WADE,DWYANE") splitting them.
    const words = (c: { a: number; b: number }) =>
      tokens
        .slice(c.a, c.b)
        .flatMap((t) => core(t.text).replace(/,$/, '').split(/,(?=[A-Za-z]{2})/))
        .map((w) => skeleton(w));
    const bestWords = words(best);
    const taken: Array<{ a: number; b: number; score: number }> = [best];
    for (const c of scored) {
      if (c === best || words(c).length !== bestWords.length || taken.some((t) => c.a < t.b && c.b > t.a)) continue;
      if (wordsSimilarity(words(c), bestWords) >= 0.7) taken.push(c);
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
      const span = tokens.slice(c.a, end).filter((t) => /[A-Za-z0-9]/.test(t.text));
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
    return taken.map((c, k) => ({ tokens: read(c), score: k === 0 ? 1 : 0.9 }));
  }

  private readonly notNames = new Map<string, boolean>();

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
    if (NOT_NAMES.has(w) || TEAM_WORDS.has(w) || this.brandWords.has(w) || this.nonNames.has(w) || hobbyWords().has(w) || GRADE_WORDS.has(w)) return true;
    if (w.length < 5) return false;
    const sk = skeleton(w);
    for (const other of notNameSkeletons()) if (Math.abs(other.length - w.length) <= 1 && levenshtein(other, sk, 1) <= 1) return true;
    return false;
  }

  /** A reading's words in first-name order ("DAVIS, ANTHONY" → Anthony Davis), digits read back as letters, lower case. */
  private readingWords(span: Span): string[] {
    let words = span.tokens
      .map((t) => t.text)
      // OCR's slips around a comma: "MANNING,PEYTON" run together, "LEONAR,D" swapped with a letter.
      .flatMap((w) => (/^[^,]{2,},[^,]{2,}$/.test(w) ? [`${w.split(',')[0]},`, w.split(',')[1]!] : [/^[^,]{2,},[A-Za-z]$/.test(w) ? `${w.replace(',', '')},` : w]))
      // A suffix run into the surname ("HARRISONjr."): split off when the answers use that suffix.
      .flatMap((w) => {
        const m = /^(.{3,}?)(jr|sr|ii|iii|iv)(\.?,?)$/i.exec(w);
        // Only a suffix the answers use, or Jr./Sr.: a name may end in the letters of a numeral ("CELEBRINII" is no II).
        const suffix = m?.[2]!.toLowerCase();
        return m && (this.state.suffixes.includes(suffix!) || suffix === 'jr' || suffix === 'sr') && !/[^A-Za-z]/.test(m[1]!) ? [m[1]!, `${m[2]}${m[3]}`] : [w];
      })
      .filter((w) => /[A-Za-z0-9]/.test(w));
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
   * Two names OCR ran together ("RONALDACUNA", "QuinnHughes"): split where both halves are name
   * words a base model knows, four letters or more each, and the whole is no name it knows.
   */
  private unglued(word: string): string[] {
    const letters = word.toLowerCase();
    if (!/^[a-z]{8,}$/.test(letters) || this.knownNameWord(letters)) return [word];
    for (let cut = 4; cut <= letters.length - 4; cut++) {
      if (this.knownNameWord(letters.slice(0, cut)) && this.knownNameWord(letters.slice(cut))) return [word.slice(0, cut), word.slice(cut)];
    }
    return [word];
  }

  /**
   * A space OCR moved by a letter ("LUKAD ONCIC", "BROC KPURDY"): moved back when that makes
   * both words name words a base model knows and they were not before.
   */
  private resplit(words: string[]): string[] {
    const known = (w: string) => this.knownNameWord(w.toLowerCase().replace(/[^a-z]/g, ''));
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (known(a) && known(b)) continue;
      for (const [x, y] of [
        [a.slice(0, -1), a.slice(-1) + b],
        [a + b.slice(0, 1), b.slice(1)],
      ] as const) {
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
  private player(spans: readonly Span[]): string {
    const read = spans.map((s) => ({ words: this.givenNameFirst(this.resplit(this.readingWords(s))), comma: s.tokens.some((t) => /[A-Za-z],/.test(t.text)) })).filter((r) => r.words.length > 0);
    const readings = read.map((r) => r.words);
    if (readings.length === 0) return 'Unknown Player';
    const first = readings[0]!;
    if (readings.length === 1) return first.join(' ');
    // Word order: each reading of as many words votes for the first reading's order or its reverse, read by which
    // pairing of their words is closer ("ADAMS DAVANTE" against "DAVANTE ADAS"); a tie goes to the order whose first
    // word is a given name rather than a surname.
    let order = first;
    if (first.length === 2) {
      const sim = (a: string, b: string) => similarity(skeleton(a.toLowerCase()), skeleton(b.toLowerCase()));
      let same = 0;
      let reversed = 0;
      for (const { words: r, comma } of read) {
        if (r.length !== 2) continue;
        const straight = sim(r[0]!, first[0]!) + sim(r[1]!, first[1]!);
        const crossed = sim(r[0]!, first[1]!) + sim(r[1]!, first[0]!);
        // "WADE, DWYANE" says its order; a reading without a comma may have had its words swapped by OCR.
        const weight = comma ? 2 : 1;
        if (crossed > straight) reversed += weight;
        else if (straight > crossed) same += weight;
      }
      const given = (w: string) => (this.firstNames.has(fold(core(w))) ? 1 : 0) + givenNameSide(w);
      const flipped = [first[1]!, first[0]!];
      // Neither word known as a given name or a surname: the one that looks more like a given name ("Saquon", not "Barkley").
      const leansFlipped = () => given(flipped[0]!) === given(flipped[1]!) && givenNameLean(flipped[0]!) - givenNameLean(flipped[1]!) > 0.3;
      if (reversed > same || (reversed === same && reversed > 0 && (given(flipped[0]!) - given(flipped[1]!) > given(first[0]!) - given(first[1]!) || leansFlipped()))) {
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
   * "Danian") counting for more. Only readings are candidates: a name printed once is kept as
   * printed, since correcting it towards a known spelling would also turn a real Dwyane into a Dwayne.
   */
  private spelling(variants: readonly string[]): string {
    const lower = [...new Set(variants.map((v) => v.toLowerCase()))];
    if (lower.length === 1) return variants[0]!;
    // Two readings a letter apart: OCR drops letters far more often than it invents one, unless it read one twice
    // ("TYRES" and "TYRESE" are Tyrese; "MORANTT" and "MORANT" are left to the models below).
    if (lower.length === 2) {
      const [a, b] = lower[0]!.length > lower[1]!.length ? [lower[0]!, lower[1]!] : [lower[1]!, lower[0]!];
      const at = droppedAt(a, b);
      if (at >= 0 && a[at] !== a[at - 1] && a[at] !== a[at + 1] && /[a-z]/.test(a[at]!)) return variants.find((v) => v.toLowerCase() === a)!;
    }
    // The character model per character, at the readings' mean length: a longer spelling is not less likely for being longer.
    const length = lower.reduce((n, v) => n + v.replace(/[^a-z]/g, '').length, 0) / lower.length;
    // Spellings with the same letters differ only in OCR-dropped punctuation ("NUGENTHOPKINS"): the punctuated one stands.
    const punctuated = (cand: string) => lower.some((o) => o !== cand && o.replace(/[^a-z]/g, '') === cand.replace(/[^a-z]/g, '') && o.length > cand.length);
    // A double-barrelled name counts as known when each of its parts is ("Caldwell-Pope", "Jean-Sebastien").
    const known = (cand: string) => this.knownNameWord(cand.replace(/[^a-z]/g, '')) || (/-/.test(cand) && cand.split('-').every((part) => this.knownNameWord(part.replace(/[^a-z]/g, ''))));
    // Two readings damaged in different places hold the real spelling between them ("JUSSTIN" and "JUSTINV"): such a
    // spelling is a candidate too when it is a name word a base model knows.
    const between = new Set<string>();
    for (let x = 0; x < lower.length; x++) for (let y = x + 1; y < lower.length; y++) for (const w of spellingsBetween(lower[x]!, lower[y]!)) if (/^[a-z][a-z'-]*$/.test(w) && !lower.includes(w) && known(w)) between.add(w);
    let best = variants[0]!;
    let bestScore = -Infinity;
    for (const cand of [...lower, ...between]) {
      const letters = cand.replace(/[^a-z]/g, '');
      let score = letters ? (this.denoiser.logProb(letters) / (letters.length + 1)) * (length + 1) : -Infinity;
      for (const v of variants) score += this.denoiser.channelLogProb(letters, v.toLowerCase().replace(/[^a-z]/g, ''));
      if (punctuated(cand)) score -= 100;
      if (known(cand)) score += KNOWN_NAME_WORD;
      if (score > bestScore) {
        bestScore = score;
        best = variants.find((v) => v.toLowerCase() === cand) ?? this.nameWord(cand);
      }
    }
    return best;
  }

  private knownNameWord(letters: string): boolean {
    return this.state.nameCasing[letters] !== undefined || nameWords().has(letters);
  }

  /**
   * The year: the tagged year spans vote, with the years the image description gives (a caption's
   * year is the card's) and any season printed in full ("2014-15": unambiguous, unlike a copyright
   * year or a stats row) added as further votes.
   */
  private year(spans: readonly Span[], sport: string, tokens: readonly ScanToken[], brands: ReadonlyArray<ValueCandidate<string>>): string {
    const ranked = this.yearRanker ? bestValue(this.yearRanker, yearCandidates(tokens, new Set(brands.map((c) => c.at)))) : null;
    const start = ranked ?? this.votedYear(spans, tokens);
    return this.state.seasonSports.includes(sport) ? `${start}-${String((start + 1) % 100).padStart(2, '0')}` : String(start);
  }

  /** The year of a model trained before the year ranker: the tagged spans and printed seasons vote. */
  private votedYear(spans: readonly Span[], tokens: readonly ScanToken[]): number {
    const thisYear = new Date().getUTCFullYear();
    const read = (t: ScanToken, score: number) => {
      const m = /^(\d{4})(?:[-_~.]?(\d{2}))?$/.exec(t.digits);
      if (!m) return [];
      const start = Number(m[1]);
      if (start < 1860 || start > thisYear + 1) return [];
      const season = m[2] !== undefined && Number(m[2]) === (start + 1) % 100;
      return [{ value: start, key: String(start), score: season ? score * 2 : score }];
    };
    const candidates = spans.flatMap((span) => span.tokens.flatMap((t) => read(t, span.score)));
    const tagged = new Set(spans.flatMap((s) => s.tokens));
    for (const t of tokens) {
      if (tagged.has(t)) continue;
      if (t.source === 1) candidates.push(...read(t, 1));
      else if (/^\d{4}[-_~]\d{2}$/.test(t.digits)) candidates.push(...read(t, 0.5));
    }
    return vote(candidates) ?? Number(this.state.usualYear.slice(0, 4));
  }

  private canonical(spans: readonly Span[], lexicon: Record<string, Record<string, number>>, build: (span: Span) => string): Array<{ value: string; key: string; score: number }> {
    const keys = Object.keys(lexicon);
    return spans.map((span) => {
      const key = skeleton(span.tokens.map((t) => core(t.text)).join(''));
      let value = mostCommon(lexicon[key]);
      if (!value) {
        let best = 0;
        for (const k of keys) {
          const s = similarity(key, k);
          if (s > best && s >= 0.75) {
            best = s;
            value = mostCommon(lexicon[k]);
          }
        }
      }
      value ??= build(span);
      return { value, key: value.toLowerCase(), score: span.score };
    });
  }

  private brand(spans: readonly Span[], base: string, all: ReadonlyArray<ValueCandidate<string>>): string {
    // The brand a set's name prints ("DONRUSS OPTIC") says more than the copyright holder ("© 2021 PANINI AMERICA"),
    // which is the brand only for some makers' sets.
    const printed = all.filter((c) => !c.features.includes('copyright=true'));
    const ranked = this.brandRanker ? bestValue(this.brandRanker, printed.length ? printed : all) : null;
    if (ranked !== null) return ranked;
    const words = (span: Span) => span.tokens.map((t) => titleCase(core(t.text).toLowerCase())).join(' ');
    const candidates = this.canonical(spans, this.brandLexicon, words).filter((c) => c.value);
    if (base !== 'Unknown') candidates.push({ value: base, key: base.toLowerCase(), score: 0.5 });
    return vote(candidates) ?? this.state.usualBrand;
  }

  /** Brand spans, each also tried with the word after it ("STADIUM" + "CLUB"): the tagger may cut a two-word brand. */
  private brandSpans(tokens: readonly ScanToken[], spans: readonly Span[]): Span[] {
    const out: Span[] = [];
    for (const span of spans) {
      const last = span.tokens[span.tokens.length - 1]!;
      const at = tokens.indexOf(last);
      const next = tokens[at + 1];
      if (next && next.line === last.line && next.source === last.source) {
        const joined = skeleton([...span.tokens, next].map((t) => core(t.text)).join(''));
        if (this.brandLexicon[joined]) {
          out.push({ tokens: [...span.tokens, next], score: span.score });
          continue;
        }
      }
      out.push(span);
    }
    return out;
  }

  /** The variation ranker's answer: its best span (and the same variation read elsewhere), or none. */
  private variationSpans(tokens: readonly ScanToken[], ctx: ScanContext, base: CardData, names: readonly Span[]): Span[] {
    // A field's words are no other field's: a span reaching into a reading of the player's name is none ("JOSE CANSECO GOLD").
    const nameTokens = new Set(names.flatMap((n) => n.tokens));
    const windows = variationCandidates(tokens).filter(([a, b]) => !tokens.slice(a, b).some((t) => nameTokens.has(t)));
    const none = this.variationRanker.scores(nullVariationFeatures(ctx, base.variation !== null))[0]!;
    const scored = windows.map(([a, b]) => ({ a, b, score: this.variationRanker.scores(variationSpanFeatures(tokens, a, b, this.vocab, ctx, this.knownVariations))[0]! }));
    scored.sort((x, y) => y.score - x.score);
    // Words printed right before a bare print run ("ORANGE /199") name a numbered parallel: the best such span wins outright.
    const runAt = new Set(tokens.flatMap((t, i) => (t.source === 0 && /^\/\d{1,4}$/.test(foldDigits(t.text)) ? [i] : [])));
    const beforeRun = runAt.size ? scored.filter((c) => tokens[c.a]!.source === 0 && (runAt.has(c.b) || runAt.has(c.b - 1)) && c.b - c.a > (runAt.has(c.b - 1) ? 1 : 0)) : [];
    // Of those, the longest that names a parallel the model knows ("SEISMIC GOLD /50", not just "GOLD /50"), else the best.
    const knownName = (c: { a: number; b: number }) => {
      const sk = spanSkeleton(tokens, c.a, runAt.has(c.b - 1) ? c.b - 1 : c.b);
      return this.knownVariations.base(sk) || this.knownVariations.has(sk);
    };
    const labelled = beforeRun.filter(knownName).sort((x, y) => y.b - y.a - (x.b - x.a))[0] ?? beforeRun[0];
    if (labelled) return [{ tokens: tokens.slice(labelled.a, labelled.b), score: 1 }];
    const best = scored[0];
    // The base model's parallels are trusted when the label prints them or the caption names them: as a name is written
    // ("marked First Day Issue", "a Concourse card"), as a parallel, or as the finish itself ("with a holo finish"). That
    // the training answers use a name is not enough: a caption's "a black border" or "a shiny holo finish" may only
    // describe the look of the set.
    const pattern = (v: string) => v.replace(/[^A-Za-z0-9 ]/g, '.');
    const printed = (v: string) => new RegExp(`\\b${pattern(v)}\\b`, 'i').test(tokens.filter((t) => t.source === 0).map((t) => t.text).join(' '));
    const caption = tokens.filter((t) => t.source === 1).map((t) => t.text).join(' ');
    const named = (v: string) =>
      new RegExp(`\\b${pattern(v)}\\b(?! finish)`).test(caption) || new RegExp(`\\b${pattern(v)} parallel\\b|\\ban? ${pattern(v)} finish\\b`, 'i').test(caption);
    if (base.variation && (printed(base.variation) || named(base.variation))) {
      const fromBase = this.variationRanker.scores(baseVariationFeatures(base.variation, variationSkeleton))[0]!;
      // Printed on the label, a parallel the base model knows is there whatever "none" scores ("#76 RAINBOW PSA MINT 9").
      if ((fromBase > none || printed(base.variation)) && (!best || fromBase > best.score)) return [{ tokens: [], score: 1, text: base.variation }];
    }
    if (!best || best.score <= none) return [];
    // A span naming a parallel the model knows beats one it does not ("HOLO" on the label over a caption's "chrome-like optic").
    const known = scored.find((c) => c.score > none && knownName(c));
    if (known && !knownName(best)) return [{ tokens: tokens.slice(known.a, known.b), score: 1 }];
    const bestKey = spanSkeleton(tokens, best.a, best.b);
    return scored
      .filter((c) => c === best || (c.score > best.score - 1 && similarity(spanSkeleton(tokens, c.a, c.b), bestKey) >= 0.75))
      .map((c) => ({ tokens: tokens.slice(c.a, c.b), score: 1 + c.score - best.score + (tokens[c.a]!.source === 1 ? 1 : 0) }));
  }

  private variation(spans: readonly Span[]): string | null {
    if (spans.length === 1 && spans[0]!.text) return spans[0]!.text;
    const build = (span: Span) =>
      span.tokens
        .map((t) => {
          const text = t.text.replace(/[,;:]+$/, '');
          if (/^\d*\/\d+$/.test(foldDigits(text))) return foldDigits(text);
          return titleCase(core(text).toLowerCase());
        })
        .filter(Boolean)
        .join(' ');
    return vote(this.canonical(spans, this.variationLexicon, build).filter((c) => c.value)) ?? null;
  }

  /** A numbered parallel written with its print run, when the training answers write it so. */
  private printRun(variation: string | null, tokens: readonly ScanToken[]): string | null {
    variation = withColour(withoutProductWord(variation, tokens), tokens);
    if (!variation || (this.state.printRunHabit ?? 0) < 0.5) return variation;
    const run = printRunOf(tokens);
    return run === null ? variation : withPrintRun(variation, run);
  }

  /** The number ranker's best token; for a model trained before it, the tagged spans vote. */
  private cardNumber(spans: readonly Span[], tokens: readonly ScanToken[], nameStarts: ReadonlySet<number>): string {
    const ranked = this.numberRanker ? bestCandidate(this.numberRanker, numberCandidates(tokens, nameStarts)) : null;
    return this.undoubled((ranked !== null ? this.number(this.withoutNextWordsLetter(ranked.value, tokens, ranked.at)) : this.votedNumber(spans, tokens)) || '1');
  }

  /** A number OCR ran into the first letter of the next word ("185W ANDER FRANCO", "#138I van"): the letter is the word's. */
  private withoutNextWordsLetter(value: string, tokens: readonly ScanToken[], at: number): string {
    const letter = /\d([A-Za-z])$/.exec(value)?.[1];
    const next = tokens[at + 1];
    if (!letter || !next || next.line !== tokens[at]!.line || next.source !== tokens[at]!.source || !/^[A-Za-z]/.test(next.text)) return value;
    const word = (letter + core(next.text)).toLowerCase();
    const known = (w: string) => this.knownNameWord(w.replace(/[^a-z]/g, '')) || this.vocab.has(fold(w));
    return known(word) || (word.includes('-') && word.split('-').every(known)) ? value.slice(0, -1) : value;
  }

  /**
   * A number longer than any the answers have, with a digit read twice ("#1186" for 186): OCR
   * doubles characters, and sets of a few hundred cards number no card 1186.
   */
  private undoubled(number: string): string {
    const max = this.state.numberDigits;
    const m = /^(.*?)(\d+)$/.exec(number);
    if (!max || !m || m[2]!.length <= max) return number;
    const doubled = /(\d)\1/.exec(m[2]!);
    return doubled ? m[1]! + m[2]!.slice(0, doubled.index) + m[2]!.slice(doubled.index + 1) : number;
  }

  /** Tagged number spans vote; a number printed after '#' or "NO." is a weaker vote of its own. */
  private votedNumber(spans: readonly Span[], tokens: readonly ScanToken[]): string | undefined {
    const candidates = spans.flatMap((span) => {
      const raw = numberText(span.tokens.map((t) => t.text).join(''));
      if (!raw) return [];
      const value = this.number(raw);
      return value ? [{ value, key: value.toLowerCase(), score: span.score }] : [];
    });
    const tagged = new Set(spans.flatMap((s) => s.tokens));
    tokens.forEach((t, i) => {
      if (t.source !== 0 || tagged.has(t)) return;
      const prev = tokens[i - 1];
      const printed = /^#[A-Za-z0-9]/.test(t.text) ? t.text.slice(1) : prev && prev.source === 0 && prev.line === t.line && /^no\.$/i.test(prev.text) ? t.text : null;
      const raw = printed === null ? '' : numberText(printed);
      if (!raw || !/\d/.test(foldDigits(raw))) return;
      const value = this.number(raw);
      if (value) candidates.push({ value, key: value.toLowerCase(), score: 0.3 });
    });
    return vote(candidates);
  }

  private number(raw: string): string {
    const upper = raw.toUpperCase();
    for (const prefix of this.prefixes) {
      const p = skeleton(prefix);
      const head = skeleton(upper.slice(0, prefix.length));
      const tail = foldDigits(upper.slice(prefix.length));
      if (head === p && /^\d+$/.test(tail)) return prefix + tail;
    }
    if (/^\d+$/.test(foldDigits(raw))) return foldDigits(raw);
    let cut = upper.length;
    while (cut > 0 && /\d/.test(foldDigits(upper[cut - 1]!))) cut--;
    while (cut < upper.length && !/\d/.test(upper[cut]!)) cut++;
    const prefix = upper.slice(0, cut).replace(/[_~]/g, '-');
    return prefix + foldDigits(upper.slice(cut));
  }

  private grade(spans: readonly Span[], company: string, base: number | null, tokens: readonly ScanToken[]): number {
    const all = gradeCandidates(tokens, company);
    // A number printed next to the words its company's scale names it by ("GEM MINT 9.5") is the grade: the other
    // numbers on a label are subgrades, cert digits and misreads, which a ranker fit to a few hundred labels confuses.
    const agreed = all.filter((c) => c.features.includes('words=agree') || c.features.includes('words|numbers=agree'));
    const ranked = this.gradeRanker ? bestValue(this.gradeRanker, agreed.length ? agreed : all) : null;
    if (ranked !== null) return ranked;
    const candidates = spans.flatMap((span) =>
      span.tokens.flatMap((t) => {
        const g = Number(t.digits.replace(/,/, '.'));
        return Number.isFinite(g) && g >= 1 && g <= 10 && Number.isInteger(g * 2) ? [{ value: g, key: String(g), score: span.score }] : [];
      }),
    );
    if (base !== null) candidates.push({ value: base, key: String(base), score: 0.3 });
    return vote(candidates) ?? this.state.usualGrades[company] ?? 9;
  }

  predict(scan: ScanInput): CardData {
    const tokens = scanTokens(scan.ocrText, scan.imageDescription);
    const ctx = scanContext(tokens);
    const { tags, probs } = this.tag(tokens, ctx);
    const spans = (tag: Tag, gap = 0) => this.spans(tokens, tags, probs, tag, gap);
    const base = extractCard(scan);
    const bag = bagOfWords(tokens);
    const sport = this.sportScorer.best(bag, base.sport, namedClasses(tokens, SPORT_MARKS));
    const company = this.companyScorer.best(bag, base.gradingCompany ?? NONE, namedClasses(tokens, COMPANY_MARKS));
    const graded = company !== 'NONE';
    const names = this.nameSpans(tokens, ctx);
    const brands = brandCandidates(tokens, this.brandKeys);
    const card = {
      player: this.player(names),
      year: this.year(spans('YEAR'), sport, tokens, brands),
      cardNumber: this.cardNumber(spans('NUM'), tokens, new Set(names.map((n) => tokens.indexOf(n.tokens[0]!)))),
      brand: this.brand(this.brandSpans(tokens, spans('BRAND')), base.brand, brands),
      variation: this.printRun(this.variation(this.variationSpans(tokens, ctx, base, names)), tokens),
      sport: sport as Sport,
      grade: graded ? this.grade(spans('GRADE'), company, base.grade, tokens) : null,
      gradingCompany: graded ? (company as GradingCompany) : null,
    };
    const parsed = CardData.safeParse(card);
    if (parsed.success) return parsed.data;
    // Keep the answer valid whatever the OCR said: fall back field by field.
    const safe = { ...card, year: /^\d{4}(-\d{2})?$/.test(card.year) ? card.year : this.state.usualYear, cardNumber: card.cardNumber.slice(0, 20) || '1' };
    const again = CardData.safeParse(safe);
    return again.success ? again.data : CardData.parse({ ...safe, year: this.state.usualYear, player: safe.player || 'Unknown Player', brand: safe.brand || this.state.usualBrand });
  }
}

export const decodeCard = (state: CardModelState, scan: ScanInput): CardData => new CardPredictor(state).predict(scan);
