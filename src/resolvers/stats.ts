import { builder } from '../schema/builder.js';
import { TrainingStatsRef } from '../schema/stats.js';

builder.queryFields((t) => ({
  trainingStats: t.field({
    type: TrainingStatsRef,
    authScopes: { analyst: true },
    resolve: (_root, _args, ctx) => ctx.services.stats.trainingStats(),
  }),
}));

builder.subscriptionFields((t) => ({
  trainingStatsChanged: t.field({
    type: TrainingStatsRef,
    description: 'Fresh training stats whenever samples are added, repeated or reviewed.',
    authScopes: { analyst: true },
    subscribe: (_root, _args, ctx) => ctx.services.events.subscribe('samples:changed'),
    resolve: (_event, _args, ctx) => ctx.services.stats.trainingStats(),
  }),
}));
