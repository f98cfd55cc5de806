import { createHash, type Hash } from 'node:crypto';
import type { Platform, Tone } from '../cards/card.js';
import { PROMPT_VERSION, type ChatExample } from '../prompts/chat-format.js';
import { chatTokenCounter, type ChatTokenCounter } from '../tokens/count.js';
import { loadEncoder, PRODUCTION_TOKENIZER, type TokenizerImpl } from '../tokens/encoders.js';
import { DEFAULT_PRICE_TABLE, lookupModel, type EncodingName, type PriceTable } from '../tokens/prices.js';
import { TokenStats, type TokenSummary } from '../tokens/stats.js';
import { ConflictSet, Deduper, KeyScan, sampleKeys, type KeyScanResult } from './dedupe.js';
import { DiversityCounter, type DiversityReport } from './diversity.js';
import { checkExample, FORMAT_ERROR_CLASSES, OPENAI_MIN_EXAMPLES, type FormatErrorClass } from './format-check.js';
import { fastKey64, sha256 } from './hash.js';
import { NEAR_DUPLICATE_RULE, NORMALISATION_VERSION } from './normalise.js';
import { cardIdReadiness, DEFAULT_READINESS_RULES, listingCountsOf, listingReadiness, type ReadinessRules, type TaskReadiness } from './readiness.js';
import { exampleOf, listingGroupKey, sampleProblem, stratumOf, type SampleLike, type SampleTask } from './sample.js';
import { assignSplit, SplitFractions, SPLITS, type PinnedTest, type Split } from './split.js';

/**
 * Pass 2 of an export: sample → (conflict check, dedupe) → chat line → format check → tokens →
 * split, one sample at a time and synchronously (`DatasetFormatter.push`), accumulating the
 * quality report. Memory: the dedupe table (one entry per unique example), the conflict set
 * from pass 1, and counters; never a sample or a line after it is returned.
 *
 *     const scan = await scanKeys(cursor1, task);                      // pass 1: keys only
 *     const formatter = await createDatasetFormatter({ task, conflicts: scan.conflicts, … });
 *     for await (const line of formatDataset(cursor2, formatter)) …    // pass 2
 *     const report = formatter.report();
 *
 * Samples are kept in cursor order: the first of a near-duplicate group wins, so the export's
 * cursor must be sorted (e.g. by _id) for the same samples to give the same files.
 */

export const DEFAULT_BASE_MODEL = 'gpt-4o-mini-2024-07-18';

