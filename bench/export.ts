/**
 * Dataset export at scale: generated card-ID samples inserted straight into a bench database
 * (bulk inserts through the driver, generated in chunks), then, for each size in a child process
 * of its own:
 *
 *   bare      a bare loop over the same cursor (filter, `_id` order, projection, batch size,
 *             read-ahead) doing JSON.stringify + write to the same GridFS bucket through the same
 *             buffered sink, uncompressed (the export gzips its files in front of that sink);
 *   export    the real DatasetExporter.export (pass 1 + spill, pass 2: dedupe, format, tokens,
 *             split, three GridFS files, test keys, Dataset document), its token counter timed;
 *   …         bare and export alternate for a few rounds (3 up to 200k samples, 1 above;
 *             --rounds N), and the best time of each is compared, so that load from elsewhere on
 *             the machine and cache warm-up favour neither side;
 *   tokens    a bare loop of the production tokenizer over every message of the exported lines.
 *
 * and prints: export ÷ bare throughput (goal ≥ 0.8), peak RSS of the largest size ÷ the smallest
 * (goal ≤ 1.2), token counting inside the export ÷ the bare tokenizer loop in MB/s (goal ≥ 0.9),
 * and MB/s throughout.
 *
 *     npx tsx bench/export.ts [--sizes 100000,1000000] [--rounds N] [--keep] [--uri mongodb://… | --data-dir DIR]
 *
 * Without --uri it starts its own embedded FerretDB (in DIR, or a fresh temporary directory).
 * --keep keeps the bench databases, and a later run with the same sizes (and --uri or
 * --data-dir) reuses them instead of inserting again.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ObjectId } from 'mongodb';
import { connectDatabase, type Database } from '../src/db/database.js';
import type { CardSampleDoc, DatasetFileDoc } from '../src/db/documents.js';
import { startEmbeddedServer, type EmbeddedServer } from '../src/db/embedded-server.js';
import { ensureIndexes } from '../src/db/indexes.js';
import { createLogger } from '../src/logger.js';
import { sampleContentHash } from '../src/services/collector/content-hash.js';
import { GridFsSink, openDatasetFile, removeGridFsFiles } from '../src/services/datasets/dataset-files.js';
import { streamLines } from '../src/services/datasets/estimates.js';
import { ExportDatasetInput } from '../src/services/datasets/export-input.js';
import { DatasetExporter } from '../src/services/datasets/exporter.js';
import { DatasetFormatter, type FormatterOptions } from '../src/services/datasets/pipeline.js';
import { exportCursor, exportSampleFilter, readAhead } from '../src/services/datasets/source.js';
import { createEvents } from '../src/services/events.js';
import { createGenerator } from '../src/services/generator/generator.js';
import { chatTokenCounter, type ChatMessageLike, type ChatTokenCounter } from '../src/services/tokens/count.js';
import { createEncoder, loadEncoder, PRODUCTION_TOKENIZER, type TokenEncoder } from '../src/services/tokens/encoders.js';
import { DEFAULT_PRICE_TABLE } from '../src/services/tokens/prices.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    keep: { type: 'boolean', default: false },
    uri: { type: 'string' },
    'data-dir': { type: 'string' },
    child: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
    db: { type: 'string' },
    rounds: { type: 'string' },
  },
});

const TASK = 'CARD_IDENTIFICATION' as const;
const CHUNK = 5000;
const mb = (bytes: number) => bytes / 1e6;
const dbNameOf = (size: number) => `bench_export_${size}`;

interface Run {
  seconds: number;
  bytes: number;
}

interface ChildResult {
  size: number;
  samples: number;
  bare: Run[];
  /** Seconds of each phase: set-up, pass 1 (…and pass 2 when there were conflicts), finishing. */
  export: Run & { kept: number; created: boolean; phases: number[] };
  exportTokens: Run & { examples: number };
  bareTokens: Run & { examples: number };
  /** Of the memory child: the kernel's high-water mark (ru_maxrss), which also sees peaks between two samples. */
  peakRssMB: number;
  /** The same, once connected and the tokenizer loaded, before the export started. */
  beforeExportMB: number;
}

