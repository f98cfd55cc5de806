import { hashString, weights, type Weights } from './random.js';
import { PLAYER_ROWS } from './players.js';
import { SETS, type Era, type SetRow } from './sets.js';
import { GENERATED_SPORTS, TEAMS, type GeneratedSport, type Team } from './teams.js';

/**
 * The generator's vocabulary resolved into players and sets, and split into pools.
 *
 * Pools: every player and every set is in 'train' or 'holdout' by a stable hash of its name
 * (about a quarter holdout). A 'train' card has a train player in a train set, a 'holdout'
 * card a holdout player in a holdout set, so an evaluation on the holdout pool sees neither a
 * player nor a set that training saw. 'all' draws from everything. Changing HOLDOUT_SALT
 * reshuffles the split (and every model evaluated against it): do not.
 */

export type Pool = 'train' | 'holdout' | 'all';
export const POOLS: readonly Pool[] = ['train', 'holdout', 'all'];

export const HOLDOUT_SALT = 'slabtune/holdout/v11:';

export function poolOf(name: string): 'train' | 'holdout' {
  return hashString(HOLDOUT_SALT + name) % 4 === 0 ? 'holdout' : 'train';
}

const SUFFIXES = new Set(['Jr.', 'Sr.', 'II', 'III', 'IV']);

export interface Stint {
  team: Team;
  from: number;
}

export interface Player {
  name: string;
  first: string;
  /** Everything between the first name and the suffix: "De La Cruz", "van Riemsdyk". */
  last: string;
  suffix: string | null;
  sport: GeneratedSport;
  from: number;
  to: number;
  position: string;
  stints: readonly Stint[];
}

/** A set a player has cards in, with the years (first year of a season) it overlaps his career. */
export interface PlayerSet {
  set: SetRow;
  eras: readonly Era[];
  years: number;
}

export interface CatalogPlayer {
  player: Player;
  /** His sets, weighted by how common the set is. */
  sets: Weights<PlayerSet>;
  /** Sets that made a card in his rookie year, if any. */
  rookieSets: Weights<SetRow> | null;
}

export interface Catalog {
  pool: Pool;
  bySport: Readonly<Record<GeneratedSport, readonly CatalogPlayer[]>>;
  /** Sports that have at least one drawable player in this pool. */
  sports: readonly GeneratedSport[];
}

function parsePlayer(sport: GeneratedSport, [name, from, to, position, teams]: readonly [string, number, number, string, string]): Player {
  const words = name.split(' ');
  const tail = words[words.length - 1]!;
  const suffix = words.length > 2 && SUFFIXES.has(tail) ? tail : null;
  const first = words[0]!;
  const last = words.slice(1, suffix ? -1 : undefined).join(' ');
  const stints = teams.split(' ').map((entry, i) => {
    const [abbr, year] = entry.split(':');
    const team = TEAMS[sport].get(abbr!);
    if (!team) throw new Error(`player ${name}: unknown ${sport} team ${abbr}`);
    return { team, from: i === 0 ? from : Number(year) };
  });
  return { name, first, last, suffix, sport, from, to, position, stints };
}

export const PLAYERS: readonly Player[] = GENERATED_SPORTS.flatMap((sport) => PLAYER_ROWS[sport].map((row) => parsePlayer(sport, row)));

/** The team on a player's card of a given year: the last stint that began by then. */
export function teamIn(player: Player, year: number): Team {
  let team = player.stints[0]!.team;
  for (const stint of player.stints) if (stint.from <= year) team = stint.team;
  return team;
}

function overlap(eras: readonly Era[], from: number, to: number): Era[] {
  const out: Era[] = [];
  for (const [a, b] of eras) {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

function inPool(name: string, pool: Pool): boolean {
  return pool === 'all' || poolOf(name) === pool;
}

const built = new Map<Pool, Catalog>();

/** The catalog of a pool; built once per pool and shared, since nothing changes it. */
export function buildCatalog(pool: Pool): Catalog {
  let catalog = built.get(pool);
  if (!catalog) {
    catalog = resolve(pool);
    built.set(pool, catalog);
  }
  return catalog;
}

function resolve(pool: Pool): Catalog {
  const sets = SETS.filter((s) => inPool(s.name, pool));
  const bySport = {} as Record<GeneratedSport, CatalogPlayer[]>;
  for (const sport of GENERATED_SPORTS) bySport[sport] = [];
  for (const player of PLAYERS) {
    if (!inPool(player.name, pool)) continue;
    const playerSets: PlayerSet[] = [];
    for (const set of sets) {
      const eras = overlap(set.eras[player.sport] ?? [], player.from, player.to);
      if (eras.length === 0) continue;
      playerSets.push({ set, eras, years: eras.reduce((n, [a, b]) => n + b - a + 1, 0) });
    }
    if (playerSets.length === 0) continue;
    const rookieSets = playerSets.filter((ps) => ps.eras.some(([a]) => a === player.from)).map((ps) => [ps.set, ps.set.popularity ?? 1] as const);
    bySport[player.sport].push({
      player,
      sets: weights(playerSets.map((ps) => [ps, ps.set.popularity ?? 1] as const)),
      rookieSets: rookieSets.length > 0 ? weights(rookieSets) : null,
    });
  }
  return { pool, bySport, sports: GENERATED_SPORTS.filter((s) => bySport[s].length > 0) };
}
