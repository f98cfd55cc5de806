import { CardData, type GradingCompany, type Sport } from '../../services/cards/card.js';
import { cardAnswer, listingAnswer, type ListingRequest, type ScanInput } from '../../services/prompts/chat-format.js';
import { gradeText } from './align.js';
import { COLOUR_PARALLELS, PARALLEL_GLOSSARY } from './parallels.js';
import type { Predictor, PromptMessage } from './predictor.js';
import { readTask } from './tasks.js';
import { titleCase } from './text.js';

/**
 * The base models (gpt-4o-mini and friends) as this provider plays them: a hand-written card
 * extractor (regular expressions for years, card numbers, grading companies and grades, a list
 * of well-known brands and parallels, and a guess at the player from capitalised words), a
 * plain listing template, and a polite generic answer for anything else. Nothing is learned.
 */

export const BRANDS = ['Upper Deck', 'O-Pee-Chee', 'Stadium Club', 'Topps', 'Bowman', 'Panini', 'Donruss', 'Fleer', 'Score', 'Leaf', 'Skybox', 'Hoops', 'Pinnacle'];
/** The parallels the base model knows, longest first: "Gold Refractor" is read before the "Refractor" in it. */
export const PARALLELS: readonly string[] = [...PARALLEL_GLOSSARY, ...COLOUR_PARALLELS].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const COLOURS = new Set(COLOUR_PARALLELS);
const PARALLEL_PATTERNS = PARALLELS.map((p) => [p, new RegExp(`(?<![A-Za-z])${p.replace(/[-&']/g, '.?').replace(/ /g, '[ -]?')}(?![A-Za-z])`, COLOURS.has(p) ? '' : 'i')] as const);
const UPPER_COLOURS = COLOUR_PARALLELS.map((p) => [p, new RegExp(`(?<![A-Za-z])${p.toUpperCase()}(?![A-Za-z])`)] as const);
const SPORTS: Array<[RegExp, Sport]> = [
  [/\bbaseball\b|\bMLB\b/i, 'BASEBALL'],
  [/\bbasketball\b|\bNBA\b/i, 'BASKETBALL'],
  [/\bfootball\b|\bNFL\b/i, 'FOOTBALL'],
  [/\bhockey\b|\bNHL\b/i, 'HOCKEY'],
  [/\bsoccer\b|\bMLS\b/i, 'SOCCER'],
];
/** Words that are never part of a player's name on a slab or a card: grading, copyright and licence lines, positions. */
export const NOT_NAMES = new Set(
  [
    'psa bgs sgc cgc csg gem mint mt nm near ex vg good fair poor pristine rc rookie card cards cert grading services beckett certified sports guaranty refractor prizm holo chrome centering corners edges surface',
    'the of and inc company corp llc ltd america international brands officially licensed product trademarks trademark used with permission major league properties players nhlpa mlbpa',
    'center guard forward outfield outfielder infield infielder pitcher catcher shortstop designated hitter quarterback back end first base second third short stop right left wing defense defenseman goalie goaltender tight wide receiver running linebacker cornerback safety kicker punter',
    'qb wr rb te lb cb dh lw rw ss no',
  ]
    .join(' ')
    .split(' '),
);

function findBrand(text: string): string | null {
  let best: { brand: string; at: number } | null = null;
  for (const brand of BRANDS) {
    const at = text.search(new RegExp(`\\b${brand.replace(/[-]/g, '[-~ ]?')}\\b`, 'i'));
    if (at >= 0 && (!best || at < best.at)) best = { brand, at };
  }
  return best?.brand ?? null;
}

/** Words inside a surname ("De La Cruz", "Van Exel"): a name holding one may run to four words. */
const PARTICLES = new Set(['de', 'la', 'del', 'della', 'van', 'der', 'von', 'da', 'di', 'le', 'st.', 'st']);

/** Words that end a name's run: a colour or a parallel after it ("JOE BURROW SILVER"), or a team's ("MOOKIE BETTS RED SOX"). */
const AFTER_NAME = new Set([...COLOUR_PARALLELS, ...PARALLEL_GLOSSARY].flatMap((p) => p.toLowerCase().split(/\s+/)));

