import { graphql } from '../../gql/index.js';
import type { Command } from '../command.js';
import { MODEL_STAGES, TASKS } from '../../db/documents.js';
import { numberOption, oneOf, usageGuard } from '../options.js';
import { table } from '../output.js';

const ListModels = graphql(`
  query CliListModels($first: Int, $filter: ModelFilter) {
    models(first: $first, filter: $filter) {
      totalCount
      edges {
        node {
          id
          providerModelId
          task
          stage
          baseModel
          trainedTokens
          costUsd
          shutdownDate
          createdAt
          job {
            id
          }
        }
      }
    }
  }
`);

export const listModelsCommand: Command = {
  name: 'list-models',
  summary: 'list base and fine-tuned models, newest first',
  usage: 'list-models [--task T] [--stage S] [--limit N] [--json]',
  options: { task: { type: 'string' }, stage: { type: 'string' }, limit: { type: 'string', default: '20' } },
  run: usageGuard(async ({ options, api, out }) => {
    const task = oneOf(options.task, TASKS, '--task');
    const stage = oneOf(options.stage, MODEL_STAGES, '--stage');
    const first = numberOption(options.limit, '--limit', true);
    const { models } = await api.request(ListModels, { first, filter: { task, stage } });
    const nodes = models.edges.map((e) => e.node);
    out.result(out.json ? { totalCount: models.totalCount, models: nodes } : nodes, () =>
      [
        `${models.totalCount} model${models.totalCount === 1 ? '' : 's'}`,
        table(
          ['model', 'stage', 'task', 'base', 'trained tokens', 'cost USD', 'shutdown', 'job'],
          nodes.map((m) => [m.providerModelId, m.stage, m.task, m.baseModel, m.trainedTokens, m.costUsd?.toFixed(4), m.shutdownDate, m.job?.id]),
        ),
      ].join('\n'),
    );
  }),
};
