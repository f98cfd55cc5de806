import { describe, expect, it } from 'vitest';
import { cardIdReadiness, DEFAULT_READINESS_RULES, listingReadiness } from '../../src/services/datasets/readiness.js';

describe('cardIdReadiness', () => {
  it('needs 50 card-ID samples and recommends 100', () => {
    expect(cardIdReadiness(49)).toMatchObject({ ready: false, have: 49, need: 50, recommended: 100 });
  });

  it('is ready at 50 card-ID samples', () => {
    expect(cardIdReadiness(50).ready).toBe(true);
  });

  it('never needs fewer than 30 even when the minimum is configured lower', () => {
    expect(cardIdReadiness(25, { ...DEFAULT_READINESS_RULES, cardIdMinimum: 10 }).need).toBe(30);
  });
});

describe('listingReadiness', () => {
  const everyGroup = (count: number) =>
    ['EBAY', 'MERCARI', 'FACEBOOK_MARKETPLACE', 'WHATNOT'].flatMap((platform) =>
      ['PROFESSIONAL', 'CASUAL', 'ENTHUSIASTIC'].map((tone) => ({ platform, tone, count })),
    );

  it('needs 30 listings for each of the 12 platform × tone pairs', () => {
    expect(listingReadiness(everyGroup(30))).toMatchObject({ ready: true, have: 360, need: 360 });
  });

  it('is not ready when one pair is short, and says which', () => {
    const counts = everyGroup(40).map((c) => (c.platform === 'WHATNOT' && c.tone === 'CASUAL' ? { ...c, count: 29 } : c));
    const readiness = listingReadiness(counts);
    expect([readiness.ready, readiness.groups.filter((g) => !g.ready)]).toEqual([
      false,
      [{ platform: 'WHATNOT', tone: 'CASUAL', have: 29, need: 30, ready: false }],
    ]);
  });

  it('only asks for the platforms and tones in scope', () => {
    const readiness = listingReadiness([{ platform: 'EBAY', tone: 'CASUAL', count: 30 }], { platforms: ['EBAY'], tones: ['CASUAL'] });
    expect(readiness).toMatchObject({ ready: true, have: 30, need: 30 });
  });

  it('never needs fewer than 30 listings in all', () => {
    const rules = { ...DEFAULT_READINESS_RULES, listingPerGroup: 10 };
    expect(listingReadiness([{ platform: 'EBAY', tone: 'CASUAL', count: 10 }], { platforms: ['EBAY'], tones: ['CASUAL'] }, rules)).toMatchObject({
      ready: false,
      need: 30,
    });
  });

  it('counts a pair with no listings as zero', () => {
    expect(listingReadiness([]).groups.every((g) => g.have === 0 && !g.ready)).toBe(true);
  });
});
