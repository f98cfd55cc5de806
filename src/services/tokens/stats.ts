/**
 * Token statistics of a stream of examples with memory bounded by the number of distinct counts
 * (a few hundred for real data): total, billable (each example clamped to the limit), min, max,
 * mean and exact quantiles.
 */

export interface TokenSummary {
  examples: number;
  total: number;
  /** Σ min(limit, tokens): what one epoch is billed. */
  billable: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
  overLimit: number;
  limit: number;
}

export class TokenStats {
  private readonly histogram = new Map<number, number>();
  private examples = 0;
  private total = 0;
  private billable = 0;
  private min = Infinity;
  private max = 0;
  private overLimit = 0;

  constructor(readonly limit: number) {}

  add(tokens: number, times = 1): void {
    this.examples += times;
    this.total += tokens * times;
    this.billable += (tokens > this.limit ? this.limit : tokens) * times;
    if (tokens > this.limit) this.overLimit += times;
    if (tokens < this.min) this.min = tokens;
    if (tokens > this.max) this.max = tokens;
    this.histogram.set(tokens, (this.histogram.get(tokens) ?? 0) + times);
  }

  /** Adds another accumulator's examples, counted against this one's limit. */
  merge(other: TokenStats): void {
    for (const [tokens, times] of other.histogram) this.add(tokens, times);
  }

  /** The smallest count c such that at least q of the examples have ≤ c tokens (nearest rank). */
  quantile(q: number): number {
    if (this.examples === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.examples));
    let seen = 0;
    for (const tokens of [...this.histogram.keys()].sort((a, b) => a - b)) {
      seen += this.histogram.get(tokens) ?? 0;
      if (seen >= rank) return tokens;
    }
    return this.max;
  }

  summary(): TokenSummary {
    return {
      examples: this.examples,
      total: this.total,
      billable: this.billable,
      min: this.examples === 0 ? 0 : this.min,
      max: this.max,
      mean: this.examples === 0 ? 0 : this.total / this.examples,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      overLimit: this.overLimit,
      limit: this.limit,
    };
  }
}
