import { allLocales } from '@faker-js/faker';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CharModel, countWords } from './denoise.js';

/**
 * What a base language model knows about people's names before any fine-tuning: a character
 * model of some 29,000 given names and surnames from many languages (the locale data of
 * @faker-js/faker, accents folded, in the lower case `fold` writes). The card decoder mixes it
 * with the model of its training answers, so spelling evidence for players the training file
 * never named comes from names in general. Built once per process, on first use (≈ 0.3 s).
 */

let model: CharModel | null = null;

const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : x && typeof x === 'object' ? Object.values(x).flat() : []);

interface NameLists {
  first: Set<string>;
  last: Set<string>;
}

let lists: NameLists | null = null;

/** Given names and surnames of every locale that writes them in Latin letters, as words. */
function nameLists(): NameLists {
  if (lists) return lists;
  const first = new Set<string>();
  const last = new Set<string>();
  const add = (into: Set<string>, names: unknown[]) => {
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      if (!/^[a-z' -]+$/.test(folded)) continue;
      for (const part of folded.split(/[ -]+/)) {
        const letters = part.replace(/[^a-z]/g, '');
        if (letters.length > 1) into.add(letters);
      }
    }
  };
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: unknown; last_name?: unknown } }).person;
    if (!person) continue;
    add(first, asList(person.first_name));
    add(last, asList(person.last_name));
  }
  lists = { first, last };
  return lists;
}

let localeWords: Set<string> | null = null;

/** The locale lists' name words: curated, so a word missing from them ("topps", "chrome") is no one's name. */
export function localeNameWords(): ReadonlySet<string> {
  if (localeWords) return localeWords;
  const { first, last } = nameLists();
  localeWords = new Set([...first, ...last]);
  return localeWords;
}

let words: Set<string> | null = null;

/**
 * Every name word known: the locale lists above and some 197,000 given names and surnames from
 * the `humannames` list (English and common non-English names, from public records and social
 * media), so "Caldwell" and "Rodgers" are names while their OCR damage mostly is not.
 */
export function nameWords(): ReadonlySet<string> {
  if (words) return words;
  words = new Set(localeNameWords());
  const list = readFileSync(createRequire(import.meta.url).resolve('humannames/list.txt'), 'utf8');
  for (const line of list.split(/\r?\n/)) {
    const w = line.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (/^[a-z]{2,}$/.test(w)) words.add(w);
  }
  return words;
}

/** +1 for a word known only as a given name, -1 only as a surname, 0 for both or neither ("Russell"). */
export function givenNameSide(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  const { first, last } = nameLists();
  return (first.has(w) ? 1 : 0) - (last.has(w) ? 1 : 0);
}

export function namePrior(): CharModel {
  model ??= new CharModel(countWords(localeNameWords()));
  return model;
}

let sides: { first: CharModel; last: CharModel } | null = null;

/**
 * How much more a word looks like a given name than a surname, in nats per character, by
 * character models of each list: "Saquon" leans given, "Barkley" surname, though neither list
 * has them. Built on first use.
 */
export function givenNameLean(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (!sides) {
    const { first, last } = nameLists();
    sides = { first: new CharModel(countWords(first)), last: new CharModel(countWords(last)) };
  }
  return (sides.first.logProb(w) - sides.last.logProb(w)) / (w.length + 1);
}

let census: Map<string, readonly [number, number]> | null = null;

/**
 * How many people in a million bear a word as a given name and as a surname, by the US Census
 * of 1990 (data/us-census-1990-names.tsv; 0 for a name it does not list): a base model knows
 * that "Caldwell" and "Jose" are common and "Calowell" and "Joes" are not, and that "Trevor"
 * is more often a given name and "Lawrence" a surname than the other way round.
 */
export function censusShares(word: string): readonly [given: number, surname: number] {
  if (!census) {
    census = new Map();
    for (const line of readFileSync(new URL('./data/us-census-1990-names.tsv', import.meta.url), 'utf8').split('\n')) {
      const [name, given, surname] = line.split('\t');
      if (name && !name.startsWith('#') && given !== undefined && surname !== undefined) census.set(name, [Number(given), Number(surname)]);
    }
  }
  return census.get(word.toLowerCase().replace(/[^a-z]/g, '')) ?? [0, 0];
}

/** How many people in a million bear a word as a given name or a surname. */
export function peopleBearing(word: string): number {
  const [given, surname] = censusShares(word);
  return given + surname;
}

let births: Map<string, number> | null = null;

/** How many US births in a million 1950-2016 got a word as their given name (data/us-ssa-given-names.tsv; 0 below one in five million). */
export function birthShare(word: string): number {
  if (!births) {
    births = new Map();
    const lines = readFileSync(new URL('./data/us-ssa-given-names.tsv', import.meta.url), 'utf8').split('\n');
    const total = Number(lines.find((l) => l.startsWith('# total births'))?.split('\t')[1]);
    for (const line of lines) {
      const [name, count] = line.split('\t');
      if (name && !name.startsWith('#') && count !== undefined) births.set(name, (Number(count) / total) * 1e6);
    }
  }
  return births.get(word.toLowerCase().replace(/[^a-z]/g, '')) ?? 0;
}

/**
 * log of a word's share of people as a given name (side 0: the census or, for names given since,
 * births) or a surname (side 1: the census). A word neither lists gets SHARE_FLOOR on both sides,
 * so it leans neither way, while a word one list has and the other does not leans to that side.
 */
export function censusLogShare(word: string, side: 0 | 1): number {
  const [given, surname] = censusShares(word);
  return Math.log(((side === 0 ? Math.max(given, birthShare(word)) : surname) + SHARE_FLOOR) / 1e6);
}

/** People in a million a name no list has stands for: a tenth of the rarest given name listed. */
const SHARE_FLOOR = 0.02;
