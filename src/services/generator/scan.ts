import { seasonText, type DrawnCard } from './draw.js';
import { gradeText, gradeWords } from './grading.js';
import { charRate, damageChars, JUNK, mangleCase } from './noise.js';
import { POSITION_NAMES } from './players.js';
import { weights, type Random } from './random.js';

/**
 * The OCR text of a scan: what an OCR engine reads off a slab label (and the card under it)
 * or off both sides of a raw card, laid out the way each prints it, then damaged in proportion
 * to the noise level (see noise.ts). As with a real SlabStak scan, every field of the label is
 * somewhere in the scan: a slab label prints year, set, number, player, variation and grade; a
 * raw card is photographed front and back, the back printing the number and the year, and its
 * variation is on the front or visible in the image description. Noise damages text (characters,
 * case, token and line order) and may drop a piece only where the scan carries it elsewhere
 * too (in the description, or on the card front under a slab). At noise 0 the text is clean
 * and always holds the player's full name.
 */

export type Layout = 'PSA_LABEL' | 'BGS_LABEL' | 'SGC_LABEL' | 'CGC_LABEL' | 'RAW_FRONT_BACK';

/** What the picture shows, for the image description. */
export type Side = 'front' | 'back' | 'both';

export interface OcrScan {
  ocrText: string;
  layout: Layout;
  side: Side;
}

/** Pieces of the card as this scan will print them; null when the scan lost the piece. */
interface Pieces {
  year: string | null;
  season: string | null;
  set: string | null;
  number: string | null;
  variation: string | null;
  name: string;
}

const up = (s: string) => s.toUpperCase();

function copyrightHolder(d: DrawnCard): string {
  const y = d.startYear;
  switch (d.set.brand) {
    case 'Topps':
    case 'Bowman':
    case 'Stadium Club':
      return y < 1989 && d.set.brand === 'Bowman' ? 'BOWMAN GUM, INC.' : 'THE TOPPS COMPANY, INC.';
    case 'Panini':
      return 'PANINI AMERICA, INC.';
    case 'Donruss':
      return y >= 2014 ? 'PANINI AMERICA, INC.' : 'LEAF, INC.';
    case 'Score':
      return y >= 2010 ? 'PANINI AMERICA, INC.' : 'SCORE BOARD, INC.';
    case 'Upper Deck':
      return 'THE UPPER DECK COMPANY, LLC';
    case 'Fleer':
      return 'FLEER CORP.';
    case 'Leaf':
      return 'LEAF, INC.';
    case 'O-Pee-Chee':
      return y < 1995 ? 'O-PEE-CHEE CO. LTD.' : 'THE UPPER DECK COMPANY, LLC';
    case 'Skybox':
    case 'Hoops':
      return 'SKYBOX INTERNATIONAL INC.';
    case 'Pinnacle':
      return 'PINNACLE BRANDS, INC.';
    default:
      return up(d.set.brand);
  }
}

const LICENSES = {
  BASEBALL: ['MLB PLAYERS, INC. OFFICIALLY LICENSED', 'MAJOR LEAGUE BASEBALL TRADEMARKS USED WITH PERMISSION'],
  BASKETBALL: ['OFFICIALLY LICENSED PRODUCT OF THE NBA', 'NBA AND TEAM LOGOS ARE TRADEMARKS OF NBA PROPERTIES, INC.'],
  FOOTBALL: ['NFL PLAYERS INC. OFFICIALLY LICENSED', 'OFFICIALLY LICENSED PRODUCT OF NFL PLAYERS'],
  HOCKEY: ['NHLPA OFFICIALLY LICENSED PRODUCT', 'NHL AND THE NHL SHIELD ARE TRADEMARKS OF THE NATIONAL HOCKEY LEAGUE'],
} as const;

const STAT_HEADERS = {
  BASEBALL: ['YR CLUB G AB R H 2B 3B HR RBI AVG', 'YEAR TEAM W L ERA G IP SO'],
  BASKETBALL: ['YR TEAM G FG% FT% REB AST STL PTS AVG'],
  FOOTBALL: ['YEAR TEAM G ATT YDS AVG TD', 'YEAR TEAM G REC YDS AVG TD'],
  HOCKEY: ['SEASON CLUB GP G A PTS PIM', 'SEASON CLUB GP W L GAA SV%'],
} as const;

