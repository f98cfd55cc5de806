import type { Database } from '../../db/database.js';
import { PLATFORMS, TONES, type Platform, type Tone } from '../cards/card.js';
import { cardIdReadiness, listingReadiness, type TaskReadiness } from '../datasets/readiness.js';

/** The seed's training statistics, from counting queries (no scans of sample bodies). */

export interface TrainingStats {
  cardIdentification: number;
  listingGeneration: number;
  userCorrections: number;
  totalSamples: number;
  lastUpdated: Date | null;
  byPlatformTone: { platform: Platform; tone: Tone; count: number }[];
  readiness: TaskReadiness[];
}

export class StatsService {
  constructor(private readonly db: Database) {}

  async trainingStats(): Promise<TrainingStats> {
    const usable = { reviewStatus: { $ne: 'REJECTED' as const } };
    const [byTask, corrections, combos, latest] = await Promise.all([
      this.db.samples.aggregate<{ _id: string; n: number }>([{ $match: usable }, { $group: { _id: '$task', n: { $sum: 1 } } }]).toArray(),
      this.db.samples.countDocuments({ ...usable, source: 'USER_CORRECTION' }),
      this.db.samples
        .aggregate<{ _id: { platform: Platform; tone: Tone }; n: number }>([
          { $match: { ...usable, task: 'LISTING_GENERATION' } },
          { $group: { _id: { platform: '$platform', tone: '$tone' }, n: { $sum: 1 } } },
        ])
        .toArray(),
      // No $max accumulator on FerretDB: the newest document by index order instead.
      this.db.samples.find({}, { sort: { updatedAt: -1 }, limit: 1, projection: { updatedAt: 1 } }).toArray(),
    ]);
    const taskCount = (t: string) => byTask.find((r) => r._id === t)?.n ?? 0;
    const byPlatformTone = PLATFORMS.flatMap((platform) =>
      TONES.map((tone) => ({
        platform,
        tone,
        count: combos.find((c) => c._id.platform === platform && c._id.tone === tone)?.n ?? 0,
      })),
    );
    const cardIdentification = taskCount('CARD_IDENTIFICATION');
    const listingGeneration = taskCount('LISTING_GENERATION');
    return {
      cardIdentification,
      listingGeneration,
      userCorrections: corrections,
      totalSamples: cardIdentification + listingGeneration,
      lastUpdated: latest[0]?.updatedAt ?? null,
      byPlatformTone,
      readiness: [cardIdReadiness(cardIdentification), listingReadiness(byPlatformTone)],
    };
  }
}

/** One line a person can act on. */
export function readinessVerdict(r: TaskReadiness): string {
  if (r.ready) return r.have >= r.recommended ? 'ready' : `ready (minimum met; ${r.recommended} recommended)`;
  const short = r.groups.filter((g) => !g.ready);
  if (short.length === 0) return `not ready: ${r.have} of ${r.need} samples`;
  const shown = short.slice(0, 4).map((g) => `${g.platform} × ${g.tone} ${g.have}/${g.need}`);
  return `not ready: ${shown.join(', ')}${short.length > 4 ? ` and ${short.length - 4} more platform × tone pairs` : ''}`;
}
