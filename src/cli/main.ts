import { parseArgs } from 'node:util';
import { ApiError, createApiClient } from './client.js';
import type { Command } from './command.js';
import { commands } from './commands/registry.js';
import { createOutput } from './output.js';

/** `slabtune <command>`: a client of the GraphQL API (URL and key from flags or the environment). */

const GLOBAL_OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: slabtune <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options: --url URL (SLABTUNE_URL, default http://127.0.0.1:4000)  --api-key KEY (SLABTUNE_API_KEY)  --json',
  ].join('\n');
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${name && name !== '--help' && name !== '-h' ? `unknown command: ${name}\n\n` : ''}${help()}\n`);
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  if (command.standalone) return command.standalone(rest);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: slabtune ${command.usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`usage: slabtune ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  const out = createOutput(parsed.values.json === true);
  const url = (parsed.values.url as string | undefined) ?? env.SLABTUNE_URL ?? 'http://127.0.0.1:4000';
  const apiKey = (parsed.values['api-key'] as string | undefined) ?? env.SLABTUNE_API_KEY;
  if (command.needsApi !== false && !apiKey) {
    process.stderr.write('no API key: pass --api-key or set SLABTUNE_API_KEY\n');
    return 2;
  }
  const api = createApiClient(url, apiKey);
  try {
    const code = await command.run({ args: parsed.positionals, options: parsed.values, api, out });
    return code ?? 0;
  } catch (err) {
    if (err instanceof ApiError) {
      if (out.json) process.stdout.write(`${JSON.stringify({ error: { message: err.message, code: err.code, ...err.extensions } })}\n`);
      else process.stderr.write(`error${err.code ? ` (${err.code})` : ''}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await api.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`slabtune: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
