import { GRADING_COMPANIES, SPORTS, type CardData } from '../../services/cards/card.js';
import type { ScanInput } from '../../services/prompts/chat-format.js';
import { alignCard } from './align.js';
import { BRANDS, extractCard, PARALLELS } from './base-model.js';
import type { CardLexicons } from './card-decode.js';
import { DenoiserBuilder, type DenoiserState } from './denoise.js';
import { AveragedPerceptron, crossEntropy, argmax, FeatureSpace, packModel, type LinearModel } from './perceptron.js';
import { GIVEN_NAMES } from './given-names.js';
import { scanTokens, TAGS, TAG_INDEX, type ScanToken, type Tag } from './scan-tokens.js';
import { core, fold, similarity, skeleton } from './text.js';
import {
  candidateSkeletons,
  nameCandidates,
  baseVariationFeatures,
  nullVariationFeatures,
  printRunOf,
  nameSpanFeatures,
  spanSkeleton,
  variationCandidates,
  variationSpanFeatures,
} from './span-features.js';
import { brandCandidates, gradeCandidates, numberCandidates, yearCandidates } from './value-candidates.js';
import { bagOfWords, previousTagFeatures, scanContext, staticFeatures, type Vocabulary } from './token-features.js';

/**
 * The fine-tuned card identifier: a token tagger (averaged perceptron) trained on OCR tokens
 * aligned to the answer's fields, two small classifiers (sport, grading company) over the
 * words of the scan, and lexicons learned from the answers (brand and variation spellings,
 * name casing and suffixes, card-number prefixes, which sports write seasons, usual grades).
 */

export interface CardExample {
  scan: ScanInput;
  card: CardData;
}

export interface CardModelState extends CardLexicons {
  vocab: string[];
  tagger: LinearModel;
  /** Ranks candidate spans for the player's name. */
  names: LinearModel;
  /** First names of training players: a word that opens names. */
  firstNames: string[];
  /** Words the training scans print often and never as part of a name (teams, positions, label words). */
  nonNames: string[];
  /** Ranks candidate spans for the variation against "none". */
  variationRanker: LinearModel;
  /** Skeletons of the variations in the answers. */
  knownVariations: string[];
  /** Ranks the sports, and the grading companies ("NONE" for a raw card), for a scan. */
  classes: LinearModel;
  /** Ranks the numbers that could be the grade (value-candidates.ts); absent in models trained before it. */
  gradeRanker?: LinearModel;
  /** Ranks year readings × offsets (value-candidates.ts); absent in models trained before it. */
  yearRanker?: LinearModel;
  /** Ranks the tokens that could be the card number (value-candidates.ts); absent in models trained before it. */
  numberRanker?: LinearModel;
  /** Ranks the spans that spell a known brand (value-candidates.ts); absent in models trained before it. */
  brandRanker?: LinearModel;
  /** Share of the answers whose scan shows a print run that write it after the variation ("Gold /50"). */
  printRunHabit?: number;
}

interface Prepared {
  tokens: ScanToken[];
  gold: number[];
  features: Int32Array[];
  /** Player-name candidate spans: their features, and which are the answer's. */
  candidates: Int32Array[];
  goldCandidates: boolean[];
  /** Variation candidates; the last one is "no variation". */
  variationCandidates: Int32Array[];
  goldVariation: boolean[];
  sports: Int32Array[];
  sport: number;
  companies: Int32Array[];
  company: number;
  grades: Int32Array[];
  goldGrades: boolean[];
  years: Int32Array[];
  goldYears: boolean[];
  numbers: Int32Array[];
  goldNumbers: boolean[];
  brands: Int32Array[];
  goldBrands: boolean[];
}

export const NONE = 'NONE';

/** Skeleton of a brand spelling (spaces dropped) → its canonical brand: the answers' spellings, then the base model's brands. */
export function brandKeysOf(lexicon: Record<string, Record<string, number>>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, row] of Object.entries(lexicon)) {
    const best = Object.entries(row).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) keys.set(key, best[0]);
  }
  for (const brand of BRANDS) {
    const key = skeleton(brand.replace(/\s+/g, ''));
    if (!keys.has(key)) keys.set(key, brand);
  }
  return keys;
}

