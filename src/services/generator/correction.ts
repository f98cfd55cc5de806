import { diffCards, normaliseFieldValue, type CardData, type CardField } from '../cards/card.js';
import type { Random } from './random.js';
import { SETS } from './sets.js';
import { GENERATED_SPORTS } from './teams.js';

/**
 * The wrong prediction a user corrected: the true card with one to three fields changed the
 * way a card-ID model gets them wrong (a season off by one, a misspelt name, a neighbouring
 * card number, a missed or invented parallel, a grade half a step off, a sister brand).
 * Each mistake changes exactly one field, so `diffCards(prediction, card)` has 1–3 entries.
 */

type Mistake = (rng: Random, card: CardData, variations: readonly string[]) => CardData | null;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function misspell(rng: Random, name: string): string {
  let i = rng.int(1, name.length - 1);
  for (let tries = 0; tries < 5 && !isLetter(name.charCodeAt(i)); tries++) i = rng.int(1, name.length - 1);
  switch (rng.int(0, 3)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1); // dropped letter
    case 1:
      return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name.slice(0, i);
    case 2:
      return name.slice(0, i) + name[i] + name.slice(i); // doubled letter
    default: {
      const c = rng.pick([...LETTERS]);
      return name.slice(0, i) + (name[i] === name[i]!.toUpperCase() ? c.toUpperCase() : c) + name.slice(i + 1);
    }
  }
}

const SISTER_BRANDS: Readonly<Record<string, readonly string[]>> = {
  Topps: ['Bowman', 'Stadium Club', 'Upper Deck'],
  Bowman: ['Topps'],
  'Stadium Club': ['Topps'],
  Panini: ['Donruss', 'Score'],
  Donruss: ['Panini', 'Leaf'],
  Score: ['Pinnacle', 'Panini'],
  'Upper Deck': ['O-Pee-Chee', 'Topps', 'Fleer'],
  'O-Pee-Chee': ['Upper Deck', 'Topps'],
  Fleer: ['Skybox', 'Topps', 'Hoops'],
  Skybox: ['Fleer', 'Hoops'],
  Hoops: ['Skybox', 'Fleer'],
  Leaf: ['Donruss'],
  Pinnacle: ['Score'],
};

const COMMON_VARIATIONS = [...new Set(SETS.flatMap((s) => s.variations.map((v) => v.name)).filter((v) => !v.includes('{')))];

const MISTAKES: Readonly<Record<CardField, Mistake | null>> = {
  year(rng, card) {
    const start = Number(card.year.slice(0, 4));
    const season = card.year.length > 4;
    const shifted = start >= 2025 || rng.chance(0.5) ? start - 1 : start + 1;
    // A season card read as a plain year is the other classic slip.
    if (season && rng.chance(0.3)) return { ...card, year: String(start) };
    return { ...card, year: season ? `${shifted}-${String((shifted + 1) % 100).padStart(2, '0')}` : String(shifted) };
  },
  player(rng, card) {
    return { ...card, player: misspell(rng, card.player) };
  },
  cardNumber(rng, card) {
    const m = /^(.*?)(\d+)$/.exec(card.cardNumber);
    if (!m) return null;
    const prefix = m[1]!;
    const digits = m[2]!;
    const n = Number(digits);
    if (prefix && rng.chance(0.3)) return { ...card, cardNumber: digits }; // prefix dropped
    const reversed = [...digits].reverse().join('');
    if (digits.length > 1 && reversed !== digits && rng.chance(0.3)) return { ...card, cardNumber: prefix + String(Number(reversed)) };
    const next = Math.max(1, n + rng.pick([-10, -2, -1, 1, 1, 2, 10]));
    return next === n ? { ...card, cardNumber: prefix + String(n + 1) } : { ...card, cardNumber: prefix + String(next) };
  },
  variation(rng, card, variations) {
    if (card.variation !== null && rng.chance(0.8)) return { ...card, variation: null };
    // A parallel of the same set is the likely confusion; any set's will do when it has none.
    const options = variations.filter((v) => v !== card.variation);
    return { ...card, variation: rng.pick(options.length > 0 ? options : COMMON_VARIATIONS) };
  },
  grade(rng, card) {
    if (card.grade === null) return null;
    const grade = Math.min(10, Math.max(1, card.grade + rng.pick([-1, -0.5, 0.5, 1])));
    // Clamped back onto the true grade: step the other way (a 1 read as 1.5, a 10 as 9.5).
    return grade === card.grade ? { ...card, grade: card.grade <= 1 ? 1.5 : card.grade - 0.5 } : { ...card, grade };
  },
  gradingCompany(rng, card) {
    if (card.gradingCompany === null) return null;
    return { ...card, gradingCompany: rng.pick((['PSA', 'BGS', 'SGC', 'CGC'] as const).filter((c) => c !== card.gradingCompany)) };
  },
  brand(rng, card) {
    const sisters = SISTER_BRANDS[card.brand];
    return sisters ? { ...card, brand: rng.pick(sisters) } : null;
  },
  sport(rng, card) {
    // Rare, but a generic pose or a two-sport star does fool a model now and then.
    return { ...card, sport: rng.pick(GENERATED_SPORTS.filter((s) => s !== card.sport)) };
  },
};

/** How often each field is the one a user fixes. */
const MISTAKE_SHARES: readonly (readonly [CardField, number])[] = [
  ['player', 24],
  ['year', 20],
  ['cardNumber', 20],
  ['variation', 16],
  ['grade', 9],
  ['gradingCompany', 4],
  ['brand', 6],
  ['sport', 1],
];

/**
 * A prediction that differs from `card` in one to three fields (1 most often). `variations`
 * are the parallels the card's set has, for a plausible wrong one.
 */
export function mispredict(rng: Random, card: CardData, variations: readonly string[] = COMMON_VARIATIONS): CardData {
  const wanted = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
  let prediction = card;
  const used = new Set<CardField>();
  for (let attempt = 0; attempt < 20 && used.size < wanted; attempt++) {
    const field = rng.weighted(MISTAKE_SHARES.filter(([f]) => !used.has(f)));
    const next = MISTAKES[field]?.(rng, prediction, variations) ?? null;
    if (next === null || normaliseFieldValue(field, next[field]) === normaliseFieldValue(field, card[field])) continue;
    // A mistake only ever touches its own field, so the diff grows by exactly one.
    if (diffCards(next, card).length !== used.size + 1) continue;
    prediction = next;
    used.add(field);
  }
  return prediction;
}