function statLine(rng: Random, d: DrawnCard): string {
  const cells = [seasonText(d.player.sport, Math.max(d.player.from, d.startYear - 1)), d.team.abbr];
  const n = rng.int(5, 8);
  for (let i = 0; i < n; i++) cells.push(rng.chance(0.2) ? `.${rng.digits(3)}` : String(rng.int(0, 180)));
  return cells.join(' ');
}

function nameText(rng: Random, d: DrawnCard, noise: number, upper: boolean): string {
  const { first, last, suffix, name } = d.player;
  // "DONCIC, LUKA" is how some backs and checklists print it; only as noise, so noise 0 keeps the plain name.
  const text = noise > 0 && rng.chance(0.3 * noise) ? `${last}, ${first}${suffix ? ` ${suffix}` : ''}` : name;
  return upper ? up(text) : text;
}

/** Which fields the rest of the scan (description, card front under a slab) also carries. */
export interface Elsewhere {
  year: boolean;
  set: boolean;
  variation: boolean;
}

/** The variation's name without its print run: "Gold Refractor" for "Gold Refractor /50". */
export const variationName = (variation: string): string => variation.replace(/\s*\/\d+$/, '');

/** What an image description already says about the card. */
export function carriedBy(description: string, d: DrawnCard): Elsewhere {
  const text = description.toLowerCase();
  const v = d.card.variation;
  return {
    year: text.includes(String(d.startYear)),
    set: text.includes(d.set.brand.toLowerCase()),
    variation: v !== null && text.includes(variationName(v).toLowerCase()),
  };
}

function pieces(rng: Random, d: DrawnCard, noise: number, upper: boolean, elsewhere: Elsewhere): Pieces {
  const season = seasonText(d.player.sport, d.startYear);
  // Noise may lose a piece only when the scan shows it somewhere else as well.
  const lost = (p: number, spare: boolean) => spare && noise > 0 && rng.chance(p * noise);
  const set = upper ? up(d.set.name) : d.set.name;
  const variation = d.card.variation === null ? null : upper ? up(d.card.variation) : d.card.variation;
  const year = lost(0.25, elsewhere.year);
  return {
    year: year ? null : String(d.startYear),
    season: year ? null : season,
    set: lost(0.08, elsewhere.set) ? null : set,
    number: d.card.cardNumber,
    variation: lost(0.15, elsewhere.variation) ? null : variation,
    name: nameText(rng, d, noise, upper),
  };
}

const line = (...parts: (string | null | false | undefined)[]): string => parts.filter(Boolean).join(' ');
const hash = (n: string | null) => (n === null ? null : `#${n}`);

function rookieMark(rng: Random, d: DrawnCard): string | null {
  return d.rookie && rng.chance(0.5) ? rng.pick(['RC', 'ROOKIE', 'RC', 'ROOKIE CARD']) : null;
}

function psaLabel(rng: Random, d: DrawnCard, noise: number, elsewhere: Elsewhere): string[] {
  const p = pieces(rng, d, noise, true, elsewhere);
  const year = rng.chance(0.8) ? p.year : p.season;
  const grade = gradeText(d.card.grade!);
  const words = gradeWords('PSA', d.card.grade!);
  const rc = rookieMark(rng, d);
  const logo = rng.chance(0.6) ? 'PSA' : null;
  switch (rng.int(0, 2)) {
    case 0:
      return [line(year, p.set, hash(p.number)), line(p.name, rc), line(p.variation), line(words, grade), line(d.cert), line(logo)];
    case 1:
      return [line(year, p.set, hash(p.number)), line(p.name, words), line(p.variation, rc, grade), line(logo, d.cert)];
    default:
      return [line(year, p.set, p.name, hash(p.number), p.variation, rc, logo, words, grade, d.cert)];
  }
}