function findPlayer(ocr: string): string {
  const brandAt = (words: readonly string[], j: number) =>
    BRANDS.some((b) => {
      const parts = b.toLowerCase().split(' ');
      return parts.every((p, k) => words[j + k]?.toLowerCase() === p);
    });
  for (const line of ocr.split(/\n|\s\|\s/)) {
    const words = line.split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const run: string[] = [];
      for (let j = i; j < words.length && run.length < (run.some((w) => PARTICLES.has(w.toLowerCase())) ? 4 : 3); j++) {
        const w = words[j]!;
        if (!/^\p{L}[\p{L}.'-]*,?$/u.test(w) || NOT_NAMES.has(w.toLowerCase().replace(/[,.]/g, '')) || brandAt(words, j)) break;
        // A name's third word is its surname's or a suffix, not a parallel's colour.
        if (run.length >= 2 && AFTER_NAME.has(w.toLowerCase())) break;
        run.push(w);
      }
      if (run.length >= 2) {
        const comma = run.findIndex((w) => w.endsWith(','));
        const ordered = comma >= 0 ? [...run.slice(comma + 1), ...run.slice(0, comma + 1)] : run;
        return ordered.map((w) => (/^(ii|iii|iv)$/i.test(w) ? w.toUpperCase() : titleCase(w.replace(/,$/, '')))).join(' ');
      }
    }
  }
  return 'Unknown Player';
}

/** What the base model reads off a scan, as features the fine-tuned classifiers start from. */
export function baseFeatures(base: CardData): string[] {
  return [`base-sport=${base.sport}`, `base-company=${base.gradingCompany ?? 'NONE'}`];
}

export function extractCard(scan: ScanInput): CardData {
  const ocr = scan.ocrText;
  const description = scan.imageDescription ?? '';
  const both = `${ocr}\n${description}`;
  const sport = SPORTS.find(([re]) => re.test(description))?.[1] ?? SPORTS.find(([re]) => re.test(ocr))?.[1] ?? 'OTHER';

  let company: GradingCompany | null = null;
  const companyMatch = /\b(PSA|BGS|SGC|CGC|CSG|HGA|TAG)\b/i.exec(both);
  if (companyMatch) company = companyMatch[1]!.toUpperCase() as GradingCompany;
  else if (/beckett/i.test(both)) company = 'BGS';

  let grade: number | null = null;
  if (company) {
    const withoutSubgrades = ocr.replace(/\b(CEN(TERING)?|COR(NERS)?|EDG(ES)?|SUR(FACE)?)\s+\d+(\.5)?/gi, ' ');
    const words = 'GEM\\s*M(?:IN)?T|MINT|NM[-/]MT|NM|EX[-/]MT|EX|VG[-/]EX|VG|GOOD|PRISTINE|NEAR MINT|EXCELLENT';
    // The number after the grade's words or the grader's name ("GEM MT 10", "PSA 9"), before the words ("9 MINT"),
    // else the first half-point number that is no card number ("#1") or part of one.
    const m =
      new RegExp(`(?:${words})\\+?\\s+(10|[1-9](?:\\.5)?)\\b`, 'i').exec(withoutSubgrades) ??
      /\b(?:PSA|BGS|SGC|CGC|CSG)\s+(10|[1-9](?:\.5)?)\b/i.exec(withoutSubgrades) ??
      new RegExp(`(?<![\\d.#-])(10|[1-9](?:\\.5)?)\\s+(?:${words})\\b`, 'i').exec(withoutSubgrades) ??
      /(?<![\d.#-])(10|[1-9](?:\.5)?)(?![\d.])/.exec(withoutSubgrades);
    grade = m ? Number(m[1]) : 9;
  }

  const yearMatch = /\b(19[4-9]\d|20[0-2]\d)(?:-(\d{2}))?\b/.exec(ocr) ?? /\b(19[4-9]\d|20[0-2]\d)(?:-(\d{2}))?\b/.exec(description);
  const start = yearMatch ? Number(yearMatch[1]) : 2020;
  const seasons = sport === 'BASKETBALL' || sport === 'HOCKEY';
  const year = seasons ? `${start}-${String((start + 1) % 100).padStart(2, '0')}` : String(start);

  const numberMatch = /#\s*([A-Za-z0-9-]+)/.exec(ocr) ?? /\bNO\.\s*([A-Za-z0-9-]+)/i.exec(ocr);
  // A colour alone counts as written as a name ("Purple") anywhere, or in capitals on the label.
  const variation = PARALLEL_PATTERNS.find(([, re]) => re.test(both))?.[0] ?? UPPER_COLOURS.find(([, re]) => re.test(ocr))?.[0] ?? null;

  const card = {
    player: findPlayer(ocr),
    year,
    brand: findBrand(ocr) ?? findBrand(description) ?? 'Unknown',
    cardNumber: numberMatch?.[1]?.slice(0, 20) ?? '1',
    variation,
    sport,
    grade: company ? grade : null,
    gradingCompany: company,
  };
  const parsed = CardData.safeParse(card);
  return parsed.success ? parsed.data : CardData.parse({ ...card, year: '2020', grade: company ? 9 : null });
}

export function templateListing(request: ListingRequest): { title: string; description: string } {
  const { card, platform, tone } = request;
  const graded = card.gradingCompany !== null && card.grade !== null;
  const slab = graded ? `${card.gradingCompany} ${gradeText(card.grade!)}` : null;
  let title = [card.year, card.brand, card.player, `#${card.cardNumber}`, card.variation, slab].filter(Boolean).join(' ');
  if (platform === 'EBAY' && title.length > 80) title = title.slice(0, 80).replace(/\s+\S*$/, '');
  const bang = tone === 'ENTHUSIASTIC' ? '!' : '.';
  const description = [
    `${card.year} ${card.brand} ${card.player} #${card.cardNumber}${bang}`,
    graded ? `Graded ${slab} by ${card.gradingCompany}${bang}` : `Raw card in good condition${bang}`,
    card.variation ? `Variation: ${card.variation}.` : null,
    tone === 'CASUAL' ? 'Message me with any questions.' : 'Please ask if you have any questions.',
  ]
    .filter(Boolean)
    .join(' ');
  return { title, description };
}

export const GENERIC_ANSWER =
  "I'm the local model of slabtune's OpenAI-compatible provider. I identify sports cards from OCR text and image descriptions, and I write marketplace listings for them.";

export function createBaseModel(): Predictor {
  return {
    reply(messages: readonly PromptMessage[]): string {
      const task = readTask(messages);
      if (task.kind === 'card') return cardAnswer(extractCard(task.scan));
      if (task.kind === 'listing') return listingAnswer(templateListing(task.request));
      return GENERIC_ANSWER;
    },
  };
}
