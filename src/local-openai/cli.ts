import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { startLocalOpenAI } from './server.js';

const USAGE = `Usage: slabtune local-openai [--port N] [--host H] [--data-dir DIR] [--org SLUG]
  [--min-step-ms MS] [--time-scale X] [--faults JSON]

Runs the local OpenAI-compatible provider (files, fine-tuning jobs, models, chat completions)
until interrupted. Point the openai SDK at the printed base URL with any API key.`;

/** `slabtune local-openai …`: starts the provider and keeps it running until SIGINT/SIGTERM. */
export async function runLocalOpenAICli(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string', default: '.data/local-openai' },
        org: { type: 'string' },
        'min-step-ms': { type: 'string' },
        'time-scale': { type: 'string' },
        faults: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`--port must be an integer from 0 to 65535\n${USAGE}\n`);
    return 2;
  }
  const provider = await startLocalOpenAI({
    dataDir: resolve(values['data-dir']),
    port,
    host: values.host,
    ...(values.org ? { org: values.org } : {}),
    ...(values['min-step-ms'] ? { timing: { minStepMs: Number(values['min-step-ms']) } } : {}),
    ...(values['time-scale'] ? { timeScale: Number(values['time-scale']) } : {}),
    ...(values.faults ? { faults: JSON.parse(values.faults) as object } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${provider.baseURL}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void provider.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runLocalOpenAICli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
