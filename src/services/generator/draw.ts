import type { CardData } from '../cards/card.js';
import { teamIn, type Catalog, type CatalogPlayer, type Player } from './catalog.js';
import { certNumber, drawCompany, drawGrade, subgrades, type GeneratedCompany } from './grading.js';
import { weights, type Random } from './random.js';
import type { SetRow, VariationRow } from './sets.js';
import type { GeneratedSport, Team } from './teams.js';

/**
 * One true card and everything the text around it needs (set, team, slab details). Scans,
 * corrections and listings all start from a draw; only `card` is ever the label.
 */
export interface DrawnCard {
  card: CardData;
  player: Player;
  set: SetRow;
  /** The calendar year printed on a slab label: the first year of a season. */
  startYear: number;
  team: Team;
  rookie: boolean;
  company: GeneratedCompany | null;
  cert: string | null;
  /** BGS only, when the label shows them: centering, corners, edges, surface. */
  subgrades: readonly number[] | null;
}

/** Share of scans that are graded cards. */
export const GRADED_SHARE = 0.6;

/** Collector interest, not roster size: hockey cards are scanned less often. */
const SPORT_SHARES: readonly (readonly [GeneratedSport, number])[] = [
  ['BASEBALL', 30],
  ['BASKETBALL', 30],
  ['FOOTBALL', 25],
  ['HOCKEY', 15],
];

/** Rookie cards are what people grade, scan and sell. */
const ROOKIE_BIAS = 0.35;

export function seasonText(sport: GeneratedSport, startYear: number): string {
  if (sport === 'BASKETBALL' || sport === 'HOCKEY') return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
  return String(startYear);
}

function fits(row: { from?: number; to?: number; sports?: readonly GeneratedSport[]; rookie?: boolean }, sport: GeneratedSport, year: number, rookie: boolean): boolean {
  return (
    (row.from === undefined || year >= row.from) &&
    (row.to === undefined || year <= row.to) &&
    (row.sports === undefined || row.sports.includes(sport)) &&
    (!row.rookie || rookie)
  );
}

/**
 * Weight of "no variation" against a set's variation weights: a set with many parallels has
 * more of them in circulation, and older cards rarely have any.
 */
const BASE_WEIGHT = { modern: 12, vintage: 40 };
/** Against a rookie subset's weight: most Donruss rookies are Rated Rookies, few are autographs. */
const ROOKIE_BASE_WEIGHT = 4;

function drawVariation(rng: Random, set: SetRow, sport: GeneratedSport, year: number, rookie: boolean): VariationRow | null {
  const eligible = set.variations.filter((v) => fits(v, sport, year, rookie));
  if (eligible.length === 0) return null;
  const rookieOnes: (readonly [VariationRow | null, number])[] = rookie ? eligible.filter((v) => v.rookie).map((v) => [v, v.weight ?? 1] as const) : [];
  if (rookieOnes.length > 0) {
    const chosen = rng.weighted([...rookieOnes, [null, ROOKIE_BASE_WEIGHT]]);
    if (chosen) return chosen;
  }
  const plain: (readonly [VariationRow | null, number])[] = eligible.filter((v) => !v.rookie).map((v) => [v, v.weight ?? 1] as const);
  return rng.weighted([...plain, [null, year < 1990 ? BASE_WEIGHT.vintage : BASE_WEIGHT.modern]]);
}

function drawNumber(rng: Random, set: SetRow, variation: VariationRow | null, sport: GeneratedSport, year: number, rookie: boolean): string {
  if (variation?.numbers) return String(rng.int(variation.numbers[0], variation.numbers[1]));
  for (const row of set.numbers ?? []) {
    if (fits(row, sport, year, rookie) && rng.chance(row.share)) return `${row.prefix}${rng.int(1, row.max)}`;
  }
  return String(rng.int(1, set.size));
}

function drawPlayerSet(rng: Random, entry: CatalogPlayer): { set: SetRow; year: number } {
  const { player } = entry;
  if (entry.rookieSets && rng.chance(ROOKIE_BIAS)) return { set: rng.draw(entry.rookieSets), year: player.from };
  const chosen = rng.draw(entry.sets);
  let k = rng.int(0, chosen.years - 1);
  for (const [a, b] of chosen.eras) {
    if (k <= b - a) return { set: chosen.set, year: a + k };
    k -= b - a + 1;
  }
  return { set: chosen.set, year: chosen.eras[0]![0] };
}

/** A function drawing true cards from a catalog (its sport shares prepared once). */
export function cardDrawer(catalog: Catalog): (rng: Random) => DrawnCard {
  const sports = weights(SPORT_SHARES.filter(([s]) => catalog.sports.includes(s)));
  return (rng) => drawCard(rng, catalog, rng.draw(sports));
}

function drawCard(rng: Random, catalog: Catalog, sport: GeneratedSport): DrawnCard {
  const entry = rng.pick(catalog.bySport[sport]);
  const { player } = entry;
  const { set, year } = drawPlayerSet(rng, entry);
  const rookie = year === player.from;
  const variationRow = drawVariation(rng, set, sport, year, rookie);
  const cardNumber = drawNumber(rng, set, variationRow, sport, year, rookie);
  const variation = variationRow ? variationRow.name.replace('{year}', String(year)) : null;

  let company: GeneratedCompany | null = null;
  let grade: number | null = null;
  let cert: string | null = null;
  let subs: number[] | null = null;
  if (rng.chance(GRADED_SHARE)) {
    company = drawCompany(rng);
    grade = drawGrade(rng, company, year);
    cert = certNumber(rng, company);
    if (company === 'BGS' && rng.chance(0.7)) subs = subgrades(rng, grade);
  }

  return {
    card: {
      player: player.name,
      year: seasonText(sport, year),
      brand: set.brand,
      cardNumber,
      variation,
      sport,
      grade,
      gradingCompany: company,
    },
    player,
    set,
    startYear: year,
    team: teamIn(player, year),
    rookie,
    company,
    cert,
    subgrades: subs,
  };
}
