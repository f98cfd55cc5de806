import { combineKeys64, fastKey64, key64OfHex, sha256Hex, type Key64 } from './hash.js';
import { KeyTable } from './key-table.js';
import { normalisedInput, normalisedOutput } from './normalise.js';
import { listingGroupKey, sampleProblem, type SampleLike, type SampleTask } from './sample.js';

/**
 * Duplicates and conflicting labels, in bounded memory (one table entry per unique key, never
 * a sample).
 *
 * - exact duplicate: the same training line byte for byte (hash of the whole example);
 * - near duplicate: the same normalised input and output (normalise.ts);
 * - conflict (card ID only): the same normalised input with cards that `diffCards` tells apart.
 *   Every member of a conflicting input is excluded, because nothing says which label is right.
 *   Listings have no conflicts: several listings for the same card, platform and tone are
 *   variety, not contradiction (they are still near-deduplicated).
 *
 * Conflicts need the whole dataset before the first line can be written, hence two passes:
 * pass 1 (`KeyScan`, input and output only) → `ConflictSet`; pass 2 (`Deduper` inside the
 * formatter) keeps the first of each near-duplicate group in cursor order.
 */

export interface SampleKeys {
  /** Normalised input: conflict key and, as `splitKey`, what the split hashes. */
  input: Key64;
  /** Hex of the first 16 bytes of the normalised input's SHA-256. */
  splitKey: string;
  output: Key64;
  /** Normalised input and output together. */
  near: Key64;
}

/**
 * The keys of the last sample asked for: in an export's single read, KeyScan.add and the
 * formatter ask for the same sample one after the other, and the keys (normalising both sides,
 * a SHA-256, two fast hashes) are a good part of the per-sample work. Samples are never
 * mutated, so identity is enough.
 */
let lastSample: SampleLike | null = null;
let lastKeys: SampleKeys | null = null;

export function sampleKeys(sample: SampleLike): SampleKeys {
  if (sample === lastSample && lastKeys) return lastKeys;
  const keys = computeKeys(sample);
  lastSample = sample;
  lastKeys = keys;
  return keys;
}

function computeKeys(sample: SampleLike): SampleKeys {
  const input = normalisedInput(sample);
  const output = normalisedOutput(sample);
  // The split key outlives the export (pinned test sets): SHA-256. The rest is per export.
  const inputDigest = sha256Hex(input);
  const inputKey = key64OfHex(inputDigest);
  const outputKey = fastKey64(output);
  return {
    input: inputKey,
    splitKey: inputDigest.slice(0, 32),
    output: outputKey,
    // The pair of keys, not the pair of texts hashed again: the same 64 bits of collision odds.
    near: combineKeys64(inputKey, outputKey),
  };
}

/** The normalised inputs whose members all leave the dataset. */
export class ConflictSet {
  private constructor(private readonly table: KeyTable) {}

  static empty(): ConflictSet {
    return new ConflictSet(new KeyTable(0, 16));
  }

  static of(keys: Iterable<Key64>): ConflictSet {
    const table = new KeyTable(0, 16);
    for (const key of keys) table.insert(key);
    return new ConflictSet(table);
  }

  has(input: Key64): boolean {
    return this.table.find(input) !== -1;
  }

  get size(): number {
    return this.table.size;
  }
}

export interface KeyScanResult {
  task: SampleTask;
  samples: number;
  invalid: number;
  /** Normalised inputs with more than one distinct card. */
  conflictGroups: number;
  conflicts: ConflictSet;
  /** Samples the export will keep if every line passes the format and token checks. */
  expectedKept: number;
  /** Listings: expected kept samples per platform × tone (`listingGroupKey`). */
  expectedKeptByGroup: Map<string, number>;
}

const SEEN = 1;
const CONFLICT = 2;

/**
 * Pass 1: reads only what the keys need (project `{task, input, output}`), holds one entry per
 * unique normalised input (card ID: its card's key and state, 21 bytes a slot) or near key
 * (listings, 9 bytes a slot). Drop it after `finish()`: only the small ConflictSet lives on.
 */
