import { describe, expect, it } from 'vitest';
import type { CardData } from '../../src/services/cards/card.js';
import { Deduper, KeyScan, sampleKeys } from '../../src/services/datasets/dedupe.js';
import { sameKey } from '../../src/services/datasets/hash.js';
import { KeyTable } from '../../src/services/datasets/key-table.js';
import { normaliseOcrText, normaliseText } from '../../src/services/datasets/normalise.js';
import type { CardIdSample, ListingSample } from '../../src/services/datasets/sample.js';

const jordan: CardData = {
  player: 'Michael Jordan',
  year: '1986',
  brand: 'Fleer',
  cardNumber: '57',
  variation: null,
  sport: 'BASKETBALL',
  grade: 9,
  gradingCompany: 'PSA',
};

const scan = (id: string, ocrText: string, card: CardData = jordan, imageDescription = 'A red PSA slab.'): CardIdSample => ({
  id,
  task: 'CARD_IDENTIFICATION',
  contentHash: id,
  input: { ocrText, imageDescription },
  output: card,
});

const listing = (id: string, title: string, description = 'Sharp corners.'): ListingSample => ({
  id,
  task: 'LISTING_GENERATION',
  contentHash: id,
  input: { card: jordan, platform: 'EBAY', tone: 'PROFESSIONAL' },
  output: { title, description },
});

describe('normaliseText', () => {
  it('lower-cases, drops accents and turns punctuation runs into one space', () => {
    expect(normaliseText('  Ronald ACUÑA Jr.,  #13 — RC! ')).toBe('ronald acuna jr 13 rc');
  });
});

describe('normaliseOcrText', () => {
  it('ignores the order of words', () => {
    expect(normaliseOcrText('FLEER 1986\nJORDAN #57')).toBe(normaliseOcrText('#57 Jordan 1986 Fleer'));
  });
});

describe('sampleKeys', () => {
  it('gives the same near key to scans that differ only in case, punctuation and word order', () => {
    const a = sampleKeys(scan('a', '1986 FLEER #57 MICHAEL JORDAN'));
    const b = sampleKeys(scan('b', 'michael jordan, 57 fleer 1986'));
    expect(sameKey(a.near, b.near)).toBe(true);
  });

  it('gives different near keys to scans with different words', () => {
    const a = sampleKeys(scan('a', '1986 FLEER #57 MICHAEL JORDAN'));
    const b = sampleKeys(scan('b', '1986 FLEER #57 MICHAEL JORDAN ROOKIE'));
    expect(sameKey(a.near, b.near)).toBe(false);
  });

  it('keeps the word order of the image description', () => {
    const a = sampleKeys(scan('a', 'JORDAN', jordan, 'red slab, blue card'));
    const b = sampleKeys(scan('b', 'JORDAN', jordan, 'blue slab, red card'));
    expect(sameKey(a.input, b.input)).toBe(false);
  });

  it('treats cards that diffCards cannot tell apart as the same output', () => {
    const a = sampleKeys(scan('a', 'JORDAN', jordan));
    const b = sampleKeys(scan('b', 'JORDAN', { ...jordan, player: 'MICHAEL  JORDAN', cardNumber: '#57' }));
    expect(sameKey(a.output, b.output)).toBe(true);
  });

  it('gives the same split key to two labels of one scan', () => {
    const a = sampleKeys(scan('a', 'JORDAN', jordan));
    const b = sampleKeys(scan('b', 'JORDAN', { ...jordan, year: '1987' }));
    expect(a.splitKey).toBe(b.splitKey);
  });

  it('keeps the word order of a listing title', () => {
    const a = sampleKeys(listing('a', 'Jordan Fleer 1986 PSA 9'));
    const b = sampleKeys(listing('b', 'Fleer Jordan 1986 PSA 9'));
    expect(sameKey(a.near, b.near)).toBe(false);
  });
});

