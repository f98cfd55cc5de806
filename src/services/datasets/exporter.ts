import { ObjectId } from 'mongodb';
import type { Database } from '../../db/database.js';
import { isDuplicateKeyError } from '../../db/database.js';
import type { DatasetDoc, DatasetFileDoc, DatasetFiltersDoc, Task } from '../../db/documents.js';
import { badInput, preconditionFailed } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { readinessVerdict } from '../collector/stats.js';
import type { Events } from '../events.js';
import { lookupModel, UnknownModelError, type ModelPricing, type PriceTable } from '../tokens/prices.js';
import { ConflictSet, KeyScan, type KeyScanResult } from './dedupe.js';
import { openSplitSinks, removeGridFsFiles, splitIds, type OpenedSinks } from './dataset-files.js';
import { writeDatasetFiles } from './export.js';
import type { ExportDatasetInput } from './export-input.js';
import { createDatasetFormatter, type DatasetFormatter, type FormattedLine, type FormatterOptions, type QualityReport } from './pipeline.js';
import { DEFAULT_READINESS_RULES, readinessOfScan, type ReadinessRules, type TaskReadiness } from './readiness.js';
import type { SampleLike } from './sample.js';
import { exportCursor, exportSampleFilter, readAhead, toSampleLike, type ProjectedSample } from './source.js';
import { SampleSpill } from './spill.js';
import { SPLITS, type Split } from './split.js';
import { TestKeyStore } from './test-keys.js';

/**
 * exportDataset: samples → an immutable Dataset version with train / validation / test JSONL in
 * GridFS. Nothing is half-written: the files are written first and the Dataset document inserted
 * last; on any failure (not enough samples, a database error) every file written so far is
 * removed and no document exists.
 *
 *   pass 1  one cursor over the selection (`_id` order) → KeyScan (conflicts, expected counts),
 *           the samples to a local spill, and, speculating that no input is labelled with two
 *           different cards (the usual case), the formatter (dedupe, format, tokens, split with the
 *           pinned test keys) → three GridFS uploads with backpressure; TEST keys stored as written
 *   pass 2  only when pass 1 found conflicts: readiness on pass 1's expected counts first
 *           (PRECONDITION_FAILED with have/need before writing again), then the spill (the very
 *           samples pass 1 read) → the formatter with the conflict set → three new uploads
 *   then    readiness on what was kept (PRECONDITION_FAILED with have/need, files removed), the
 *           content hash: an equal dataset already stored is returned as it is (the new files are
 *           removed), else the document is inserted with the task's next version.
 *
 * Why not the textbook "scan, check, then write": on FerretDB the sorted read is most of an
 * export's time, and writing while reading overlaps the formatting and token counting with it;
 * a second database cursor would also see samples added or reviewed after pass 1 (no snapshot
 * reads without transactions), which the spill rules out. The unique index (task, contentHash)
 * settles a race between two equal exports.
 */

export const EXPORT_PHASES = ['WAITING', 'SCANNING', 'WRITING', 'FINISHING', 'DONE', 'FAILED'] as const;
export type ExportPhase = (typeof EXPORT_PHASES)[number];

export interface ExportProgress {
  phase: ExportPhase;
  /** Samples read so far in this phase (pass 1 reads the database, pass 2 the spill). */
  samplesRead: number;
  /** Known once pass 1 is over (WRITING, FINISHING): the samples it selected. */
  samplesTotal: number | null;
  /** Lines written so far in this phase. */
  kept: number;
  /** Set when DONE: the new or existing dataset. */
  datasetId: string | null;
  /** Set when FAILED: why, in a sentence. */
  message: string | null;
}

export interface ExportResult {
  datasetId: string;
  /** False when a dataset with the same content already existed (it is returned instead). */
  created: boolean;
}

export interface ExportOptions {
  createdBy: string;
  /** From the idempotency key: the id of the dataset this request creates, so a re-run lands on it. */
  opId: string | null;
  /** Where to publish `dataset:progress`; null publishes nothing. */
  progressKey: string | null;
}