export class KeyScan {
  /** Card ID: normalised input → [card key hi, card key lo, state]. */
  private readonly inputs: KeyTable | null;
  /** Listings: near keys seen. */
  private readonly nears: KeyTable | null;
  private readonly byGroup = new Map<string, number>();
  private samples = 0;
  private invalid = 0;
  private conflictGroups = 0;

  constructor(
    readonly task: SampleTask,
    expectedSize = 1024,
  ) {
    this.inputs = task === 'CARD_IDENTIFICATION' ? new KeyTable(3, expectedSize) : null;
    this.nears = task === 'LISTING_GENERATION' ? new KeyTable(0, expectedSize) : null;
  }

  add(sample: SampleLike): void {
    this.samples += 1;
    if (sampleProblem(sample, this.task) !== null) {
      this.invalid += 1;
      return;
    }
    const keys = sampleKeys(sample);
    if (sample.task === 'LISTING_GENERATION') {
      if (this.nears?.insert(keys.near).wasNew) {
        const group = listingGroupKey(sample.input.platform, sample.input.tone);
        this.byGroup.set(group, (this.byGroup.get(group) ?? 0) + 1);
      }
      return;
    }
    const inputs = this.inputs;
    if (!inputs) return;
    const { slot, wasNew } = inputs.insert(keys.input);
    if (wasNew) {
      inputs.setValue(slot, keys.output.hi, 0);
      inputs.setValue(slot, keys.output.lo, 1);
      inputs.setValue(slot, SEEN, 2);
    } else if (inputs.value(slot, 2) === SEEN && (inputs.value(slot, 0) !== keys.output.hi || inputs.value(slot, 1) !== keys.output.lo)) {
      inputs.setValue(slot, CONFLICT, 2);
      this.conflictGroups += 1;
    }
  }

  finish(): KeyScanResult {
    const conflicted: Key64[] = [];
    const inputs = this.inputs;
    if (inputs) {
      for (const { key, slot } of inputs.entries()) if (inputs.value(slot, 2) === CONFLICT) conflicted.push(key);
    }
    // Card ID: one kept sample per unique input that is not in conflict; listings: per near key.
    const expectedKept = inputs ? inputs.size - this.conflictGroups : (this.nears?.size ?? 0);
    return {
      task: this.task,
      samples: this.samples,
      invalid: this.invalid,
      conflictGroups: this.conflictGroups,
      conflicts: ConflictSet.of(conflicted),
      expectedKept,
      expectedKeptByGroup: new Map(this.byGroup),
    };
  }
}

/** Pass 1 over a cursor. */
export async function scanKeys(
  samples: AsyncIterable<SampleLike> | Iterable<SampleLike>,
  task: SampleTask,
  expectedSize?: number,
): Promise<KeyScanResult> {
  const scan = new KeyScan(task, expectedSize);
  for await (const sample of samples) scan.add(sample);
  return scan.finish();
}

export type DedupeVerdict = 'NEW' | 'EXACT_DUPLICATE' | 'NEAR_DUPLICATE';

/**
 * Pass 2: the first sample of each near key is kept; a later one is an exact duplicate when
 * its line hashes like the kept one's (32-bit tag: a clash only moves a count from near to
 * exact), a near duplicate otherwise.
 */
export class Deduper {
  private readonly seen: KeyTable;

  constructor(expectedSize = 1024) {
    this.seen = new KeyTable(1, expectedSize);
  }

  check(near: Key64, lineTag: number): DedupeVerdict {
    const { slot, wasNew } = this.seen.insert(near);
    if (wasNew) {
      this.seen.setValue(slot, lineTag);
      return 'NEW';
    }
    return this.seen.value(slot) === lineTag >>> 0 ? 'EXACT_DUPLICATE' : 'NEAR_DUPLICATE';
  }

  get size(): number {
    return this.seen.size;
  }

  get byteLength(): number {
    return this.seen.byteLength;
  }
}
