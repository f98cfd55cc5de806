import { CardData, type GradingCompany, type Sport } from '../../services/cards/card.js';
import type { ScanInput } from '../../services/prompts/chat-format.js';
import type { CardModelState } from './card-model.js';
import { Denoiser, type DenoiserState } from './denoise.js';
import { argmax, LinearScorer, softmax } from './perceptron.js';
import { scanTokens, TAGS, TAG_INDEX, type ScanToken, type Tag } from './scan-tokens.js';
import { core, fold, foldDigits, similarity, skeleton, titleCase } from './text.js';
import {
  candidateSkeletons,
  nameCandidates,
  nameSpanFeatures,
  nullVariationFeatures,
  spanSkeleton,
  variationCandidates,
  variationSpanFeatures,
} from './span-features.js';
import { BRANDS, baseFeatures, extractCard } from './base-model.js';
import { BASE_PARALLELS } from './card-model.js';
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
  /** Sports whose answers write seasons ("1986-87"). */
  seasonSports: string[];
  usualGrades: Record<string, number>;
  usualYear: string;
  usualBrand: string;
}

interface Span {
  tokens: ScanToken[];
  score: number;
}

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

export class CardPredictor {
  private readonly tagger: LinearScorer;
  private readonly names: LinearScorer;
  private readonly variationRanker: LinearScorer;
  private readonly knownVariations: { has(sk: string): boolean; base(sk: string): boolean };
  private readonly brandLexicon: Record<string, Record<string, number>>;
  private readonly firstNames: Set<string>;
  private readonly sport: LinearScorer;
  private readonly company: LinearScorer;
  private readonly vocab: Set<string>;
  private readonly denoiser: Denoiser;
  private readonly suffixes: Set<string>;
  private readonly prefixes: string[];
  private readonly digitLetters = new Map<string, string>();

  constructor(private readonly state: CardModelState) {
    this.tagger = new LinearScorer(state.tagger);
    this.names = new LinearScorer(state.names);
    this.variationRanker = new LinearScorer(state.variationRanker);
    this.knownVariations = { has: (sk: string) => known.has(sk), base: (sk: string) => BASE_PARALLELS.has(sk) };
    const known = new Set(state.knownVariations);
    // Brands the base model knows by name are candidates too: fine-tuning keeps what the base knew.
    this.brandLexicon = structuredClone(state.brands);
    for (const brand of BRANDS) (this.brandLexicon[skeleton(brand.replace(/\s+/g, ''))] ??= {})[brand] = 1;
    this.firstNames = new Set(state.firstNames);
    this.sport = new LinearScorer(state.sport);
    this.company = new LinearScorer(state.company);
    this.vocab = new Set(state.vocab);
    this.denoiser = new Denoiser(state.denoiser);
    this.suffixes = new Set(state.suffixes);
    this.prefixes = Object.keys(state.numberPrefixes).sort((a, b) => b.length - a.length);
    // Which letter a digit in a word most often stood for, from the learned channel.
    const best = new Map<string, number>();
    for (const [op, n] of Object.entries(state.denoiser.channel)) {
      const m = /^s:(.)>(\d)$/.exec(op);
      if (m && n > (best.get(m[2]!) ?? 0)) {
        best.set(m[2]!, n);
        this.digitLetters.set(m[2]!, m[1]!);
      }
    }
  }

