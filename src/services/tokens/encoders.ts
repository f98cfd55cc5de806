import { PieceCountMemo } from './piece-memo.js';
import type { EncodingName } from './prices.js';

/**
 * The three tokenizer libraries behind one small interface, loaded lazily and cached per
 * (library, encoding). All count text the way fine-tuning data is read: special-token text such
 * as `<|endoftext|>` inside a message is ordinary text, never a special token.
 *
 * - `tiktoken`: OpenAI's Rust tokenizer compiled to WASM. The reference in tests. Its encoders
 *   hold WASM memory that the GC does not see: `freeEncoders()` releases them.
 * - `js-tiktoken`: pure-JS port of tiktoken.
 * - `gpt-tokenizer`: pure-JS, with a count path that does not materialise token arrays; we
 *   count through a per-piece memo on top of it (piece-memo.ts).
 *
 * PRODUCTION_TOKENIZER is the fastest one whose counts equal tiktoken's on every example of
 * `bench/tokenizers.ts` (see that benchmark's output in the dataset export notes).
 */

export const TOKENIZER_IMPLS = ['tiktoken', 'js-tiktoken', 'gpt-tokenizer'] as const;
export type TokenizerImpl = (typeof TOKENIZER_IMPLS)[number];

export const PRODUCTION_TOKENIZER: TokenizerImpl = 'gpt-tokenizer';

export interface TokenEncoder {
  readonly impl: TokenizerImpl;
  readonly encoding: EncodingName;
  /** Number of tokens of `text` encoded as ordinary text. */
  count(text: string): number;
  /** Releases native memory (tiktoken); a no-op for the pure-JS ones. The encoder is unusable afterwards. */
  free(): void;
}

async function loadTiktoken(encoding: EncodingName): Promise<TokenEncoder> {
  const { get_encoding } = await import('tiktoken');
  const enc = get_encoding(encoding);
  let freed = false;
  return {
    impl: 'tiktoken',
    encoding,
    count: (text) => (text.length === 0 ? 0 : enc.encode_ordinary(text).length),
    free: () => {
      if (!freed) enc.free();
      freed = true;
    },
  };
}

async function loadJsTiktoken(encoding: EncodingName): Promise<TokenEncoder> {
  const [{ Tiktoken }, ranks] = await Promise.all([
    import('js-tiktoken/lite'),
    encoding === 'o200k_base' ? import('js-tiktoken/ranks/o200k_base') : import('js-tiktoken/ranks/cl100k_base'),
  ]);
  const enc = new Tiktoken(ranks.default);
  const none: string[] = [];
  return {
    impl: 'js-tiktoken',
    encoding,
    count: (text) => (text.length === 0 ? 0 : enc.encode(text, none, none).length),
    free: () => {},
  };
}

/**
 * gpt-tokenizer keeps an LRU cache of merged pieces in a Map (delete + set on every hit). At its
 * default size (100,000) the Map fills with deleted entries and counting slows down as an export
 * goes on (46 → 180 µs per card-ID example over 400k examples); at 5,000 it stays flat at about
 * 40 µs over a million. We build our own encoding instance so the setting is ours alone.
 */
export const GPT_TOKENIZER_MERGE_CACHE_SIZE = 5_000;

/** gpt-tokenizer, counting through the piece memo unless `pieceMemo` is false (benchmarks compare both). */
export async function loadGptTokenizer(encoding: EncodingName, { pieceMemo = true } = {}): Promise<TokenEncoder> {
  const [{ GptEncoding }, ranks, splits] = await Promise.all([
    import('gpt-tokenizer/GptEncoding'),
    encoding === 'o200k_base' ? import('gpt-tokenizer/bpeRanks/o200k_base') : import('gpt-tokenizer/bpeRanks/cl100k_base'),
    import('gpt-tokenizer/encodingParams/constants'),
  ]);
  const api = GptEncoding.getEncodingApi(encoding, () => ranks.default);
  api.setMergeCacheSize(GPT_TOKENIZER_MERGE_CACHE_SIZE);
  // An empty disallowed set (and no allowed set) means: no special tokens at all, no throwing.
  const ordinary = { disallowedSpecial: new Set<string>() };
  // The encoding's own split regex, so that pieces are exactly the ones it would merge.
  const pieces = new PieceCountMemo(
    encoding === 'o200k_base' ? splits.O200K_TOKEN_SPLIT_REGEX : splits.CL100K_TOKEN_SPLIT_REGEX,
    (piece) => api.countTokens(piece, ordinary),
  );
  return {
    impl: 'gpt-tokenizer',
    encoding,
    count: pieceMemo ? (text) => (text.length === 0 ? 0 : pieces.count(text)) : (text) => (text.length === 0 ? 0 : api.countTokens(text, ordinary)),
    free: () => {},
  };
}

const loaders: Record<TokenizerImpl, (encoding: EncodingName) => Promise<TokenEncoder>> = {
  tiktoken: loadTiktoken,
  'js-tiktoken': loadJsTiktoken,
  'gpt-tokenizer': (encoding) => loadGptTokenizer(encoding),
};

const cache = new Map<string, Promise<TokenEncoder>>();

/** A new encoder of `impl`, not cached (benchmarks that must start with cold memos). */
export function createEncoder(encoding: EncodingName, impl: TokenizerImpl = PRODUCTION_TOKENIZER): Promise<TokenEncoder> {
  return loaders[impl](encoding);
}

/** The cached encoder of `impl` for `encoding`, loaded on first use. */
export function loadEncoder(encoding: EncodingName, impl: TokenizerImpl = PRODUCTION_TOKENIZER): Promise<TokenEncoder> {
  const key = `${impl}:${encoding}`;
  let encoder = cache.get(key);
  if (!encoder) {
    encoder = createEncoder(encoding, impl);
    cache.set(key, encoder);
    encoder.catch(() => cache.delete(key));
  }
  return encoder;
}

/** Frees every cached encoder (WASM memory included) and empties the cache; call on shutdown. */
export async function freeEncoders(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  for (const result of await Promise.allSettled(all)) {
    if (result.status === 'fulfilled') result.value.free();
  }
}
