import type { Readable } from 'node:stream';
import type { Database } from '../../db/database.js';
import type { DatasetDoc } from '../../db/documents.js';
import { badInput, clientError, preconditionFailed } from '../../errors.js';
import { createChatTokenCounter } from '../tokens/count.js';
import { estimateCost, type CostEstimate } from '../tokens/cost.js';
import { lookupModel, UnknownModelError, type ModelPricing, type PriceTable } from '../tokens/prices.js';
import { openDatasetFile } from './dataset-files.js';
import { reportOf } from './dataset-query.js';
import { FormatChecker, type FileCheckReport } from './format-check.js';
import { DEFAULT_BASE_MODEL } from './pipeline.js';

/**
 * Training cost estimates (the seed's `estimate`): of a dataset's training file, of a JSONL text
 * sent inline, and of a file uploaded with uploadTrainingFile. Only the training file is billed
 * (epochs × Σ min(limit, tokens of each example)); epochs follow OpenAI's default rule when not
 * given. Token counts use the model's encoding and the cookbook's chat formula.
 */

export interface FileEstimate {
  /** Over the valid examples; null when there is none. */
  estimate: CostEstimate | null;
  /** The format check, when the file was read for this estimate. */
  check: FileCheckReport | null;
}

export interface CostEstimatorDeps {
  db: Database;
  prices: PriceTable;
  /** The content of a provider file (for a file whose stored counts do not fit the model asked about). */
  providerFileContent?: (providerFileId: string) => Promise<Buffer>;
}

/** JSONL lines of a text: one trailing newline ends the file; a CR before a newline is dropped. */
export function jsonlLines(text: string): string[] {
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** The lines of a UTF-8 stream, without their newlines. */
export async function* streamLines(stream: Readable): AsyncGenerator<string, void, undefined> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      yield text.slice(start, nl);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield rest;
}

export class CostEstimator {
  constructor(private readonly deps: CostEstimatorDeps) {}

  /** The price entry of a model, or BAD_USER_INPUT on `field`. */
  pricing(model: string, field: string): ModelPricing {
    try {
      return lookupModel(this.deps.prices, model);
    } catch (err) {
      if (err instanceof UnknownModelError) {
        throw badInput(field, `no price entry for ${model}; known: ${Object.keys(this.deps.prices.models).join(', ')}`);
      }
      throw err;
    }
  }

  /**
   * A dataset's training file. The counts stored at export are used when they apply (same
   * encoding, no example over the model's limit); otherwise the file is read back from GridFS and
   * counted for this model.
   */
  async forDataset(doc: DatasetDoc, model: string, epochs: number | null, field = 'baseModel'): Promise<CostEstimate> {
    const pricing = this.pricing(model, field);
    const train = doc.files.find((f) => f.split === 'TRAIN');
    if (!train || train.lines === 0) {
      throw preconditionFailed(`dataset ${doc.name} has an empty training file`, { have: 0, need: 1 });
    }
    const report = reportOf(doc);
    const prices = this.deps.prices;
    if (report && report.encoding === pricing.encoding && train.tokens.max <= pricing.maxTokensPerExample) {
      return estimateCost({ model, exampleCount: train.lines, billableTokensPerEpoch: train.tokens.total, epochs, prices });
    }
    const counter = await createChatTokenCounter(pricing.encoding);
    let exampleCount = 0;
    let billable = 0;
    const stream = openDatasetFile(this.deps.db, train);
    for await (const line of streamLines(stream)) {
      const parsed = JSON.parse(line) as { messages: Parameters<typeof counter.countMessages>[0] };
      exampleCount += 1;
      billable += Math.min(pricing.maxTokensPerExample, counter.countMessages(parsed.messages));
    }
    return estimateCost({ model, exampleCount, billableTokensPerEpoch: billable, epochs, prices });
  }

  /** A JSONL text: the format check (cookbook error classes, token statistics) and the estimate over its valid examples. */
  async forJsonl(text: string, model: string, epochs: number | null, field = 'input.baseModel'): Promise<FileEstimate> {
    const pricing = this.pricing(model, field);
    const checker = new FormatChecker({ counter: await createChatTokenCounter(pricing.encoding), tokenLimit: pricing.maxTokensPerExample });
    for (const line of jsonlLines(text)) checker.addLine(line);
    const check = checker.report();
    const estimate =
      check.tokens.examples > 0
        ? estimateCost({ model, exampleCount: check.tokens.examples, billableTokensPerEpoch: check.tokens.billable, epochs, prices: this.deps.prices })
        : null;
    return { estimate, check };
  }

  /**
   * A file uploaded with uploadTrainingFile (by its provider file id). Its stored counts were
   * made with the default base model's encoding when it was checked; for a model with another
   * encoding the file is fetched from the provider and counted again.
   */
  async forTrainingFile(providerFileId: string, model: string, epochs: number | null): Promise<FileEstimate> {
    const pricing = this.pricing(model, 'input.baseModel');
    const file = await this.deps.db.trainingFiles.findOne({ providerFileId });
    if (!file) {
      throw clientError('NOT_FOUND', `no file ${providerFileId} was uploaded through this API`, { field: 'input.trainingFileId', id: providerFileId });
    }
    const counted = this.pricing(DEFAULT_BASE_MODEL, 'input.baseModel').encoding;
    if (counted === pricing.encoding) {
      const estimate = estimateCost({ model, exampleCount: file.lines, billableTokensPerEpoch: file.tokens, epochs, prices: this.deps.prices });
      return { estimate, check: null };
    }
    if (!this.deps.providerFileContent) {
      throw badInput('input.baseModel', `${file.filename} was counted with ${counted}; ${model} uses ${pricing.encoding}`);
    }
    const content = await this.deps.providerFileContent(providerFileId);
    return this.forJsonl(content.toString('utf8'), model, epochs);
  }
}
