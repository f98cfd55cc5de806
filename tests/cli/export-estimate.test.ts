import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.js';
import { freeTiktoken, insertScans, sha256, tiktokenCount } from '../datasets/helpers.js';
import { runCli } from './run-cli.js';

let t: TestApp;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  env = { SLABTUNE_URL: t.url, SLABTUNE_API_KEY: await t.keyFor('ANALYST') };
  dir = mkdtempSync(join(tmpdir(), 'slabtune-cli-'));
});
afterAll(async () => {
  freeTiktoken();
  rmSync(dir, { recursive: true, force: true });
  await t?.stop();
});

const line = (user: string) => JSON.stringify({ messages: [{ role: 'user', content: user }, { role: 'assistant', content: 'ok' }] });

describe('slabtune export', () => {
  it('refuses below the minimum with have/need and exit code 1', async () => {
    await insertScans(t.app.db, 20, 61);
    const run = await runCli(['export', '--task', 'CARD_IDENTIFICATION'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PRECONDITION_FAILED.*20 of 50/);
  });

  it('exports, prints the dataset as JSON and downloads the three files, their sha256 checked', async () => {
    await insertScans(t.app.db, 60, 62);
    const out = join(dir, 'files');
    const run = await runCli(['export', '--task', 'card-identification', '--validation', '0.2', '--test', '0.1', '--seed', '3', '--name', 'cli set', '--out', out, '--json'], env);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      created: boolean;
      dataset: { name: string; version: number; files: { split: string; sha256: string }[]; costEstimate: { estimatedCostUsd: number } };
      files: string[];
    };
    expect(result).toMatchObject({ created: true, dataset: { name: 'cli set', version: 1 } });
    expect(result.files.map((p) => sha256(readFileSync(p)))).toEqual(result.dataset.files.map((f) => f.sha256));
  });

  it('says so when the content is already a dataset', async () => {
    const run = await runCli(['export', '--task', 'CARD_IDENTIFICATION', '--validation', '0.2', '--test', '0.1'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Same content as dataset cli set \(version 1\)/);
  });

  it('rejects a flag value that is not a number with exit code 2', async () => {
    const run = await runCli(['export', '--task', 'CARD_IDENTIFICATION', '--validation', 'lots'], env);
    expect(run.code).toBe(2);
  });
});

describe('slabtune estimate', () => {
  it("prints the seed's estimate fields for a valid file", async () => {
    const path = join(dir, 'good.jsonl');
    writeFileSync(path, `${Array.from({ length: 30 }, (_, i) => line(`card number ${i}`)).join('\n')}\n`);
    const run = await runCli(['estimate', path, '--epochs', '3', '--json'], env);
    expect(run.code).toBe(0);
    const { estimate, fileCheck } = JSON.parse(run.stdout) as { estimate: Record<string, unknown>; fileCheck: { ok: boolean } };
    expect(Object.keys(estimate).slice(0, 5)).toEqual(['model', 'estimatedTokens', 'epochs', 'costPer1mTokens', 'estimatedCostUsd']);
    expect(estimate).toMatchObject({ model: 'gpt-4o-mini-2024-07-18', epochs: 3, costPer1mTokens: 3, exampleCount: 30 });
    expect(fileCheck.ok).toBe(true);
  });

  it('prints the format errors of a broken file and exits 1', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, [line('a'), '{"messages": [{"role": "user", "content": "no answer"}]}', 'not json'].join('\n'));
    const run = await runCli(['estimate', path], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/example_missing_assistant_message: 1/);
    expect(run.stdout).toMatch(/invalid_json: 1/);
    expect(run.stdout).toMatch(/First erroneous lines: 2 \(example_missing_assistant_message\); 3 \(invalid_json\)/);
    expect(run.stdout).toMatch(/estimated_cost_usd: \$/);
  });

  it('estimates a file too big to send at once part by part, with whole-file counts and line numbers', async () => {
    const path = join(dir, 'big.jsonl');
    const lines = Array.from({ length: 3000 }, (_, i) => line(`card ${i} ${'x'.repeat(500 + (i % 50))}`));
    lines[2499] = '{"messages": []}';
    writeFileSync(path, `${lines.join('\n')}\n`);
    const run = await runCli(['estimate', path, '--epochs', '2', '--json'], env);
    const { estimate, fileCheck } = JSON.parse(run.stdout) as {
      estimate: { estimatedTokens: number; exampleCount: number; epochs: number };
      fileCheck: { examples: number; firstErrors: { line: number }[] };
    };
    const valid = lines.filter((_, i) => i !== 2499);
    expect(estimate).toMatchObject({ exampleCount: 2999, epochs: 2, estimatedTokens: 2 * valid.reduce((n, l) => n + tiktokenCount(l), 0) });
    expect(fileCheck.examples).toBe(3000);
    expect(fileCheck.firstErrors).toEqual([{ line: 2500, errors: ['MISSING_MESSAGES_LIST'] }]);
  });
});
