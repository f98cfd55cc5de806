import { describe, expect, it } from 'vitest';
import { assignSplit, splitPoint, SplitFractions, type Split } from '../../src/services/datasets/split.js';

const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const defaults = SplitFractions.parse({});
const share = (splits: Split[], which: Split) => splits.filter((s) => s === which).length / splits.length;

describe('SplitFractions', () => {
  it('defaults to 15% validation and 10% test', () => {
    expect(defaults).toEqual({ validation: 0.15, test: 0.1 });
  });

  it('refuses a validation fraction above 20%', () => {
    expect(SplitFractions.safeParse({ validation: 0.25 }).success).toBe(false);
  });

  it('refuses a validation fraction below 10%', () => {
    expect(SplitFractions.safeParse({ validation: 0.05 }).success).toBe(false);
  });
});

describe('splitPoint', () => {
  it('maps keys into [0, 1)', () => {
    const points = keys(1000).map(splitPoint);
    expect(points.every((u) => u >= 0 && u < 1)).toBe(true);
  });
});

describe('assignSplit', () => {
  it('gives a key the same split every time', () => {
    const first = keys(500).map((k) => assignSplit(k, defaults));
    const again = keys(500).map((k) => assignSplit(k, defaults));
    expect(again).toEqual(first);
  });

  it('realises the fractions over many keys', () => {
    const splits = keys(20_000).map((k) => assignSplit(k, defaults));
    expect(share(splits, 'test')).toBeCloseTo(0.1, 1);
    expect(share(splits, 'validation')).toBeCloseTo(0.15, 1);
  });

  it('splits every stratum in the same proportions', () => {
    const strata = ['BASEBALL', 'BASKETBALL', 'FOOTBALL', 'HOCKEY'].map((sport) => keys(4000, `${sport}:`).map((k) => assignSplit(k, defaults)));
    const validationShares = strata.map((s) => share(s, 'validation'));
    expect(validationShares.every((v) => Math.abs(v - 0.15) < 0.02)).toBe(true);
  });

  it('keeps every test key in test when the test fraction grows', () => {
    const before = keys(5000).filter((k) => assignSplit(k, { validation: 0.15, test: 0.1 }) === 'test');
    const after = before.map((k) => assignSplit(k, { validation: 0.15, test: 0.2 }));
    expect(after.every((s) => s === 'test')).toBe(true);
  });

  it('keeps every test key out of train when validation changes', () => {
    const before = keys(5000).filter((k) => assignSplit(k, { validation: 0.15, test: 0.1 }) === 'test');
    expect(before.map((k) => assignSplit(k, { validation: 0.2, test: 0.1 })).every((s) => s === 'test')).toBe(true);
  });

  it('moves test keys only into validation when the test fraction shrinks by less than the validation fraction', () => {
    const before = keys(5000).filter((k) => assignSplit(k, { validation: 0.15, test: 0.2 }) === 'test');
    expect(before.some((k) => assignSplit(k, { validation: 0.15, test: 0.1 }) === 'train')).toBe(false);
  });

  it('releases test keys into train when the test fraction shrinks further without pinning', () => {
    const before = keys(5000).filter((k) => assignSplit(k, { validation: 0.15, test: 0.3 }) === 'test');
    expect(before.some((k) => assignSplit(k, { validation: 0.15, test: 0.05 }) === 'train')).toBe(true);
  });

  it('keeps pinned test keys in test when the test fraction shrinks', () => {
    const before = new Set(keys(5000).filter((k) => assignSplit(k, { validation: 0.15, test: 0.3 }) === 'test'));
    const after = [...before].map((k) => assignSplit(k, { validation: 0.15, test: 0.05 }, (key) => before.has(key)));
    expect(after.every((s) => s === 'test')).toBe(true);
  });

  it('puts nothing in test with a test fraction of zero', () => {
    expect(keys(2000).some((k) => assignSplit(k, { validation: 0.1, test: 0 }) === 'test')).toBe(false);
  });
});
