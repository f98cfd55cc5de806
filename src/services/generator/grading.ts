import type { GradingCompany } from '../cards/card.js';
import { weights, type Random } from './random.js';

/**
 * Slabs: which companies grade how much, what grades they give, how their labels word a grade
 * and what their cert numbers look like. Shares are of graded cards in a collector app, not
 * of the whole market; PSA gives mostly whole grades, BGS lives on the half points.
 */

export type GeneratedCompany = Extract<GradingCompany, 'PSA' | 'BGS' | 'SGC' | 'CGC' | 'CSG'>;

export const COMPANY_SHARES = weights<GeneratedCompany>([
  ['PSA', 55],
  ['BGS', 18],
  ['SGC', 14],
  ['CGC', 8],
  ['CSG', 5],
]);

type GradeTable = readonly (readonly [number, number])[];

const MODERN_TABLES: Readonly<Record<GeneratedCompany, GradeTable>> = {
  PSA: [[10, 28], [9, 30], [8.5, 1.5], [8, 16], [7.5, 1], [7, 8], [6.5, 0.6], [6, 5], [5.5, 0.4], [5, 3], [4.5, 0.2], [4, 2], [3.5, 0.2], [3, 1.5], [2.5, 0.1], [2, 1], [1.5, 0.1], [1, 0.5]],
  BGS: [[10, 3], [9.5, 30], [9, 26], [8.5, 15], [8, 10], [7.5, 6], [7, 4], [6.5, 2], [6, 1.5], [5.5, 0.7], [5, 0.5], [4.5, 0.3], [4, 0.3], [3, 0.2], [2, 0.1]],
  SGC: [[10, 12], [9.5, 14], [9, 24], [8.5, 12], [8, 14], [7.5, 5], [7, 7], [6.5, 2], [6, 4], [5.5, 1], [5, 3], [4, 2], [3, 1.5], [2, 1], [1, 0.5]],
  CGC: [[10, 20], [9.5, 28], [9, 22], [8.5, 10], [8, 9], [7.5, 4], [7, 3], [6.5, 1], [6, 2], [5, 1], [4, 0.5], [3, 0.3]],
  CSG: [[10, 18], [9.5, 28], [9, 22], [8.5, 11], [8, 9], [7.5, 4], [7, 4], [6, 2], [5, 1], [4, 0.5]],
};

/** Cards from before 1980 rarely survive in gem condition. */
const VINTAGE_TABLE: GradeTable = [
  [10, 0.3], [9, 2], [8.5, 2], [8, 10], [7.5, 3], [7, 18], [6.5, 3], [6, 18], [5.5, 2], [5, 14],
  [4.5, 2], [4, 12], [3.5, 2], [3, 9], [2.5, 2], [2, 7], [1.5, 2], [1, 4],
];

const MODERN = {
  PSA: weights(MODERN_TABLES.PSA),
  BGS: weights(MODERN_TABLES.BGS),
  SGC: weights(MODERN_TABLES.SGC),
  CGC: weights(MODERN_TABLES.CGC),
  CSG: weights(MODERN_TABLES.CSG),
};
const VINTAGE = weights(VINTAGE_TABLE);

export function drawCompany(rng: Random): GeneratedCompany {
  return rng.draw(COMPANY_SHARES);
}

export function drawGrade(rng: Random, company: GeneratedCompany, year: number): number {
  if (year >= 1980) return rng.draw(MODERN[company]);
  const grade = rng.draw(VINTAGE);
  // PSA half grades exist but most vintage PSA slabs still carry a whole number.
  return company === 'PSA' && !Number.isInteger(grade) && rng.chance(0.7) ? Math.floor(grade) : grade;
}