describe('KeyScan', () => {
  it('flags one conflict group for a scan labelled with two different cards', () => {
    const scanner = new KeyScan('CARD_IDENTIFICATION');
    for (const s of [scan('a', 'JORDAN 57'), scan('b', 'jordan #57', { ...jordan, year: '1987' }), scan('c', 'PIPPEN')]) scanner.add(s);
    const result = scanner.finish();
    expect([result.conflictGroups, result.conflicts.has(sampleKeys(scan('x', 'JORDAN 57')).input)]).toEqual([1, true]);
  });

  it('does not flag two labels of one scan that differ only in spelling', () => {
    const scanner = new KeyScan('CARD_IDENTIFICATION');
    scanner.add(scan('a', 'JORDAN 57'));
    scanner.add(scan('b', 'JORDAN 57', { ...jordan, brand: 'FLEER', cardNumber: 'No. 57' }));
    expect(scanner.finish().conflictGroups).toBe(0);
  });

  it('expects one kept sample per unique non-conflicting scan', () => {
    const scanner = new KeyScan('CARD_IDENTIFICATION');
    for (const s of [scan('a', 'A'), scan('b', 'a'), scan('c', 'B'), scan('d', 'C'), scan('e', 'c', { ...jordan, sport: 'BASEBALL' })]) {
      scanner.add(s);
    }
    expect(scanner.finish().expectedKept).toBe(2);
  });

  it('never flags listings as conflicts and counts unique listings per platform and tone', () => {
    const scanner = new KeyScan('LISTING_GENERATION');
    for (const s of [listing('a', 'Jordan PSA 9'), listing('b', 'Jordan, PSA 9!'), listing('c', 'Fleer Jordan rookie')]) scanner.add(s);
    const result = scanner.finish();
    expect([result.conflictGroups, [...result.expectedKeptByGroup]]).toEqual([0, [['EBAY/PROFESSIONAL', 2]]]);
  });

  it('counts samples of another task as invalid', () => {
    const scanner = new KeyScan('CARD_IDENTIFICATION');
    scanner.add(listing('a', 'Jordan'));
    expect(scanner.finish().invalid).toBe(1);
  });
});

describe('Deduper', () => {
  it('calls the first sample of a near key new, a byte-identical repeat exact and a variant near', () => {
    const deduper = new Deduper();
    const key = { hi: 1, lo: 2 };
    expect([deduper.check(key, 7), deduper.check(key, 7), deduper.check(key, 8)]).toEqual(['NEW', 'EXACT_DUPLICATE', 'NEAR_DUPLICATE']);
  });
});

describe('KeyTable', () => {
  it('keeps every key and its value through growth', () => {
    const table = new KeyTable(1, 4);
    for (let i = 0; i < 10_000; i++) table.setValue(table.insert({ hi: i * 7, lo: i * 2654435761 }).slot, i);
    const ok = Array.from({ length: 10_000 }, (_, i) => table.value(table.find({ hi: i * 7, lo: i * 2654435761 })) === i).every(Boolean);
    expect([table.size, ok]).toEqual([10_000, true]);
  });

  it('lists every key once with a slot that reads its values, across shards of different sizes', () => {
    const table = new KeyTable(2, 1);
    // High words that all fall in one shard, and some spread over all of them: one shard grows far more.
    const keys = [...Array.from({ length: 3000 }, (_, i) => ({ hi: i * 16, lo: i })), ...Array.from({ length: 500 }, (_, i) => ({ hi: i, lo: i + 1e6 }))];
    keys.forEach((key, i) => {
      const { slot } = table.insert(key);
      table.setValue(slot, i, 0);
      table.setValue(slot, 4_000_000_000 - i, 1);
    });
    const seen = [...table.entries()].map(({ key, slot }) => [key.hi, key.lo, table.value(slot, 0), table.value(slot, 1)]);
    const expected = keys.map((key, i) => [key.hi, key.lo, i, 4_000_000_000 - i]);
    const byKey = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]!;
    expect(seen.sort(byKey)).toEqual(expected.sort(byKey));
    expect(table.byteLength).toBeGreaterThan(3500 * 17);
  });

  it('does not find a key that was never inserted', () => {
    const table = new KeyTable(0);
    table.insert({ hi: 1, lo: 1 });
    expect(table.find({ hi: 2, lo: 1 })).toBe(-1);
  });
});
