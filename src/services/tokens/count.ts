import { loadEncoder, PRODUCTION_TOKENIZER, type TokenEncoder, type TokenizerImpl } from './encoders.js';
import type { EncodingName } from './prices.js';

/**
 * Chat token counting with the OpenAI cookbook formula ("Data preparation and analysis for chat
 * model fine-tuning"): every message costs 3 tokens plus the encoded length of each of its
 * values (role, content, name), a `name` costs 1 more, and each example 3 more for the
 * priming of the reply.
 */

export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const REPLY_PRIMING_TOKENS = 3;

/** A chat message as read from a JSONL line: only string values are counted. */
export interface ChatMessageLike {
  role?: unknown;
  content?: unknown;
  name?: unknown;
  function_call?: unknown;
}

export interface ChatTokenCounter {
  readonly encoding: EncodingName;
  readonly impl: TokenizerImpl;
  countText(text: string): number;
  /** Tokens of one example (its messages) by the cookbook formula, reply priming included. */
  countMessages(messages: readonly ChatMessageLike[]): number;
}

/**
 * Counts of role names and system prompts are remembered: every example of a task repeats the
 * same system prompt, and counting it once instead of per line is most of the saving on a large
 * export. Bounded so that a file with a different system prompt per line cannot grow it.
 */
const MEMO_LIMIT = 64;

export function chatTokenCounter(encoder: TokenEncoder): ChatTokenCounter {
  const memo = new Map<string, number>();
  const memoised = (text: string): number => {
    let n = memo.get(text);
    if (n === undefined) {
      n = encoder.count(text);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(text, n);
    }
    return n;
  };
  const count = (text: string) => encoder.count(text);

  const valueTokens = (key: string, value: unknown, role: unknown): number => {
    if (typeof value === 'string') return key === 'role' || role === 'system' ? memoised(value) : count(value);
    if (key === 'content' && Array.isArray(value)) {
      // Content parts: count the text parts (images are priced separately and not used here).
      let n = 0;
      for (const part of value) {
        if (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string') {
          n += count((part as { text: string }).text);
        }
      }
      return n;
    }
    if (key === 'function_call' && value && typeof value === 'object') {
      const call = value as { name?: unknown; arguments?: unknown };
      return (typeof call.name === 'string' ? count(call.name) : 0) + (typeof call.arguments === 'string' ? count(call.arguments) : 0);
    }
    return 0;
  };

  return {
    encoding: encoder.encoding,
    impl: encoder.impl,
    countText: count,
    countMessages(messages) {
      let n = REPLY_PRIMING_TOKENS;
      for (const message of messages) {
        n += TOKENS_PER_MESSAGE;
        const values = message as Record<string, unknown>;
        for (const key in values) {
          n += valueTokens(key, values[key], message.role);
          if (key === 'name') n += TOKENS_PER_NAME;
        }
      }
      return n;
    },
  };
}

/** A counter for `encoding` on the cached encoder of `impl` (the production tokenizer by default). */
export async function createChatTokenCounter(
  encoding: EncodingName,
  impl: TokenizerImpl = PRODUCTION_TOKENIZER,
): Promise<ChatTokenCounter> {
  return chatTokenCounter(await loadEncoder(encoding, impl));
}
