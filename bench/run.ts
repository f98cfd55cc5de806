/**
 * Runs every benchmark, one after the other in child processes, passing their output through,
 * then prints the ratio lines of all of them together.
 *
 *     npm run bench                      # every benchmark with its defaults
 *     npm run bench -- export            # only those named
 *     npm run bench -- export --sizes 100000   # arguments after the names go to each one
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Bench {
  name: string;
  file: string;
  args: string[];
  summary: string;
}

const BENCHES: Bench[] = [
  { name: 'tokenizers', file: 'tokenizers.ts', args: [], summary: 'tiktoken, js-tiktoken and gpt-tokenizer side by side; chat counter and formatter against a bare tokenizer loop' },
  { name: 'export', file: 'export.ts', args: ['--sizes', '100000'], summary: 'dataset export against a bare cursor + GridFS loop; peak RSS by size; token counting inside the export' },
];

/** Lines that state a ratio (the `×` of a comparison or the word ratio). */
const isRatio = (line: string) => /ratio|×/i.test(line) && /\d/.test(line);

function run(bench: Bench, extra: string[]): Promise<{ code: number; ratios: string[] }> {
  return new Promise((resolve, reject) => {
    const file = fileURLToPath(new URL(bench.file, import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...(extra.length ? extra : bench.args)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ratios: string[] = [];
    let rest = '';
    child.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      const text = rest + d.toString();
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      ratios.push(...lines.filter(isRatio).map((l) => l.trim()));
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (isRatio(rest)) ratios.push(rest.trim());
      resolve({ code: code ?? 1, ratios });
    });
  });
}

const argv = process.argv.slice(2);
const names = argv.filter((a) => BENCHES.some((b) => b.name === a));
const extra = argv.filter((a) => !names.includes(a));
const chosen = names.length ? BENCHES.filter((b) => names.includes(b.name)) : BENCHES;

const summary: string[] = [];
let failed = false;
for (const bench of chosen) {
  console.log(`\n=== ${bench.name}: ${bench.summary}\n`);
  const { code, ratios } = await run(bench, extra);
  if (code !== 0) failed = true;
  summary.push(`${bench.name}${code === 0 ? '' : ` (exit ${code})`}`, ...ratios.map((r) => `  ${r}`));
}
console.log(`\n=== ratios\n${summary.join('\n')}`);
process.exitCode = failed ? 1 : 0;
