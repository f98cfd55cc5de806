/**
 * `npm run eval`: trains the local provider's card identifier on generated scans and compares
 * it with the base model on scans of players and sets it never saw, end to end through the
 * official openai SDK over HTTP (upload, fine-tuning job, chat completions).
 *
 *   tsx bench/eval-local-model.ts [--train 200] [--test 300] [--noise 0,0.1,0.3] [--seed 1] [--bench 1000]
 *
 * Each noise level (the generator's OCR damage, its default last) is a run of its own, and the
 * summary checks the goals against each: the exact-match goal can only be met where the test
 * scans carry what it takes, so each run prints those ceilings too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI, { toFile } from 'openai';
import { CARD_FIELDS } from '../src/services/cards/card.js';
import { createGenerator, DEFAULT_NOISE, type GeneratedScan } from '../src/services/generator/generator.js';
import { cardIdExample, cardIdMessages, parseCardAnswer } from '../src/services/prompts/chat-format.js';
import { complete, parseChatRequest } from '../src/local-openai/chat.js';
import { missingFields, score, type Scores } from '../src/local-openai/eval/answerable.js';
import { ModelRegistry } from '../src/local-openai/models.js';
import { startLocalOpenAI } from '../src/local-openai/server.js';

const { values } = parseArgs({
  options: {
    train: { type: 'string', default: '200' },
    test: { type: 'string', default: '300' },
    noise: { type: 'string', default: [...new Set([0, 0.1, DEFAULT_NOISE])].join(',') },
    seed: { type: 'string', default: '1' },
    bench: { type: 'string', default: '1000' },
    base: { type: 'string', default: 'gpt-4o-mini-2024-07-18' },
  },
});
const nTrain = Number(values.train);
const nTest = Number(values.test);
const noises = values.noise.split(',').map(Number);
if (noises.some((n) => !(n >= 0 && n <= 1))) throw new RangeError(`--noise takes levels between 0 and 1, got ${values.noise}`);
const GOAL_EXACT = 0.9;
const GOAL_BASE = 0.6;
const GOAL_P50_MS = 2;
const seed = Number(values.seed);
const baseModel = values.base;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const fmt = (x: number) => x.toFixed(3);

async function train(client: OpenAI, scans: GeneratedScan[], suffix: string): Promise<{ model: string; seconds: number; trainedTokens: number; epochs: unknown }> {
  const jsonl = scans.map((s) => JSON.stringify(cardIdExample({ ocrText: s.ocrText, imageDescription: s.imageDescription }, s.card))).join('\n');
  const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), `${suffix}.jsonl`), purpose: 'fine-tune' });
  const started = performance.now();
  let job = await client.fineTuning.jobs.create({ model: baseModel, training_file: file.id, suffix, seed });
  while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
    await new Promise((r) => setTimeout(r, 25));
    job = await client.fineTuning.jobs.retrieve(job.id);
  }
  const seconds = (performance.now() - started) / 1000;
  if (job.status !== 'succeeded') throw new Error(`training job ${job.id} ${job.status}: ${JSON.stringify(job.error)}`);
  return { model: job.fine_tuned_model!, seconds, trainedTokens: job.trained_tokens ?? 0, epochs: job.hyperparameters.n_epochs };
}

async function evaluate(client: OpenAI, model: string, scans: GeneratedScan[]): Promise<{ scores: Scores; httpP50: number }> {
  const results = [];
  const latencies: number[] = [];
  for (const s of scans) {
    const scan = { ocrText: s.ocrText, imageDescription: s.imageDescription };
    const t = performance.now();
    const reply = await client.chat.completions.create({ model, messages: cardIdMessages(scan), temperature: 0, response_format: { type: 'json_object' } });
    latencies.push(performance.now() - t);
    results.push({ scan, truth: s.card, predicted: parseCardAnswer(reply.choices[0]?.message.content ?? '') });
  }
  return { scores: score(results), httpP50: percentile(latencies, 0.5) };
}

/** Chat completion latency inside the process (request parsing, model, response_format, usage), as the API serves it. */
function inProcessP50(registry: ModelRegistry, model: string, scans: GeneratedScan[]): number {
  const latencies: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const s of scans) {
      const body = { model, messages: cardIdMessages({ ocrText: s.ocrText, imageDescription: s.imageDescription }), response_format: { type: 'json_object' } };
      const t = performance.now();
      complete(registry, parseChatRequest(body));
      if (round === 1) latencies.push(performance.now() - t);
    }
  }
  return percentile(latencies, 0.5);
}

interface NoiseRun {
  noise: number;
  base: Scores;
  tuned: Scores;
  /** The fine-tuned model's chat completion p50 in-process, ms. */
  p50: number;
  ceiling: { answerable: number; legible: number };
}

