import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import type { Events } from '../events.js';
import { OpenAIProvider } from '../providers/openai.js';
import { providerSettings } from '../providers/settings.js';
import type { FineTuningProvider } from '../providers/types.js';
import { ModelRegistryService } from '../registry/models.js';
import { createPriceTable, parsePriceOverrides, type PriceTable } from '../tokens/prices.js';
import { TrainingFileService } from './files.js';
import { FineTuningService } from './orchestrator.js';
import { JobQueryService } from './queries.js';
import { JobSync } from './sync.js';
import { JobWatcher } from './watcher.js';

/** The fine-tuning services of one API instance, sharing one provider, one price table and one watcher identity. */
export function createFineTuningServices(deps: {
  db: Database;
  config: Config;
  logger: Logger;
  events: Events;
  /** The provider to use; by default the one the configuration names (which must not be the in-process local one). */
  provider?: FineTuningProvider;
}) {
  const { db, config, events } = deps;
  const logger = deps.logger.child({ component: 'finetuning' });
  const provider = deps.provider ?? new OpenAIProvider(providerSettings(config));
  const prices: PriceTable = createPriceTable(config.pricesJson ? parsePriceOverrides(config.pricesJson) : undefined);
  // Unique per instance, also for two instances in one process (tests).
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const { intervalMs, leaseMs } = config.watcher;
  const models = new ModelRegistryService(db);
  const trainingFiles = new TrainingFileService(db, provider, prices, logger);
  const sync = new JobSync({ db, provider, events, models, prices, logger, intervalMs });
  const watcher = new JobWatcher(db, sync, logger, { owner, intervalMs, leaseMs, maxBackoffMs: Math.max(intervalMs, 30_000), concurrency: 16 });
  return {
    provider,
    prices,
    models,
    trainingFiles,
    watcher,
    jobs: new JobQueryService(db, events, intervalMs),
    fineTuning: new FineTuningService({ db, provider, files: trainingFiles, sync, watcher, models, events, logger, owner, leaseMs }),
  };
}