/** Words of brand names: the answers' brands and the brands the base model knows. */
export function brandWordsOf(brands: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const b of [...brands, ...BRANDS]) for (const w of b.split(/\s+/)) out.add(fold(core(w)));
  return out;
}
export const SPORT_CLASSES: readonly string[] = SPORTS;
export const COMPANY_CLASSES: readonly string[] = [NONE, ...GRADING_COMPANIES];

/**
 * Features of one answer class for a scan: the scan's words joined with the class, and whether
 * the base model reads the same class — a feature all classes share, so the fine-tuned model
 * keeps the base's knowledge even of classes its training file never showed.
 */
export function classFeatures(field: string, value: string, bag: readonly string[], base: string): string[] {
  return [`${field}:${value}|bias`, `${field}:base-agrees=${value === base}`, ...bag.map((w) => `${field}:${value}|${w}`)];
}

/** A variation's words as span skeletons are built: look-alikes collapsed, words sorted. */
export const variationSkeleton = (variation: string) =>
  variation
    .split(/\s+/)
    .map((w) => skeleton(core(w).replace(/,$/, '')))
    .filter(Boolean)
    .sort()
    .join(' ');
const WORD_DROPOUT_PERCENT = 30;
const SPORT_DROPOUT_PERCENT = 30;
const SPORT_WORDS = new Set(['baseball', 'basketball', 'football', 'hockey', 'soccer', 'mlb', 'nba', 'nfl', 'nhl', 'mls']);
const SPORT_WORD_PATTERN = new RegExp(`\\b(?:${[...SPORT_WORDS].join('|')})\\b`, 'gi');
/**
 * The parallels a fine-tuned model knows by name, by their words in any order as
 * `variationSkeleton` writes them: the base model's, and the hobby's word for a parallel with no
 * name of its own ("Parallel", printed so on a label or named so in a caption). The base model
 * itself does not take that word for a name: it would read "a Holo parallel" as one.
 */
export const BASE_PARALLELS: ReadonlyMap<string, string> = new Map([...PARALLELS, 'Parallel'].map((p) => [variationSkeleton(p), p] as const));

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

export class CardTrainer {
  private readonly space = new FeatureSpace();
  private readonly bagSpace = new FeatureSpace();
  private readonly tagger: AveragedPerceptron;
  private readonly names: AveragedPerceptron;
  private readonly variations: AveragedPerceptron;
  private readonly variationSpace = new FeatureSpace();
  private readonly knownVariations = new Map<string, Set<string>>();
  private readonly spanSpace = new FeatureSpace();
  private readonly firstNames = new Map<string, Set<string>>();
  private readonly nonNames = new Set<string>();
  private readonly brandWords: Set<string>;
  private readonly classes: AveragedPerceptron;
  private readonly grades: AveragedPerceptron;
  private readonly years: AveragedPerceptron;
  private readonly numbers: AveragedPerceptron;
  private readonly brandRanker: AveragedPerceptron;
  private readonly brandKeys: Map<string, string>;
  private readonly valueSpace = new FeatureSpace();
  private readonly vocab: Set<string>;
  private readonly prevIds = new Map<string, Int32Array>();

  private readonly lexicons: CardLexicons;
  private readonly prepared = new Map<CardExample, Prepared>();

