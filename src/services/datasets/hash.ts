import { hash } from 'node:crypto';

/**
 * Hashing for dataset keys. A 64-bit key (the first 8 bytes of a SHA-256) identifies a normalised
 * input or example in the in-memory tables: with a million keys the chance of any collision is
 * about 3 × 10⁻⁸, and two numbers per key keep the tables in flat typed arrays.
 */

export interface Key64 {
  hi: number;
  lo: number;
}

export function sha256(data: string | Uint8Array): Buffer {
  return hash('sha256', data, 'buffer');
}

export function key64Of(digest: Uint8Array): Key64 {
  const view = new DataView(digest.buffer, digest.byteOffset, 8);
  return { hi: view.getUint32(0), lo: view.getUint32(4) };
}

export function key64(text: string): Key64 {
  return key64Of(sha256(text));
}

export function sameKey(a: Key64, b: Key64): boolean {
  return a.hi === b.hi && a.lo === b.lo;
}
