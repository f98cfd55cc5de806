import { BRANDS } from './base-model.js';
import { localeNameWords, nameWords } from './name-prior.js';
import { PARALLEL_GLOSSARY, PRODUCT_NAMES } from './parallels.js';
import { TEAM_WORDS } from './team-words.js';
import { oneSlipFromAny } from './text.js';

/**
 * Words OCR ran together when it dropped the space between them: a label word and a name
 * ("CHROMEWANDER", "JALENGUARD"), two names in their own case ("WanderFranco",
 * "SPENCERstrider"), a card number and a name ("#36DAMIAN"), a season and a word
 * ("1995-96TOPPS", "TKACHUK2016-17"). Splitting them where the tokens are made lets every
 * ranker see the words it would have seen with the space.
 */

/** Positions as card backs print them. */
const POSITIONS = ['guard', 'forward', 'center', 'pitcher', 'catcher', 'quarterback', 'outfield', 'goalie', 'defense', 'linebacker', 'receiver'];

let labelWords: Set<string> | null = null;

/**
 * Words that label a card and are no one's name, five letters or more: brands and product
 * lines ("chrome", "select"), parallels, teams ("knicks"), positions ("guard"). Plain English words
 * ("base", "center") are left out: OCR's "BASEBALL" and "CENTERING" are words of their own.
 */
export function labelWordSet(): ReadonlySet<string> {
  labelWords ??= new Set(
    [...TEAM_WORDS, ...POSITIONS, ...[...BRANDS, ...PRODUCT_NAMES, ...PARALLEL_GLOSSARY].flatMap((p) => p.toLowerCase().split(/[\s-]+/))]
      .map((w) => w.replace(/[^a-z]/g, ''))
      .filter((w) => w.length >= 5 && !localeNameWords().has(w)),
  );
  return labelWords;
}

/**
 * A label word at either end of a run of letters whose other part is a name word a base model
 * knows, and the whole is not: "CHROMEWANDER", "JALENGUARD".
 */
function labelWordSplit(word: string): [string, string] | null {
  const lower = word.toLowerCase();
  const names = nameWords();
  if (lower.length < 9 || names.has(lower) || labelWordSet().has(lower)) return null;
  const words = labelWordSet();
  for (let cut = lower.length - 4; cut >= 5; cut--) if (words.has(lower.slice(0, cut)) && names.has(lower.slice(cut))) return [word.slice(0, cut), word.slice(cut)];
  for (let cut = 4; cut <= lower.length - 5; cut++) if (words.has(lower.slice(cut)) && names.has(lower.slice(0, cut))) return [word.slice(0, cut), word.slice(cut)];
  return null;
}

/** The pieces of one whitespace-separated OCR token: itself, or the words OCR ran together in it. */
export function ungluedPieces(raw: string): string[] {
  // A card number run into the word after it ("#36DAMIAN"), or a word run into the number after it ("CHROME#211").
  const hashed = /^(#\d+)([A-Za-z]{3,}.*)$/.exec(raw) ?? /^([A-Za-z]{3,})(#\d+\S*)$/.exec(raw);
  if (hashed) return [hashed[1]!, hashed[2]!];
  // A season run into the set's name or a name ("1995-96TOPPS", "TKACHUK2016-17").
  const season = /^(\d{4}-\d{2})([A-Za-z]{3,}.*)$/.exec(raw) ?? /^([A-Za-z]{3,})(\d{4}-\d{2})$/.exec(raw);
  if (season) return [season[1]!, season[2]!];
  // A grade's words run into the name before them ("ALTUVENm-mt", "MORANTMINT").
  const graded = /^([A-Za-z']{3,})((?:NM|EX|VG)-(?:MT|EX|NM)\+?|MINT\+?)$/i.exec(raw);
  if (graded && !nameWords().has(raw.toLowerCase())) return [graded[1]!, graded[2]!];
  // Two words, each in its own case: "WanderFranco" (both Title, four letters or more: "CeeDee" and "LaMelo" are one
  // name each), "SPENCERstrider".
  const cased = /^([A-Z][a-z]{3,})([A-Z][a-z]{3,}[.,]?)$/.exec(raw) ?? /^([A-Z]{4,})([a-z]{4,}[.,]?)$/.exec(raw);
  const whole = raw.toLowerCase().replace(/[.,]$/, '');
  // Not a team's or a person's name written with a capital inside ("SuperSonics", "FitzGerald").
  if (cased && !TEAM_WORDS.has(whole) && !nameWords().has(whole)) return [cased[1]!, cased[2]!];
  // A brand run into its product line ("O-PEE-CHEEPLATINUM", "DONRUSSOPTIC"): the line a label word, up to one OCR slip
  // when it is six letters or more.
  const lower = raw.toLowerCase();
  const labelWord = (w: string) => labelWordSet().has(w) || (w.length >= 6 && oneSlipFromAny(w, labelWordSet(), 6));
  for (const brand of BRANDS) {
    const b = brand.toLowerCase().replace(/ /g, '');
    const rest = lower.slice(b.length);
    if (lower.startsWith(b) && /^[a-z]{5,}$/.test(rest) && labelWord(rest)) return [raw.slice(0, b.length), raw.slice(b.length)];
  }
  const m = /^([A-Za-z]+)([.,]?)$/.exec(raw);
  if (!m) return [raw];
  const split = labelWordSplit(m[1]!);
  return split ? [split[0], split[1] + m[2]] : [raw];
}
