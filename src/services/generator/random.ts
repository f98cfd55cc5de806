/**
 * Seeded pseudo-random numbers for the synthetic data generator: sfc32 (a small, fast counter
 * generator that passes PractRand) seeded through splitmix32, so nearby seeds give unrelated
 * streams. Nothing here reads Math.random or the clock: the same seed is the same sequence.
 */

/**
 * 32-bit FNV-1a of a string with murmur3's finaliser: a stable hash for pool splits. Plain
 * FNV-1a's low bits depend only on the inputs' low bits, so `% 4` of it is nearly a parity.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A weighted list prepared once, for lists drawn from on every sample. */
export interface Weights<T> {
  readonly items: readonly T[];
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function weights<T>(pairs: readonly (readonly [T, number])[]): Weights<T> {
  if (pairs.length === 0) throw new RangeError('a weighted list needs at least one item');
  let total = 0;
  const cumulative = pairs.map(([, w]) => (total += w));
  return { items: pairs.map(([item]) => item), cumulative, total };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
    // Fold in the high bits too, so seeds above 2^32 do not collide with their low half.
    const mix = splitmix32((seed >>> 0) ^ Math.floor(seed / 0x100000000));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the items, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[items.length - 1]![0];
  }

  /** One item of a prepared weighted list. */
  draw<T>(w: Weights<T>): T {
    const r = this.next() * w.total;
    const { cumulative, items } = w;
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]!) return items[i]!;
    return items[items.length - 1]!;
  }

  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i]!;
      out[i] = out[j]!;
      out[j] = tmp;
    }
    return out;
  }

  /** k distinct items in random order (k is capped at the list length). */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.min(k, items.length));
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return s;
  }
}