const PSA_WORDS: Record<number, string> = {
  10: 'GEM MT', 9: 'MINT', 8.5: 'NM-MT+', 8: 'NM-MT', 7.5: 'NM+', 7: 'NM', 6.5: 'EX-MT+', 6: 'EX-MT', 5.5: 'EX+',
  5: 'EX', 4.5: 'VG-EX+', 4: 'VG-EX', 3.5: 'VG+', 3: 'VG', 2.5: 'GOOD+', 2: 'GOOD', 1.5: 'FR', 1: 'PR',
};
const BGS_WORDS: Record<number, string> = {
  10: 'PRISTINE', 9.5: 'GEM MINT', 9: 'MINT', 8.5: 'NM-MT+', 8: 'NM-MT', 7.5: 'NEAR MINT+', 7: 'NEAR MINT',
  6.5: 'EX-MT+', 6: 'EX-MT', 5.5: 'EXCELLENT+', 5: 'EXCELLENT', 4.5: 'VG-EX+', 4: 'VG-EX', 3.5: 'VERY GOOD+',
  3: 'VERY GOOD', 2.5: 'GOOD+', 2: 'GOOD', 1.5: 'FAIR', 1: 'POOR',
};
const SGC_WORDS: Record<number, string> = {
  10: 'GEM MINT', 9.5: 'MINT+', 9: 'MINT', 8.5: 'NM-MT+', 8: 'NM-MT', 7.5: 'NM+', 7: 'NM', 6.5: 'EX-NM+',
  6: 'EX-NM', 5.5: 'EX+', 5: 'EX', 4.5: 'VG-EX+', 4: 'VG-EX', 3.5: 'VG+', 3: 'VG', 2.5: 'G+', 2: 'GOOD',
  1.5: 'FAIR', 1: 'POOR',
};
const CGC_WORDS: Record<number, string> = {
  10: 'GEM MINT', 9.5: 'MINT+', 9: 'MINT', 8.5: 'NM/MINT+', 8: 'NM/MINT', 7.5: 'NEAR MINT+', 7: 'NEAR MINT',
  6.5: 'EX/NM+', 6: 'EX/NM', 5.5: 'EXCELLENT+', 5: 'EXCELLENT', 4.5: 'VG/EX+', 4: 'VG/EX', 3.5: 'VERY GOOD+',
  3: 'VERY GOOD', 2.5: 'GOOD+', 2: 'GOOD', 1.5: 'FAIR', 1: 'POOR',
};

const WORDS: Readonly<Record<GeneratedCompany, Record<number, string>>> = {
  PSA: PSA_WORDS,
  BGS: BGS_WORDS,
  SGC: SGC_WORDS,
  CGC: CGC_WORDS,
  CSG: CGC_WORDS,
};

/** The label's word for a grade: PSA 10 is "GEM MT", BGS 9.5 "GEM MINT". */
export function gradeWords(company: GeneratedCompany, grade: number): string {
  return WORDS[company][grade] ?? '';
}

/** A grade as a label prints it: 10, 9.5, 8. */
export function gradeText(grade: number): string {
  return Number.isInteger(grade) ? String(grade) : grade.toFixed(1);
}

export function certNumber(rng: Random, company: GeneratedCompany): string {
  switch (company) {
    case 'PSA':
      return String(rng.int(1, 9)) + rng.digits(rng.weighted([[7, 4], [8, 4], [9, 2]] as const));
    case 'BGS':
      return '00' + String(rng.int(1, 9)) + rng.digits(7);
    case 'SGC':
      return rng.chance(0.5) ? String(rng.int(1, 9)) + rng.digits(6) : `${rng.int(10, 99)}${rng.digits(5)}-${rng.digits(3)}`;
    case 'CGC':
    case 'CSG':
      return String(rng.int(1, 9)) + rng.digits(9);
  }
}

/** BGS sub-grades (centering, corners, edges, surface) around the overall grade. */
export function subgrades(rng: Random, grade: number): [number, number, number, number] {
  const one = () => Math.min(10, Math.max(1, grade + rng.pick([-1, -0.5, 0, 0, 0.5, 0.5, 1])));
  return [one(), one(), one(), one()];
}
