import { graphql } from '../../gql/index.js';
import type { Command } from '../command.js';
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

const TASKS = ['CARD_IDENTIFICATION', 'LISTING_GENERATION'] as const;
const STAGES = ['BASE', 'CANDIDATE', 'PRODUCTION', 'ARCHIVED'] as const;

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined | null {
  if (value === undefined) return undefined;
  const upper = String(value).toUpperCase().replace(/-/g, '_');
  return (allowed as readonly string[]).includes(upper) ? (upper as T) : null;
}

export const listModelsCommand: Command = {
  name: 'list-models',
  summary: 'list base and fine-tuned models, newest first',
  usage: 'list-models [--task T] [--stage S] [--limit N] [--json]',
  options: { task: { type: 'string' }, stage: { type: 'string' }, limit: { type: 'string', default: '20' } },
  async run({ options, api, out }) {
    const task = pick(options.task, TASKS);
    const stage = pick(options.stage, STAGES);
    const first = Number(options.limit);
    if (task === null || stage === null || !Number.isInteger(first)) {
      process.stderr.write(`usage: slabtune ${listModelsCommand.usage}\n  tasks: ${TASKS.join(', ')}; stages: ${STAGES.join(', ')}\n`);
      return 2;
    }
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
  },
};
