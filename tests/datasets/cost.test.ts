import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get_encoding } from 'tiktoken';
import { graphql } from '../../src/gql/index.js';
import { startTestApp, type TestApp } from '../harness.js';
import { EstimateCost, freeTiktoken, tiktokenCount } from './helpers.js';

/** Token counts and cost estimates of JSONL files: the seed's worked example and the format check. */

/**
 * `n` chat lines of exactly `tokens` tokens each by the cookbook formula, built and checked with
 * tiktoken: 3 (reply priming) + 2 × (3 + 1 for the role) + the two contents.
 */
function linesOfTokens(n: number, tokens: number): string[] {
  const enc = get_encoding('o200k_base');
  try {
    const contentTokens = tokens - 3 - 2 * 4;
    const answer = 'PSA 10 Gem Mint';
    const answerTokens = enc.encode_ordinary(answer).length;
    // " card" is one token in o200k_base: the user turn is "Identify:" and then n of them.
    const prefix = 'Identify:';
    const userTokens = contentTokens - answerTokens;
    const user = prefix + ' card'.repeat(userTokens - enc.encode_ordinary(prefix).length);
    const lines = Array.from({ length: n }, () =>
      JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: answer }] }),
    );
    return lines;
  } finally {
    enc.free();
  }
}

const UploadTrainingFile = graphql(`
  mutation TestCostUploadTrainingFile($input: UploadTrainingFileInput!) {
    uploadTrainingFile(input: $input) {
      fileId
      lines
    }
  }
`);

afterAll(() => freeTiktoken());

describe('estimateCost', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.stop());

  it("gives the seed's worked example: 100 examples × 500 tokens × 3 epochs = 150,000 tokens = $0.45", async () => {
    const lines = linesOfTokens(100, 500);
    expect(lines.map(tiktokenCount)).toEqual(lines.map(() => 500));
    const res = await t.exec(EstimateCost, { input: { jsonl: `${lines.join('\n')}\n`, baseModel: 'gpt-4o-mini-2024-07-18', epochs: 3 } });
    expect(res.data!.estimateCost.estimate).toMatchObject({
      model: 'gpt-4o-mini-2024-07-18',
      estimatedTokens: 150_000,
      epochs: 3,
      costPer1mTokens: 3,
      estimatedCostUsd: 0.45,
    });
  });

  it("uses OpenAI's default epochs when none are given: 10 examples train 10 epochs", async () => {
    const res = await t.exec(EstimateCost, { input: { jsonl: linesOfTokens(10, 100).join('\n') } });
    expect(res.data!.estimateCost.estimate).toMatchObject({ epochs: 10, epochsSource: 'DEFAULT', estimatedTokens: 10 * 100 * 10 });
  });

  it('reports each format error class with the lines it occurs on, and estimates only the valid examples', async () => {
    const good = linesOfTokens(12, 100);
    const bad = [
      'not json',
      '[1, 2]',
      '{"prompt": "x"}',
      '{"messages": [{"role": "robot", "content": "x"}, {"role": "assistant", "content": "y"}]}',
      '{"messages": [{"role": "user", "content": ""}, {"role": "assistant", "content": "y"}]}',
      '{"messages": [{"role": "user", "content": "x"}]}',
      '{"messages": [{"role": "user", "content": "x", "mood": "sad"}, {"role": "assistant", "content": "y"}]}',
      '{"messages": [{"content": "x"}, {"role": "assistant", "content": "y"}]}',
    ];
    const res = await t.exec(EstimateCost, { input: { jsonl: [...good, ...bad].join('\n'), epochs: 1 } });
    const { estimate, fileCheck } = res.data!.estimateCost;
    const errors = Object.fromEntries(fileCheck!.errors.filter((e) => e.count > 0).map((e) => [e.errorClass, e.count]));
    expect(errors).toEqual({
      INVALID_JSON: 1,
      DATA_TYPE: 1,
      MISSING_MESSAGES_LIST: 1,
      UNRECOGNIZED_ROLE: 2,
      MISSING_CONTENT: 1,
      EXAMPLE_MISSING_ASSISTANT_MESSAGE: 1,
      MESSAGE_UNRECOGNIZED_KEY: 1,
      MESSAGE_MISSING_KEY: 1,
    });
    expect(fileCheck).toMatchObject({ examples: 20, validExamples: 12, examplesWithErrors: 8, ok: false });
    expect(fileCheck!.firstErrors[0]).toEqual({ line: 13, errors: ['INVALID_JSON'] });
    expect(estimate).toMatchObject({ exampleCount: 12, estimatedTokens: 1200 });
  });

  it('gives no estimate for a file without a valid example', async () => {
    const res = await t.exec(EstimateCost, { input: { jsonl: 'nothing here\n' } });
    expect(res.data!.estimateCost).toMatchObject({ estimate: null, fileCheck: { validExamples: 0 } });
  });

  it('estimates a file uploaded with uploadTrainingFile as it estimates the same text', async () => {
    const jsonl = `${linesOfTokens(20, 300).join('\n')}\n`;
    const upload = await t.exec(UploadTrainingFile, { input: { filename: 'mine.jsonl', content: jsonl } });
    const fileId = upload.data!.uploadTrainingFile.fileId;
    const byFile = await t.exec(EstimateCost, { input: { trainingFileId: fileId, epochs: 2 } });
    const byText = await t.exec(EstimateCost, { input: { jsonl, epochs: 2 } });
    expect(byFile.data!.estimateCost.estimate).toEqual(byText.data!.estimateCost.estimate);
  });

  it('answers NOT_FOUND for a file that was not uploaded through this API', async () => {
    const res = await t.exec(EstimateCost, { input: { trainingFileId: 'file-nope' } });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.trainingFileId' });
  });
});

describe('prices from SLABTUNE_PRICES_JSON', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      SLABTUNE_PRICES_JSON: JSON.stringify({
        effectiveDate: '2027-01-01',
        models: { 'gpt-4o-mini-2024-07-18': { trainingPer1M: 6 }, 'house-model': { trainingPer1M: 1, maxTokensPerExample: 4096 } },
      }),
    });
  });
  afterAll(() => t?.stop());

  it('prices the seed example at the overridden rate', async () => {
    const res = await t.exec(EstimateCost, { input: { jsonl: linesOfTokens(100, 500).join('\n'), epochs: 3 } });
    expect(res.data!.estimateCost.estimate).toMatchObject({ estimatedTokens: 150_000, costPer1mTokens: 6, estimatedCostUsd: 0.9 });
  });

  it('knows a model the override adds, with its token limit', async () => {
    const res = await t.exec(EstimateCost, { input: { jsonl: linesOfTokens(100, 500).join('\n'), epochs: 3, baseModel: 'house-model' } });
    expect(res.data!.estimateCost.estimate).toMatchObject({ model: 'house-model', costPer1mTokens: 1, estimatedCostUsd: 0.15, tokenLimitPerExample: 4096 });
  });
});
