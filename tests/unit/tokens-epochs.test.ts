import { describe, expect, it } from 'vitest';
import { checkEpochs, defaultEpochs } from '../../src/services/tokens/epochs.js';

describe('defaultEpochs', () => {
  it('gives 10 epochs to 10 examples', () => {
    expect(defaultEpochs(10)).toBe(10);
  });

  it('gives 3 epochs to 30 examples', () => {
    expect(defaultEpochs(30)).toBe(3);
  });

  it('gives 2 epochs to 10,000 examples', () => {
    expect(defaultEpochs(10_000)).toBe(2);
  });

  it('caps small datasets at 25 epochs', () => {
    expect(defaultEpochs(2)).toBe(25);
  });

  it('gives floor(100 / n) epochs while n × 3 is under 100', () => {
    expect(defaultEpochs(20)).toBe(5);
    expect(defaultEpochs(33)).toBe(3);
  });

  it('keeps 3 epochs up to 8,333 examples and lowers them above', () => {
    expect(defaultEpochs(8_333)).toBe(3);
    expect(defaultEpochs(8_334)).toBe(2);
  });

  it('never goes below one epoch for huge datasets', () => {
    expect(defaultEpochs(1_000_000)).toBe(1);
  });

  it('refuses zero examples', () => {
    expect(() => defaultEpochs(0)).toThrow(RangeError);
  });
});

describe('checkEpochs', () => {
  it('accepts whole numbers from 1 to 50', () => {
    expect([1, 50].map(checkEpochs)).toEqual([1, 50]);
  });

  it('refuses 0, 51 and fractions', () => {
    for (const bad of [0, 51, 2.5]) expect(() => checkEpochs(bad)).toThrow(RangeError);
  });
});
