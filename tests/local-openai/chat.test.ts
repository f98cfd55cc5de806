import { BadRequestError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIdMessages, listingMessages, parseCardAnswer, parseListingAnswer } from '../../src/services/prompts/chat-format.js';
import { countChatTokens, countTokens } from '../../src/local-openai/tokens.js';
import { startHarness, type Harness } from './harness.js';

const MODEL = 'gpt-4o-mini-2024-07-18';
const scan = {
  ocrText: '2018 PANINI PRIZM #280\nLUKA DONCIC\nSILVER PRIZM\nGEM MT 10\n43955001\nPSA',
  imageDescription: 'Front of a 2018-19 Panini Prizm basketball rookie card in a PSA slab, player in a blue Mavericks uniform dribbling up the court',
};
const card = { player: 'Luka Doncic', year: '2018-19', brand: 'Panini', cardNumber: '280', variation: 'Silver Prizm', sport: 'BASKETBALL' as const, grade: 10, gradingCompany: 'PSA' as const };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('chat completions', () => {
  it('answers a card-ID prompt with a valid card in the chat-format answer shape', async () => {
    const reply = await h.client.chat.completions.create({ model: MODEL, messages: cardIdMessages(scan), temperature: 0 });
    expect(reply).toMatchObject({ object: 'chat.completion', model: MODEL, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant' } }] });
    expect(reply.id).toMatch(/^chatcmpl-/);
    const parsed = parseCardAnswer(reply.choices[0]!.message.content!);
    expect(parsed).not.toBeNull();
    expect(parsed).toMatchObject({ gradingCompany: 'PSA', grade: 10, year: '2018-19', brand: 'Panini', cardNumber: '280', sport: 'BASKETBALL' });
  });

  it('counts usage with tiktoken', async () => {
    const messages = cardIdMessages(scan);
    const reply = await h.client.chat.completions.create({ model: MODEL, messages });
    expect(reply.usage?.prompt_tokens).toBe(countChatTokens(messages));
    expect(reply.usage?.completion_tokens).toBe(countTokens(reply.choices[0]!.message.content!));
    expect(reply.usage?.total_tokens).toBe(reply.usage!.prompt_tokens + reply.usage!.completion_tokens);
  });

  it('writes a listing that parses and keeps eBay titles within 80 characters', async () => {
    const reply = await h.client.chat.completions.create({ model: MODEL, messages: listingMessages({ card, platform: 'EBAY', tone: 'PROFESSIONAL' }) });
    const listing = parseListingAnswer(reply.choices[0]!.message.content!);
    expect(listing).not.toBeNull();
    expect(listing!.title.length).toBeLessThanOrEqual(80);
    expect(listing!.title).toContain('Luka Doncic');
  });

  it('honours response_format json_object on a prompt it does not recognise', async () => {
    const reply = await h.client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'What is the capital of France? Answer in JSON.' }],
      response_format: { type: 'json_object' },
    });
    const value: unknown = JSON.parse(reply.choices[0]!.message.content!);
    expect(typeof value).toBe('object');
    expect(Array.isArray(value)).toBe(false);
  });

  it('honours response_format json_schema with every required key', async () => {
    const reply = await h.client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'Rate this card.' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'rating',
          strict: true,
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['score', 'reason', 'tags', 'details'],
            properties: {
              score: { type: 'number' },
              reason: { type: 'string' },
              tags: { type: 'array', items: { type: 'string' } },
              details: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' } } },
            },
          },
        },
      },
    });
    const value = JSON.parse(reply.choices[0]!.message.content!) as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['details', 'reason', 'score', 'tags']);
    expect(typeof value.score).toBe('number');
    expect(typeof value.reason).toBe('string');
    expect(Array.isArray(value.tags)).toBe(true);
    expect(value.details).toEqual({ ok: false });
  });

  it('streams the same content as server-sent chunks', async () => {
    const messages = cardIdMessages(scan);
    const whole = await h.client.chat.completions.create({ model: MODEL, messages });
    const stream = await h.client.chat.completions.create({ model: MODEL, messages, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let usage;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(usage).toMatchObject({ completion_tokens: whole.usage!.completion_tokens });
  });

  it('cuts a reply at max_completion_tokens and says so', async () => {
    const reply = await h.client.chat.completions.create({ model: MODEL, messages: cardIdMessages(scan), max_completion_tokens: 5, n: 2 });
    expect(reply.choices).toHaveLength(2);
    expect(reply.choices[0]!.finish_reason).toBe('length');
    expect(reply.usage?.completion_tokens).toBe(10);
    expect(countTokens(reply.choices[1]!.message.content!)).toBeLessThanOrEqual(5);
  });

  it('rejects invalid requests with a 400 naming the parameter', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ model: MODEL }, 'messages'],
      [{ model: MODEL, messages: [] }, 'messages'],
      [{ model: MODEL, messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'hi' }], response_format: { type: 'json_object' } }, 'messages'],
      [{ model: MODEL, messages: [{ role: 'user', content: 'x' }], response_format: { type: 'xml' } }, 'response_format.type'],
    ];
    for (const [body, param] of cases) {
      const error = await h.client.chat.completions.create(body as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(body)).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).param, JSON.stringify(body)).toBe(param);
    }
  });

  it('answers a malformed JSON body with a 400', async () => {
    const response = await fetch(`${h.provider.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});
