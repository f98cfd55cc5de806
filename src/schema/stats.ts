import type { TaskReadiness } from '../services/datasets/readiness.js';
import { readinessVerdict, type TrainingStats } from '../services/collector/stats.js';
import { builder } from './builder.js';
import { PlatformEnum, ToneEnum } from './card.js';
import { TaskEnum } from './sample.js';

export const ReadinessGroupRef = builder
  .objectRef<TaskReadiness['groups'][number]>('ReadinessGroup')
  .implement({
    fields: (t) => ({
      platform: t.expose('platform', { type: PlatformEnum }),
      tone: t.expose('tone', { type: ToneEnum }),
      have: t.exposeInt('have'),
      need: t.exposeInt('need'),
      ready: t.exposeBoolean('ready'),
    }),
  });

export const TaskReadinessRef = builder.objectRef<TaskReadiness>('TaskReadiness').implement({
  description: 'Whether a task has enough samples to fine-tune, with have/need.',
  fields: (t) => ({
    task: t.expose('task', { type: TaskEnum }),
    have: t.exposeInt('have'),
    need: t.exposeInt('need'),
    recommended: t.exposeInt('recommended'),
    ready: t.exposeBoolean('ready'),
    verdict: t.string({ resolve: readinessVerdict }),
    groups: t.field({
      type: [ReadinessGroupRef],
      description: 'Listings: have/need for each platform × tone pair.',
      resolve: (r) => r.groups,
    }),
  }),
});

export const PlatformToneCountRef = builder
  .objectRef<TrainingStats['byPlatformTone'][number]>('PlatformToneCount')
  .implement({
    fields: (t) => ({
      platform: t.expose('platform', { type: PlatformEnum }),
      tone: t.expose('tone', { type: ToneEnum }),
      count: t.exposeInt('count'),
    }),
  });

export const TrainingStatsRef = builder.objectRef<TrainingStats>('TrainingStats').implement({
  description: 'Counts of usable (not rejected) samples, as in the seed, plus readiness per task.',
  fields: (t) => ({
    cardIdentification: t.exposeInt('cardIdentification'),
    listingGeneration: t.exposeInt('listingGeneration'),
    userCorrections: t.exposeInt('userCorrections'),
    totalSamples: t.exposeInt('totalSamples'),
    lastUpdated: t.expose('lastUpdated', { type: 'DateTime', nullable: true }),
    byPlatformTone: t.field({ type: [PlatformToneCountRef], resolve: (s) => s.byPlatformTone }),
    readiness: t.field({ type: [TaskReadinessRef], resolve: (s) => s.readiness }),
  }),
});