  constructor(
    private readonly examples: readonly CardExample[],
    learningRate: number,
  ) {
    const df = new Map<string, number>();
    const tokenLists = examples.map((e) => scanTokens(e.scan.ocrText, e.scan.imageDescription));
    for (const tokens of tokenLists) for (const w of new Set(tokens.map((t) => t.norm))) df.set(w, (df.get(w) ?? 0) + 1);
    this.vocab = new Set([...df].filter(([, n]) => n >= 3).map(([w]) => w));
    this.tagger = new AveragedPerceptron(TAGS.length, learningRate);
    this.names = new AveragedPerceptron(1, learningRate);
    this.variations = new AveragedPerceptron(1, learningRate);
    for (const e of examples) {
      if (!e.card.variation) continue;
      const sk = variationSkeleton(e.card.variation);
      const who = this.knownVariations.get(sk) ?? new Set<string>();
      who.add(e.card.player);
      this.knownVariations.set(sk, who);
    }
    for (const e of examples) {
      const first = fold(core(e.card.player.split(/\s+/)[0]!));
      const who = this.firstNames.get(first) ?? new Set<string>();
      who.add(e.card.player);
      this.firstNames.set(first, who);
    }
    this.classes = new AveragedPerceptron(1, learningRate);
    this.grades = new AveragedPerceptron(1, learningRate);
    this.years = new AveragedPerceptron(1, learningRate);
    this.numbers = new AveragedPerceptron(1, learningRate);
    this.brandRanker = new AveragedPerceptron(1, learningRate);
    this.lexicons = learnLexicons(examples, tokenLists);
    this.brandWords = brandWordsOf(examples.map((e) => e.card.brand));
    this.brandKeys = brandKeysOf(this.lexicons.brands);
    const inNames = new Set<string>();
    const elsewhere = new Map<string, number>();
    examples.forEach((e, k) => {
      const tokens = tokenLists[k]!;
      const tags = alignCard(tokens, e.card);
      tokens.forEach((t, i) => {
        if (t.source !== 0) return;
        if (tags[i] === 'PLAYER') inNames.add(t.norm);
        else elsewhere.set(t.norm, (elsewhere.get(t.norm) ?? 0) + 1);
      });
    });
    for (const [w, n] of elsewhere) if (n >= 3 && !inNames.has(w) && /[a-z]/.test(w)) this.nonNames.add(w);
    examples.forEach((e, k) => this.prepare(e, tokenLists[k]!, true, k + 1));
  }

  /**
   * Word dropout: in each training example some common words are treated as rare, so the
   * tagger also learns to read fields from context — as it must for players and sets it never saw.
   */
  private vocabularyFor(salt: number, percent = WORD_DROPOUT_PERCENT): Vocabulary {
    if (!salt) return this.vocab;
    return { has: (w: string) => this.vocab.has(w) && hash(`${salt}:${w}`) % 100 >= percent };
  }

