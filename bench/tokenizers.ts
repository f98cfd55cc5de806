/**
 * Tokenizers side by side on exported training lines: tiktoken (WASM, the reference),
 * js-tiktoken and gpt-tokenizer. For each: throughput over the message text (MB/s, best of
 * several rounds after a warm-up) and whether its count equals tiktoken's on every example.
 * Then the production chat counter (system prompt counted once) and the dataset formatter's
 * whole pass 2 against a bare loop of the production tokenizer over the same examples.
 *
 *     npx tsx bench/tokenizers.ts [examples=20000] [rounds=3]
 */
import { createGenerator } from '../src/services/generator/generator.js';
import { ConflictSet } from '../src/services/datasets/dedupe.js';
import { DatasetFormatter } from '../src/services/datasets/pipeline.js';
import type { SampleLike } from '../src/services/datasets/sample.js';
import { cardIdExample, listingExample, type ChatExample } from '../src/services/prompts/chat-format.js';
import { chatTokenCounter, REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE } from '../src/services/tokens/count.js';
import { freeEncoders, loadEncoder, loadGptTokenizer, PRODUCTION_TOKENIZER, TOKENIZER_IMPLS, type TokenEncoder } from '../src/services/tokens/encoders.js';

/** gpt-tokenizer without the piece memo, shown beside the production one. */
const RAW_GPT_TOKENIZER = 'gpt-tokenizer (no piece memo)';
const total = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);

function buildSamples(n: number): SampleLike[] {
  const clean = createGenerator({ seed: 11, noise: 0.3 });
  const noisy = createGenerator({ seed: 12, noise: 0.8 });
  const samples: SampleLike[] = [];
  const cardIds = Math.ceil(n / 2);
  for (let i = 0; i < cardIds; i++) {
    const s = i % 10 < 7 ? clean.scan() : noisy.scan();
    samples.push({ id: `c${i}`, task: 'CARD_IDENTIFICATION', contentHash: '', input: { ocrText: s.ocrText, imageDescription: s.imageDescription }, output: s.card });
  }
  clean.listings(n - cardIds).forEach((l, i) => {
    samples.push({
      id: `l${i}`,
      task: 'LISTING_GENERATION',
      contentHash: '',
      input: { card: l.card, platform: l.platform, tone: l.tone },
      output: { title: l.title, description: l.description },
    });
  });
  return samples;
}

const exampleOf = (s: SampleLike): ChatExample =>
  s.task === 'CARD_IDENTIFICATION' ? cardIdExample(s.input, s.output) : listingExample(s.input, s.output);

/** The cookbook formula with no memo: every string goes through the encoder. */
function countAll(encoder: TokenEncoder, examples: ChatExample[], out: Int32Array): void {
  for (let i = 0; i < examples.length; i++) {
    let n = REPLY_PRIMING_TOKENS;
    for (const m of examples[i]!.messages) n += TOKENS_PER_MESSAGE + encoder.count(m.role) + encoder.count(m.content);
    out[i] = n;
  }
}

function best(fn: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest / 1000;
}

const mb = (bytes: number) => bytes / 1e6;
const fmt = (x: number, d = 1) => x.toFixed(d).padStart(7);

const samples = buildSamples(total);
const examples = samples.map(exampleOf);
const textBytes = examples.reduce(
  (sum, e) => sum + e.messages.reduce((s, m) => s + Buffer.byteLength(m.role) + Buffer.byteLength(m.content), 0),
  0,
);
const lineBytes = examples.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)) + 1, 0);
console.log(
  `${examples.length} examples (${samples.filter((s) => s.task === 'CARD_IDENTIFICATION').length} card ID, ` +
    `${samples.filter((s) => s.task === 'LISTING_GENERATION').length} listings): ` +
    `${mb(textBytes).toFixed(2)} MB of message text, ${mb(lineBytes).toFixed(2)} MB of JSONL; best of ${rounds} rounds, node ${process.version}`,
);

