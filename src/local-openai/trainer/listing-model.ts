import type { CardData, Platform, Tone } from '../../services/cards/card.js';
import type { ListingAnswer, ListingRequest } from '../../services/prompts/chat-format.js';
import { gradeText } from './align.js';
import { escapeRegExp } from './text.js';

/**
 * Listing writer learned from example listings: every title and description sentence becomes a
 * template by replacing the card's own values with slots ({player}, {year}, {slab}, …) and words
 * too rare to generalise with a wildcard. Per platform × tone it keeps how often each template
 * was used, where in the description, for graded or raw cards, how many sentences a description
 * has and how sentences are joined; writing a listing picks frequent templates that fit the card.
 */

interface TemplateStats {
  text: string;
  count: number;
  /** Sum of positions in the description (for the mean) and the position histogram. */
  positions: number[];
  graded: number;
  raw: number;
}

interface StyleStats {
  titles: Record<string, TemplateStats>;
  sentences: Record<string, TemplateStats>;
  sentenceCounts: number[];
  joiners: Record<string, number>;
  maxTitle: number;
  examples: number;
}

export interface ListingModelState {
  styles: Record<string, StyleStats>;
}

type Slots = Record<string, string | null>;

function slots(card: CardData): Slots {
  const graded = card.gradingCompany !== null && card.grade !== null;
  const words = card.player.split(/\s+/);
  const last = words.length > 1 ? words.slice(1).join(' ') : card.player;
  return {
    slab: graded ? `${card.gradingCompany} ${gradeText(card.grade!)}` : null,
    player: card.player,
    variation: card.variation,
    number: `#${card.cardNumber}`,
    year: card.year,
    last,
    brand: card.brand,
    company: graded ? card.gradingCompany : null,
    grade: graded ? gradeText(card.grade!) : null,
    sport: card.sport.toLowerCase(),
    num: card.cardNumber,
  };
}


/** Replaces the card's values with slots, upper-case occurrences with upper-case slots. */
export function abstractText(text: string, card: CardData): string {
  let out = text;
  for (const [name, value] of Object.entries(slots(card))) {
    if (!value || value.length < 1) continue;
    if ((name === 'grade' || name === 'num') && !/^\S+$/.test(value)) continue;
    const re = new RegExp(`(?<![A-Za-z0-9#{])${escapeRegExp(value)}(?![A-Za-z0-9}])`, 'gi');
    out = out.replace(re, (m) => (m === m.toUpperCase() && m !== m.toLowerCase() && value !== value.toUpperCase() ? `{${name.toUpperCase()}}` : `{${name}}`));
  }
  return out;
}

