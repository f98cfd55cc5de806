import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { ApiKeyService } from './auth/api-keys.js';
import { CollectorService } from './collector/collector.js';
import { ReviewService } from './collector/review.js';
import { SampleQueryService } from './collector/sample-query.js';
import { StatsService } from './collector/stats.js';
import { DatasetQueryService } from './datasets/dataset-query.js';
import { CostEstimator } from './datasets/estimates.js';
import { DatasetExporter } from './datasets/exporter.js';
import { createEvents } from './events.js';
import { createFineTuningServices } from './finetuning/assemble.js';
import { IdempotencyService } from './idempotency.js';
import type { FineTuningProvider } from './providers/types.js';

/** The domain, assembled once per process and shared by every request. */
export function createServices(deps: { db: Database; config: Config; logger: Logger; provider?: FineTuningProvider }) {
  const { db } = deps;
  const events = createEvents();
  const ft = createFineTuningServices({ ...deps, events });
  return {
    events,
    config: deps.config,
    logger: deps.logger,
    db,
    apiKeys: new ApiKeyService(db),
    idempotency: new IdempotencyService(db),
    collector: new CollectorService(db, events),
    samples: new SampleQueryService(db),
    review: new ReviewService(db, events),
    stats: new StatsService(db),
    provider: ft.provider,
    prices: ft.prices,
    models: ft.models,
    trainingFiles: ft.trainingFiles,
    watcher: ft.watcher,
    jobs: ft.jobs,
    fineTuning: ft.fineTuning,
    datasets: new DatasetQueryService(db),
    datasetExporter: new DatasetExporter({ db, prices: ft.prices, events, logger: deps.logger.child({ component: 'datasets' }) }),
    costEstimator: new CostEstimator({ db, prices: ft.prices, providerFileContent: (id) => ft.provider.fileContent(id) }),
  };
}

export type Services = ReturnType<typeof createServices>;
