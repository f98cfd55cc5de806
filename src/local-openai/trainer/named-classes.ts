import type { ScanToken } from './scan-tokens.js';

/** The names and marks a grading company prints on its labels, folded as `ScanToken.norm` folds them. */
export const COMPANY_MARKS: Readonly<Record<string, string>> = { psa: 'PSA', bgs: 'BGS', beckett: 'BGS', sgc: 'SGC', cgc: 'CGC', csg: 'CSG', hga: 'HGA' };

/** Sports by name and by league ("MAJOR LEAGUE BASEBALL", "OFFICIALLY LICENSED PRODUCT OF THE NBA"). */
export const SPORT_MARKS: Readonly<Record<string, string>> = {
  baseball: 'BASEBALL', mlb: 'BASEBALL', basketball: 'BASKETBALL', nba: 'BASKETBALL', football: 'FOOTBALL', nfl: 'FOOTBALL',
  hockey: 'HOCKEY', nhl: 'HOCKEY', nhlpa: 'HOCKEY', soccer: 'SOCCER', mls: 'SOCCER',
};

/**
 * The classes a scan names outright: the grading companies on a label ("BECKETT GRADING
 * SERVICES", a caption's "in a PSA slab"), the sports and leagues in a caption or licence line.
 * A slab names its grader and a caption its sport, so when the scan names any, the answer is
 * among them; the learned classifier decides between them, or alone when none is named.
 */
export function namedClasses(tokens: readonly ScanToken[], marks: Readonly<Record<string, string>>): Set<string> {
  const named = new Set<string>();
  for (const t of tokens) {
    const c = marks[t.norm];
    if (c) named.add(c);
  }
  return named;
}
