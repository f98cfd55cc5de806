import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestApp, type TestApp } from '../harness.js';
import { ConfirmScan, Samples } from './documents.js';
import { doncic, scan } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const total = async () => (await t.exec(Samples, { first: 1 })).data!.samples.totalCount;

/** Each case: an input change, and the field the error must name. */
const cases: [string, Record<string, unknown>, string][] = [
  ['OCR text over 4,000 characters', { ocrText: 'x'.repeat(4001) }, 'input.ocrText'],
  ['empty OCR text', { ocrText: '   ' }, 'input.ocrText'],
  ['a year that is not a year', { card: { ...doncic, year: '86' } }, 'input.card.year'],
  ['a season whose second year does not follow the first', { card: { ...doncic, year: '1986-88' } }, 'input.card.year'],
  ['a year in the future', { card: { ...doncic, year: '2999' } }, 'input.card.year'],
  ['a grade above 10', { card: { ...doncic, grade: 11 } }, 'input.card.grade'],
  ['a grade below 1', { card: { ...doncic, grade: 0.5 } }, 'input.card.grade'],
  ['a grade off the half steps', { card: { ...doncic, grade: 9.3 } }, 'input.card.grade'],
  ['a grade without a grading company', { card: { ...doncic, gradingCompany: null } }, 'input.card.gradingCompany'],
  ['an unknown grading company', { card: { ...doncic, gradingCompany: 'XYZ' } }, 'input.card.gradingCompany'],
  ['an unknown sport', { card: { ...doncic, sport: 'CURLING' } }, 'input.card.sport'],
  ['confidence above 1', { confidence: 1.2 }, 'input.confidence'],
  ['confidence below 0', { confidence: -0.1 }, 'input.confidence'],
  ['a player name over 100 characters', { card: { ...doncic, player: 'A'.repeat(101) } }, 'input.card.player'],
  ['an empty brand', { card: { ...doncic, brand: '' } }, 'input.card.brand'],
  ['a malformed idempotency key', { idempotencyKey: 'no spaces allowed here' }, 'input.idempotencyKey'],
  ['a missing card', { card: undefined }, 'input.card'],
];

describe('bad input to confirmScan', () => {
  it.each(cases)('is refused with BAD_USER_INPUT naming the field: %s', async (_name, change, field) => {
    const before = await total();
    const res = await t.exec(ConfirmScan, { input: { ...scan(), ...change } as never });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!.field).toBe(field);
    expect(res.data ?? null).toBeNull();
    expect(await total()).toBe(before);
  });
});
