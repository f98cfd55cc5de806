import { CardData, type GradingCompany, type Sport } from '../../services/cards/card.js';
import type { ScanInput } from '../../services/prompts/chat-format.js';
import type { CardModelState } from './card-model.js';
import { Denoiser, type DenoiserState } from './denoise.js';
import { GRADE_KEYS } from './grade-scales.js';
import { COMPANY_MARKS, namedClasses, SPORT_MARKS } from './named-classes.js';
import { NameReader, NAME_SUFFIXES } from './name-reader.js';
import { namePrior } from './name-prior.js';
import { argmax, LinearScorer, softmax, type LinearModel } from './perceptron.js';
import { scanTokens, TAGS, TAG_INDEX, type ScanToken, type Tag } from './scan-tokens.js';
import { core, fold, foldDigits, levenshtein, similarity, skeleton, titleCase } from './text.js';
import {
  baseVariationFeatures,
  nullVariationFeatures,
  printRunOf,
  withPrintRun,
  spanSkeleton,
  variationCandidates,
  variationSpanFeatures,
  type Span,
} from './span-features.js';
import { brandCandidates, gradeCandidates, numberCandidates, numberText, yearCandidates, type ValueCandidate } from './value-candidates.js';
import { BRANDS, extractCard, PARALLELS } from './base-model.js';
import { COLOURS, PRODUCT_NAMES } from './parallels.js';
import { GIVEN_NAMES } from './given-names.js';
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


/** OCR's litter from a hologram or a slab's edge that reads as letters ("ll", "|"). */
const isLitter = (t: ScanToken) => /^(ll|l|i|\|)$/.test(t.text);

/** A print run as a label prints it ("/50"). */
const isRun = (t: ScanToken) => /^\/\d{1,4}$/.test(foldDigits(t.text));

/**
 * A parallel the base model knows, printed on a label line with something OCR put between its words (a mark, a grade's
 * digit, its own print run) or with two of its words swapped: "GOLD ™ REFRACT0R /50", "PINK 9 VELOCITY", "SEISMIC /50
 * GOLD", "REFRACTOR ATTOMIC". Its words in the parallel's order, then the print run printed with it, if any.
 */
