import { allLocales } from '@faker-js/faker';
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

/** Name words of every locale that writes them in Latin letters. */
export function nameWords(): Set<string> {
  const words = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: unknown; last_name?: unknown } }).person;
    if (!person) continue;
    for (const name of [...asList(person.first_name), ...asList(person.last_name)]) {
      if (typeof name !== 'string') continue;
      const folded = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      if (!/^[a-z' -]+$/.test(folded)) continue;
      for (const part of folded.split(/[ -]+/)) {
        const letters = part.replace(/[^a-z]/g, '');
        if (letters.length > 1) words.add(letters);
      }
    }
  }
  return words;
}

export function namePrior(): CharModel {
  model ??= new CharModel(countWords(nameWords()));
  return model;
}
