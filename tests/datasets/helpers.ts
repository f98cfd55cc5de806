import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { get_encoding, type Tiktoken } from 'tiktoken';
import type { Database } from '../../src/db/database.js';
import type { CardSampleDoc, ListingSampleDoc, ReviewStatus, SampleSource } from '../../src/db/documents.js';
import { graphql } from '../../src/gql/index.js';
import type { CardData, Platform, Tone } from '../../src/services/cards/card.js';
import { sampleContentHash } from '../../src/services/collector/content-hash.js';
import { createGenerator, type GeneratedListing, type GeneratedScan } from '../../src/services/generator/generator.js';
import type { TestApp } from '../harness.js';

/**
 * Dataset test helpers. Samples are stored straight into the samples collection in the shape the
 * collector writes (fast; the collecting mutations have tests of their own), except where a test
 * is about what the API lets in.
 */

export const DatasetFields = graphql(`
  fragment TestDatasetFields on Dataset {
    id
    name
    task
    version
    status
    contentHash
    promptVersion
    seed
    validationFraction
    testFraction
    filters {
      minConfidence
      reviewStatuses
      sources
      platforms
      tones
      baseModel
      maxTokensPerExample
    }
    files {
      split
      filename
      fileId
      lines
      bytes
      sha256
      downloadUrl
      tokens {
        examples
        total
        billable
        max
        mean
        limit
      }
    }
    report {
      samples
      kept
      duplicatesRemoved
      nearDuplicateRule
      exclusions {
        reason
        rule
        count
        sampleIds
      }
      conflicts {
        groups
        samplesExcluded
      }
      formatErrors {
        errorClass
        count
      }
      tokens {
        examples
        total
        max
        limit
      }
      strata {
        stratum
        train
        validation
        test
      }
      diversity {
        total
        dimensions {
          dimension
          values {
            value
            count
            share
          }
        }
        warnings {
          dimension
          value
          share
          threshold
        }
      }
      readiness {
        task
        have
        need
        ready
      }
      warnings {
        code
        message
      }
      encoding
      tokenizer
      tokenLimit
    }
  }
`);

export const ExportDataset = graphql(`
  mutation TestExportDataset($input: ExportDatasetInput!) {
    exportDataset(input: $input) {
      created
      dataset {
        ...TestDatasetFields
      }
    }
  }
`);

export const DatasetById = graphql(`
  query TestDatasetById($id: ID!, $model: String, $epochs: Int) {
    dataset(id: $id) {
      ...TestDatasetFields
      costEstimate(baseModel: $model, epochs: $epochs) {
        model
        estimatedTokens
        epochs
        costPer1mTokens
        estimatedCostUsd
        exampleCount
        tokensPerEpoch
        epochsSource
      }
    }
  }
`);

export const Datasets = graphql(`
  query TestDatasets($filter: DatasetFilter, $first: Int, $after: String) {
    datasets(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          task
          version
          createdAt
        }
      }
    }
  }
`);

export const EstimateCost = graphql(`
  query TestEstimateCost($input: EstimateCostInput!) {
    estimateCost(input: $input) {
      estimate {
        model
        estimatedTokens
        epochs
        costPer1mTokens
        estimatedCostUsd
        exampleCount
        tokensPerEpoch
        epochsSource
        tokenLimitPerExample
      }
      fileCheck {
        examples
        validExamples
        examplesWithErrors
        errors {
          errorClass
          count
        }
        firstErrors {
          line
          errors
        }
        ok
      }
    }
  }
`);

export const ExportProgress = graphql(`
  subscription TestDatasetExportProgress($key: String!) {
    datasetExportProgress(idempotencyKey: $key) {
      phase
      samplesRead
      samplesTotal
      kept
      message
      dataset {
        id
        version
      }
    }
  }
`);

const now = () => new Date();