// ---------------------------------------------------------------------------------------------
// child: one size, one process

/**
 * Leftovers of an earlier run (with --keep) would pin test keys and change the work. Dropped, not
 * deleted: FerretDB 1.x cannot delete more than 32,766 documents in one command.
 */
async function clearExports(db: Database): Promise<void> {
  const names = new Set((await db.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of ['datasets', 'testSplitKeys', 'datasetVersions', 'datasetFiles.files', 'datasetFiles.chunks']) {
    if (names.has(name)) await db.db.dropCollection(name);
  }
  await ensureIndexes(db);
}

/** How many samples are stored, from the collection's statistics (counting them is a full scan on FerretDB). */
async function storedSamples(db: Database): Promise<number> {
  const stats = await db.db.command({ collStats: db.samples.collectionName }).catch(() => ({ count: 0 }));
  return Number(stats.count ?? 0);
}

/**
 * CPU seconds of this thread so far. Token counting is timed in thread CPU time, not wall time:
 * during an export FerretDB keeps both cores busy and the scheduler would charge its time slices
 * to whichever count happens to be running, which the bare loop (run while the database idles)
 * never pays.
 */
function threadSeconds(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1e6;
}

/** A counter that times every countMessages call and sums the message bytes it counted. */
function timedCounter(counter: ChatTokenCounter, stats: Run & { examples: number }): ChatTokenCounter {
  return {
    encoding: counter.encoding,
    impl: counter.impl,
    countText: counter.countText,
    countMessages(messages) {
      const t0 = threadSeconds();
      const n = counter.countMessages(messages);
      stats.seconds += threadSeconds() - t0;
      stats.examples += 1;
      for (const m of messages) stats.bytes += Buffer.byteLength(String(m.role)) + Buffer.byteLength(String(m.content));
      return n;
    },
  };
}

/** The baseline: the export's cursor, JSON.stringify, the same GridFS bucket and sink. */
async function bareLoop(db: Database): Promise<Run> {
  const { minConfidence, reviewStatuses } = ExportDatasetInput.parse({ task: TASK });
  const filters = { minConfidence, reviewStatuses };
  const id = new ObjectId();
  const t0 = performance.now();
  const sink = new GridFsSink(db.datasetFiles.openUploadStreamWithId(id, 'bare.jsonl'));
  let bytes = 0;
  for await (const doc of readAhead(exportCursor(db, exportSampleFilter(TASK, filters)))) {
    const line = Buffer.from(`${JSON.stringify(doc)}\n`, 'utf8');
    bytes += line.length;
    if (!sink.write(line)) await once(sink, 'drain');
  }
  sink.end();
  await finished(sink);
  const seconds = (performance.now() - t0) / 1000;
  await removeGridFsFiles(db, [id]);
  return { seconds, bytes };
}

/** The production tokenizer over every message of the exported files, timed per example like the export's. */
async function bareTokens(db: Database, files: DatasetFileDoc[], encoder: TokenEncoder): Promise<Run & { examples: number }> {
  const run = { seconds: 0, bytes: 0, examples: 0 };
  for (const file of files) {
    for await (const line of streamLines(openDatasetFile(db, file))) {
      const { messages } = JSON.parse(line) as { messages: Required<Pick<ChatMessageLike, 'role' | 'content'>>[] };
      const t0 = threadSeconds();
      let n = 3;
      for (const m of messages) n += 3 + encoder.count(m.role as string) + encoder.count(m.content as string);
      run.seconds += threadSeconds() - t0;
      if (n < 0) throw new Error('unreachable');
      run.examples += 1;
      for (const m of messages) run.bytes += Buffer.byteLength(m.role as string) + Buffer.byteLength(m.content as string);
    }
  }
  return run;
}

async function child(uri: string, dbName: string, rounds: number): Promise<void> {
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 25);
  const db = await connectDatabase(uri, dbName);
  await clearExports(db);
  const samples = await storedSamples(db);
  // Loaded before anything is timed: the export would otherwise pay the tokenizer's start-up.
  // A new one for every export and every bare loop: each starts with an empty piece memo.
  await loadEncoder('o200k_base', PRODUCTION_TOKENIZER);
  let encoder = await createEncoder('o200k_base', PRODUCTION_TOKENIZER);

  // Phase marks: a pass starts when its formatter is made and ends when its report is taken.
  let marks: number[] = [];
  let exportTokens = { seconds: 0, bytes: 0, examples: 0 };
  class MarkedFormatter extends DatasetFormatter {
    private reported = false;
    override report() {
      if (!this.reported) marks.push(performance.now());
      this.reported = true;
      return super.report();
    }
  }
  const exporter = new DatasetExporter({
    db,
    prices: DEFAULT_PRICE_TABLE,
    events: createEvents(),
    logger: createLogger('error'),
    createFormatter: async (options: FormatterOptions) => {
      marks.push(performance.now());
      return new MarkedFormatter(options, timedCounter(chatTokenCounter(encoder), exportTokens));
    },
  });

  // Alternating rounds (bare, export, …, bare); the best of each is reported, so a burst of load
  // from elsewhere on the machine hurts neither side more than the other.
  const bare: Run[] = [await bareLoop(db)];
  let best: { run: ChildResult['export']; tokens: Run & { examples: number } } | null = null;
  let datasetId = '';
  for (let round = 0; round < rounds; round++) {
    marks = [];
    exportTokens = { seconds: 0, bytes: 0, examples: 0 };
    encoder = await createEncoder('o200k_base', PRODUCTION_TOKENIZER);
    const t0 = performance.now();
    const result = await exporter.export(ExportDatasetInput.parse({ task: TASK }), { createdBy: 'bench', opId: null, progressKey: null });
    const t1 = performance.now();
    datasetId = result.datasetId;
    const dataset = (await db.datasets.findOne({ _id: result.datasetId }))!;
    const run = {
      seconds: (t1 - t0) / 1000,
      bytes: dataset.files.reduce((n, f) => n + f.bytes, 0),
      kept: dataset.files.reduce((n, f) => n + f.lines, 0),
      created: result.created,
      phases: [t0, ...marks, t1].slice(1).map((m, i) => (m - [t0, ...marks][i]!) / 1000),
    };
    if (!best || run.seconds < best.run.seconds) best = { run, tokens: exportTokens };
    bare.push(await bareLoop(db));
  }
  const dataset = (await db.datasets.findOne({ _id: datasetId }))!;
  let tokens: Run & { examples: number } = { seconds: Infinity, bytes: 0, examples: 0 };
  for (let round = 0; round < rounds; round++) {
    const t = await bareTokens(
      db,
      dataset.files,
      await createEncoder('o200k_base', PRODUCTION_TOKENIZER),
    );
    if (t.seconds < tokens.seconds) tokens = t;
  }
  clearInterval(sampler);
  const out: ChildResult = {
    size: Number(dbName.split('_').at(-1)),
    samples,
    bare,
    export: best!.run,
    exportTokens: best!.tokens,
    bareTokens: tokens,
    // Set by the memory child; this process ran several loops.
    peakRssMB: 0,
    beforeExportMB: Math.max(process.resourceUsage().maxRSS * 1024, sampled) / 1e6,
  };
  await db.close();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/**
 * Peak RSS of one export and nothing else (a process of its own per size, the same steps for
 * every size): connect, load the tokenizer, export once.
 */
async function memoryChild(uri: string, dbName: string): Promise<void> {
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 10);
  const db = await connectDatabase(uri, dbName);
  await clearExports(db);
  await loadEncoder('o200k_base', PRODUCTION_TOKENIZER);
  const before = Math.max(process.resourceUsage().maxRSS * 1024, sampled);
  const exporter = new DatasetExporter({ db, prices: DEFAULT_PRICE_TABLE, events: createEvents(), logger: createLogger('error') });
  await exporter.export(ExportDatasetInput.parse({ task: TASK }), { createdBy: 'bench', opId: null, progressKey: null });
  clearInterval(sampler);
  const peak = Math.max(process.resourceUsage().maxRSS * 1024, sampled);
  await db.close();
  process.stdout.write(`${JSON.stringify({ peakRssMB: peak / 1e6, beforeExportMB: before / 1e6 })}\n`);
}