  private prepare(example: CardExample, tokens: ScanToken[], grow: boolean, salt = 0): Prepared {
    const cached = this.prepared.get(example);
    if (cached) return cached;
    const tags = alignCard(tokens, example.card);
    const vocab = this.vocabularyFor(salt);
    const ctx = scanContext(tokens);
    const spans = nameCandidates(tokens);
    const skeletons = candidateSkeletons(tokens, spans);
    // A first name counts only when another training player has it: as for players never seen.
    const firstNames = { has: (w: string) => GIVEN_NAMES.has(w) || [...(this.firstNames.get(w) ?? [])].some((p) => p !== example.card.player) };
    const isPlayer = (i: number) => tags[i] === 'PLAYER';
    const varSpans = variationCandidates(tokens);
    // As with first names: a variation counts as known only when another player's card has it.
    // Half the time it does not count at all, so the ranker also learns to find variations it never saw.
    const knownVariations = {
      has: (sk: string) => hash(`${salt}:${sk}`) % 2 === 0 && [...(this.knownVariations.get(sk) ?? [])].some((p) => p !== example.card.player),
      base: (sk: string) => BASE_PARALLELS.has(sk),
    };
    const goldVariation = example.card.variation ? variationSkeleton(example.card.variation) : null;
    // A span near the answer's variation is gold unless a span overlapping it is nearer: "a Refractor" in a caption is
    // near "Refractor" too, and counting it as right would teach the ranker to keep the article.
    const variationSims = varSpans.map(([a, b]) => (goldVariation === null ? 0 : similarity(spanSkeleton(tokens, a, b), goldVariation)));
    const overlap = (k: number, j: number) => varSpans[k]![0] < varSpans[j]![1] && varSpans[j]![0] < varSpans[k]![1];
    const goldVariationSpans = variationSims.map((sim, k) => sim >= 0.8 && variationSims.every((other, j) => other <= sim || !overlap(k, j)));
    const base = extractCard(example.scan);
    const grades = gradeCandidates(tokens, example.card.gradingCompany ?? NONE);
    const brands = brandCandidates(tokens, this.brandKeys);
    const brandAt = new Set(brands.map((c) => c.at));
    const years = yearCandidates(tokens, brandAt);
    const goldYear = Number(example.card.year.slice(0, 4));
    const numbers = numberCandidates(
      tokens,
      new Set(tokens.flatMap((t, i) => (isPlayer(i) && !(i > 0 && isPlayer(i - 1) && tokens[i - 1]!.line === t.line && tokens[i - 1]!.source === t.source) ? [i] : []))),
      brandAt,
    );
    const goldNumber = example.card.cardNumber.toUpperCase();
    const p: Prepared = {
      tokens,
      gold: tags.map((t) => TAG_INDEX[t]),
      features: tokens.map((_, i) => this.space.ids_(staticFeatures(tokens, i, vocab, ctx), grow)),
      candidates: spans.map(([a, b]) => this.spanSpace.ids_(nameSpanFeatures(tokens, a, b, vocab, ctx, firstNames as ReadonlySet<string>, skeletons, this.nonNames, this.brandWords), grow)),
      goldCandidates: spans.map(([a, b]) => {
        for (let i = a; i < b; i++) if (!isPlayer(i)) return false;
        const same = (j: number) => tokens[j] && tokens[j]!.line === tokens[a]!.line && tokens[j]!.source === tokens[a]!.source;
        return !(same(a - 1) && isPlayer(a - 1)) && !(same(b) && isPlayer(b));
      }),
      // Spans, then the base model's reading (when it has one), then "no variation" last.
      variationCandidates: [
        ...varSpans.map(([a, b]) => this.variationSpace.ids_(variationSpanFeatures(tokens, a, b, vocab, ctx, knownVariations), grow)),
        ...(base.variation ? [this.variationSpace.ids_(baseVariationFeatures(base.variation, variationSkeleton), grow)] : []),
        this.variationSpace.ids_(nullVariationFeatures(ctx, base.variation !== null), grow),
      ],
      // "No variation" is the answer when the card has none, or when its text does not show it.
      goldVariation: [
        ...goldVariationSpans,
        ...(base.variation ? [goldVariation !== null && variationSkeleton(base.variation) === goldVariation] : []),
        !goldVariationSpans.some(Boolean) && !(base.variation && goldVariation !== null && variationSkeleton(base.variation) === goldVariation),
      ],
      ...(() => {
        const bag = bagOfWords(tokens);
        // In some training copies the caption does not name the sport, as many don't: the classifier also learns it from
        // teams, positions, stats headers and product lines, which the caption's "baseball" would otherwise overshadow.
        const hideSport = salt > 0 && hash(`${salt}:sport`) % 100 < SPORT_DROPOUT_PERCENT;
        const sportBag = hideSport ? bagOfWords(tokens.filter((t) => !(t.source === 1 && SPORT_WORDS.has(t.norm)))) : bag;
        const sportBase = hideSport ? extractCard({ ...example.scan, imageDescription: (example.scan.imageDescription ?? '').replace(SPORT_WORD_PATTERN, '') }).sport : base.sport;
        return {
          sports: SPORT_CLASSES.map((c) => this.bagSpace.ids_(classFeatures('sport', c, sportBag, sportBase), grow)),
          companies: COMPANY_CLASSES.map((c) => this.bagSpace.ids_(classFeatures('company', c, bag, base.gradingCompany ?? NONE), grow)),
        };
      })(),
      sport: SPORT_CLASSES.indexOf(example.card.sport),
      company: COMPANY_CLASSES.indexOf(example.card.gradingCompany ?? NONE),
      grades: grades.map((c) => this.valueSpace.ids_(c.features, grow)),
      goldGrades: grades.map((c) => c.value === example.card.grade),
      years: years.map((c) => this.valueSpace.ids_(c.features, grow)),
      goldYears: years.map((c) => c.value === goldYear),
      numbers: numbers.map((c) => this.valueSpace.ids_(c.features, grow)),
      goldNumbers: numbers.map((c) => c.value.toUpperCase() === goldNumber),
      brands: brands.map((c) => this.valueSpace.ids_(c.features, grow)),
      goldBrands: brands.map((c) => c.value === example.card.brand),
    };
    this.prepared.set(example, p);
    return p;
  }