/** A card-ID sample as the collector stores it. */
export function cardSample(
  scan: { ocrText: string; imageDescription?: string | null; card: CardData },
  over: { reviewStatus?: ReviewStatus; confidence?: number; source?: SampleSource; createdAt?: Date; _id?: string; contentHash?: string } = {},
): CardSampleDoc {
  const input = { ocrText: scan.ocrText, imageDescription: scan.imageDescription ?? null };
  const at = over.createdAt ?? now();
  return {
    _id: over._id ?? new ObjectId().toHexString(),
    task: 'CARD_IDENTIFICATION',
    source: over.source ?? 'VALIDATED_SCAN',
    reviewStatus: over.reviewStatus ?? 'APPROVED',
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    confidence: over.confidence ?? 0.95,
    userId: null,
    contentHash: over.contentHash ?? sampleContentHash({ task: 'CARD_IDENTIFICATION', input, output: scan.card }),
    repeatCount: 0,
    countedOps: [],
    createdBy: 'test',
    createdAt: at,
    updatedAt: at,
    input,
    output: scan.card,
    originalPrediction: null,
    correctedFields: [],
    predictionId: null,
  };
}

export function listingSample(l: GeneratedListing, over: { reviewStatus?: ReviewStatus } = {}): ListingSampleDoc {
  const input = { card: l.card, platform: l.platform, tone: l.tone };
  const output = { title: l.title, description: l.description };
  return {
    _id: new ObjectId().toHexString(),
    task: 'LISTING_GENERATION',
    source: 'MANUAL',
    reviewStatus: over.reviewStatus ?? 'APPROVED',
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    confidence: 1,
    userId: null,
    contentHash: sampleContentHash({ task: 'LISTING_GENERATION', input, output }),
    repeatCount: 0,
    countedOps: [],
    createdBy: 'test',
    createdAt: now(),
    updatedAt: now(),
    input,
    output,
    platform: l.platform,
    tone: l.tone,
  };
}

/** `n` generated scans (unique content), stored as APPROVED card-ID samples. */
export async function insertScans(db: Database, n: number, seed: number): Promise<CardSampleDoc[]> {
  const docs = uniqueScans(n, seed).map((s) => cardSample(s));
  if (docs.length) await db.samples.insertMany(docs);
  return docs;
}

/** Generated scans with distinct OCR text (the generator can repeat a card and its text). */
export function uniqueScans(n: number, seed: number): GeneratedScan[] {
  const gen = createGenerator({ seed, noise: 0.3 });
  const seen = new Set<string>();
  const out: GeneratedScan[] = [];
  while (out.length < n) {
    const s = gen.scan();
    const key = s.ocrText.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}

export async function insertListings(db: Database, n: number, seed: number, platform?: Platform, tone?: Tone): Promise<ListingSampleDoc[]> {
  const docs = createGenerator({ seed }).listings(n, platform, tone).map((l) => listingSample(l));
  if (docs.length) await db.samples.insertMany(docs);
  return docs;
}

/** GETs a download URL of the API with a key. */
export async function download(t: TestApp, path: string, key: string | null = t.adminKey): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The JSONL lines of a file body (its trailing newline ends the last one). */
export const linesOf = (body: string) => (body === '' ? [] : body.slice(0, -1).split('\n'));

let o200k: Tiktoken | null = null;
/**
 * Tokens of one training line by the cookbook formula, counted independently with the `tiktoken`
 * package (OpenAI's own tokenizer): 3 per message + its role and content, + 3 reply priming.
 */
export function tiktokenCount(line: string): number {
  o200k ??= get_encoding('o200k_base');
  const { messages } = JSON.parse(line) as { messages: { role: string; content: string }[] };
  let n = 3;
  for (const m of messages) n += 3 + o200k.encode_ordinary(m.role).length + o200k.encode_ordinary(m.content).length;
  return n;
}

export function freeTiktoken(): void {
  o200k?.free();
  o200k = null;
}

/** Counts of documents that an export leaves behind. */
export async function stored(db: Database) {
  return {
    datasets: await db.datasets.countDocuments({}),
    files: await db.db.collection('datasetFiles.files').countDocuments({}),
    chunks: await db.db.collection('datasetFiles.chunks').countDocuments({}),
  };
}
