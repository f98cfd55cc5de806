import { z } from 'zod';
import { sha256Hex } from './hash.js';

/**
 * Train / validation / test assignment as a pure function of (split key, test fraction,
 * validation fraction): the key is hashed to a uniform u in [0, 1) and
 *
 *     u < test → TEST,   test ≤ u < test + validation → VALIDATION,   otherwise → TRAIN.
 *
 * The export uses the hash of the sample's normalised input as the key (dedupe.ts `splitKey`),
 * so near duplicates and relabelled copies of one scan always share a split.
 *
 * Why a test sample never reaches a later training file:
 * - u depends on nothing but the key: adding, removing or reordering other samples moves no one;
 * - with the same fractions, the same keys are TEST in every version;
 * - TEST is the bottom of [0, 1): raising the test fraction only adds keys to TEST (they come out
 *   of VALIDATION first, then TRAIN), so earlier test keys stay TEST (monotone);
 * - lowering it releases keys from TEST, first into VALIDATION (never trained on) and, once it
 *   drops by more than the validation fraction, into TRAIN: pass `pinnedTest` (true for every
 *   split key that was TEST in an earlier version) and they stay TEST.
 * The seed given to an export is deliberately not part of the hash: a new seed would reshuffle
 * every split and break isolation.
 *
 * Stratification (sport for card ID, platform × tone for listings) is per sample: u is uniform
 * and independent of the stratum, so every stratum is split in the same expected proportions
 * (Bernoulli sampling within strata). Exact per-stratum quotas would depend on the other samples
 * and move keys between versions; the formatter reports realised counts per stratum instead.
 */

export const SPLITS = ['train', 'validation', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export const DEFAULT_VALIDATION_FRACTION = 0.15;
export const DEFAULT_TEST_FRACTION = 0.1;

export const SplitFractions = z
  .object({
    validation: z.number().min(0.1).max(0.2).default(DEFAULT_VALIDATION_FRACTION),
    test: z.number().min(0).max(0.3).default(DEFAULT_TEST_FRACTION),
  })
  .strict();
export type SplitFractions = z.output<typeof SplitFractions>;

export type PinnedTest = (splitKey: string) => boolean;

const SPLIT_DOMAIN = 'slabtune-split-v1\u0000';
const TWO_POW_52 = 2 ** 52;

/**
 * The key's position in [0, 1) from 52 bits of a SHA-256 (so every double is exact): the first
 * 20 bits and the 32 of bytes 3–6. Persisted splits depend on exactly these bits.
 */
export function splitPoint(splitKey: string): number {
  const hex = sha256Hex(SPLIT_DOMAIN + splitKey);
  const high = Number.parseInt(hex.slice(0, 5), 16);
  const low = Number.parseInt(hex.slice(6, 14), 16);
  return (high * 2 ** 32 + low) / TWO_POW_52;
}

export function assignSplit(splitKey: string, fractions: SplitFractions, pinnedTest?: PinnedTest): Split {
  if (pinnedTest?.(splitKey)) return 'test';
  const u = splitPoint(splitKey);
  if (u < fractions.test) return 'test';
  if (u < fractions.test + fractions.validation) return 'validation';
  return 'train';
}
