import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness.js';
import { TrainingStats } from '../api/documents.js';
import { runCli } from './run-cli.js';

let t: TestApp;
let env: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  env = { SLABTUNE_URL: t.url, SLABTUNE_API_KEY: t.adminKey };
});
afterAll(() => t?.stop());

describe('slabtune seed', () => {
  it('fills the system with generated samples through the API', async () => {
    const run = await runCli(['seed', '--samples', '40', '--listings', '24', '--seed', '7', '--json'], env);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { sent: number; corrections: number };
    expect(summary).toMatchObject({ sent: 64, corrections: 12 });
    const stats = (await t.exec(TrainingStats)).data!.trainingStats;
    expect(stats.cardIdentification).toBeGreaterThanOrEqual(38);
    expect(stats.userCorrections).toBeGreaterThan(0);
    expect(stats.listingGeneration).toBeGreaterThanOrEqual(22);
    expect(stats.byPlatformTone.filter((c) => c.count > 0).length).toBe(12);
  });

  it('adds nothing when run again with the same seed', async () => {
    const before = (await t.exec(TrainingStats)).data!.trainingStats.totalSamples;
    const run = await runCli(['seed', '--samples', '40', '--listings', '24', '--seed', '7', '--json'], env);
    expect(run.code).toBe(0);
    expect((await t.exec(TrainingStats)).data!.trainingStats.totalSamples).toBe(before);
  });
});

describe('slabtune stats', () => {
  it('prints the seed statistics and readiness', async () => {
    const run = await runCli(['stats'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/card_identification: \d+/);
    expect(run.stdout).toContain('CARD_IDENTIFICATION');
  });

  it('prints JSON with --json', async () => {
    const run = await runCli(['stats', '--json'], env);
    const parsed = JSON.parse(run.stdout) as { totalSamples: number };
    expect(parsed.totalSamples).toBeGreaterThan(0);
  });

  it('exits non-zero with a clear message for a bad key', async () => {
    const run = await runCli(['stats'], { ...env, SLABTUNE_API_KEY: 'stk_wrong_key_000000000000000' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('UNAUTHENTICATED');
  });
});
