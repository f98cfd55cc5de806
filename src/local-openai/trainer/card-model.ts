import type { CardData } from '../../services/cards/card.js';
import type { ScanInput } from '../../services/prompts/chat-format.js';
import { alignCard } from './align.js';
import type { CardLexicons } from './card-decode.js';
import { DenoiserBuilder, type DenoiserState } from './denoise.js';
import { AveragedPerceptron, crossEntropy, argmax, FeatureSpace, packModel, type LinearModel } from './perceptron.js';
import { scanTokens, TAGS, TAG_INDEX, type ScanToken, type Tag } from './scan-tokens.js';
import { core, fold, skeleton } from './text.js';
import { bagOfWords, previousTagFeatures, staticFeatures, type Vocabulary } from './token-features.js';

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
  sport: LinearModel;
  sportClasses: string[];
  company: LinearModel;
  companyClasses: string[];
}

interface Prepared {
  tokens: ScanToken[];
  gold: number[];
  features: Int32Array[];
  bag: Int32Array;
  sport: number;
  company: number;
}

const NONE = 'NONE';
const WORD_DROPOUT_PERCENT = 30;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

export class CardTrainer {
  private readonly space = new FeatureSpace();
  private readonly bagSpace = new FeatureSpace();
  private readonly tagger: AveragedPerceptron;
  private readonly sport: AveragedPerceptron;
  private readonly company: AveragedPerceptron;
  private readonly vocab: Set<string>;
  private readonly prevIds = new Map<string, Int32Array>();
  private readonly sportClasses: string[];
  private readonly companyClasses: string[];
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
    this.sportClasses = [...new Set(examples.map((e) => e.card.sport))].sort();
    this.companyClasses = [NONE, ...new Set(examples.map((e) => e.card.gradingCompany).filter((c): c is NonNullable<typeof c> => c !== null))].sort();
    this.tagger = new AveragedPerceptron(TAGS.length, learningRate);
    this.sport = new AveragedPerceptron(this.sportClasses.length, learningRate);
    this.company = new AveragedPerceptron(this.companyClasses.length, learningRate);
    this.lexicons = learnLexicons(examples, tokenLists);
    examples.forEach((e, k) => this.prepare(e, tokenLists[k]!, true, k + 1));
  }

  /**
   * Word dropout: in each training example some common words are treated as rare, so the
   * tagger also learns to read fields from context — as it must for players and sets it never saw.
   */
  private vocabularyFor(salt: number): Vocabulary {
    if (!salt) return this.vocab;
    return { has: (w: string) => this.vocab.has(w) && hash(`${salt}:${w}`) % 100 >= WORD_DROPOUT_PERCENT };
  }

  private prepare(example: CardExample, tokens: ScanToken[], grow: boolean, salt = 0): Prepared {
    const cached = this.prepared.get(example);
    if (cached) return cached;
    const tags = alignCard(tokens, example.card);
    const vocab = this.vocabularyFor(salt);
    const p: Prepared = {
      tokens,
      gold: tags.map((t) => TAG_INDEX[t]),
      features: tokens.map((_, i) => this.space.ids_(staticFeatures(tokens, i, vocab), grow)),
      bag: this.bagSpace.ids_(bagOfWords(tokens), grow),
      sport: this.sportClasses.indexOf(example.card.sport),
      company: this.companyClasses.indexOf(example.card.gradingCompany ?? NONE),
    };
    if (grow) this.prepared.set(example, p);
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
    const classify = (model: AveragedPerceptron, gold: number) => {
      if (gold < 0) return;
      const s = model.scores(p.bag);
      loss += crossEntropy(s, gold);
      if (argmax(s) === gold) correct++;
      if (learn) model.learn(p.bag, gold, s);
    };
    classify(this.sport, p.sport);
    classify(this.company, p.company);
    return { loss, correct, tokens: p.tokens.length + 2 };
  }

  applyBatch(size: number): void {
    this.tagger.applyBatch(size);
    this.sport.applyBatch(size);
    this.company.applyBatch(size);
  }

  snapshot(): CardModelState {
    return {
      ...this.lexicons,
      vocab: [...this.vocab],
      tagger: packModel(this.space, this.tagger.averaged(this.space.size), TAGS.length),
      sport: packModel(this.bagSpace, this.sport.averaged(this.bagSpace.size), this.sportClasses.length),
      sportClasses: this.sportClasses,
      company: packModel(this.bagSpace, this.company.averaged(this.bagSpace.size), this.companyClasses.length),
      companyClasses: this.companyClasses,
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
    const prefix = /^(.*?)(\d+)$/.exec(card.cardNumber)?.[1] ?? '';
    if (prefix) prefixes[prefix] = (prefixes[prefix] ?? 0) + 1;
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
    seasonSports: Object.entries(seasons)
      .filter(([, [season, plain]]) => season > plain)
      .map(([sport]) => sport)
      .sort(),
    usualGrades: Object.fromEntries(Object.entries(grades).map(([company, row]) => [company, Number(mostCommon(row))])),
    usualYear: mostCommon(years) ?? '2020',
    usualBrand: mostCommon(brandCounts) ?? 'Topps',
  };
}
