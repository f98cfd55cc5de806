import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { ApiKeyService } from './auth/api-keys.js';
import { CollectorService } from './collector/collector.js';
import { ReviewService } from './collector/review.js';
import { SampleQueryService } from './collector/sample-query.js';
import { StatsService } from './collector/stats.js';
import { createEvents } from './events.js';
import { IdempotencyService } from './idempotency.js';

/** The domain, assembled once per process and shared by every request. */
export function createServices(deps: { db: Database; config: Config; logger: Logger }) {
  const { db } = deps;
  const events = createEvents();
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
  };
}

export type Services = ReturnType<typeof createServices>;