// ---------------------------------------------------------------------------------------------
// parent: data, children, report

function sampleDoc(scan: ReturnType<ReturnType<typeof createGenerator>['scan']>): CardSampleDoc {
  const input = { ocrText: scan.ocrText, imageDescription: scan.imageDescription };
  const now = new Date();
  return {
    _id: new ObjectId().toHexString(),
    task: TASK,
    source: 'VALIDATED_SCAN',
    reviewStatus: 'APPROVED',
    reviewedBy: 'bench',
    reviewedAt: now,
    reviewNote: null,
    confidence: scan.confidence,
    userId: scan.userId,
    contentHash: sampleContentHash({ task: TASK, input, output: scan.card }),
    repeatCount: 0,
    countedOps: [],
    createdBy: 'bench',
    createdAt: now,
    updatedAt: now,
    input,
    output: scan.card,
    originalPrediction: null,
    correctedFields: [],
    predictionId: null,
  };
}

/** Fills the size's database with `size` distinct samples (as the collector would store them), in chunks. */
async function fill(uri: string, size: number): Promise<{ inserted: number; seconds: number }> {
  const db = await connectDatabase(uri, dbNameOf(size));
  try {
    const have = await storedSamples(db);
    if (have === size) return { inserted: 0, seconds: 0 };
    await db.db.dropDatabase();
    const gen = createGenerator({ seed: 2026, noise: 0.3 });
    const seen = new Set<string>();
    const t0 = performance.now();
    let inserted = 0;
    let last = t0;
    while (inserted < size) {
      const docs: CardSampleDoc[] = [];
      while (docs.length < Math.min(CHUNK, size - inserted)) {
        const doc = sampleDoc(gen.scan());
        if (seen.has(doc.contentHash)) continue;
        seen.add(doc.contentHash);
        docs.push(doc);
      }
      await db.samples.insertMany(docs, { ordered: false });
      inserted += docs.length;
      if (performance.now() - last > 10_000) {
        last = performance.now();
        process.stderr.write(`  inserted ${inserted}/${size} (${Math.round(inserted / ((last - t0) / 1000))} samples/s)\n`);
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    await ensureIndexes(db);
    return { inserted, seconds };
  } finally {
    await db.close();
  }
}

function spawnChild<T>(extra: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench child ${extra.join(' ')} exited with ${code}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as T);
    });
  });
}

