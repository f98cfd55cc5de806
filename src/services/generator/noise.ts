import type { Random } from './random.js';

/**
 * OCR-style damage. `level` is the generator's noise option (0..1): 0 leaves text alone, 0.3
 * touches about 2% of characters, 1 about 6%, so a name stays recognisable while exact-match
 * extraction no longer works. Newlines are never damaged: layout noise lives in scan.ts.
 */

/** Per-character damage rate at a noise level. */
export const charRate = (level: number): number => 0.06 * level;

/** Characters OCR engines commonly read as each other. */
const CONFUSIONS: Readonly<Record<string, readonly string[]>> = {
  O: ['0', 'Q', 'D'],
  o: ['0', 'c', 'a'],
  '0': ['O', 'o', 'D'],
  I: ['1', 'l', '|'],
  i: ['l', '1', 'j'],
  l: ['1', 'I', '|'],
  L: ['1', 'I'],
  '1': ['I', 'l', '7'],
  S: ['5', '$', '8'],
  s: ['5', 'z'],
  '5': ['S', '6'],
  B: ['8', '3', 'R'],
  '8': ['B', '3', '6'],
  Z: ['2'],
  '2': ['Z'],
  G: ['6', 'C', 'O'],
  '6': ['G', 'b', '8'],
  E: ['F', 'B', '3'],
  e: ['c', 'o'],
  A: ['4', 'R'],
  a: ['o', 'e'],
  C: ['G', '(', 'O'],
  c: ['e', 'o'],
  D: ['O', '0'],
  U: ['V', 'O'],
  u: ['v', 'n'],
  N: ['M', 'H'],
  n: ['m', 'r'],
  M: ['N', 'H'],
  m: ['rn', 'n'],
  H: ['N', 'M'],
  R: ['B', 'P'],
  P: ['R', 'F'],
  T: ['7', 'I'],
  '7': ['T', '1'],
  '9': ['g', '8'],
  '3': ['8', 'B'],
  '4': ['A'],
  '#': ['H', '*', '='],
  '-': ['_', '~', ''],
  '.': [',', ''],
  "'": ['`', '"', ''],
};

/** Drops, substitutes, swaps and doubles characters at `rate` per character. */
export function damageChars(rng: Random, text: string, rate: number): string {
  if (rate <= 0 || text.length === 0) return text;
  const logKeep = Math.log(1 - Math.min(rate, 0.9));
  let out = '';
  let i = 0;
  // Jump straight to the next damaged character (geometric gaps): one draw per damage.
  for (;;) {
    const gap = Math.floor(Math.log(1 - rng.next()) / logKeep);
    const at = i + gap;
    if (at >= text.length) break;
    out += text.slice(i, at);
    const ch = text[at]!;
    i = at + 1;
    if (ch === '\n') {
      out += ch;
      continue;
    }
    const op = rng.next();
    if (op < 0.3) continue; // dropped
    if (op < 0.7) {
      const options = CONFUSIONS[ch];
      out += options ? rng.pick(options) : ch === ' ' ? '' : ch.toLowerCase() === ch ? ch.toUpperCase() : ch.toLowerCase();
    } else if (op < 0.9 && i < text.length && text[i] !== '\n') {
      out += text[i]! + ch; // swapped with the next one
      i++;
    } else {
      out += ch + (ch === ' ' ? '' : ch); // doubled
    }
  }
  return out + text.slice(i);
}

/** One token in a case the label did not print: all lower, Title, or flipped letters. */
export function mangleCase(rng: Random, token: string): string {
  const r = rng.next();
  if (r < 0.4) return token.toLowerCase();
  if (r < 0.7) return token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();
  let out = '';
  for (const ch of token) out += rng.chance(0.3) ? (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) : ch;
  return out;
}

/** Stray marks OCR picks up from holograms, borders and logos. */
export const JUNK = ['|', '.', ':', '-', '~', '®', '™', '*', '/', '\\', '«', 'll', '1', 'i', '°', '"'] as const;