  private prevFeatures(prev: string, prev2: string, grow: boolean): Int32Array {
    const k = `${prev2}|${prev}`;
    let ids = this.prevIds.get(k);
    if (!ids) {
      ids = this.space.ids_(previousTagFeatures(prev, prev2), grow);
      if (grow) this.prevIds.set(k, ids);
    }
    return ids;
  }

  /** One example through the current weights; learns from it unless `learn` is false. Returns loss and token counts. */
  run(example: CardExample, learn: boolean): { loss: number; correct: number; tokens: number } {
    const p = this.prepared.get(example) ?? this.prepare(example, scanTokens(example.scan.ocrText, example.scan.imageDescription), false);
    const scores = new Float64Array(TAGS.length);
    const extra = new Float64Array(TAGS.length);
    let loss = 0;
    let correct = 0;
    let prev = '<s>';
    let prev2 = '<s>';
    for (let i = 0; i < p.tokens.length; i++) {
      if (i > 0 && (p.tokens[i]!.source !== p.tokens[i - 1]!.source || p.tokens[i]!.line !== p.tokens[i - 1]!.line)) {
        prev2 = prev;
        prev = '<nl>';
      }
      const prevIds = this.prevFeatures(prev, prev2, learn);
      this.tagger.scores(p.features[i]!, scores);
      this.tagger.scores(prevIds, extra);
      for (let c = 0; c < scores.length; c++) scores[c]! += extra[c]!;
      const gold = p.gold[i]!;
      const pred = argmax(scores);
      loss += crossEntropy(scores, gold);
      if (pred === gold) correct++;
      if (learn) {
        this.tagger.learn(p.features[i]!, gold, scores);
        this.tagger.learn(prevIds, gold, scores);
      }
      prev2 = prev;
      prev = TAGS[pred]!;
    }
    const rank = (model: AveragedPerceptron, candidates: Int32Array[], golds: boolean[], weightOf: (gold: number) => number = () => 1) => {
      if (!golds.some(Boolean)) return;
      const scored = candidates.map((ids) => model.scores(ids)[0]!);
      let bestGold = -1;
      let rival = -1;
      scored.forEach((v, k) => {
        if (golds[k]) {
          if (bestGold < 0 || v > scored[bestGold]!) bestGold = k;
        } else if (rival < 0 || v > scored[rival]!) rival = k;
      });
      loss += crossEntropy(Float64Array.from(scored), bestGold);
      if (rival < 0 || scored[bestGold]! > scored[rival]!) correct++;
      if (learn && rival >= 0) model.learnRanking(candidates[bestGold]!, candidates[rival]!, scored[bestGold]!, scored[rival]!, weightOf(bestGold));
    };
    // Scans that show a variation are the minority: their updates weigh more, so "none" does not win by habit.
    const none = p.variationCandidates.length - 1;
    rank(this.variations, p.variationCandidates, p.goldVariation, (gold) => (gold === none ? 1 : 3));
    if (p.goldCandidates.some(Boolean)) {
      const scored = p.candidates.map((ids) => this.names.scores(ids)[0]!);
      let bestGold = -1;
      let rival = -1;
      scored.forEach((v, k) => {
        if (p.goldCandidates[k]) {
          if (bestGold < 0 || v > scored[bestGold]!) bestGold = k;
        } else if (rival < 0 || v > scored[rival]!) rival = k;
      });
      loss += crossEntropy(Float64Array.from(scored), bestGold);
      if (rival < 0 || scored[bestGold]! > scored[rival]!) correct++;
      if (learn && rival >= 0) this.names.learnRanking(p.candidates[bestGold]!, p.candidates[rival]!, scored[bestGold]!, scored[rival]!);
    }
    rank(this.classes, p.sports, SPORT_CLASSES.map((_, k) => k === p.sport));
    rank(this.classes, p.companies, COMPANY_CLASSES.map((_, k) => k === p.company));
    rank(this.grades, p.grades, p.goldGrades);
    rank(this.years, p.years, p.goldYears);
    rank(this.numbers, p.numbers, p.goldNumbers);
    rank(this.brandRanker, p.brands, p.goldBrands);
    return { loss, correct, tokens: p.tokens.length + 4 + [p.goldCandidates, p.goldGrades, p.goldYears, p.goldNumbers, p.goldBrands].filter((g) => g.some(Boolean)).length };
  }