async function evaluateAt(client: OpenAI, dataDir: string, noise: number): Promise<NoiseRun> {
  const trainScans = createGenerator({ seed, pool: 'train', noise }).scans(nTrain);
  const testScans = createGenerator({ seed: seed + 1000, pool: 'holdout', noise }).scans(nTest);
  const answerable = testScans.filter((s) => missingFields(s, s.card).length === 0).length;
  const legible = testScans.filter((s) => missingFields(s, s.card, 0).length === 0).length;

  console.log(`— generator noise ${noise}: ${nTrain} training scans (train pool), ${nTest} test scans (holdout pool: players and sets never trained on)`);
  console.log(`${answerable}/${nTest} test scans carry every field in their text, up to one OCR slip (the ceiling of exact match: ${fmt(answerable / nTest)})`);
  console.log(`${legible}/${nTest} print every field undamaged at least once (${fmt(legible / nTest)}: beyond it, a damaged reading must be repaired: a year or number from OCR look-alikes, a name never seen from its damaged readings)\n`);

  const trained = await train(client, trainScans, 'card-id');
  console.log(`fine-tuned ${trained.model}: ${trained.epochs} epochs, ${trained.trainedTokens} trained tokens, ${trained.seconds.toFixed(2)} s (create → succeeded)\n`);

  const base = await evaluate(client, baseModel, testScans);
  const tuned = await evaluate(client, trained.model, testScans);
  // A registry opened now sees the model just trained.
  const registry = new ModelRegistry(dataDir);
  const baseLocal = inProcessP50(registry, baseModel, testScans);
  const tunedLocal = inProcessP50(registry, trained.model, testScans);

  const row = (name: string, sc: Scores, http: number, local: number) =>
    `${name.padEnd(11)} ${fmt(sc.exactMatch).padStart(6)} ${fmt(sc.answerableExactMatch).padStart(11)} ${fmt(sc.legibleExactMatch).padStart(8)} ${CARD_FIELDS.map((f) => fmt(sc.perField[f]).padStart(Math.max(6, f.length))).join(' ')} ${local.toFixed(3).padStart(9)} ${http.toFixed(3).padStart(8)}`;
  console.log(`${'model'.padEnd(11)} ${'exact'.padStart(6)} ${'answerable'.padStart(11)} ${'legible'.padStart(8)} ${CARD_FIELDS.map((f) => f.padStart(Math.max(6, f.length))).join(' ')} ${'p50 ms'.padStart(9)} ${'http ms'.padStart(8)}`);
  console.log(row('base', base.scores, base.httpP50, baseLocal));
  console.log(row('fine-tuned', tuned.scores, tuned.httpP50, tunedLocal));
  console.log(`improvement: ${fmt(tuned.scores.exactMatch - base.scores.exactMatch)} exact match (${fmt(tuned.scores.answerableExactMatch - base.scores.answerableExactMatch)} on answerable scans)\n`);
  return { noise, base: base.scores, tuned: tuned.scores, p50: tunedLocal, ceiling: { answerable: answerable / nTest, legible: legible / nTest } };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'slabtune-eval-'));
  const provider = await startLocalOpenAI({ dataDir, timing: { validateMs: 0, queueMs: 0, minStepMs: 0 } });
  try {
    const client = new OpenAI({ apiKey: 'local', baseURL: provider.baseURL, maxRetries: 0 });
    console.log(`slabtune local model evaluation — card identification\n`);
    const runs: NoiseRun[] = [];
    for (const noise of noises) runs.push(await evaluateAt(client, dataDir, noise));
    console.log(`(exact: all 8 fields equal after normaliseFieldValue, over all ${nTest} test scans; answerable: the same over the scans whose text carries every field;`);
    console.log(` legible: the same over the scans that print every field undamaged at least once;`);
    console.log(` p50 ms: chat completion in-process; http ms: round trip through the openai SDK over loopback HTTP)\n`);

    console.log(`goals (fine-tuned exact ≥ ${GOAL_EXACT}, base ≤ ${GOAL_BASE}, chat completion p50 ≤ ${GOAL_P50_MS} ms in-process):`);
    for (const r of runs) {
      const met = r.tuned.exactMatch >= GOAL_EXACT;
      // Beyond the legible share, a model must repair damaged readings (a year or card number by OCR look-alikes, an
      // unseen name from its damaged readings alone): possible in part, so this says where the goal is, not that it is out of reach.
      const reachable = r.ceiling.legible >= GOAL_EXACT ? '' : `; needs repairs of damaged readings: ${fmt(r.ceiling.legible)} of the scans print every field undamaged, and on those it scores ${fmt(r.tuned.legibleExactMatch)}`;
      console.log(`  noise ${r.noise}: fine-tuned ${fmt(r.tuned.exactMatch)} ${met ? 'met' : 'NOT met'}${reachable}; base ${fmt(r.base.exactMatch)} ${r.base.exactMatch <= GOAL_BASE ? 'ok' : 'NOT ok'}; p50 ${r.p50.toFixed(2)} ms ${r.p50 <= GOAL_P50_MS ? 'ok' : 'NOT ok'}`);
    }

    const nBench = Number(values.bench);
    if (nBench > 0) {
      const benchScans = createGenerator({ seed: seed + 2000, pool: 'train', noise: noises[noises.length - 1] }).scans(nBench);
      const big = await train(client, benchScans, 'card-id-bench');
      console.log(`\ntraining on ${nBench} scans: ${big.seconds.toFixed(2)} s (${big.epochs} epochs, ${big.trainedTokens} trained tokens; goal ≤ 10 s: ${big.seconds <= 10 ? 'ok' : 'NOT ok'})`);
    }
  } finally {
    await provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
