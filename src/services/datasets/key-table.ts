import type { Key64 } from './hash.js';

/**
 * An open-addressing hash table from 64-bit keys (two uint32 words; other numbers are taken modulo 2³²) to a few 32-bit words, in flat typed arrays:
 * about 9 + 4 × valueWords bytes per slot and no per-entry objects, so a million keys cost tens
 * of megabytes and nothing for the GC to walk. Linear probing on the low word (keys are hash
 * prefixes, so already uniform); grows ×1.5 above 3/4 full. Entries are never deleted.
 *
 * Split in 16 shards by the high word, each growing on its own: a growth briefly holds the old
 * and the new arrays of one shard, a sixteenth of the table, so nobody needs to know the final
 * size up front (an export would otherwise count its samples first, a full scan on FerretDB).
 */
const SHARD_BITS = 4;
const SHARDS = 1 << SHARD_BITS;
const SHARD_MASK = SHARDS - 1;

export class KeyTable {
  private readonly shards: Shard[];

  constructor(
    readonly valueWords: number,
    expectedSize = 1024,
  ) {
    this.shards = Array.from({ length: SHARDS }, () => new Shard(valueWords, Math.ceil(expectedSize / SHARDS)));
  }

  get size(): number {
    let n = 0;
    for (const shard of this.shards) n += shard.size;
    return n;
  }

  /** Bytes held by the table's arrays. */
  get byteLength(): number {
    let n = 0;
    for (const shard of this.shards) n += shard.byteLength;
    return n;
  }

  /** The slot of `key` (an opaque number for value/setValue), or -1. */
  find(key: Key64): number {
    const shard = key.hi & SHARD_MASK;
    const local = this.shards[shard]!.find(key);
    return local === -1 ? -1 : local * SHARDS + shard;
  }

  /** The slot of `key`, inserting it (values zero) when absent; `wasNew` tells which. */
  insert(key: Key64): { slot: number; wasNew: boolean } {
    const shard = key.hi & SHARD_MASK;
    const { slot, wasNew } = this.shards[shard]!.insert(key);
    return { slot: slot * SHARDS + shard, wasNew };
  }

  value(slot: number, word = 0): number {
    return this.shards[slot & SHARD_MASK]!.value(slot >>> SHARD_BITS, word);
  }

  setValue(slot: number, value: number, word = 0): void {
    this.shards[slot & SHARD_MASK]!.setValue(slot >>> SHARD_BITS, value, word);
  }

  /** Every key with its slot (for copying a subset into a smaller table). */
  *entries(): Generator<{ key: Key64; slot: number }> {
    for (let shard = 0; shard < SHARDS; shard++) {
      for (const { key, slot } of this.shards[shard]!.entries()) yield { key, slot: slot * SHARDS + shard };
    }
  }
}

/** Above this share of slots in use a shard grows. */
const MAX_LOAD = 0.75;
/** ×1.5 rather than ×2: a table ends up at most half again as big as it needs, not twice. */
const GROWTH = 1.5;
const TWO_POW_32 = 4294967296;

/**
 * One shard: the table itself. Any capacity, not only powers of two: a key's home slot is its
 * low word scaled to the capacity (the multiply-shift range reduction), then linear probing.
 */
class Shard {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  private values: Uint32Array;
  private capacity: number;
  private scale: number;
  private count = 0;

  constructor(
    readonly valueWords: number,
    expectedSize: number,
  ) {
    this.capacity = Math.max(8, Math.ceil(expectedSize / MAX_LOAD));
    this.scale = this.capacity / TWO_POW_32;
    this.hi = new Uint32Array(this.capacity);
    this.lo = new Uint32Array(this.capacity);
    this.used = new Uint8Array(this.capacity);
    this.values = new Uint32Array(this.capacity * valueWords);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table's arrays. */
  get byteLength(): number {
    return this.hi.byteLength + this.lo.byteLength + this.used.byteLength + this.values.byteLength;
  }

  /** The slot of `key`, or -1. */
  find(key: Key64): number {
    const hi = key.hi >>> 0;
    const lo = key.lo >>> 0;
    let slot = Math.floor(lo * this.scale);
    while (this.used[slot] === 1) {
      if (this.lo[slot] === lo && this.hi[slot] === hi) return slot;
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
    return -1;
  }

  /** The slot of `key`, inserting it (values zero) when absent; `wasNew` tells which. */
  insert(key: Key64): { slot: number; wasNew: boolean } {
    const hi = key.hi >>> 0;
    const lo = key.lo >>> 0;
    let slot = Math.floor(lo * this.scale);
    while (this.used[slot] === 1) {
      if (this.lo[slot] === lo && this.hi[slot] === hi) return { slot, wasNew: false };
      slot = slot + 1 === this.capacity ? 0 : slot + 1;
    }
    if (this.count + 1 > this.capacity * MAX_LOAD) {
      this.grow();
      return this.insert(key);
    }
    this.used[slot] = 1;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.count += 1;
    return { slot, wasNew: true };
  }

  value(slot: number, word = 0): number {
    return this.values[slot * this.valueWords + word] ?? 0;
  }

  setValue(slot: number, value: number, word = 0): void {
    this.values[slot * this.valueWords + word] = value;
  }

  /** Every key with its slot (for copying a subset into a smaller table). */
  *entries(): Generator<{ key: Key64; slot: number }> {
    for (let slot = 0; slot < this.capacity; slot++) {
      if (this.used[slot] === 1) yield { key: { hi: this.hi[slot] ?? 0, lo: this.lo[slot] ?? 0 }, slot };
    }
  }

  private grow(): void {
    const { hi, lo, used, values, valueWords } = this;
    this.capacity = Math.ceil(this.capacity * GROWTH);
    this.scale = this.capacity / TWO_POW_32;
    this.hi = new Uint32Array(this.capacity);
    this.lo = new Uint32Array(this.capacity);
    this.used = new Uint8Array(this.capacity);
    this.values = new Uint32Array(this.capacity * valueWords);
    for (let old = 0; old < used.length; old++) {
      if (used[old] !== 1) continue;
      const h = hi[old] ?? 0;
      const l = lo[old] ?? 0;
      let slot = Math.floor(l * this.scale);
      while (this.used[slot] === 1) slot = slot + 1 === this.capacity ? 0 : slot + 1;
      this.used[slot] = 1;
      this.hi[slot] = h;
      this.lo[slot] = l;
      for (let w = 0; w < valueWords; w++) this.values[slot * valueWords + w] = values[old * valueWords + w] ?? 0;
    }
  }
}
