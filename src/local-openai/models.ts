import { modelNotFound, OpenAIHttpError } from './errors.js';
import { BlobStore, JsonCollection } from './store.js';
import { createBaseModel } from './trainer/base-model.js';
import { loadFineTunedModel } from './trainer/model.js';
import type { Predictor } from './trainer/predictor.js';

/**
 * The model registry: the base models the price table knows (with OpenAI's announced shutdown
 * dates, OPENAI.md) and the fine-tuned models that jobs produced, with their trained weights.
 * Loaded predictors are cached in memory so a completion never re-reads weights.
 */

export interface BaseModelInfo {
  id: string;
  created: number;
  shutdown_date: string | null;
  /** Whether fine-tuning jobs may start from it. */
  fineTunable: boolean;
}

export const BASE_MODELS: readonly BaseModelInfo[] = [
  { id: 'gpt-4o-mini-2024-07-18', created: 1721172717, shutdown_date: '2027-01-14', fineTunable: true },
  { id: 'gpt-4.1-mini-2025-04-14', created: 1744318173, shutdown_date: '2027-01-14', fineTunable: true },
  { id: 'gpt-4.1-nano-2025-04-14', created: 1744321025, shutdown_date: null, fineTunable: true },
  { id: 'gpt-4.1-2025-04-14', created: 1744316542, shutdown_date: '2027-01-14', fineTunable: true },
  { id: 'gpt-4o-2024-08-06', created: 1722814719, shutdown_date: null, fineTunable: true },
  // Aliases answer chat completions like their snapshots; jobs need a snapshot id.
  { id: 'gpt-4o-mini', created: 1721172741, shutdown_date: null, fineTunable: false },
  { id: 'gpt-4.1-mini', created: 1744318173, shutdown_date: null, fineTunable: false },
  { id: 'gpt-4.1-nano', created: 1744321025, shutdown_date: null, fineTunable: false },
  { id: 'gpt-4o', created: 1715367049, shutdown_date: null, fineTunable: false },
];

/** Fine-tuned models kept loaded in memory at once. */
const CACHED_MODELS = 16;

export interface ModelObject {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  shutdown_date?: string;
}

export interface FineTunedModelRecord {
  id: string;
  created: number;
  owned_by: string;
  base: string;
  jobId: string;
  /** Blob key of the trained weights. */
  weights: string;
  /** Checkpoint models are usable for chat but not listed, as on OpenAI. */
  checkpoint: boolean;
}

export class ModelRegistry {
  private readonly records: JsonCollection<FineTunedModelRecord>;
  private readonly weights: BlobStore;
  private readonly cache = new Map<string, Predictor>();
  private readonly base: Predictor = createBaseModel();

  constructor(dataDir: string) {
    this.records = new JsonCollection<FineTunedModelRecord>(dataDir, 'models');
    this.weights = new BlobStore(dataDir, 'weights');
  }

  baseInfo(id: string): BaseModelInfo | undefined {
    return BASE_MODELS.find((m) => m.id === id);
  }

  saveWeights(key: string, json: string): void {
    this.weights.write(key, json);
  }

  register(record: FineTunedModelRecord): void {
    this.records.put(record);
  }

  private toObject(record: FineTunedModelRecord): ModelObject {
    const shutdown = this.baseInfo(record.base)?.shutdown_date;
    return { id: record.id, object: 'model', created: record.created, owned_by: record.owned_by, ...(shutdown ? { shutdown_date: shutdown } : {}) };
  }

  list(): ModelObject[] {
    const base = BASE_MODELS.map((m): ModelObject => ({
      id: m.id,
      object: 'model',
      created: m.created,
      owned_by: 'system',
      ...(m.shutdown_date ? { shutdown_date: m.shutdown_date } : {}),
    }));
    return [...base, ...this.records.all().filter((r) => !r.checkpoint).map((r) => this.toObject(r))];
  }

  retrieve(id: string): ModelObject {
    const base = this.list().find((m) => m.id === id);
    if (base) return base;
    const record = this.records.get(id);
    if (!record) throw modelNotFound(id);
    return this.toObject(record);
  }

  /** Deletes a fine-tuned model (and its checkpoints' entries stay usable until deleted too). */
  delete(id: string): { id: string; object: 'model'; deleted: true } {
    if (this.baseInfo(id)) {
      throw new OpenAIHttpError(403, `You are not allowed to delete the base model ${id}.`, 'invalid_request_error', 'model', 'model_not_deletable');
    }
    const record = this.records.get(id);
    if (!record) throw modelNotFound(id);
    this.records.delete(id);
    this.cache.delete(id);
    return { id, object: 'model', deleted: true };
  }

  /** The predictor answering chat completions for a model id; 404 model_not_found if unknown. */
  predictor(id: string): Predictor {
    if (this.baseInfo(id)) return this.base;
    const cached = this.cache.get(id);
    if (cached) {
      this.cache.delete(id);
      this.cache.set(id, cached);
      return cached;
    }
    const record = this.records.get(id);
    if (!record) throw modelNotFound(id);
    const json = this.weights.read(record.weights);
    if (!json) throw new OpenAIHttpError(500, `The weights of ${id} are missing from the provider's data directory.`, 'server_error');
    const predictor = loadFineTunedModel(json.toString('utf8'), this.base);
    // Keep the most recently used models loaded; Map iteration order is insertion order.
    if (this.cache.size >= CACHED_MODELS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, predictor);
    return predictor;
  }
}
