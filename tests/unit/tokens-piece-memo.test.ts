import { get_encoding, type Tiktoken } from 'tiktoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../src/services/generator/generator.js';
import { createEncoder, type TokenEncoder } from '../../src/services/tokens/encoders.js';
import { PieceCountMemo } from '../../src/services/tokens/piece-memo.js';
import type { EncodingName } from '../../src/services/tokens/prices.js';

/** Texts where a piece alone could split differently than inside its text, if the memo were wrong. */
const TRICKY = [
  'a   b',
  'trailing spaces   ',
  '   leading',
  'line one.\nline two!\n\n\nthree',
  'tabs\t\tand\r\nCRLF\r\n',
  "it's they'll WE'VE don'T",
  '1234567 12 1,000,000 1986-87 #23/99',
  'Acuña Jr. ½ “PSA 10” — 🏀🔥\u00a0\t\n\n  end',
  'before <|endoftext|> after <|im_start|>',
  'CamelCaseWords lowerUPPER ÉCOLE école',
  '/// ---\n*** \n\n',
  '日本語のテキスト 한국어 текст',
  '',
  ' ',
  '\n',
];

const encodings: EncodingName[] = ['o200k_base', 'cl100k_base'];
const reference = new Map<EncodingName, Tiktoken>();

beforeAll(() => {
  for (const e of encodings) reference.set(e, get_encoding(e));
});
afterAll(() => {
  for (const enc of reference.values()) enc.free();
});

describe.each(encodings)('gpt-tokenizer with the piece memo, %s', (encoding) => {
  let encoder: TokenEncoder;
  beforeAll(async () => {
    encoder = await createEncoder(encoding, 'gpt-tokenizer');
  });

  it('counts tricky texts as tiktoken does, twice (cold and memoised)', () => {
    const tiktoken = reference.get(encoding)!;
    const expected = TRICKY.map((t) => tiktoken.encode_ordinary(t).length);
    expect(TRICKY.map((t) => encoder.count(t))).toEqual(expected);
    expect(TRICKY.map((t) => encoder.count(t))).toEqual(expected);
  });

  it('counts generated OCR text, descriptions and listings as tiktoken does', () => {
    const tiktoken = reference.get(encoding)!;
    const g = createGenerator({ seed: 7, noise: 0.8 });
    const texts = [...g.scans(150).flatMap((s) => [s.ocrText, s.imageDescription]), ...g.listings(50).flatMap((l) => [l.title, l.description])];
    const wrong = texts.filter((t) => encoder.count(t) !== tiktoken.encode_ordinary(t).length);
    expect([texts.length, wrong]).toEqual([400, []]);
  });
});

describe('PieceCountMemo', () => {
  it('sums the pieces of the split regex and asks for each piece once while it stays memoised', () => {
    const asked: string[] = [];
    const memo = new PieceCountMemo(/\w+|\s+|[^\w\s]+/g, (p) => (asked.push(p), p.length));
    expect(memo.count('ab ab, ab')).toBe(9);
    expect(asked).toEqual(['ab', ' ', ',']);
  });

  it('stays exact when its table is emptied', () => {
    const asked: string[] = [];
    const memo = new PieceCountMemo(/\w+|\W+/gu, (p) => (asked.push(p), p.length * 2), 2);
    const text = 'one two three four five one two';
    expect(memo.count(text)).toBe(text.length * 2);
    expect(memo.count(text)).toBe(text.length * 2);
    // A table for two pieces is emptied as it fills: later texts ask again for dropped pieces.
    expect(asked.length).toBeGreaterThan(new Set(asked).size);
  });

  it('does not move the lastIndex of a shared regex', () => {
    const shared = /\w+/g;
    shared.lastIndex = 3;
    new PieceCountMemo(shared, (p) => p.length).count('hello world');
    expect(shared.lastIndex).toBe(3);
  });
});
