import { get_encoding, type Tiktoken } from 'tiktoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../src/services/generator/generator.js';
import { cardIdExample, listingExample, type ChatExample } from '../../src/services/prompts/chat-format.js';
import { createChatTokenCounter, type ChatTokenCounter } from '../../src/services/tokens/count.js';
import { freeEncoders, loadEncoder, PRODUCTION_TOKENIZER, TOKENIZER_IMPLS } from '../../src/services/tokens/encoders.js';

/** The cookbook formula written out against tiktoken directly: the independent reference. */
function referenceCount(enc: Tiktoken, messages: { role: string; content: string; name?: string }[]): number {
  let n = 3;
  for (const m of messages) {
    n += 3;
    for (const [key, value] of Object.entries(m)) {
      n += enc.encode_ordinary(value).length;
      if (key === 'name') n += 1;
    }
  }
  return n;
}

function generatedExamples(): ChatExample[] {
  const clean = createGenerator({ seed: 101, noise: 0.2 });
  const noisy = createGenerator({ seed: 102, noise: 0.9 });
  const scans = [...clean.scans(120), ...noisy.scans(80), ...clean.corrections(40)].map((s) => cardIdExample(s, s.card));
  const listings = clean.listings(160).map((l) => listingExample(l, l));
  return [...scans, ...listings];
}

let tiktoken: Tiktoken;
let counter: ChatTokenCounter;
let examples: ChatExample[];

beforeAll(async () => {
  tiktoken = get_encoding('o200k_base');
  counter = await createChatTokenCounter('o200k_base');
  examples = generatedExamples();
});

afterAll(async () => {
  tiktoken.free();
  await freeEncoders();
});

describe('chat token counter', () => {
  it('counts 400 generated card-ID and listing examples exactly as tiktoken does', () => {
    const mismatches = examples.filter((e) => counter.countMessages(e.messages) !== referenceCount(tiktoken, e.messages));
    expect([examples.length, mismatches.length]).toEqual([400, 0]);
  });

  it('counts with the production tokenizer', () => {
    expect(counter.impl).toBe(PRODUCTION_TOKENIZER);
  });

  it('adds 3 per message, the encoded values and 3 for the reply priming', () => {
    const messages = [{ role: 'user', content: 'hello world' }];
    expect(counter.countMessages(messages)).toBe(3 + 3 + tiktoken.encode_ordinary('user').length + tiktoken.encode_ordinary('hello world').length);
  });

  it('adds 1 for a name besides its encoded value', () => {
    const plain = counter.countMessages([{ role: 'user', content: 'hi' }]);
    expect(counter.countMessages([{ role: 'user', content: 'hi', name: 'ann' }])).toBe(plain + 1 + tiktoken.encode_ordinary('ann').length);
  });

  it('counts special-token text in content as ordinary text', () => {
    const messages = [{ role: 'user', content: 'before <|endoftext|> after <|im_start|>' }];
    expect(counter.countMessages(messages)).toBe(referenceCount(tiktoken, messages));
  });

  it('counts the same system prompt the same way on every call', () => {
    const example = examples[0]!;
    expect(Array.from({ length: 3 }, () => counter.countMessages(example.messages))).toEqual(Array(3).fill(referenceCount(tiktoken, example.messages)));
  });

  it('counts accents, emoji and odd whitespace as tiktoken does', () => {
    const messages = [{ role: 'assistant', content: 'Acuña Jr. ½ “PSA 10” — 🏀🔥\u00a0\t\n\n  end' }];
    expect(counter.countMessages(messages)).toBe(referenceCount(tiktoken, messages));
  });

  it('ignores non-string values such as a weight', () => {
    const messages = [{ role: 'assistant', content: 'ok', weight: 0 }];
    expect(counter.countMessages(messages)).toBe(referenceCount(tiktoken, [{ role: 'assistant', content: 'ok' }]));
  });
});

describe('encoders', () => {
  it('all three libraries agree with tiktoken on the generated messages', async () => {
    const texts = examples.slice(0, 100).flatMap((e) => e.messages.map((m) => m.content));
    const expected = texts.map((t) => tiktoken.encode_ordinary(t).length);
    const counts = await Promise.all(TOKENIZER_IMPLS.map(async (impl) => texts.map((await loadEncoder('o200k_base', impl)).count)));
    expect(counts).toEqual(TOKENIZER_IMPLS.map(() => expected));
  });

  it('returns the cached encoder on a second load', async () => {
    expect(await loadEncoder('o200k_base', 'gpt-tokenizer')).toBe(await loadEncoder('o200k_base', 'gpt-tokenizer'));
  });

  it('loads a fresh tiktoken encoder after freeEncoders', async () => {
    const before = await loadEncoder('o200k_base', 'tiktoken');
    await freeEncoders();
    const after = await loadEncoder('o200k_base', 'tiktoken');
    expect([after === before, after.count('hello world')]).toEqual([false, 2]);
  });
});
