import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

/** The launcher's promise: whatever happens to its parent, FerretDB does not outlive it. */

function ferretPidsFor(dataDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `state-dir=${dataDir}`]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function waitFor(cond: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

describe('the embedded database', () => {
  it('is stopped when the process that started it is killed with SIGKILL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'slabtune-orphan-'));
    const script = `
      import { startEmbeddedServer } from './src/db/embedded-server.ts';
      const s = await startEmbeddedServer({ cacheDir: process.env.CACHE_DIR, dataDir: process.env.DATA_DIR });
      process.stdout.write(s.uri + '\\n');
      setInterval(() => {}, 1000);
    `;
    const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(process.env.HOME!, '.cache'), 'slabtune');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, CACHE_DIR: process.env.SLABTUNE_CACHE_DIR ?? cacheDir, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const uri = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())));
      const client = new MongoClient(uri);
      await client.db('admin').command({ ping: 1 });
      await client.close();
      expect(ferretPidsFor(dataDir).length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
    expect(await waitFor(() => ferretPidsFor(dataDir).length === 0, 10_000)).toBe(true);
  });
});