/** Splits a description into sentences, keeping a trailing emoji with its sentence. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^.!?\n]+(?:[.!?]+(?:\s*\p{Extended_Pictographic}(?:\uFE0F)?)*)?/gu;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

function joinerOf(description: string): string {
  if (description.includes('\n\n')) return 'paragraphs';
  if (description.includes('\n')) return 'lines';
  return 'spaces';
}

const WILDCARD = '*';

export class ListingTrainer {
  private readonly styles: Record<string, StyleStats> = {};

  constructor(examples: ReadonlyArray<{ request: ListingRequest; listing: ListingAnswer }>) {
    // Words used by fewer than 3 listings are card-specific (set names, teams): wildcards.
    const df = new Map<string, number>();
    const abstracted = examples.map((e) => ({
      e,
      title: abstractText(e.listing.title, e.request.card),
      description: e.listing.description,
      sentences: sentences(e.listing.description).map((s) => abstractText(s, e.request.card)),
    }));
    for (const a of abstracted) {
      for (const w of new Set(`${a.title} ${a.sentences.join(' ')}`.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [])) df.set(w, (df.get(w) ?? 0) + 1);
    }
    const generalise = (s: string) =>
      s
        .replace(/(?<![{\w])[A-Za-z][A-Za-z'-]*(?![\w}])/g, (w) => ((df.get(w.toLowerCase()) ?? 0) >= 3 ? w : WILDCARD))
        .replace(/\*(?:\s*\*)+/g, WILDCARD);
    for (const a of abstracted) {
      const { platform, tone, card } = a.e.request;
      const style = (this.styles[`${platform}|${tone}`] ??= { titles: {}, sentences: {}, sentenceCounts: [], joiners: {}, maxTitle: 0, examples: 0 });
      style.examples++;
      style.maxTitle = Math.max(style.maxTitle, a.e.listing.title.length);
      const graded = card.gradingCompany !== null;
      const note = (table: Record<string, TemplateStats>, text: string, position: number) => {
        const t = (table[text] ??= { text, count: 0, positions: [], graded: 0, raw: 0 });
        t.count++;
        t.positions[position] = (t.positions[position] ?? 0) + 1;
        if (graded) t.graded++;
        else t.raw++;
      };
      note(style.titles, generalise(a.title), 0);
      a.sentences.forEach((s, i) => note(style.sentences, generalise(s), i));
      style.sentenceCounts.push(a.sentences.length);
      const joiner = joinerOf(a.description);
      style.joiners[joiner] = (style.joiners[joiner] ?? 0) + 1;
    }
  }

  snapshot(): ListingModelState {
    return { styles: structuredClone(this.styles) };
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function fill(template: string, values: Slots): string | null {
  let ok = true;
  const text = template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = values[name.toLowerCase()];
    if (!value) {
      ok = false;
      return '';
    }
    return name === name.toUpperCase() ? value.toUpperCase() : value;
  });
  if (!ok) return null;
  return text
    .replace(/\s*\*\s*/g, ' ')
    .replace(/\s+([,.!?;:)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const modePosition = (t: TemplateStats) => t.positions.reduce((best, n, i) => ((n ?? 0) > (t.positions[best] ?? 0) ? i : best), 0);
const wildcards = (t: TemplateStats) => (t.text.match(/\*/g) ?? []).length;

function fits(t: TemplateStats, graded: boolean): boolean {
  const total = t.graded + t.raw;
  return graded ? t.raw / total < 0.8 : t.graded / total < 0.8;
}

export class ListingWriter {
  constructor(private readonly state: ListingModelState) {}

  private style(platform: Platform, tone: Tone): StyleStats | undefined {
    const exact = this.state.styles[`${platform}|${tone}`];
    if (exact) return exact;
    const sameTone = Object.entries(this.state.styles).find(([k]) => k.endsWith(`|${tone}`));
    return sameTone?.[1] ?? Object.values(this.state.styles)[0];
  }

  write(request: ListingRequest): ListingAnswer | null {
    const style = this.style(request.platform, request.tone);
    if (!style) return null;
    const values = slots(request.card);
    const graded = request.card.gradingCompany !== null;
    const seed = hash(JSON.stringify(request));
    const pick = <T>(list: T[], salt: number): T | undefined => list[(seed + salt) % Math.max(1, list.length)];
    const ranked = (table: Record<string, TemplateStats>) =>
      Object.values(table)
        .filter((t) => fits(t, graded))
        .sort((a, b) => wildcards(a) - wildcards(b) || b.count - a.count || (a.text < b.text ? -1 : 1));

    const titles = ranked(style.titles)
      .map((t) => fill(t.text, values))
      .filter((t): t is string => Boolean(t));
    let title = pick(titles.slice(0, 3), 0) ?? `${request.card.year} ${request.card.brand} ${request.card.player}`;
    const max = style.maxTitle || 80;
    while (title.length > max && title.includes(' ')) title = title.slice(0, title.lastIndexOf(' '));

    const counts = [...style.sentenceCounts].sort((a, b) => a - b);
    const n = counts[Math.floor(counts.length / 2)] ?? 3;
    const chosen: Array<{ text: string; position: number }> = [];
    const used = new Set<string>();
    const all = ranked(style.sentences);
    for (let position = 0; chosen.length < n && position < 12; position++) {
      const options = all
        .filter((t) => modePosition(t) === position && !used.has(t.text))
        .map((t) => ({ t, text: fill(t.text, values) }))
        .filter((o): o is { t: TemplateStats; text: string } => Boolean(o.text));
      const choice = pick(options.slice(0, 3), position + 1);
      if (!choice) continue;
      used.add(choice.t.text);
      chosen.push({ text: choice.text, position });
    }
    const joiner = Object.entries(style.joiners).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'spaces';
    const parts = chosen.map((c) => c.text);
    const description =
      joiner === 'paragraphs' && parts.length > 3
        ? `${parts.slice(0, 3).join(' ')}\n\n${parts.slice(3).join(' ')}`
        : parts.join(joiner === 'lines' ? '\n' : ' ');
    return { title, description: description || title };
  }
}
