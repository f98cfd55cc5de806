import { get_encoding, type Tiktoken } from 'tiktoken';

/**
 * Token counting with tiktoken. Every model the provider knows (gpt-4o and gpt-4.1 families)
 * uses o200k_base. Counts of repeated strings (system prompts) are memoised.
 */

let encoder: Tiktoken | undefined;
const memo = new Map<string, number>();
const MEMO_LIMIT = 2_000;

export function countTokens(text: string): number {
  if (!text) return 0;
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  encoder ??= get_encoding('o200k_base');
  const n = encoder.encode_ordinary(text).length;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, n);
  return n;
}

/** The cookbook's rule: 3 per message + each value's tokens, +1 for a name, +3 reply priming. */
export function countChatTokens(messages: readonly object[]): number {
  let total = 3;
  for (const message of messages) {
    total += 3;
    for (const [key, value] of Object.entries(message)) {
      if (key === 'weight') continue;
      total += countTokens(typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value));
      if (key === 'name') total += 1;
    }
  }
  return total;
}