  applyBatch(size: number): void {
    this.tagger.applyBatch(size);
    this.names.applyBatch(size);
    this.variations.applyBatch(size);
    this.classes.applyBatch(size);
    this.grades.applyBatch(size);
    this.years.applyBatch(size);
    this.numbers.applyBatch(size);
    this.brandRanker.applyBatch(size);
  }

  private printRunHabit(): number {
    let shown = 0;
    let written = 0;
    for (const e of this.examples) {
      if (!e.card.variation) continue;
      const run = printRunOf(this.prepare(e, scanTokens(e.scan.ocrText, e.scan.imageDescription), false).tokens);
      if (run === null) continue;
      shown++;
      if (/\d*\/\d+$/.test(e.card.variation)) written++;
    }
    return shown ? written / shown : 0;
  }

  snapshot(): CardModelState {
    return {
      ...this.lexicons,
      vocab: [...this.vocab],
      tagger: packModel(this.space, this.tagger.averaged(this.space.size), TAGS.length),
      names: packModel(this.spanSpace, this.names.averaged(this.spanSpace.size), 1),
      firstNames: [...this.firstNames.keys()].sort(),
      nonNames: [...this.nonNames].sort(),
      variationRanker: packModel(this.variationSpace, this.variations.averaged(this.variationSpace.size), 1),
      knownVariations: [...this.knownVariations.keys()].sort(),
      classes: packModel(this.bagSpace, this.classes.averaged(this.bagSpace.size), 1),
      printRunHabit: this.printRunHabit(),
      gradeRanker: packModel(this.valueSpace, this.grades.averaged(this.valueSpace.size), 1),
      yearRanker: packModel(this.valueSpace, this.years.averaged(this.valueSpace.size), 1),
      numberRanker: packModel(this.valueSpace, this.numbers.averaged(this.valueSpace.size), 1),
      brandRanker: packModel(this.valueSpace, this.brandRanker.averaged(this.valueSpace.size), 1),
    };
  }
}

const countInto = (table: Record<string, Record<string, number>>, key: string, value: string) => {
  const row = (table[key] ??= {});
  row[value] = (row[value] ?? 0) + 1;
};