/** The timing child (printed at once), then the memory child of one size. */
async function runChildren(uri: string, size: number): Promise<ChildResult> {
  // Best of 3 alternating rounds where that is affordable; one round at a million.
  const rounds = args.rounds ?? (size <= 200_000 ? '3' : '1');
  const timing = await spawnChild<ChildResult>(['--child', '--uri', uri, '--db', dbNameOf(size), '--rounds', rounds]);
  printTiming(timing);
  const memory = await spawnChild<{ peakRssMB: number; beforeExportMB: number }>(['--child', '--memory', '--uri', uri, '--db', dbNameOf(size)]);
  console.log(`  peak RSS    ${f1(memory.peakRssMB)} MB (one export in a process of its own; ${f1(memory.beforeExportMB)} MB before it started)`);
  return { ...timing, ...memory };
}

function printTiming(r: ChildResult): void {
  const bareSeconds = Math.min(...r.bare.map((b) => b.seconds));
  const bareBytes = r.bare[0]!.bytes;
  const samplesRatio = bareSeconds / r.export.seconds;
  const bytesRatio = mb(r.export.bytes) / r.export.seconds / (mb(bareBytes) / bareSeconds);
  const tokenRatio = mb(r.exportTokens.bytes) / r.exportTokens.seconds / (mb(r.bareTokens.bytes) / r.bareTokens.seconds);
  console.log(
    [
      `\n${r.size} samples (${r.samples} stored, ${r.export.kept} kept)`,
      `  bare loop   best ${f1(bareSeconds)} s of ${r.bare.map((b) => f1(b.seconds)).join(', ')}  ${Math.round(r.samples / bareSeconds)} samples/s  ${f1(mb(bareBytes) / bareSeconds)} MB/s of JSON`,
      `  export      best ${f1(r.export.seconds)} s  ${Math.round(r.samples / r.export.seconds)} samples/s  ${f1(mb(r.export.bytes) / r.export.seconds)} MB/s of JSONL (${f1(mb(r.export.bytes))} MB in 3 files); ${phaseText(r.export.phases)}`,
      `  tokens      export ${f1(mb(r.exportTokens.bytes) / r.exportTokens.seconds)} MB/s (${f1(r.exportTokens.seconds)} s over ${r.exportTokens.examples} examples), bare ${PRODUCTION_TOKENIZER} loop ${f1(mb(r.bareTokens.bytes) / r.bareTokens.seconds)} MB/s (${f1(r.bareTokens.seconds)} s over ${r.bareTokens.examples})`,
      `  ratio ${r.size}: export/bare throughput (samples/s) ${f2(samplesRatio)}× (goal ≥ 0.8: ${verdict(samplesRatio >= 0.8)})`,
      `  ratio ${r.size}: export/bare throughput (MB/s written; the export writes ${f2(r.export.bytes / bareBytes)}× the bytes of JSONL, stored gzip-compressed) ${f2(bytesRatio)}×`,
      `  ratio ${r.size}: token counting in export/bare ${PRODUCTION_TOKENIZER} loop (MB/s) ${f2(tokenRatio)}× (goal ≥ 0.9: ${verdict(tokenRatio >= 0.9)})`,
    ].join('\n'),
  );
}

