import { hash } from 'node:crypto';

/**
 * Hashing for dataset keys. A 64-bit key identifies a normalised input or example in the
 * in-memory tables: with a million keys the chance of any collision is about 3 × 10⁻⁸, and two
 * numbers per key keep the tables in flat typed arrays.
 *
 * What is persisted or must stay the same across releases (split keys, file hashes) uses
 * SHA-256. Keys that live only for one export may use `fastKey64`, a non-cryptographic hash
 * about as fast as one SHA-256 call but without the native call and buffer per use: sample
 * text is not adversarial (crafting a collision would only drop the crafter's own sample).
 */

export interface Key64 {
  hi: number;
  lo: number;
}

export function sha256(data: string | Uint8Array): Buffer {
  return hash('sha256', data, 'buffer');
}

/** SHA-256 as hex: Node makes a hex string several times faster than a Buffer for short inputs. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** The first 64 bits of a hex digest. */
export function key64OfHex(hex: string): Key64 {
  return { hi: Number.parseInt(hex.slice(0, 8), 16), lo: Number.parseInt(hex.slice(8, 16), 16) };
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

/** One 64-bit key from two (already well mixed) ones, by the fastKey64 construction over their four words. */
export function combineKeys64(a: Key64, b: Key64): Key64 {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const word of [a.hi, a.lo, b.hi, b.lo]) {
    h1 = Math.imul(h1 ^ word, 2654435761);
    h2 = Math.imul(h2 ^ word, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h1 >>> 0, lo: h2 >>> 0 };
}

/**
 * A 64-bit non-cryptographic hash of the UTF-16 code units of one or more strings: two multiplicative lanes
 * (the cyrb53 construction) with both 32-bit halves kept, cross-mixed at the end.
 */
export function fastKey64(...texts: string[]): Key64 {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    // Several texts hash like their concatenation with a NUL between them, without building it.
    if (t > 0) {
      h1 = Math.imul(h1, 2654435761);
      h2 = Math.imul(h2, 1597334677);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h1 >>> 0, lo: h2 >>> 0 };
}