const counts = new Map<string, Int32Array>();
const speed = new Map<string, number>();
const loadTime = new Map<string, number>();
for (const impl of TOKENIZER_IMPLS) {
  const t0 = performance.now();
  const encoder = await loadEncoder('o200k_base', impl);
  loadTime.set(impl, performance.now() - t0);
  const out = new Int32Array(examples.length);
  countAll(encoder, examples.slice(0, 2000), out); // warm-up (JIT, merge caches)
  const seconds = best(() => countAll(encoder, examples, out));
  counts.set(impl, out);
  speed.set(impl, mb(textBytes) / seconds);
}
{
  // What the piece memo (piece-memo.ts) adds to the production tokenizer: the library alone.
  const encoder = await loadGptTokenizer('o200k_base', { pieceMemo: false });
  const out = new Int32Array(examples.length);
  countAll(encoder, examples.slice(0, 2000), out);
  speed.set(RAW_GPT_TOKENIZER, mb(textBytes) / best(() => countAll(encoder, examples, out)));
  counts.set(RAW_GPT_TOKENIZER, out);
  loadTime.set(RAW_GPT_TOKENIZER, 0);
}
const reference = counts.get('tiktoken')!;
console.log('\ntokenizer                     load ms    MB/s  vs tiktoken  equal to tiktoken on every example');
for (const impl of [...TOKENIZER_IMPLS, RAW_GPT_TOKENIZER]) {
  const mine = counts.get(impl)!;
  let differ = 0;
  let firstDiff = -1;
  for (let i = 0; i < mine.length; i++) {
    if (mine[i] !== reference[i]) {
      differ += 1;
      if (firstDiff < 0) firstDiff = i;
    }
  }
  const equal = differ === 0 ? `yes (${mine.length}/${mine.length})` : `NO: ${differ} differ, first #${firstDiff} (${mine[firstDiff]} vs ${reference[firstDiff]})`;
  console.log(
    `${impl.padEnd(29)} ${fmt(loadTime.get(impl)!, 0)} ${fmt(speed.get(impl)!)} ${fmt(speed.get(impl)! / speed.get('tiktoken')!, 2)}×     ${equal}`,
  );
}

const eligible = TOKENIZER_IMPLS.filter((impl) => counts.get(impl)!.every((n, i) => n === reference[i]));
const fastest = eligible.reduce((a, b) => (speed.get(b)! > speed.get(a)! ? b : a));
console.log(`\nfastest with tiktoken's counts on every example: ${fastest}; production uses ${PRODUCTION_TOKENIZER}${fastest === PRODUCTION_TOKENIZER ? '' : '  <-- MISMATCH'}`);

// The production chat counter (system prompt and role names counted once per distinct string).
const production = await loadEncoder('o200k_base', PRODUCTION_TOKENIZER);
const counter = chatTokenCounter(production);
const bare = new Int32Array(examples.length);
const bareSeconds = best(() => countAll(production, examples, bare));
let mismatches = 0;
const chatSeconds = best(() => {
  mismatches = 0;
  for (let i = 0; i < examples.length; i++) if (counter.countMessages(examples[i]!.messages) !== reference[i]) mismatches += 1;
});
console.log(
  `\nchat counter (${PRODUCTION_TOKENIZER}, memoised system prompt): ${fmt(mb(lineBytes) / chatSeconds)} MB/s of JSONL, ` +
    `${fmt(bareSeconds / chatSeconds, 2)}× the bare loop; counts equal to tiktoken: ${mismatches === 0 ? 'all' : `${mismatches} differ`}`,
);

// Pass 2 of an export (dedupe keys, format, check, count, split, hashes) against the bare loop.
const formatSeconds = best(() => {
  for (const task of ['CARD_IDENTIFICATION', 'LISTING_GENERATION'] as const) {
    const formatter = new DatasetFormatter({ task, conflicts: ConflictSet.empty(), expectedSamples: samples.length }, counter);
    for (const s of samples) if (s.task === task) formatter.push(s);
    formatter.report();
  }
});
console.log(
  `formatter pass 2 (everything but I/O): ${fmt(examples.length / formatSeconds / 1000, 1)}k examples/s, ` +
    `${fmt(mb(lineBytes) / formatSeconds)} MB/s of JSONL, ${fmt(bareSeconds / formatSeconds, 2)}× the bare ${PRODUCTION_TOKENIZER} loop`,
);

await freeEncoders();