/** Lexicons and normalisations read off the answers (and the OCR spans aligned to them). */
function learnLexicons(examples: readonly CardExample[], tokenLists: readonly ScanToken[][]): CardLexicons {
  const denoiser = new DenoiserBuilder();
  const brands: Record<string, Record<string, number>> = {};
  const variations: Record<string, Record<string, number>> = {};
  const casing: Record<string, Record<string, number>> = {};
  const lastWords = new Map<string, Set<string>>();
  const firstWords = new Set<string>();
  const prefixes: Record<string, number> = {};
  let numberDigits = 0;
  const seasons: Record<string, [number, number]> = {};
  const grades: Record<string, Record<string, number>> = {};
  const years: Record<string, number> = {};
  const brandCounts: Record<string, number> = {};

  examples.forEach((e, k) => {
    const card = e.card;
    const tokens = tokenLists[k]!;
    const tags: Tag[] = alignCard(tokens, card);
    const words = card.player.split(/\s+/);
    for (const w of words) countInto(casing, fold(core(w)), w);
    firstWords.add(fold(core(words[0]!)));
    if (words.length > 1) {
      const last = fold(core(words[words.length - 1]!));
      const who = lastWords.get(last) ?? new Set<string>();
      who.add(card.player);
      lastWords.set(last, who);
    }
    for (const w of [...words, ...card.brand.split(/\s+/), ...(card.variation ?? '').split(/\s+/)]) {
      const c = core(w).toLowerCase();
      if (c && /[a-z]/.test(c)) denoiser.addWord(c);
    }
    // Channel: OCR name tokens against the answer words they were aligned to.
    const nameTokens = tokens.filter((_, i) => tags[i] === 'PLAYER').map((t) => core(t.text).toLowerCase().replace(/,$/, ''));
    const goldWords = words.map((w) => core(w).toLowerCase());
    for (const t of nameTokens) {
      let best = '';
      let bestScore = 0;
      for (const g of goldWords) {
        const s = 1 - Math.abs(g.length - t.length) / Math.max(g.length, t.length);
        if (s > bestScore && t[0] === g[0]) {
          best = g;
          bestScore = s;
        }
      }
      if (best) denoiser.addPair(best, t);
    }
    // Spellings seen for brand and variation spans → the answer's canonical form.
    const spanTexts = (tag: Tag) => {
      const out: string[] = [];
      let cur: string[] = [];
      tokens.forEach((t, i) => {
        if (tags[i] === tag) cur.push(core(t.text));
        else if (cur.length) {
          out.push(cur.join(' '));
          cur = [];
        }
      });
      if (cur.length) out.push(cur.join(' '));
      return out;
    };
    countInto(brands, skeleton(card.brand.replace(/\s+/g, '')), card.brand);
    for (const s of spanTexts('BRAND')) countInto(brands, skeleton(s.replace(/\s+/g, '')), card.brand);
    brandCounts[card.brand] = (brandCounts[card.brand] ?? 0) + 1;
    if (card.variation) {
      countInto(variations, skeleton(card.variation.replace(/\s+/g, '')), card.variation);
      for (const s of spanTexts('VAR')) countInto(variations, skeleton(s.replace(/\s+/g, '')), card.variation);
    }
    const numbered = /^(.*?)(\d+)$/.exec(card.cardNumber);
    const prefix = numbered?.[1] ?? '';
    if (prefix) prefixes[prefix] = (prefixes[prefix] ?? 0) + 1;
    numberDigits = Math.max(numberDigits, numbered?.[2]!.length ?? 0);
    const s = (seasons[card.sport] ??= [0, 0]);
    s[card.year.includes('-') ? 0 : 1]++;
    if (card.gradingCompany && card.grade !== null) countInto(grades, card.gradingCompany, String(card.grade));
    years[card.year] = (years[card.year] ?? 0) + 1;
  });

  const mostCommon = (row: Record<string, number>) => Object.entries(row).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const suffixes = [...lastWords]
    .filter(([w, who]) => who.size >= 2 && w.length <= 3 && !firstWords.has(w))
    .map(([w]) => w)
    .sort();
  return {
    denoiser: denoiser.build() satisfies DenoiserState,
    brands,
    variations,
    nameCasing: Object.fromEntries(Object.entries(casing).map(([k, row]) => [k, mostCommon(row)!])),
    suffixes,
    numberPrefixes: prefixes,
    numberDigits,
    seasonSports: Object.entries(seasons)
      .filter(([, [season, plain]]) => season > plain)
      .map(([sport]) => sport)
      .sort(),
    usualGrades: Object.fromEntries(Object.entries(grades).map(([company, row]) => [company, Number(mostCommon(row))])),
    usualYear: mostCommon(years) ?? '2020',
    usualBrand: mostCommon(brandCounts) ?? 'Topps',
  };
}