export interface DatasetExporterDeps {
  db: Database;
  prices: PriceTable;
  events: Events;
  logger: Logger;
  /** Where pass 1 keeps the samples for pass 2 (the OS temp directory when omitted). */
  spillDir?: string;
  readinessRules?: ReadinessRules;
  /** Builds the formatter of a pass (benchmarks wrap its token counter); createDatasetFormatter by default. */
  createFormatter?: (options: FormatterOptions) => Promise<DatasetFormatter>;
  /** Samples between two progress events. */
  progressEvery?: number;
}

const TASK_SLUG: Record<Task, string> = { CARD_IDENTIFICATION: 'card-id', LISTING_GENERATION: 'listing' };
const SPLIT_OF: Record<Split, DatasetFileDoc['split']> = { train: 'TRAIN', validation: 'VALIDATION', test: 'TEST' };

export class DatasetExporter {
  private readonly rules: ReadinessRules;
  private readonly createFormatter: (options: FormatterOptions) => Promise<DatasetFormatter>;
  private readonly progressEvery: number;

  constructor(private readonly deps: DatasetExporterDeps) {
    this.rules = deps.readinessRules ?? DEFAULT_READINESS_RULES;
    this.createFormatter = deps.createFormatter ?? createDatasetFormatter;
    this.progressEvery = deps.progressEvery ?? 2000;
  }