function bgsLabel(rng: Random, d: DrawnCard, noise: number, elsewhere: Elsewhere): string[] {
  const p = pieces(rng, d, noise, false, elsewhere);
  const grade = gradeText(d.card.grade!);
  const words = gradeWords('BGS', d.card.grade!);
  const rc = d.rookie && rng.chance(0.6) ? 'RC' : null;
  const subs = d.subgrades
    ? rng.chance(0.5)
      ? [`CENTERING ${gradeText(d.subgrades[0]!)} CORNERS ${gradeText(d.subgrades[1]!)}`, `EDGES ${gradeText(d.subgrades[2]!)} SURFACE ${gradeText(d.subgrades[3]!)}`]
      : [`CEN ${gradeText(d.subgrades[0]!)} COR ${gradeText(d.subgrades[1]!)} EDG ${gradeText(d.subgrades[2]!)} SUR ${gradeText(d.subgrades[3]!)}`]
    : [];
  const head = rng.chance(0.4) ? 'BECKETT GRADING SERVICES' : rng.chance(0.3) ? 'BGS' : null;
  if (rng.chance(0.5)) {
    return [line(head), line(p.season, p.set), line(p.variation), line(hash(p.number), p.name, rc), ...subs, line(words, grade), line(d.cert)];
  }
  return [line(p.season, p.set, p.variation, hash(p.number), p.name, rc), line(grade, words), ...subs, line(head, d.cert)];
}

function sgcLabel(rng: Random, d: DrawnCard, noise: number, elsewhere: Elsewhere): string[] {
  const p = pieces(rng, d, noise, true, elsewhere);
  const grade = gradeText(d.card.grade!);
  const words = gradeWords('SGC', d.card.grade!);
  const logo = rng.chance(0.5) ? 'SGC' : null;
  if (rng.chance(0.5)) return [line(p.year, p.set, hash(p.number)), line(p.name), line(p.variation), line(words, grade), line(logo, d.cert)];
  return [line(p.year, p.set, p.variation), line(hash(p.number), p.name, rookieMark(rng, d)), line(grade, words), line(d.cert)];
}

function cgcLabel(rng: Random, d: DrawnCard, noise: number, elsewhere: Elsewhere): string[] {
  const p = pieces(rng, d, noise, false, elsewhere);
  const company = d.company === 'CSG' ? 'CSG' : 'CGC';
  const grade = gradeText(d.card.grade!);
  const words = gradeWords(company, d.card.grade!);
  const head = rng.chance(0.5) ? (company === 'CSG' ? 'CSG CERTIFIED SPORTS GUARANTY' : 'CGC CARDS') : company;
  const set = p.set && p.variation && rng.chance(0.5) ? `${p.set} - ${p.variation}` : p.set;
  return [
    line(head),
    line(p.name),
    line(p.season, set, hash(p.number)),
    line(set === p.set ? p.variation : null),
    line(rng.chance(0.5) ? `${words} ${grade}` : `${grade} ${words}`),
    line(rng.chance(0.5) ? `CERT # ${d.cert}` : d.cert),
  ];
}

interface Front {
  lines: string[];
  /** The set's name or brand is printed (its logo). */
  set: boolean;
  variation: boolean;
}

function cardFront(rng: Random, d: DrawnCard, noise: number): Front {
  const name = nameText(rng, d, noise, rng.chance(0.8));
  const logo = rng.chance(0.6) ? up(d.set.name) : rng.chance(0.5) ? up(d.set.brand) : null;
  const team = rng.chance(0.5) ? up(d.team.name) : rng.chance(0.5) ? up(d.team.nickname) : null;
  const position = rng.chance(0.4) ? d.player.position : null;
  const rc = d.rookie && rng.chance(0.7) ? rng.pick(['RC', 'ROOKIE', 'RC ROOKIE CARD']) : null;
  const serial = d.card.variation?.match(/\/(\d+)$/);
  const numbered = serial ? `${rng.int(1, Number(serial[1]))}/${serial[1]}` : null;
  const variationHint = d.card.variation && /refractor|prizm|holo|mosaic|foil|rookie|young guns/i.test(d.card.variation) && rng.chance(0.3) ? up(d.card.variation) : null;
  return {
    lines: rng.shuffle([line(logo), line(name), line(team, position), line(rc), line(numbered), line(variationHint)]),
    set: logo !== null,
    variation: variationHint !== null,
  };
}

/**
 * A card back: number and name on top, bio and stats, the copyright line. The back is where a
 * raw card prints its number, and its year: in the copyright line or, when that line carries
 * the following year (cards released late in a year), on a set line ("1987 TOPPS") as
 * modern backs print it.
 */
