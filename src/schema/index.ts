import { builder } from './builder.js';
import './card.js';
import './sample.js';
import './collect.js';
import './stats.js';
import './auth.js';
import './job.js';
import './model.js';
import './dataset.js';
import '../resolvers/samples.js';
import '../resolvers/stats.js';
import '../resolvers/auth.js';
import '../resolvers/jobs.js';
import '../resolvers/models.js';
import '../resolvers/datasets.js';

/** Assembles the schema: every type and resolver module registers itself on import. */
export function buildSchema() {
  return builder.toSchema({ sortSchema: true });
}
