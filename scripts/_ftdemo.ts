import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createGenerator } from '../src/services/generator/generator.js';
import { cardIdExample } from '../src/services/prompts/chat-format.js';

const key = 'stk_demo_000000000000000000000000';
const config = loadConfig({ ...process.env, NODE_ENV: 'test', PORT: '0', SLABTUNE_DB_NAME: 'ftdemo' + Date.now(), SLABTUNE_ADMIN_KEY: key, SLABTUNE_DATA_DIR: '/tmp/ftdemo/data', SLABTUNE_LOG_LEVEL: 'error', SLABTUNE_WATCH_INTERVAL_MS: '200' });
const app = await startApp(config, createLogger('error'));
const lines = createGenerator({ seed: 3 }).scans(40).map((s) => JSON.stringify(cardIdExample(s, s.card)));
writeFileSync('/tmp/ftdemo/cards.jsonl', lines.join('\n') + '\n');
const cli = (...args: string[]) =>
  new Promise<string>((resolve) => {
    const c = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: '/work/main', env: { ...process.env, SLABTUNE_URL: app.url, SLABTUNE_API_KEY: key } });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => {
      process.stdout.write(`\n$ slabtune ${args.join(' ')}   (exit ${code})\n${out}${err.replace(/npm warn.*\n/g, '')}`);
      resolve(out);
    });
  });
await cli('upload', '/tmp/ftdemo/cards.jsonl');
const fileId = /file-\S+/.exec(await cli('upload', '/tmp/ftdemo/cards.jsonl'))![0];
const out = await cli('create', fileId, 'gpt-4o-mini-2024-07-18', 'card-id', '--epochs', '3');
const id = /Created fine-tuning job: (\S+)/.exec(out)![1]!;
await cli('wait', id);
await cli('status', id);
await cli('list-jobs');
await cli('list-models');
await app.db.db.dropDatabase();
await app.stop();
