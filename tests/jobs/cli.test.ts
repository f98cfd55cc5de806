import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerator } from '../../src/services/generator/generator.js';
import { cardIdExample } from '../../src/services/prompts/chat-format.js';
import { startTestApp, type TestApp } from '../harness.js';
import { FAST_WATCH } from './helpers.js';

/** The `slabtune` CLI against a running API: upload → create → wait (live progress) → status, list-jobs, list-models. */

function runCli(t: TestApp, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, SLABTUNE_URL: t.url, SLABTUNE_API_KEY: t.adminKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the slabtune CLI', () => {
  let t: TestApp;
  let dir: string;
  let fileId: string;
  let jobId: string;

  beforeAll(async () => {
    // Steps paced so that `wait`, a fresh process, surely attaches while the job still runs.
    t = await startTestApp({ ...FAST_WATCH, SLABTUNE_LOCAL_STEP_MS: '150' });
    dir = mkdtempSync(join(tmpdir(), 'slabtune-cli-'));
    const lines = createGenerator({ seed: 7 }).scans(30).map((s) => JSON.stringify(cardIdExample(s, s.card)));
    writeFileSync(join(dir, 'cards.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'bad.jsonl'), `${lines.slice(0, 3).join('\n')}\n{"messages": []}\n`);
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upload checks and uploads a JSONL file and prints its provider file id', async () => {
    const res = await runCli(t, ['upload', join(dir, 'cards.jsonl'), '--json']);
    expect(res.code).toBe(0);
    const file = JSON.parse(res.stdout) as { fileId: string; lines: number; reused: boolean };
    expect(file).toMatchObject({ lines: 30, reused: false });
    expect(file.fileId).toMatch(/^file-/);
    fileId = file.fileId;
  });

  it('upload refuses a file that breaks the format rules, exiting non-zero with the error code', async () => {
    const res = await runCli(t, ['upload', join(dir, 'bad.jsonl'), '--json']);
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).error.code).toBe('BAD_USER_INPUT');
  });

  it('create starts a job from the uploaded file with the base model and suffix given', async () => {
    const res = await runCli(t, ['create', fileId, 'gpt-4o-mini-2024-07-18', 'cli-test', '--epochs', '2', '--json']);
    expect(res.code).toBe(0);
    const job = JSON.parse(res.stdout) as { id: string; baseModel: string; suffix: string; status: string };
    expect(job).toMatchObject({ baseModel: 'gpt-4o-mini-2024-07-18', suffix: 'cli-test' });
    jobId = job.id;
  });

  it('wait shows status changes and training progress with epochs, steps and loss, and exits 0 on success', async () => {
    const res = await runCli(t, ['wait', jobId]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/RUNNING/);
    expect(res.stderr).toMatch(/training: \d+\/\d+ \(\d+%\) epoch=\d\/2 step=\d+\/\d+ loss=\d+\.\d{4}/);
    expect(res.stderr).toMatch(/SUCCEEDED/);
    expect(res.stdout).toMatch(/Fine-tuned model: ft:gpt-4o-mini-2024-07-18:slabstak:cli-test:/);
  });

  it('status prints the finished job', async () => {
    const res = await runCli(t, ['status', jobId, '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ id: jobId, status: 'SUCCEEDED', trainingFile: { fileId } });
  });

  it('list-jobs and list-models show the job and its CANDIDATE model', async () => {
    const jobs = await runCli(t, ['list-jobs', '--json']);
    expect(jobs.code).toBe(0);
    expect(JSON.parse(jobs.stdout)).toMatchObject({ totalCount: 1, jobs: [{ id: jobId, status: 'SUCCEEDED' }] });
    const models = await runCli(t, ['list-models', '--stage', 'candidate']);
    expect(models.code).toBe(0);
    expect(models.stdout).toMatch(/1 model\n/);
    expect(models.stdout).toMatch(/ft:gpt-4o-mini-2024-07-18:slabstak:cli-test:\S+\s+CANDIDATE\s+CARD_IDENTIFICATION/);
  });
});
