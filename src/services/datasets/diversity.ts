import { normaliseFieldValue, YEAR_PATTERN, type CardData } from '../cards/card.js';

/**
 * What a dataset is about: counts of its cards by sport, decade, brand and grading company
 * (plus platform and tone for listings), with a warning for every dimension where one value
 * holds more than `dominanceThreshold` of the samples. Memory: one counter per distinct value.
 */

export const DIVERSITY_DIMENSIONS = ['sport', 'decade', 'brand', 'gradingCompany', 'platform', 'tone'] as const;
export type DiversityDimension = (typeof DIVERSITY_DIMENSIONS)[number];

export const DEFAULT_DOMINANCE_THRESHOLD = 0.6;
/** The grading company of a raw (ungraded) card. */
export const RAW = 'RAW';

export interface DiversityCount {
  value: string;
  count: number;
  share: number;
}

export interface DiversityWarning {
  dimension: DiversityDimension;
  value: string;
  share: number;
  threshold: number;
}

export interface DiversityReport {
  total: number;
  dimensions: Partial<Record<DiversityDimension, DiversityCount[]>>;
  warnings: DiversityWarning[];
}

/** `1986` and `1986-87` → `1980s`; null when the year is not one. */
export function decadeOf(year: string): string | null {
  const m = YEAR_PATTERN.exec(year.trim());
  return m ? `${Math.floor(Number(m[1]) / 10) * 10}s` : null;
}

export class DiversityCounter {
  private total = 0;
  /** dimension → normalised value → [label as first seen, count] */
  private readonly counts = new Map<DiversityDimension, Map<string, { label: string; count: number }>>();

  constructor(private readonly dominanceThreshold = DEFAULT_DOMINANCE_THRESHOLD) {}

  add(card: CardData, listing?: { platform: string; tone: string }): void {
    this.total += 1;
    this.bump('sport', card.sport);
    this.bump('decade', decadeOf(card.year) ?? 'unknown');
    // Brands are compared as diffCards compares them ("Topps" = "topps "), shown as first seen.
    this.bump('brand', card.brand.trim(), normaliseFieldValue('brand', card.brand));
    this.bump('gradingCompany', card.gradingCompany ?? RAW);
    if (listing) {
      this.bump('platform', listing.platform);
      this.bump('tone', listing.tone);
    }
  }

  report(): DiversityReport {
    const dimensions: Partial<Record<DiversityDimension, DiversityCount[]>> = {};
    const warnings: DiversityWarning[] = [];
    for (const dimension of DIVERSITY_DIMENSIONS) {
      const values = this.counts.get(dimension);
      if (!values) continue;
      const list = [...values.values()]
        .map(({ label, count }) => ({ value: label, count, share: count / this.total }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      dimensions[dimension] = list;
      const top = list[0];
      if (top && top.share > this.dominanceThreshold) {
        warnings.push({ dimension, value: top.value, share: top.share, threshold: this.dominanceThreshold });
      }
    }
    return { total: this.total, dimensions, warnings };
  }

  private bump(dimension: DiversityDimension, label: string, key = label): void {
    let values = this.counts.get(dimension);
    if (!values) {
      values = new Map();
      this.counts.set(dimension, values);
    }
    const entry = values.get(key);
    if (entry) entry.count += 1;
    else values.set(key, { label, count: 1 });
  }
}