  async export(input: ExportDatasetInput, options: ExportOptions): Promise<ExportResult> {
    const { db } = this.deps;
    const datasetId = options.opId ?? new ObjectId().toHexString();
    if (options.opId && (await db.datasets.countDocuments({ _id: datasetId }, { limit: 1 }))) {
      // A re-run of a request whose first attempt stored its dataset and then lost the answer.
      return { datasetId, created: true };
    }
    const progress = this.progress(options.progressKey);
    try {
      const pricing = this.pricing(input.baseModel);
      if (input.maxTokensPerExample !== null && input.maxTokensPerExample > pricing.maxTokensPerExample) {
        throw badInput('input.maxTokensPerExample', `at most ${pricing.maxTokensPerExample}, the per-example limit of ${input.baseModel}`);
      }
      const filters: Required<DatasetFiltersDoc> = {
        minConfidence: input.minConfidence,
        reviewStatuses: input.reviewStatuses,
        createdAfter: input.createdAfter,
        createdBefore: input.createdBefore,
        sources: input.sources,
        platforms: input.platforms,
        tones: input.tones,
        baseModel: input.baseModel,
        maxTokensPerExample: input.maxTokensPerExample ?? pricing.maxTokensPerExample,
      };
      const result = await this.build(input, filters, datasetId, options.createdBy, progress);
      progress({ phase: 'DONE', samplesRead: 0, samplesTotal: null, kept: 0, datasetId: result.datasetId, message: null });
      return result;
    } catch (err) {
      progress({ phase: 'FAILED', samplesRead: 0, samplesTotal: null, kept: 0, datasetId: null, message: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  }

  private async build(
    input: ExportDatasetInput,
    filters: Required<DatasetFiltersDoc>,
    datasetId: string,
    createdBy: string,
    progress: (p: ExportProgress) => void,
  ): Promise<ExportResult> {
    const { db, logger } = this.deps;
    const { task } = input;
    const scope = { platforms: input.platforms ?? undefined, tones: input.tones ?? undefined };
    const keys = await TestKeyStore.load(db, task, datasetId);
    const spill = await SampleSpill.create(this.deps.spillDir);
    const opened: OpenedSinks[] = [];
    const formatterOptions = (conflicts: ConflictSet, expectedSamples?: number): FormatterOptions => ({
      task,
      conflicts,
      model: input.baseModel,
      prices: this.deps.prices,
      tokenLimit: filters.maxTokensPerExample,
      fractions: { validation: input.validationFraction, test: input.testFraction },
      pinnedTest: keys.pinned,
      expectedSamples,
      platforms: scope.platforms,
      tones: scope.tones,
      readinessRules: this.rules,
    });
    const onLine = (line: FormattedLine) => {
      if (line.split === 'test') keys.record(line.splitKey);
    };
    try {
      const first = this.openSinks(task, datasetId);
      opened.push(first);
      const pass1 = await this.firstPass(task, filters, spill, first, keys, formatterOptions(ConflictSet.empty()), onLine, progress);
      let { report } = pass1;
      let files = first;
      if (pass1.scan.conflictGroups > 0) {
        // The speculation failed: the files hold conflicting samples. Check what pass 1 expects,
        // then write them again from the spill, now with the conflicts to exclude.
        await this.discard(first);
        const expectedReadiness = readinessOfScan(pass1.scan, scope, this.rules);
        if (!expectedReadiness.ready) throw notEnoughSamples(expectedReadiness);
        const second = this.openSinks(task, datasetId);
        opened.push(second);
        const formatter = await this.createFormatter(formatterOptions(pass1.scan.conflicts, pass1.scan.samples));
        const total = pass1.scan.samples;
        report = await writeDatasetFiles(keys.flushing(spill.read()), formatter, second.sinks, {
          progressEvery: this.progressEvery,
          onProgress: (p) => progress({ phase: 'WRITING', samplesRead: p.samples, samplesTotal: total, kept: p.kept, datasetId: null, message: null }),
          onLine,
        });
        files = second;
      }
      if (!report.readiness.ready) throw notEnoughSamples(report.readiness);
      await keys.flush();

      progress({ phase: 'FINISHING', samplesRead: report.samples, samplesTotal: report.samples, kept: report.kept, datasetId: null, message: null });
      const existing = await this.sameContent(task, report.contentHash);
      if (existing) {
        await removeGridFsFiles(db, splitIds(files));
        return { datasetId: existing, created: false };
      }
      const stored = await this.insert(this.document(input, filters, datasetId, createdBy, report, files), report.contentHash);
      if (stored !== datasetId) await removeGridFsFiles(db, splitIds(files));
      logger.info('dataset exported', {
        datasetId: stored,
        task,
        kept: report.kept,
        created: stored === datasetId,
        passes: opened.length,
        testKeys: keys.newKeys,
      });
      return { datasetId: stored, created: stored === datasetId };
    } catch (err) {
      for (const sinks of opened) {
        await this.discard(sinks).catch((cleanup: unknown) =>
          logger.error('could not remove the files of a failed export', { err: cleanup, ids: splitIds(sinks).map(String) }),
        );
      }
      throw err;
    } finally {
      await spill.remove().catch(() => undefined);
    }
  }

  /**
   * Pass 1, the only read of the database: the keys for the conflict check (KeyScan), the samples
   * to the spill (for pass 2, if one is needed), and, speculating that there is no conflict (the
   * usual case), the files themselves through a formatter with an empty conflict set. With no
   * conflict those files are exactly what pass 2 would write: conflicts are the only thing pass 1
   * learns that changes a line (a conflicting sample shares its near-duplicate key with no other
   * sample, so leaving it in changes no other sample's fate). The key table lives only in here.
   */
  private async firstPass(
    task: Task,
    filters: Required<DatasetFiltersDoc>,
    spill: SampleSpill,
    sinks: OpenedSinks,
    keys: TestKeyStore,
    options: FormatterOptions,
    onLine: (line: FormattedLine) => void,
    progress: (p: ExportProgress) => void,
  ): Promise<{ scan: KeyScanResult; report: QualityReport }> {
    const keyScan = new KeyScan(task);
    async function* scanned(cursor: AsyncIterable<ProjectedSample>): AsyncGenerator<SampleLike> {
      for await (const doc of cursor) {
        const sample = toSampleLike(doc);
        keyScan.add(sample);
        if (!spill.writeNow(sample)) await spill.drain();
        yield sample;
      }
      await spill.close();
    }
    const formatter = await this.createFormatter(options);
    const source = scanned(readAhead(exportCursor(this.deps.db, exportSampleFilter(task, filters))));
    const report = await writeDatasetFiles(keys.flushing(source), formatter, sinks.sinks, {
      progressEvery: this.progressEvery,
      onProgress: (p) => progress({ phase: 'SCANNING', samplesRead: p.samples, samplesTotal: null, kept: p.kept, datasetId: null, message: null }),
      onLine,
    });
    return { scan: keyScan.finish(), report };
  }

  private openSinks(task: Task, datasetId: string): OpenedSinks {
    return openSplitSinks(
      this.deps.db.datasetFiles,
      (split) => `${TASK_SLUG[task]}-${datasetId}-${split}.jsonl`,
      (split) => ({ datasetId, task, split: SPLIT_OF[split] }),
    );
  }

  /** Removes an upload's files (after any chunk insert still in flight has landed). */
  private async discard(sinks: OpenedSinks): Promise<void> {
    await Promise.all(Object.values(sinks.sinks).map((s) => s.settle()));
    await removeGridFsFiles(this.deps.db, splitIds(sinks));
  }

  private pricing(model: string): ModelPricing {
    try {
      return lookupModel(this.deps.prices, model);
    } catch (err) {
      if (err instanceof UnknownModelError) {
        throw badInput('input.baseModel', `no price entry for ${model}; known: ${Object.keys(this.deps.prices.models).join(', ')}`);
      }
      throw err;
    }
  }

  private async sameContent(task: Task, contentHash: string): Promise<string | null> {
    const doc = await this.deps.db.datasets.findOne({ task, contentHash }, { projection: { _id: 1 } });
    return doc?._id ?? null;
  }

  /** Inserts with the task's next version; returns the id of the dataset that holds this content. */
  private async insert(doc: DatasetDoc, contentHash: string): Promise<string> {
    const { db } = this.deps;
    // Versions come from a counter per task (one atomic $inc), so two concurrent exports never share one.
    const counter = await db
      .collection<{ _id: string; last: number }>('datasetVersions')
      .findOneAndUpdate({ _id: doc.task }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' });
    const version = counter?.last ?? 1;
    const named: DatasetDoc = { ...doc, version, name: doc.name || `${TASK_SLUG[doc.task]}-v${version}` };
    try {
      await db.datasets.insertOne(named);
      return named._id;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Another export of the same content won the race (or this request's first attempt did).
      const winner = (await this.sameContent(doc.task, contentHash)) ?? (await db.datasets.findOne({ _id: doc._id }, { projection: { _id: 1 } }))?._id;
      if (!winner) throw err;
      return winner;
    }
  }

  private document(
    input: ExportDatasetInput,
    filters: Required<DatasetFiltersDoc>,
    datasetId: string,
    createdBy: string,
    report: QualityReport,
    sinks: OpenedSinks,
  ): DatasetDoc {
    const now = new Date();
    const files: DatasetFileDoc[] = SPLITS.map((split) => {
      const file = report.splits[split];
      return {
        split: SPLIT_OF[split],
        fileId: sinks.ids[split].toHexString(),
        filename: `${TASK_SLUG[input.task]}-${datasetId}-${split}.jsonl`,
        lines: file.lines,
        bytes: file.bytes,
        sha256: file.sha256,
        tokens: { total: file.tokens.total, max: file.tokens.max, mean: file.tokens.mean },
        compression: 'gzip',
      };
    });
    return {
      _id: datasetId,
      // Filled in with the version by insert() when not given.
      name: input.name ?? '',
      task: input.task,
      version: 0,
      contentHash: report.contentHash,
      promptVersion: report.promptVersion,
      filters,
      seed: input.seed,
      validationFraction: report.fractions.validation,
      testFraction: report.fractions.test,
      status: 'READY',
      files,
      report: { ...report },
      error: null,
      createdBy,
      createdAt: now,
      updatedAt: now,
    };
  }

  private progress(key: string | null): (p: ExportProgress) => void {
    if (!key) return () => undefined;
    return (p) => this.deps.events.publish('dataset:progress', key, p);
  }
}

/** PRECONDITION_FAILED with have/need (and, for listings, the platform × tone pairs short of it). */
export function notEnoughSamples(readiness: TaskReadiness) {
  return preconditionFailed(`not enough samples to export ${readiness.task}: ${readinessVerdict(readiness)}`, {
    task: readiness.task,
    have: readiness.have,
    need: readiness.need,
    recommended: readiness.recommended,
    groups: readiness.groups.filter((g) => !g.ready).map(({ platform, tone, have, need }) => ({ platform, tone, have, need })),
  });
}