const f1 = (x: number) => x.toFixed(1);
const phaseText = (p: number[]) =>
  p.length === 3
    ? `set-up ${f1(p[0]!)} s, pass 1 ${f1(p[1]!)} s, finishing ${f1(p[2]!)} s`
    : `set-up ${f1(p[0]!)} s, pass 1 ${f1(p[1]!)} s, pass 2 ${f1(p[3]!)} s (conflicts found), finishing ${f1(p.at(-1)!)} s`;
const f2 = (x: number) => x.toFixed(2);
const verdict = (ok: boolean) => (ok ? 'ok' : 'BELOW GOAL');

async function parent(): Promise<void> {
  const sizes = String(args.sizes)
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error('--sizes: give sizes like 100000,1000000');
  let server: EmbeddedServer | null = null;
  let uri = args.uri ?? process.env.MONGODB_URI;
  if (!uri) {
    const cacheDir = process.env.SLABTUNE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'slabtune');
    server = await startEmbeddedServer({ cacheDir, ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}) });
    uri = server.uri;
  }
  console.log(`dataset export benchmark: ${TASK}, sizes ${sizes.join(', ')}; ${server ? `embedded ${server.kind}` : 'MONGODB_URI'}; node ${process.version}, tokenizer ${PRODUCTION_TOKENIZER}`);
  const results: ChildResult[] = [];
  try {
    for (const size of sizes) {
      const filled = await fill(uri, size);
      if (filled.inserted) console.log(`inserted ${filled.inserted} samples in ${f1(filled.seconds)} s (${Math.round(filled.inserted / filled.seconds)} samples/s, bulk insertMany of ${CHUNK})`);
      results.push(await runChildren(uri, size));
    }
    if (results.length > 1) {
      const small = results[0]!;
      const large = results.at(-1)!;
      const ratio = large.peakRssMB / small.peakRssMB;
      console.log(`\nratio peak RSS ${large.size}/${small.size}: ${f2(ratio)}× (${f1(large.peakRssMB)} MB / ${f1(small.peakRssMB)} MB; goal ≤ 1.2: ${verdict(ratio <= 1.2)})`);
    }
  } finally {
    if (!args.keep) {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(uri, { retryWrites: false });
      await client.connect();
      for (const size of sizes) await client.db(dbNameOf(size)).dropDatabase().catch(() => undefined);
      await client.close();
    }
    await server?.stop();
  }
}

if (args.child && args.memory) await memoryChild(args.uri!, args.db!);
else if (args.child) await child(args.uri!, args.db!, Number(args.rounds ?? 1));
else await parent();
