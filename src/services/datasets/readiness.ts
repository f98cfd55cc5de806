import { PLATFORMS, TONES, type Platform, type Tone } from '../cards/card.js';
import { listingGroupKey, type SampleTask } from './sample.js';

/**
 * Whether there are enough samples to train (the seed's minimums): card ID at least 50 (100
 * recommended); listings at least 30 for every platform × tone asked for; never fewer than 30
 * in all. Pure: trainingStats feeds it counts from the database, exportDataset the counts of
 * samples that survived the quality checks.
 */

export interface ReadinessRules {
  cardIdMinimum: number;
  cardIdRecommended: number;
  listingPerGroup: number;
  /** No task trains on fewer samples than this. */
  floor: number;
}

export const DEFAULT_READINESS_RULES: ReadinessRules = {
  cardIdMinimum: 50,
  cardIdRecommended: 100,
  listingPerGroup: 30,
  floor: 30,
};

export interface GroupReadiness {
  platform: Platform;
  tone: Tone;
  have: number;
  need: number;
  ready: boolean;
}

export interface TaskReadiness {
  task: SampleTask;
  have: number;
  need: number;
  recommended: number;
  ready: boolean;
  /** Listings: one entry per platform × tone asked for; empty for card ID. */
  groups: GroupReadiness[];
}

export function cardIdReadiness(have: number, rules: ReadinessRules = DEFAULT_READINESS_RULES): TaskReadiness {
  const need = Math.max(rules.floor, rules.cardIdMinimum);
  return {
    task: 'CARD_IDENTIFICATION',
    have,
    need,
    recommended: Math.max(need, rules.cardIdRecommended),
    ready: have >= need,
    groups: [],
  };
}

export interface ListingCount {
  platform: string;
  tone: string;
  count: number;
}

export function listingReadiness(
  counts: Iterable<ListingCount>,
  scope: { platforms?: readonly Platform[]; tones?: readonly Tone[] } = {},
  rules: ReadinessRules = DEFAULT_READINESS_RULES,
): TaskReadiness {
  const byGroup = new Map<string, number>();
  for (const { platform, tone, count } of counts) {
    const key = listingGroupKey(platform, tone);
    byGroup.set(key, (byGroup.get(key) ?? 0) + count);
  }
  const platforms = scope.platforms?.length ? scope.platforms : PLATFORMS;
  const tones = scope.tones?.length ? scope.tones : TONES;
  const groups: GroupReadiness[] = [];
  let have = 0;
  for (const platform of platforms) {
    for (const tone of tones) {
      const n = byGroup.get(listingGroupKey(platform, tone)) ?? 0;
      have += n;
      groups.push({ platform, tone, have: n, need: rules.listingPerGroup, ready: n >= rules.listingPerGroup });
    }
  }
  const need = Math.max(rules.floor, rules.listingPerGroup * groups.length);
  return {
    task: 'LISTING_GENERATION',
    have,
    need,
    recommended: need,
    ready: have >= need && groups.every((g) => g.ready),
    groups,
  };
}

/**
 * Readiness from pass 1's expected counts (dedupe.ts `KeyScanResult`), so an export can answer
 * PRECONDITION_FAILED before it writes a file. Pass 2's report has the final word: format and
 * token-limit exclusions are only known there.
 */
export function readinessOfScan(
  scan: { task: SampleTask; expectedKept: number; expectedKeptByGroup: ReadonlyMap<string, number> },
  scope: { platforms?: readonly Platform[]; tones?: readonly Tone[] } = {},
  rules: ReadinessRules = DEFAULT_READINESS_RULES,
): TaskReadiness {
  return scan.task === 'CARD_IDENTIFICATION'
    ? cardIdReadiness(scan.expectedKept, rules)
    : listingReadiness(listingCountsOf(scan.expectedKeptByGroup), scope, rules);
}

/** Listing counts from a map keyed by `listingGroupKey` (what KeyScan and the formatter keep). */
export function listingCountsOf(byGroup: ReadonlyMap<string, number>): ListingCount[] {
  return [...byGroup].map(([key, count]) => {
    const [platform = '', tone = ''] = key.split('/');
    return { platform, tone, count };
  });
}