export const EXCLUSION_REASONS = [
  'INVALID_SAMPLE',
  'CONFLICT',
  'EXACT_DUPLICATE',
  'NEAR_DUPLICATE',
  'FORMAT_ERROR',
  'OVER_TOKEN_LIMIT',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface FormattedLine {
  split: Split;
  sampleId: string;
  /** Store the split keys of TEST lines: they feed `pinnedTest` of later versions. */
  splitKey: string;
  tokens: number;
  /** The JSON line, without its newline. */
  line: string;
  /** `line` + '\n' in UTF-8: exactly what goes into the file (and into its sha256). */
  bytes: Buffer;
}

export interface SplitFileReport {
  lines: number;
  bytes: number;
  sha256: string;
  tokens: TokenSummary;
}

export type QualityWarningCode =
  | 'DIVERSITY_DOMINANT'
  | 'STRATUM_WITHOUT_VALIDATION'
  | 'EMPTY_VALIDATION_SPLIT'
  | 'TRAIN_BELOW_OPENAI_MINIMUM'
  | 'NOT_READY';

export interface QualityWarning {
  code: QualityWarningCode;
  message: string;
}

export interface QualityReport {
  task: SampleTask;
  model: string;
  encoding: EncodingName;
  tokenizer: TokenizerImpl;
  tokenLimit: number;
  promptVersion: string;
  normalisationVersion: string;
  nearDuplicateRule: string;
  fractions: SplitFractions;
  /** Samples read in pass 2, and kept ones (written to some split). */
  samples: number;
  kept: number;
  /** Every sample read is kept or excluded for exactly one reason, checked in this order. */
  excluded: Record<ExclusionReason, { count: number; exampleIds: string[] }>;
  /** Normalised inputs with conflicting cards (from pass 1). */
  conflictGroups: number;
  formatErrors: Record<FormatErrorClass, number>;
  splits: Record<Split, SplitFileReport>;
  tokens: TokenSummary;
  /** Realised split of each stratum (sport, or platform/tone). */
  strata: { stratum: string; train: number; validation: number; test: number }[];
  diversity: DiversityReport;
  readiness: TaskReadiness;
  warnings: QualityWarning[];
  /** Hash of the three files and the format versions: same samples and options → same hash. */
  contentHash: string;
}

export interface FormatterOptions {
  task: SampleTask;
  /** Pass 1's result (`scanKeys(...).conflicts`); `ConflictSet.empty()` for listings or no pass 1. */
  conflicts: ConflictSet;
  /** Base model to train (decides encoding and per-example token limit). */
  model?: string;
  prices?: PriceTable;
  /** Overrides the model's per-example token limit. */
  tokenLimit?: number;
  fractions?: Partial<SplitFractions>;
  pinnedTest?: PinnedTest;
  /** Pre-sizes the dedupe table (e.g. countDocuments of the export's filter). */
  expectedSamples?: number;
  /** Listing export scope, for readiness. */
  platforms?: readonly Platform[];
  tones?: readonly Tone[];
  readinessRules?: ReadinessRules;
  dominanceThreshold?: number;
  /** How many sample ids to list per exclusion reason. */
  maxExampleIds?: number;
  tokenizer?: TokenizerImpl;
}

function recordOf<K extends string, V>(keys: readonly K[], make: (key: K) => V): Record<K, V> {
  const record = {} as Record<K, V>;
  for (const key of keys) record[key] = make(key);
  return record;
}

/** Strata with at least this many kept samples are expected to have some validation lines. */
const STRATUM_VALIDATION_MIN = 20;

interface SplitAccumulator {
  lines: number;
  bytes: number;
  hash: Hash;
  tokens: TokenStats;
}

export class DatasetFormatter {
  readonly model: string;
  readonly tokenLimit: number;
  readonly fractions: SplitFractions;
  private readonly deduper: Deduper;
  private readonly diversity: DiversityCounter;
  private readonly splits: Record<Split, SplitAccumulator>;
  private readonly strata = new Map<string, Record<Split, number>>();
  private readonly keptByGroup = new Map<string, number>();
  private readonly excluded: Record<ExclusionReason, { count: number; exampleIds: string[] }>;
  private readonly formatErrors: Record<FormatErrorClass, number>;
  private readonly maxExampleIds: number;
  private samples = 0;
  private kept = 0;
  private finished: QualityReport | null = null;

  constructor(
    private readonly options: FormatterOptions,
    private readonly counter: ChatTokenCounter,
  ) {
    this.model = options.model ?? DEFAULT_BASE_MODEL;
    const pricing = lookupModel(options.prices ?? DEFAULT_PRICE_TABLE, this.model);
    if (pricing.encoding !== counter.encoding) {
      throw new RangeError(`${this.model} uses ${pricing.encoding} but the counter encodes ${counter.encoding}`);
    }
    this.tokenLimit = options.tokenLimit ?? pricing.maxTokensPerExample;
    this.fractions = SplitFractions.parse(options.fractions ?? {});
    this.deduper = new Deduper(options.expectedSamples);
    this.diversity = new DiversityCounter(options.dominanceThreshold);
    const split = (): SplitAccumulator => ({ lines: 0, bytes: 0, hash: createHash('sha256'), tokens: new TokenStats(this.tokenLimit) });
    this.splits = { train: split(), validation: split(), test: split() };
    this.excluded = recordOf(EXCLUSION_REASONS, () => ({ count: 0, exampleIds: [] as string[] }));
    this.formatErrors = recordOf(FORMAT_ERROR_CLASSES, () => 0);
    this.maxExampleIds = options.maxExampleIds ?? 5;
  }

  /** The line of the next sample, or null when the sample is excluded (and counted). */
  push(sample: SampleLike): FormattedLine | null {
    if (this.finished) throw new Error('DatasetFormatter.push after report(): the files are already closed');
    this.samples += 1;
    if (sampleProblem(sample, this.options.task) !== null) return this.exclude('INVALID_SAMPLE', sample);
    const keys = sampleKeys(sample);
    if (this.options.conflicts.has(keys.input)) return this.exclude('CONFLICT', sample);

    const example = exampleOf(sample);
    const line = JSON.stringify(example);
    const verdict = this.deduper.check(keys.near, exampleTag(example));
    if (verdict !== 'NEW') return this.exclude(verdict, sample);

    const check = checkExample(example);
    if (check.errors.length > 0) {
      for (const c of check.errors) this.formatErrors[c] += 1;
      return this.exclude('FORMAT_ERROR', sample);
    }
    const tokens = this.counter.countMessages(example.messages);
    if (tokens > this.tokenLimit) return this.exclude('OVER_TOKEN_LIMIT', sample);

    const split = assignSplit(keys.splitKey, this.fractions, this.options.pinnedTest);
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    const acc = this.splits[split];
    acc.lines += 1;
    acc.bytes += bytes.length;
    acc.hash.update(bytes);
    acc.tokens.add(tokens);
    this.kept += 1;
    this.countKept(sample, split);
    return { split, sampleId: sample.id, splitKey: keys.splitKey, tokens, line, bytes };
  }

  /** push() over a batch (e.g. a cursor's buffered documents), without an await per sample. */
  pushMany(samples: Iterable<SampleLike>): FormattedLine[] {
    const lines: FormattedLine[] = [];
    for (const sample of samples) {
      const line = this.push(sample);
      if (line) lines.push(line);
    }
    return lines;
  }

  /** Progress so far (cheap). */
  progress(): { samples: number; kept: number } {
    return { samples: this.samples, kept: this.kept };
  }

  /** Closes the file hashes and returns the report; later calls return the same report. */
  report(): QualityReport {
    if (this.finished) return this.finished;
    const all = new TokenStats(this.tokenLimit);
    const splits = recordOf(SPLITS, (name): SplitFileReport => {
      const acc = this.splits[name];
      all.merge(acc.tokens);
      return { lines: acc.lines, bytes: acc.bytes, sha256: acc.hash.digest('hex'), tokens: acc.tokens.summary() };
    });
    const diversity = this.diversity.report();
    const readiness =
      this.options.task === 'CARD_IDENTIFICATION'
        ? cardIdReadiness(this.kept, this.options.readinessRules ?? DEFAULT_READINESS_RULES)
        : listingReadiness(
            listingCountsOf(this.keptByGroup),
            { platforms: this.options.platforms, tones: this.options.tones },
            this.options.readinessRules ?? DEFAULT_READINESS_RULES,
          );
    const strata = [...this.strata]
      .map(([stratum, n]) => ({ stratum, ...n }))
      .sort((a, b) => a.stratum.localeCompare(b.stratum));
    const report: QualityReport = {
      task: this.options.task,
      model: this.model,
      encoding: this.counter.encoding,
      tokenizer: this.counter.impl,
      tokenLimit: this.tokenLimit,
      promptVersion: PROMPT_VERSION,
      normalisationVersion: NORMALISATION_VERSION,
      nearDuplicateRule: NEAR_DUPLICATE_RULE,
      fractions: { ...this.fractions },
      samples: this.samples,
      kept: this.kept,
      excluded: recordOf(EXCLUSION_REASONS, (r) => ({ count: this.excluded[r].count, exampleIds: [...this.excluded[r].exampleIds] })),
      conflictGroups: this.options.conflicts.size,
      formatErrors: { ...this.formatErrors },
      splits,
      tokens: all.summary(),
      strata,
      diversity,
      readiness,
      warnings: this.warnings(splits, strata, diversity, readiness),
      contentHash: datasetContentHash(this.options.task, splits),
    };
    this.finished = report;
    return report;
  }

  private exclude(reason: ExclusionReason, sample: SampleLike): null {
    const entry = this.excluded[reason];
    entry.count += 1;
    if (entry.exampleIds.length < this.maxExampleIds) entry.exampleIds.push(String(sample.id));
    return null;
  }

  private countKept(sample: SampleLike, split: Split): void {
    const stratum = stratumOf(sample);
    let counts = this.strata.get(stratum);
    if (!counts) {
      counts = { train: 0, validation: 0, test: 0 };
      this.strata.set(stratum, counts);
    }
    counts[split] += 1;
    if (sample.task === 'CARD_IDENTIFICATION') {
      this.diversity.add(sample.output);
    } else {
      this.diversity.add(sample.input.card, sample.input);
      const group = listingGroupKey(sample.input.platform, sample.input.tone);
      this.keptByGroup.set(group, (this.keptByGroup.get(group) ?? 0) + 1);
    }
  }

  private warnings(
    splits: Record<Split, SplitFileReport>,
    strata: QualityReport['strata'],
    diversity: DiversityReport,
    readiness: TaskReadiness,
  ): QualityWarning[] {
    const warnings: QualityWarning[] = [];
    for (const w of diversity.warnings) {
      warnings.push({
        code: 'DIVERSITY_DOMINANT',
        message: `${w.dimension} ${w.value} is ${(w.share * 100).toFixed(1)}% of the samples (over ${(w.threshold * 100).toFixed(0)}%)`,
      });
    }
    for (const s of strata) {
      if (s.train + s.validation + s.test >= STRATUM_VALIDATION_MIN && s.validation === 0) {
        warnings.push({ code: 'STRATUM_WITHOUT_VALIDATION', message: `stratum ${s.stratum} has no validation samples` });
      }
    }
    if (this.kept > 0 && splits.validation.lines === 0) {
      warnings.push({ code: 'EMPTY_VALIDATION_SPLIT', message: 'the validation file is empty' });
    }
    if (splits.train.lines < OPENAI_MIN_EXAMPLES) {
      warnings.push({
        code: 'TRAIN_BELOW_OPENAI_MINIMUM',
        message: `the training file has ${splits.train.lines} examples; OpenAI needs at least ${OPENAI_MIN_EXAMPLES}`,
      });
    }
    if (!readiness.ready) {
      warnings.push({ code: 'NOT_READY', message: `${readiness.have} usable samples; ${readiness.need} needed` });
    }
    return warnings;
  }
}

/**
 * Tells apart, among samples with the same near key, those whose lines are byte for byte equal:
 * every line of an export has the same system prompt, so only the other messages can differ.
 */
function exampleTag(example: ChatExample): number {
  const parts: string[] = [];
  for (const m of example.messages) if (m.role !== 'system') parts.push(m.role, m.content);
  return fastKey64(...parts).lo;
}

export function datasetContentHash(task: SampleTask, splits: Record<Split, { sha256: string }>): string {
  const parts = [`slabtune-dataset-v1`, task, PROMPT_VERSION, NORMALISATION_VERSION, ...SPLITS.map((s) => `${s} ${splits[s].sha256}`)];
  return sha256(parts.join('\n')).toString('hex');
}

/** A formatter with the production counter for the model's encoding. */
export async function createDatasetFormatter(options: FormatterOptions): Promise<DatasetFormatter> {
  const pricing = lookupModel(options.prices ?? DEFAULT_PRICE_TABLE, options.model ?? DEFAULT_BASE_MODEL);
  const encoder = await loadEncoder(pricing.encoding, options.tokenizer ?? PRODUCTION_TOKENIZER);
  return new DatasetFormatter(options, chatTokenCounter(encoder));
}

/** Pass 2 as an async generator over a cursor; the report is its return value (and `formatter.report()`). */
export async function* formatDataset(
  samples: AsyncIterable<SampleLike> | Iterable<SampleLike>,
  formatter: DatasetFormatter,
): AsyncGenerator<FormattedLine, QualityReport, undefined> {
  for await (const sample of samples) {
    const line = formatter.push(sample);
    if (line) yield line;
  }
  return formatter.report();
}

/**
 * Both passes over samples held in memory (tests, small uploads): the scan, every kept line in
 * order and the report.
 */
export async function formatSamples(
  samples: readonly SampleLike[],
  options: Omit<FormatterOptions, 'conflicts'>,
): Promise<{ scan: KeyScanResult; lines: FormattedLine[]; report: QualityReport }> {
  const keyScan = new KeyScan(options.task, samples.length);
  for (const sample of samples) keyScan.add(sample);
  const scan = keyScan.finish();
  const formatter = await createDatasetFormatter({ ...options, conflicts: scan.conflicts, expectedSamples: samples.length });
  const lines = formatter.pushMany(samples);
  return { scan, lines, report: formatter.report() };
}
