import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { DatasetFileDoc, TrainingFileDoc } from '../../db/documents.js';
import { badInput, clientError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { openDatasetFile } from '../datasets/dataset-files.js';
import { FormatChecker, type FileCheckReport } from '../datasets/format-check.js';
import { DEFAULT_BASE_MODEL } from '../datasets/pipeline.js';
import { ProviderError, type FineTuningProvider } from '../providers/types.js';
import { createChatTokenCounter } from '../tokens/count.js';
import { lookupModel, type PriceTable } from '../tokens/prices.js';
import { backoffMs } from './status.js';

/**
 * Training files on the provider, by content: a file whose sha256 was uploaded before (and
 * still exists there) is reused, never uploaded again. Bring-your-own JSONL passes the same
 * format checks as an exported dataset before it leaves.
 */

const PROVIDER_ATTEMPTS = 6;

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export interface UploadedFile {
  file: TrainingFileDoc;
  /** True when the same content was already on the provider. */
  reused: boolean;
}

export class TrainingFileService {
  constructor(
    private readonly db: Database,
    private readonly provider: FineTuningProvider,
    private readonly prices: PriceTable,
    private readonly logger: Logger,
  ) {}

  /** The format report of a JSONL file, with the token limit of `baseModel`. */
  async check(content: Buffer, baseModel = DEFAULT_BASE_MODEL): Promise<FileCheckReport> {
    const pricing = lookupModel(this.prices, baseModel);
    const checker = new FormatChecker({ counter: await createChatTokenCounter(pricing.encoding), tokenLimit: pricing.maxTokensPerExample });
    const text = content.toString('utf8');
    const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
    for (const line of lines) checker.addLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    return checker.report();
  }

  /** Throws BAD_USER_INPUT on `field`, with the report, when the file cannot train. */
  assertTrainable(report: FileCheckReport, field: string): void {
    if (report.ok) return;
    const reason = !report.minExamples.ok
      ? `has ${report.minExamples.have} valid examples, at least ${report.minExamples.need} are needed`
      : `has ${report.examplesWithErrors} of ${report.examples} examples with format errors`;
    const err = badInput(field, `the JSONL file ${reason}`);
    err.extensions.report = report;
    throw err;
  }

  /** Uploads `content` unless the same sha256 is already on the provider. */
  async ensureUploaded(args: {
    content: Buffer;
    filename: string;
    lines: number;
    tokens: number;
    source: TrainingFileDoc['source'];
    createdBy: string;
  }): Promise<UploadedFile> {
    const sha256 = sha256Hex(args.content);
    const known = await this.reusable(sha256);
    if (known) return { file: known, reused: true };
    const uploaded = await withProviderRetries('uploading the training file', () => this.provider.uploadFile(args.filename, args.content));
    const file: TrainingFileDoc = {
      _id: sha256,
      providerFileId: uploaded.id,
      filename: args.filename,
      bytes: args.content.byteLength,
      lines: args.lines,
      tokens: args.tokens,
      source: args.source,
      createdBy: args.createdBy,
      createdAt: new Date(),
    };
    await this.db.trainingFiles.replaceOne({ _id: sha256 }, file, { upsert: true });
    return { file, reused: false };
  }

  /** The stored upload of this content, when the provider still has it. */
  private async reusable(sha256: string): Promise<TrainingFileDoc | null> {
    const known = await this.db.trainingFiles.findOne({ _id: sha256 });
    if (!known) return null;
    const still = await withProviderRetries('checking an uploaded file', () => this.provider.retrieveFile(known.providerFileId));
    if (still) return known;
    this.logger.info('a previously uploaded training file is gone from the provider; uploading again', { sha256 });
    return null;
  }

  /** A dataset file on the provider: reused by its recorded sha256 without reading it, else read from GridFS and uploaded. */
  async ensureDatasetFile(file: DatasetFileDoc, createdBy: string): Promise<UploadedFile> {
    const known = await this.reusable(file.sha256);
    if (known) return { file: known, reused: true };
    const content = await this.readDatasetFile(file);
    if (sha256Hex(content) !== file.sha256) {
      throw clientError('PRECONDITION_FAILED', `dataset file ${file.filename} does not match its recorded sha256`, { fileId: file.fileId });
    }
    return this.ensureUploaded({ content, filename: file.filename, lines: file.lines, tokens: file.tokens.total, source: 'DATASET', createdBy });
  }

  private async readDatasetFile(file: DatasetFileDoc): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of openDatasetFile(this.db, file)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * A provider file id for createFineTuningJob: one uploaded through us, or else one uploaded
   * elsewhere, which is downloaded and checked like an upload before it is accepted.
   */
  async byProviderId(providerFileId: string, field: string, createdBy: string, baseModel: string): Promise<TrainingFileDoc> {
    const known = await this.db.trainingFiles.findOne({ providerFileId });
    if (known) return known;
    const exists = await withProviderRetries('looking up the file', () => this.provider.retrieveFile(providerFileId));
    if (!exists) throw clientError('NOT_FOUND', `file ${providerFileId} not found on the provider`, { field, id: providerFileId });
    const content = await withProviderRetries('downloading the file', () => this.provider.fileContent(providerFileId));
    const report = await this.check(content, baseModel);
    this.assertTrainable(report, field);
    const file: TrainingFileDoc = {
      _id: sha256Hex(content),
      providerFileId,
      filename: exists.filename,
      bytes: content.byteLength,
      lines: report.examples,
      tokens: report.tokens.total,
      source: 'UPLOAD',
      createdBy,
      createdAt: new Date(),
    };
    await this.db.trainingFiles.updateOne({ _id: file._id }, { $setOnInsert: file }, { upsert: true });
    return file;
  }
}

/** Runs a provider call, retrying transient failures with backoff (and the provider's retry-after); others become client errors. */
export async function withProviderRetries<T>(what: string, fn: () => Promise<T>, attempts = PROVIDER_ATTEMPTS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      if (!err.transient || attempt + 1 >= attempts) throw upstream(what, err);
      await new Promise((r) => setTimeout(r, backoffMs(attempt, err.retryAfterMs, 100, 2_000)));
    }
  }
}

export function upstream(what: string, err: ProviderError) {
  const code = err.kind === 'rate_limited' || err.kind === 'quota' ? 'RATE_LIMITED' : 'UPSTREAM_ERROR';
  return clientError(code, `${what} failed at the provider: ${err.message}`, {
    providerStatus: err.status,
    providerCode: err.code,
    providerParam: err.param,
  });
}
