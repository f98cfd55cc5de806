import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI, { toFile } from 'openai';
import { startLocalOpenAI, type LocalOpenAI, type LocalOpenAIOptions } from '../../src/local-openai/server.js';

/** Starts the provider on a free port with a temporary data directory and an SDK client for it. */
export interface Harness {
  provider: LocalOpenAI;
  client: OpenAI;
  dataDir: string;
  /** Closes the provider and starts it again on the same data directory. */
  restart(options?: Partial<LocalOpenAIOptions>): Promise<void>;
  close(): Promise<void>;
}

export const FAST: Partial<LocalOpenAIOptions> = { timing: { validateMs: 0, queueMs: 0, minStepMs: 0 }, trainer: 'inline' };

export async function startHarness(options: Partial<LocalOpenAIOptions> = {}, client: ConstructorParameters<typeof OpenAI>[0] = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-openai-'));
  const clientFor = (provider: LocalOpenAI) => new OpenAI({ apiKey: 'sk-test', baseURL: provider.baseURL, maxRetries: 0, ...client });
  const provider = await startLocalOpenAI({ ...FAST, ...options, dataDir });
  const harness: Harness = {
    provider,
    client: clientFor(provider),
    dataDir,
    async restart(next = {}) {
      await harness.provider.close();
      harness.provider = await startLocalOpenAI({ ...FAST, ...options, ...next, dataDir });
      harness.client = clientFor(harness.provider);
    },
    async close() {
      await harness.provider.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function jsonl(lines: readonly unknown[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
}

export async function upload(client: OpenAI, content: string, filename = 'train.jsonl') {
  return client.files.create({ file: await toFile(Buffer.from(content), filename), purpose: 'fine-tune' });
}

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

export async function waitForJob(client: OpenAI, id: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await client.fineTuning.jobs.retrieve(id);
    if (TERMINAL.has(job.status)) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
