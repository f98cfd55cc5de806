import type { CardDataInput } from '../../src/gql/graphql.js';

/** Small hand-made inputs; bulk data comes from the generator. */

export const doncic: CardDataInput = {
  player: 'Luka Doncic',
  year: '2018-19',
  brand: 'Panini',
  cardNumber: '280',
  variation: 'Prizm Silver',
  sport: 'BASKETBALL',
  grade: 10,
  gradingCompany: 'PSA',
};

export const griffey: CardDataInput = {
  player: 'Ken Griffey Jr.',
  year: '1989',
  brand: 'Upper Deck',
  cardNumber: '1',
  sport: 'BASEBALL',
};

let n = 0;
/** A scan whose OCR text is unique, so content dedupe does not merge it with others. */
export function scan(card: CardDataInput = doncic, extra: Record<string, unknown> = {}) {
  n += 1;
  return {
    ocrText: `${card.year} ${card.brand} ${card.player} #${card.cardNumber} scan-${n}-${Math.random().toString(36).slice(2, 8)}`,
    imageDescription: `Front of a ${card.year} ${card.brand} card`,
    card,
    ...extra,
  };
}
