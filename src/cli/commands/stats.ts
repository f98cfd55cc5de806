import { graphql } from '../../gql/index.js';
import type { Command } from '../command.js';
import { table } from '../output.js';

const TrainingStatsQuery = graphql(`
  query CliTrainingStats {
    trainingStats {
      cardIdentification
      listingGeneration
      userCorrections
      totalSamples
      lastUpdated
      byPlatformTone {
        platform
        tone
        count
      }
      readiness {
        task
        have
        need
        recommended
        ready
        verdict
      }
    }
  }
`);

export const statsCommand: Command = {
  name: 'stats',
  summary: 'training data statistics and readiness per task',
  usage: 'stats [--json]',
  async run({ api, out }) {
    const { trainingStats: s } = await api.request(TrainingStatsQuery);
    out.result(s, (v) =>
      [
        'Training data',
        `  card_identification: ${v.cardIdentification}`,
        `  listing_generation:  ${v.listingGeneration}`,
        `  user_corrections:    ${v.userCorrections}`,
        `  total_samples:       ${v.totalSamples}`,
        `  last_updated:        ${v.lastUpdated ?? 'never'}`,
        '',
        'Listings per platform × tone',
        table(
          ['platform', 'tone', 'count'],
          v.byPlatformTone.map((c) => [c.platform, c.tone, c.count]),
        ),
        '',
        'Readiness',
        table(
          ['task', 'have', 'need', 'ready', 'verdict'],
          v.readiness.map((r) => [r.task, r.have, r.need, r.ready ? 'yes' : 'no', r.verdict]),
        ),
      ].join('\n'),
    );
  },
};
