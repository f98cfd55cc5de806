import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExample, checkJsonlLines, checkLine } from '../../src/services/datasets/format-check.js';
import { createChatTokenCounter, type ChatTokenCounter } from '../../src/services/tokens/count.js';
import { freeEncoders } from '../../src/services/tokens/encoders.js';

const good = {
  messages: [
    { role: 'system', content: 'You identify cards.' },
    { role: 'user', content: 'OCR text: 1986 FLEER JORDAN' },
    { role: 'assistant', content: '{"player":"Michael Jordan"}' },
  ],
};
const goodLine = JSON.stringify(good);
const withMessages = (messages: unknown) => JSON.stringify({ messages });

let counter: ChatTokenCounter;
beforeAll(async () => {
  counter = await createChatTokenCounter('o200k_base');
});
afterAll(freeEncoders);

describe('checkLine', () => {
  it('finds no error in a well-formed example', () => {
    expect(checkLine(goodLine).errors).toEqual([]);
  });

  it('reports invalid_json for a line that does not parse', () => {
    expect(checkLine('{"messages": [').errors).toEqual(['invalid_json']);
  });

  it('reports invalid_json for a blank line', () => {
    expect(checkLine('').errors).toEqual(['invalid_json']);
  });

  it('reports data_type for a line that is not an object', () => {
    expect(checkLine('[1, 2]').errors).toEqual(['data_type']);
  });

  it('reports missing_messages_list when there is no messages array', () => {
    expect(checkLine('{"prompt": "x", "completion": "y"}').errors).toEqual(['missing_messages_list']);
  });

  it('reports missing_messages_list for an empty messages array', () => {
    expect(checkLine('{"messages": []}').errors).toEqual(['missing_messages_list']);
  });

  it('reports message_missing_key for a message without a role', () => {
    const line = withMessages([{ content: 'hi' }, { role: 'assistant', content: 'yo' }]);
    expect(checkLine(line).errors).toContain('message_missing_key');
  });

  it('reports message_unrecognized_key for a message with an extra key', () => {
    const line = withMessages([{ role: 'user', content: 'hi', mood: 'happy' }, { role: 'assistant', content: 'yo' }]);
    expect(checkLine(line).errors).toEqual(['message_unrecognized_key']);
  });

  it('accepts name, function_call and weight as message keys', () => {
    const line = withMessages([{ role: 'user', content: 'hi', name: 'ann' }, { role: 'assistant', content: 'yo', weight: 0 }]);
    expect(checkLine(line).errors).toEqual([]);
  });

  it('reports unrecognized_role for a role outside system, user, assistant and function', () => {
    const line = withMessages([{ role: 'moderator', content: 'hi' }, { role: 'assistant', content: 'yo' }]);
    expect(checkLine(line).errors).toEqual(['unrecognized_role']);
  });

  it('reports missing_content for an empty content', () => {
    const line = withMessages([{ role: 'user', content: '' }, { role: 'assistant', content: 'yo' }]);
    expect(checkLine(line).errors).toEqual(['missing_content']);
  });

  it('reports missing_content for a content that is not a string', () => {
    const line = withMessages([{ role: 'user', content: 42 }, { role: 'assistant', content: 'yo' }]);
    expect(checkLine(line).errors).toEqual(['missing_content']);
  });

  it('reports example_missing_assistant_message when no message is the assistant', () => {
    const line = withMessages([{ role: 'system', content: 'sys' }, { role: 'user', content: 'hi' }]);
    expect(checkLine(line).errors).toEqual(['example_missing_assistant_message']);
  });

  it('counts a class once per example however many messages have it', () => {
    const line = withMessages([{ role: 'x', content: 'a' }, { role: 'y', content: 'b' }, { role: 'assistant', content: 'c' }]);
    expect(checkLine(line).errors).toEqual(['unrecognized_role']);
  });

  it('warns about an example without a system message', () => {
    const check = checkExample({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'yo' }] });
    expect([check.missingSystem, check.missingUser]).toEqual([true, false]);
  });

  it('warns about an example without a user message', () => {
    const check = checkExample({ messages: [{ role: 'system', content: 'sys' }, { role: 'assistant', content: 'yo' }] });
    expect([check.missingSystem, check.missingUser]).toEqual([false, true]);
  });
});

describe('checkJsonlLines', () => {
  const bad = [
    '{"messages": [',
    '"just a string"',
    '{"messages": []}',
    withMessages([{ role: 'user' }, { role: 'assistant', content: 'yo' }]),
    withMessages([{ role: 'robot', content: 'a', extra: 1 }, { role: 'user', content: 'b' }]),
  ];

  it('counts examples per error class', async () => {
    const report = await checkJsonlLines([goodLine, ...bad], { counter, tokenLimit: 65_536 });
    expect(report.errors).toEqual({
      invalid_json: 1,
      data_type: 1,
      missing_messages_list: 1,
      message_missing_key: 1,
      message_unrecognized_key: 1,
      unrecognized_role: 1,
      missing_content: 1,
      example_missing_assistant_message: 1,
    });
  });

  it('lists the 1-based line numbers of the first errors', async () => {
    const report = await checkJsonlLines([goodLine, ...bad], { counter, tokenLimit: 65_536, maxErrorLines: 3 });
    expect(report.firstErrors.map((e) => e.line)).toEqual([2, 3, 4]);
  });

  it('is not ok with fewer than 10 valid examples', async () => {
    const report = await checkJsonlLines(Array.from({ length: 9 }, () => goodLine), { counter, tokenLimit: 65_536 });
    expect([report.ok, report.minExamples]).toEqual([false, { have: 9, need: 10, ok: false }]);
  });

  it('is ok with 10 valid examples and no errors', async () => {
    const report = await checkJsonlLines(Array.from({ length: 10 }, () => goodLine), { counter, tokenLimit: 65_536 });
    expect(report.ok).toBe(true);
  });

  it('is not ok when any line has an error', async () => {
    const report = await checkJsonlLines([...Array.from({ length: 20 }, () => goodLine), bad[0]!], { counter, tokenLimit: 65_536 });
    expect([report.ok, report.validExamples, report.examplesWithErrors]).toEqual([false, 20, 1]);
  });

  it('reports token total, max and mean over valid examples', async () => {
    const tokens = counter.countMessages(good.messages);
    const report = await checkJsonlLines([goodLine, goodLine, bad[0]!], { counter, tokenLimit: 65_536 });
    expect([report.tokens.examples, report.tokens.total, report.tokens.max, report.tokens.mean]).toEqual([2, 2 * tokens, tokens, tokens]);
  });

  it('warns about examples over the token limit and bills them at the limit', async () => {
    const tokens = counter.countMessages(good.messages);
    const report = await checkJsonlLines([goodLine, goodLine], { counter, tokenLimit: tokens - 1 });
    expect([report.warnings.overTokenLimit, report.tokens.billable]).toEqual([2, 2 * (tokens - 1)]);
  });

  it('reads lines from an async iterable', async () => {
    async function* lines() {
      yield goodLine;
      yield bad[1]!;
    }
    const report = await checkJsonlLines(lines(), { counter, tokenLimit: 65_536 });
    expect([report.examples, report.errors.data_type]).toEqual([2, 1]);
  });
});