function cardBack(rng: Random, d: DrawnCard, noise: number, elsewhere: Elsewhere): string[] {
  const p = pieces(rng, d, noise, true, elsewhere);
  const sport = d.player.sport;
  const number = rng.pick([p.number, `NO. ${p.number}`, `#${p.number}`]);
  const position = up(POSITION_NAMES[sport][d.player.position] ?? d.player.position);
  const nextYear = rng.chance(0.2);
  const copyrightYear = p.year === null ? null : nextYear ? String(d.startYear + 1) : p.year;
  const yearShown = p.year === null || !nextYear;
  const setShown = p.set === null || elsewhere.set;
  const setLine = rng.chance(0.3) || !yearShown || !setShown;
  const out = [
    line(number, p.name),
    line(position, rng.chance(0.5) ? '|' : null, up(d.team.name)),
    line(rng.pick(STAT_HEADERS[sport])),
    line(statLine(rng, d)),
    line('©', copyrightYear, copyrightHolder(d)),
  ];
  if (rng.chance(0.4)) out.push(line(rng.pick(LICENSES[sport])));
  if (setLine) out.splice(1, 0, line(yearShown && rng.chance(0.5) ? null : p.season, p.set));
  return out;
}

/** Most OCR keeps the lines; some engines return one long line. */
const JOINERS = weights([
  ['\n', 70],
  [' ', 25],
  [' | ', 5],
]);

/** The layout of a card's scan: its slab's label, or both sides of a raw card. */
export function chooseLayout(d: DrawnCard): Layout {
  switch (d.company) {
    case 'PSA':
      return 'PSA_LABEL';
    case 'BGS':
      return 'BGS_LABEL';
    case 'SGC':
      return 'SGC_LABEL';
    case 'CGC':
    case 'CSG':
      return 'CGC_LABEL';
    default:
      return 'RAW_FRONT_BACK';
  }
}

export const sideOf = (layout: Layout): Side => (layout === 'RAW_FRONT_BACK' ? 'both' : 'front');

/** Moves, re-cases and litters tokens and lines in proportion to the noise level. */
function shuffleTokens(rng: Random, lines: string[], noise: number): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l === '') continue;
    const swap = noise > 0 && rng.chance(0.2 * noise);
    const recase = noise > 0 && rng.chance(0.6 * noise);
    const junk = noise > 0 && rng.chance(0.2 * noise);
    if (!swap && !recase && !junk) {
      out.push(l);
      continue;
    }
    const tokens = l.split(' ');
    if (swap && tokens.length > 1) {
      const i = rng.int(0, tokens.length - 2);
      const t = tokens[i]!;
      tokens[i] = tokens[i + 1]!;
      tokens[i + 1] = t;
    }
    if (recase) {
      const i = rng.int(0, tokens.length - 1);
      tokens[i] = mangleCase(rng, tokens[i]!);
      if (tokens.length > 2 && rng.chance(0.3)) {
        const j = rng.int(0, tokens.length - 1);
        tokens[j] = mangleCase(rng, tokens[j]!);
      }
    }
    if (junk) tokens.splice(rng.int(0, tokens.length), 0, rng.pick(JUNK));
    out.push(tokens.join(' '));
  }
  if (noise > 0 && out.length > 1 && rng.chance(0.5 * noise)) {
    const i = rng.int(0, out.length - 1);
    const j = rng.int(0, out.length - 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/** The OCR text of a scan whose layout is chosen and whose image description is written. */
export function ocrScan(rng: Random, d: DrawnCard, noise: number, layout: Layout, description: string): OcrScan {
  const described = carriedBy(description, d);
  let lines: string[];
  if (layout === 'RAW_FRONT_BACK') {
    const front = cardFront(rng, d, noise);
    const elsewhere = { year: described.year, set: described.set || front.set, variation: described.variation || front.variation };
    lines = [...front.lines, ...cardBack(rng, d, noise, elsewhere)];
  } else {
    // A slab photo usually also catches the card's own printing under the label.
    const front = rng.chance(0.8) ? cardFront(rng, d, noise) : null;
    const elsewhere = { year: described.year, set: described.set || (front?.set ?? false), variation: described.variation || (front?.variation ?? false) };
    const label = layout === 'PSA_LABEL' ? psaLabel : layout === 'BGS_LABEL' ? bgsLabel : layout === 'SGC_LABEL' ? sgcLabel : cgcLabel;
    lines = [...label(rng, d, noise, elsewhere), ...(front?.lines ?? [])];
  }
  lines = shuffleTokens(rng, lines, noise);
  const joiner = rng.draw(JOINERS);
  return { ocrText: damageChars(rng, lines.join(joiner), charRate(noise)), layout, side: sideOf(layout) };
}
