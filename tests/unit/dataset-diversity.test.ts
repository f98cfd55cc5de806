import { describe, expect, it } from 'vitest';
import type { CardData } from '../../src/services/cards/card.js';
import { decadeOf, DiversityCounter } from '../../src/services/datasets/diversity.js';

const card = (over: Partial<CardData> = {}): CardData => ({
  player: 'Ken Griffey Jr.',
  year: '1989',
  brand: 'Upper Deck',
  cardNumber: '1',
  variation: null,
  sport: 'BASEBALL',
  grade: null,
  gradingCompany: null,
  ...over,
});

describe('decadeOf', () => {
  it('puts a year and a season in their decade', () => {
    expect([decadeOf('1989'), decadeOf('1999-00'), decadeOf('2010')]).toEqual(['1980s', '1990s', '2010s']);
  });
});

describe('DiversityCounter', () => {
  it('counts cards by sport, decade, brand and grading company', () => {
    const counter = new DiversityCounter();
    counter.add(card());
    counter.add(card({ sport: 'HOCKEY', year: '2005-06', brand: 'Upper Deck', grade: 9, gradingCompany: 'PSA' }));
    const { dimensions } = counter.report();
    expect([dimensions.sport?.length, dimensions.decade?.map((d) => d.value), dimensions.brand, dimensions.gradingCompany?.map((g) => g.value)]).toEqual([
      2,
      ['1980s', '2000s'],
      [{ value: 'Upper Deck', count: 2, share: 1 }],
      ['PSA', 'RAW'],
    ]);
  });

  it('counts brands spelled differently as one brand', () => {
    const counter = new DiversityCounter();
    for (const brand of ['Topps', 'TOPPS', ' topps']) counter.add(card({ brand }));
    expect(counter.report().dimensions.brand).toEqual([{ value: 'Topps', count: 3, share: 1 }]);
  });

  it('warns when one value holds more than 60% of a dimension', () => {
    const counter = new DiversityCounter();
    for (let i = 0; i < 7; i++) counter.add(card({ sport: 'BASEBALL' }));
    for (let i = 0; i < 3; i++) counter.add(card({ sport: 'SOCCER' }));
    expect(counter.report().warnings.find((w) => w.dimension === 'sport')).toEqual({ dimension: 'sport', value: 'BASEBALL', share: 0.7, threshold: 0.6 });
  });

  it('does not warn at exactly 60%', () => {
    const counter = new DiversityCounter();
    for (let i = 0; i < 6; i++) counter.add(card({ sport: 'BASEBALL', brand: `b${i}`, year: `${1950 + i * 10}` }));
    for (let i = 0; i < 4; i++) counter.add(card({ sport: 'SOCCER', brand: `c${i}`, year: `${1950 + i * 10}`, grade: 8, gradingCompany: 'BGS' }));
    expect(counter.report().warnings.map((w) => w.dimension)).toEqual([]);
  });

  it('counts platform and tone for listings', () => {
    const counter = new DiversityCounter();
    counter.add(card(), { platform: 'EBAY', tone: 'CASUAL' });
    expect([counter.report().dimensions.platform, counter.report().dimensions.tone]).toEqual([
      [{ value: 'EBAY', count: 1, share: 1 }],
      [{ value: 'CASUAL', count: 1, share: 1 }],
    ]);
  });
});