function gappedParallel(tokens: readonly ScanToken[]): ScanToken[] | null {
  // A grade's word is no parallel's ("REFRACTOR Good 2").
  const word = (t: ScanToken) => t.source === 0 && /[A-Za-z]{2,}/.test(t.text) && !t.text.startsWith('#') && !isLitter(t) && !GRADE_KEYS.has(t.norm.replace(/[^a-z]/g, ''));
  // Not a dash: a label's " - " parts the set from the parallel ("Topps Chrome - Refractor").
  const between = (t: ScanToken) => (!/[A-Za-z0-9]/.test(t.text) && !/^[-_~]$/.test(t.text)) || /^\d{1,2}$/.test(t.text) || isRun(t) || isLitter(t);
  let best: ScanToken[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (!word(tokens[i]!)) continue;
    const words = [tokens[i]!];
    let skipped: ScanToken | null = null;
    for (let j = i + 1; j < tokens.length && words.length < 3 && tokens[j]!.line === tokens[i]!.line && tokens[j]!.source === 0; j++) {
      const t = tokens[j]!;
      if (word(t)) words.push(t);
      else if (!skipped && between(t) && words.length < 3) {
        skipped = t;
        continue;
      } else break;
      const orders = words.length === 2 ? [words, [words[1]!, words[0]!]] : [words];
      // Contiguous words in their printed order are the ranker's spans already.
      for (const order of skipped ? orders : orders.slice(1)) {
        // One slip at most: words put together by a guess at what OCR did are held to a closer match ("GEM REFRACTOR" is
        // no Red Refractor).
        if (!nearParallel(lettersOf(order), 1) || (best && best.filter((w) => !isRun(w)).length >= order.length)) continue;
        const after = tokens[j + 1];
        const run = skipped && isRun(skipped) ? skipped : after && after.line === t.line && after.source === 0 && isRun(after) ? after : null;
        best = run ? [...order, run] : [...order];
      }
    }
  }
  return best;
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/** Tokens' letters run together, look-alikes collapsed, as lexicon keys are written ("SILVER PRIZM" → "silverprizm"). */
const lettersOf = (tokens: readonly ScanToken[]): string => skeleton(tokens.map((t) => core(t.text)).join(''));

/** The base model's parallels by their letters in order ("silverprizm"), and the lookups made of them. */
const parallelKeys = PARALLELS.map((p) => skeleton(p.replace(/\s+/g, ''))).filter((k) => k.length >= 5);
const nearParallels = new Map<string, boolean>();

/** Whether letters are a known parallel's up to an OCR slip (two for a long name): "ratedrooike", "sillverprizm". */
function nearParallel(key: string, most = 2): boolean {
  if (key.length < 5) return false;
  const slips = Math.min(most, key.length >= 10 ? 2 : 1);
  const cacheKey = `${slips}:${key}`;
  let near = nearParallels.get(cacheKey);
  if (near === undefined) {
    near = parallelKeys.some((k) => Math.abs(k.length - key.length) <= slips && levenshtein(k, key, slips) <= slips);
    if (nearParallels.size > 50_000) nearParallels.clear();
    nearParallels.set(cacheKey, near);
  }
  return near;
}

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


/**
 * A variation that took the last word of the product line printed before it ("TOPPS CHROME
 * REFRACTOR" read as Chrome Refractor, "O-PEE-CHEE PLATINUM RAINBOW" as Platinum Rainbow) gives
 * that word back; one that is only the product line's words is none. A parallel that repeats
 * the word ("BOWMAN CHROME CHROME REFRACTOR") keeps it.
 */
function withoutProductWord(variation: string | null, tokens: readonly ScanToken[]): string | null {
  const words = variation?.split(' ') ?? [];
  if (!variation) return variation;
  for (const product of PRODUCT_NAMES) {
    const parts = product.split(' ');
    // The product line itself, or its last words, read as a parallel ("PLATINUM" of O-PEE-CHEE PLATINUM, "CHROME" of
    // TOPSP CHROME): no parallel.
    const tail = parts.slice(-words.length);
    if (words.length < parts.length + 1 && tail.length === words.length && tail.every((p, k) => fold(p) === fold(words[k]!)) && printedInRun(tokens, parts)) return null;
    if (words.length < 2 || parts.length < 2 || fold(parts[parts.length - 1]!) !== fold(words[0]!)) continue;
    if (printedInRun(tokens, [...parts.slice(0, -1), ...words.filter((w) => !/^\d*\/\d+$/.test(w))])) return words.slice(1).join(' ');
  }
  return variation;
}

/** Whether the words are printed in a run on a line, a label's dash between them allowed, the brand's with an OCR slip ("7OPPS CHROME REFRACTOR"). */
function printedInRun(tokens: readonly ScanToken[], words: readonly string[]): boolean {
  const wanted = words.map((w) => skeleton(fold(w)));
  const matches = (t: ScanToken, k: number) => {
    const sk = skeleton(t.norm);
    return sk === wanted[k] || (k === 0 && wanted[k]!.length >= 4 && Math.abs(sk.length - wanted[k]!.length) <= 1 && levenshtein(sk, wanted[k]!, 1) <= 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    let k = 0;
    for (let j = i; j < tokens.length && k < wanted.length && tokens[j]!.line === tokens[i]!.line && tokens[j]!.source === tokens[i]!.source; j++) {
      if (k > 0 && tokens[j]!.text === '-') continue;
      if (!matches(tokens[j]!, k)) break;
      k++;
    }
    if (k === wanted.length) return true;
  }
  return false;
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
  private readonly nameReader: NameReader;

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
    const confusions = new Map<string, string[]>();
    for (const op of Object.keys(state.denoiser.channel)) {
      const m = /^s:([a-z])>(.)$/.exec(op);
      if (!m || /[a-z]/.test(m[2]!)) continue;
      const list = confusions.get(m[2]!) ?? [];
      list.push(m[1]!);
      confusions.set(m[2]!, list);
    }
    this.nameReader = new NameReader(state, this.names, this.vocab, this.knownVariations, this.firstNames, this.nonNames, this.brandWords, this.denoiser, this.suffixes, confusions);
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
   * The year: the tagged year spans vote, with the years the image description gives (a caption's
   * year is the card's) and any season printed in full ("2014-15": unambiguous, unlike a copyright
   * year or a stats row) added as further votes.
   */
  private year(spans: readonly Span[], sport: string, tokens: readonly ScanToken[], brandAt: ReadonlySet<number>): string {
    const ranked = this.yearRanker ? bestValue(this.yearRanker, yearCandidates(tokens, brandAt)) : null;
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
      const key = lettersOf(span.tokens);
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
        const joined = lettersOf([...span.tokens, next]);
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
    // A caption names a parallel as a name is written ("marked First Day Issue") or as a finish or a parallel ("with a gold
    // refractor finish"); its other words in lower case describe a look ("with a glossy chrome surface"). Only here: the
    // ranker learns from those what a look is.
    const captionLook = (a: number, b: number) => tokens[a]!.source === 1 && /^[a-z]/.test(tokens[a]!.text) && !(tokens[b]?.source === 1 && /^(finish|parallel)\b/i.test(tokens[b]!.text));
    const windows = variationCandidates(tokens).filter(([a, b]) => !tokens.slice(a, b).some((t) => nameTokens.has(t)) && !captionLook(a, b));
    const none = this.variationRanker.scores(nullVariationFeatures(ctx, base.variation !== null))[0]!;
    const scored = windows.map(([a, b]) => ({ a, b, score: this.variationRanker.scores(variationSpanFeatures(tokens, a, b, this.vocab, ctx, this.knownVariations))[0]! }));
    scored.sort((x, y) => y.score - x.score);
    // Words printed right before a bare print run ("ORANGE /199") name a numbered parallel: the best such span wins outright.
    const runAt = new Set(tokens.flatMap((t, i) => (t.source === 0 && isRun(t) ? [i] : [])));
    const beforeRun = runAt.size ? scored.filter((c) => tokens[c.a]!.source === 0 && (runAt.has(c.b) || runAt.has(c.b - 1)) && c.b - c.a > (runAt.has(c.b - 1) ? 1 : 0)) : [];
    // Of those, the longest that names a parallel the model knows ("SEISMIC GOLD /50", not just "GOLD /50"), else the best.
    const knownName = (c: { a: number; b: number }) => {
      const sk = spanSkeleton(tokens, c.a, runAt.has(c.b - 1) ? c.b - 1 : c.b);
      return this.knownVariations.base(sk) || this.knownVariations.has(sk);
    };
    const letters = (a: number, b: number) => lettersOf(tokens.slice(a, b));
    const nearName = (c: { a: number; b: number }) => knownName(c) || nearParallel(letters(c.a, runAt.has(c.b - 1) ? c.b - 1 : c.b));
    const labelled = beforeRun.filter(nearName).sort((x, y) => y.b - y.a - (x.b - x.a))[0] ?? beforeRun[0];
    // A known parallel with OCR's litter between its words, or its words swapped, when it says more than a run of words.
    const gapped = gappedParallel(tokens);
    const gappedWords = gapped ? gapped.filter((t) => !isRun(t)).length : 0;
    if (gapped && (!labelled || gappedWords > tokens.slice(labelled.a, labelled.b).filter((t) => !isRun(t)).length)) return [{ tokens: gapped, score: 1 }];
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
    const basePrinted = base.variation !== null && printed(base.variation);
    if (base.variation && (basePrinted || named(base.variation))) {
      const fromBase = this.variationRanker.scores(baseVariationFeatures(base.variation, variationSkeleton))[0]!;
      // Printed on the label, a parallel the base model knows is there whatever "none" scores ("#76 RAINBOW PSA MINT 9").
      if ((fromBase > none || basePrinted) && (!best || fromBase > best.score)) return [{ tokens: [], score: 1, text: base.variation }];
    }
    // A caption naming a parallel the base model knows as a name is written ("marked Parallel", "a Parallel card"), when
    // the label prints none the ranker trusts.
    if (!best || best.score <= none) {
      for (const m of caption.matchAll(/\b(?:marked|an?) ((?:[A-Z][\w'-]*)(?: [A-Z][\w'-]*)*)/g)) {
        const words = m[1]!.split(' ');
        for (let k = words.length; k > 0; k--) {
          const name = BASE_PARALLELS.get(variationSkeleton(words.slice(0, k).join(' ')));
          if (name) return [{ tokens: [], score: 1, text: name }];
        }
      }
      // Or as a finish or a parallel, the whole phrase its name: "with a gold refractor finish", "a Holo Gold /10 parallel";
      // not a look ("with a shiny holo finish").
      for (const m of caption.matchAll(/\bwith an? ([a-z][\w' -]*?) finish\b|\ban? ([\w' -]+?)(?: \/\d+)? parallel\b/gi)) {
        const name = BASE_PARALLELS.get(variationSkeleton((m[1] ?? m[2])!));
        if (name) return [{ tokens: [], score: 1, text: name }];
      }
    }
    // A parallel the base model knows, printed on the label with an OCR slip ("RATED ROOIKE", "SILLVER PRIZM", "HLOO"),
    // is there too: the longest such span, unless the ranker's best already names a parallel it knows.
    const slipped = scored
      .filter((c) => tokens[c.a]!.source === 0 && (nearParallel(letters(c.a, c.b)) || knownName(c)))
      .sort((x, y) => y.b - y.a - (x.b - x.a))[0];
    if (slipped && (!best || best.score <= none || !knownName(best))) return [{ tokens: tokens.slice(slipped.a, slipped.b), score: 1 }];
    if (!best || best.score <= none) return [];
    // A span naming a parallel the model knows beats one it does not ("HOLO" on the label over a caption's "chrome-like optic").
    const known = scored.find((c) => c.score > none && knownName(c));
    if (known && !knownName(best)) return [{ tokens: tokens.slice(known.a, known.b), score: 1 }];
    const bestKey = spanSkeleton(tokens, best.a, best.b);
    return scored
      .filter((c) => c === best || (c.score > best.score - 1 && similarity(spanSkeleton(tokens, c.a, c.b), bestKey) >= 0.75))
      .map((c) => ({ tokens: tokens.slice(c.a, c.b), score: 1 + c.score - best.score + (tokens[c.a]!.source === 1 ? 1 : 0) }));
  }

  private variation(read: readonly Span[]): string | null {
    if (read.length === 1 && read[0]!.text) return read[0]!.text;
    // OCR's litter from a hologram ("ORANCE ll /199") is no word of a parallel's name.
    const spans = read.map((s) => ({ ...s, tokens: s.tokens.filter((t) => !isLitter(t)) })).filter((s) => s.tokens.length > 0);
    // A known parallel whose words OCR printed in another order ("ROOKIE MARQUEE") is written in its own order.
    if (spans.length === 1 && spans[0]!.tokens.length > 1) {
      const span = spans[0]!.tokens;
      const run = /^\d*\/\d+$/.test(foldDigits(span[span.length - 1]!.text)) ? span.length - 1 : span.length;
      const name = BASE_PARALLELS.get(variationSkeleton(span.slice(0, run).map((t) => t.text).join(' ')));
      if (name) return run < span.length ? `${name} ${foldDigits(span[run]!.text)}` : name;
    }
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
  private cardNumber(spans: readonly Span[], tokens: readonly ScanToken[], names: readonly Span[], brandAt: ReadonlySet<number>, gradeAt: ReadonlySet<number>): string {
    const all = numberCandidates(tokens, new Set(names.map((n) => tokens.indexOf(n.tokens[0]!))), brandAt);
    const notGrades = all.filter((c) => !gradeAt.has(c.at));
    const candidates = notGrades.length ? notGrades : all;
    // A back prints its number right before the name, and OCR may move it in between the name's words ("ICHIRO 137
    // SUZUKI"): a number inside a reading of the name is the card's.
    const inside = new Set(names.flatMap((n) => (n.tokens.length < 2 ? [] : range(tokens.indexOf(n.tokens[0]!) + 1, tokens.indexOf(n.tokens[n.tokens.length - 1]!)).filter((i) => !n.tokens.includes(tokens[i]!)))));
    // Two digits or more: OCR's litter ("KAWHI 1 LEONARD") and a digit split off a damaged word ("ALBER7") are one.
    const moved = candidates.filter((c) => inside.has(c.at) && c.features.includes('cut=none') && /^\d{2,}$/.test(tokens[c.at]!.text));
    const ranked = this.numberRanker ? (moved.length === 1 ? moved[0]! : bestCandidate(this.numberRanker, candidates)) : null;
    return this.undoubled((ranked !== null ? this.number(this.withoutRunOn(ranked.value, tokens, ranked.at)) : this.votedNumber(spans, tokens)) || '1');
  }

  /**
   * A number OCR ran into the words around it: a word before its '#' ("CHROME#81"), a word after
   * its digits ("#99ALBERT"), or the first letter of the next word ("185W ANDER FRANCO", "#138I
   * van"). No card number holds a '#' or ends in a word.
   */
  private withoutRunOn(value: string, tokens: readonly ScanToken[], at: number): string {
    const hash = value.lastIndexOf('#');
    if (hash >= 0 && /\d/.test(value.slice(hash))) value = value.slice(hash + 1);
    const tail = /^(.*\d)[A-Za-z]{2,}$/.exec(value);
    if (tail) return tail[1]!;
    return this.withoutNextWordsLetter(value, tokens, at);
  }

  /** A number OCR ran into the first letter of the next word ("185W ANDER FRANCO", "#138I van"): the letter is the word's. */
  private withoutNextWordsLetter(value: string, tokens: readonly ScanToken[], at: number): string {
    const letter = /\d([A-Za-z])$/.exec(value)?.[1];
    const next = tokens[at + 1];
    if (!letter || !next || next.line !== tokens[at]!.line || next.source !== tokens[at]!.source || !/^[A-Za-z]/.test(next.text)) return value;
    const word = (letter + core(next.text)).toLowerCase();
    const known = (w: string) => this.nameReader.knownNameWord(w.replace(/[^a-z]/g, '')) || this.vocab.has(fold(w));
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
      // The prefix as printed, or with the hyphen OCR dropped ("RC16" for RC-16).
      for (const printed of prefix.endsWith('-') ? [prefix, prefix.slice(0, -1)] : [prefix]) {
        const head = skeleton(upper.slice(0, printed.length));
        const tail = foldDigits(upper.slice(printed.length));
        if (head === skeleton(printed) && /^\d+$/.test(tail)) return prefix + tail;
      }
    }
    if (/^\d+$/.test(foldDigits(raw))) return foldDigits(raw);
    let cut = upper.length;
    while (cut > 0 && /\d/.test(foldDigits(upper[cut - 1]!))) cut--;
    while (cut < upper.length && !/\d/.test(upper[cut]!)) cut++;
    const prefix = upper.slice(0, cut).replace(/[_~]/g, '-');
    return prefix + foldDigits(upper.slice(cut));
  }

  private grade(spans: readonly Span[], company: string, base: number | null, all: ReadonlyArray<ValueCandidate<number>>): number {
    // A number printed next to the words its company's scale names it by ("GEM MINT 9.5") is the grade: the other
    // numbers on a label are subgrades, cert digits and misreads, which a ranker fit to a few hundred labels confuses.
    const agreed = all.filter((c) => c.features.includes('words=agree') || c.features.includes('words|numbers=agree'));
    // A bare 1 is OCR's litter from a slab's edge more often than a Poor grade, unless the label's words say so.
    const plausible = all.filter((c) => c.value !== 1 || c.features.includes('words=agree') || c.features.includes('words'));
    const pool = plausible.length ? plausible : all;
    // Else the grade the label's words name exactly: OCR turns a grade's digit into another's (9 into 8, 5 into 6) more
    // often than it turns one grade's words into another's.
    const named = all.filter((c) => c.features.includes('words|match=exact'));
    const ranked = this.gradeRanker ? bestValue(this.gradeRanker, agreed.length ? agreed : named.length ? named : pool) : null;
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
    const names = this.nameReader.spans(tokens, ctx);
    const brands = brandCandidates(tokens, this.brandKeys);
    const brandAt = new Set(brands.map((c) => c.at));
    const grades = graded ? gradeCandidates(tokens, company) : [];
    // A number printed next to the words that name it as a grade ("9 MINT") is the grade, not the card's number.
    const gradeAt = new Set(grades.filter((c) => c.features.includes('words=agree')).map((c) => c.at));
    const card = {
      player: this.nameReader.player(names, tokens),
      year: this.year(spans('YEAR'), sport, tokens, brandAt),
      cardNumber: this.cardNumber(spans('NUM'), tokens, names, brandAt, gradeAt),
      brand: this.brand(this.brandSpans(tokens, spans('BRAND')), base.brand, brands),
      variation: this.printRun(this.variation(this.variationSpans(tokens, ctx, base, names)), tokens),
      sport: sport as Sport,
      grade: graded ? this.grade(spans('GRADE'), company, base.grade, grades) : null,
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
