import { builder } from './builder.js';
import './card.js';
import './sample.js';
import './collect.js';
import './stats.js';
import './auth.js';
import '../resolvers/samples.js';
import '../resolvers/stats.js';
import '../resolvers/auth.js';

/** Assembles the schema: every type and resolver module registers itself on import. */
export function buildSchema() {
  return builder.toSchema({ sortSchema: true });
}
