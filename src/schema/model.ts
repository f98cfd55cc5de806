import { encodeGlobalID } from '@pothos/plugin-relay';
import { MODEL_STAGES, type ModelDoc } from '../db/documents.js';
import { builder } from './builder.js';
import { Dataset } from './dataset.js';
import { FineTuningJob } from './job.js';
import { TaskEnum } from './sample.js';

export const ModelStageEnum = builder.enumType('ModelStage', { values: MODEL_STAGES });

export const Model = builder.loadableNodeRef<ModelDoc, string>('Model', {
  id: { resolve: (m) => m._id },
  load: (ids: string[], ctx) => ctx.services.models.byIds(ids),
  sort: (m) => m._id,
});

Model.implement({
  description: 'A model we can serve: a base model, or one a fine-tuning job produced (with its lineage dataset → job → model).',
  fields: (t) => ({
    providerModelId: t.exposeString('providerModelId', { description: 'e.g. ft:gpt-4o-mini-2024-07-18:slabstak:card-id:abc123' }),
    task: t.expose('task', { type: TaskEnum, nullable: true, description: 'Null for a base model, which serves every task.' }),
    baseModel: t.exposeString('baseModel'),
    stage: t.expose('stage', { type: ModelStageEnum }),
    job: t.field({ type: FineTuningJob, nullable: true, description: 'The job that trained it.', resolve: (m) => m.jobId }),
    datasetId: t.id({
      nullable: true,
      description: 'The Dataset it was trained on (null for a base model or a bring-your-own file).',
      resolve: (m) => (m.datasetId ? encodeGlobalID('Dataset', m.datasetId) : null),
    }),
    dataset: t.field({ type: Dataset, nullable: true, description: 'The Dataset it was trained on.', resolve: (m) => m.datasetId }),
    trainedTokens: t.exposeInt('trainedTokens', { nullable: true, description: 'Billed training tokens.' }),
    costUsd: t.exposeFloat('costUsd', { nullable: true, description: 'Actual training cost: trained tokens × the price table.' }),
    shutdownDate: t.exposeString('shutdownDate', { nullable: true, description: 'YYYY-MM-DD when the provider retires it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const ModelFilterRef = builder.inputType('ModelFilter', {
  fields: (t) => ({
    task: t.field({ type: TaskEnum }),
    stage: t.field({ type: ModelStageEnum }),
  }),
});