  /** Tags every token (greedy, left to right) and keeps each token's tag probabilities. */
  private tag(tokens: readonly ScanToken[]): { tags: Tag[]; probs: Float64Array[] } {
    const tags: Tag[] = [];
    const probs: Float64Array[] = [];
    let prev = '<s>';
    let prev2 = '<s>';
    const scores = new Float64Array(TAGS.length);
    const ctx = scanContext(tokens);
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

  /** A name word as the answers would spell it: look-alike digits read as letters, one OCR slip undone, cased. */
  private nameWord(raw: string): string {
    const period = raw.endsWith('.');
    let word = core(raw).toLowerCase();
    if (!word) return '';
    if (/[a-z]/.test(word)) word = word.replace(/\d/g, (d) => this.digitLetters.get(d) ?? d);
    const cased = this.state.nameCasing[fold(word)];
    if (cased) return cased;
    return titleCase(word) + (period ? '.' : '');
  }

  /** The ranker's best name span, and spans of the same name elsewhere on the scan (the cleanest reading wins). */
  private nameSpans(tokens: readonly ScanToken[], ctx: ScanContext): Span[] {
    const windows = nameCandidates(tokens);
    if (windows.length === 0) return [];
    const skeletons = candidateSkeletons(tokens, windows);
    const scored = windows.map(([a, b]) => ({ a, b, score: this.names.scores(nameSpanFeatures(tokens, a, b, this.vocab, ctx, this.firstNames, skeletons))[0]! }));
    scored.sort((x, y) => y.score - x.score);
    const best = scored[0]!;
    const bestKey = spanSkeleton(tokens, best.a, best.b);
    const same = scored.filter((c) => c === best || (c.score > best.score - 2 && similarity(spanSkeleton(tokens, c.a, c.b), bestKey) >= 0.75));
    return same.map((c) => ({ tokens: tokens.slice(c.a, c.b), score: 1 }));
  }

  private player(spans: readonly Span[]): string {
    const candidates = spans.map((span) => {
      let words = span.tokens.map((t) => t.text).filter((w) => /[A-Za-z0-9]/.test(w));
      const comma = words.findIndex((w, i) => w.endsWith(',') && i < words.length - 1);
      if (comma >= 0) {
        const before = words.slice(0, comma + 1).map((w) => w.replace(/,$/, ''));
        const after = words.slice(comma + 1);
        const isSuffix = (w: string) => this.suffixes.has(fold(core(w)));
        words = [...after.filter((w) => !isSuffix(w)), ...before, ...after.filter(isSuffix)];
      } else if (words.length === 2 && this.firstNames.has(fold(core(words[1]!))) && !this.firstNames.has(fold(core(words[0]!)))) {
        // "BEDARD CONNOR": a label's "LAST, FIRST" that lost its comma.
        words = [words[1]!, words[0]!];
      }
      const name = words.map((w) => this.nameWord(w)).filter(Boolean).join(' ');
      const letters = name.toLowerCase().replace(/[^a-z]/g, '');
      const fluency = letters ? this.denoiser.logProb(letters) / letters.length : -10;
      return { value: name, key: name.toLowerCase(), score: span.score, tie: fluency };
    });
    return vote(candidates.filter((c) => c.value)) ?? 'Unknown Player';
  }

  private year(spans: readonly Span[], sport: string): string {
    const candidates = spans.flatMap((span) =>
      span.tokens.flatMap((t) => {
        const m = /^(\d{4})(?:[-_~.]?(\d{2}))?$/.exec(t.digits);
        if (!m) return [];
        const start = Number(m[1]);
        return start >= 1860 && start <= new Date().getUTCFullYear() + 1 ? [{ value: start, key: String(start), score: span.score }] : [];
      }),
    );
    const start = vote(candidates) ?? Number(this.state.usualYear.slice(0, 4));
    return this.state.seasonSports.includes(sport) ? `${start}-${String((start + 1) % 100).padStart(2, '0')}` : String(start);
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

  private brand(spans: readonly Span[], base: string): string {
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
  private variationSpans(tokens: readonly ScanToken[], ctx: ScanContext): Span[] {
    const windows = variationCandidates(tokens);
    const none = this.variationRanker.scores(nullVariationFeatures(ctx))[0]!;
    const scored = windows.map(([a, b]) => ({ a, b, score: this.variationRanker.scores(variationSpanFeatures(tokens, a, b, this.vocab, ctx, this.knownVariations))[0]! }));
    scored.sort((x, y) => y.score - x.score);
    const best = scored[0];
    if (!best || best.score <= none) return [];
    const bestKey = spanSkeleton(tokens, best.a, best.b);
    return scored
      .filter((c) => c === best || (c.score > best.score - 1 && similarity(spanSkeleton(tokens, c.a, c.b), bestKey) >= 0.75))
      .map((c) => ({ tokens: tokens.slice(c.a, c.b), score: c.score - none + (tokens[c.a]!.source === 1 ? 1 : 0) }));
  }

  private variation(spans: readonly Span[]): string | null {
    const build = (span: Span) =>
      span.tokens
        .map((t) => {
          const text = t.text.replace(/[,;:]+$/, '');
          if (/^\d*\/\d+$/.test(foldDigits(text))) return foldDigits(text);
          return titleCase(core(text).toLowerCase());
        })
        .filter(Boolean)
        .join(' ');
    return vote(this.canonical(spans, this.state.variations, build).filter((c) => c.value)) ?? null;
  }

  private cardNumber(spans: readonly Span[]): string {
    const candidates = spans.flatMap((span) => {
      const raw = span.tokens
        .map((t) => t.text)
        .join('')
        .replace(/^[^A-Za-z0-9]+/, '')
        .replace(/^no\.?/i, '')
        .replace(/[^A-Za-z0-9]+$/, '');
      if (!raw) return [];
      const value = this.number(raw);
      return value ? [{ value, key: value.toLowerCase(), score: span.score }] : [];
    });
    return vote(candidates) ?? '1';
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

  private grade(spans: readonly Span[], company: string, base: number | null): number {
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
    const { tags, probs } = this.tag(tokens);
    const spans = (tag: Tag, gap = 0) => this.spans(tokens, tags, probs, tag, gap);
    const base = extractCard(scan);
    const bag = [...bagOfWords(tokens), ...baseFeatures(base)];
    const sport = this.state.sportClasses[argmax(this.sport.scores(bag))] ?? 'OTHER';
    const company = this.state.companyClasses[argmax(this.company.scores(bag))] ?? 'NONE';
    const graded = company !== 'NONE';
    const ctx = scanContext(tokens);
    const card = {
      player: this.player(this.nameSpans(tokens, ctx)),
      year: this.year(spans('YEAR'), sport),
      brand: this.brand(this.brandSpans(tokens, spans('BRAND')), base.brand),
      cardNumber: this.cardNumber(spans('NUM')),
      variation: this.variation(this.variationSpans(tokens, ctx)),
      sport: sport as Sport,
      grade: graded ? this.grade(spans('GRADE'), company, base.grade) : null,
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
