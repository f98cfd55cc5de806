import type { Platform, Tone } from '../cards/card.js';
import type { DrawnCard } from './draw.js';
import { withArticle } from './english.js';
import { gradeText, gradeWords } from './grading.js';
import type { Random } from './random.js';

/**
 * Marketplace listings for a drawn card. Each platform has its own title habit (eBay: keyword
 * dense, at most 80 characters; Mercari: plain and searchable; Facebook: how a neighbour
 * would say it; Whatnot: short and loud) and its own description length and logistics, and
 * each tone its own voice. Every slot has several alternative sentences so that the same
 * card never reads the same way twice.
 */

export interface ListingText {
  title: string;
  description: string;
}

export const EBAY_TITLE_MAX = 80;
/** Mercari allows 80 characters too; Facebook and Whatnot titles are kept short by habit. */
const TITLE_MAX: Readonly<Record<Platform, number>> = { EBAY: EBAY_TITLE_MAX, MERCARI: 80, FACEBOOK_MARKETPLACE: 100, WHATNOT: 60 };

const COMPANY_NAMES: Readonly<Record<string, string>> = {
  PSA: 'PSA (Professional Sports Authenticator)',
  BGS: 'Beckett Grading Services',
  SGC: 'SGC',
  CGC: 'CGC Cards',
  CSG: 'CSG (Certified Sports Guaranty)',
};

interface Ctx {
  year: string;
  set: string;
  /** The set without its brand: "Prizm", "Chrome"; the brand when that leaves nothing. */
  setShort: string;
  player: string;
  first: string;
  last: string;
  number: string;
  variation: string | null;
  rookie: boolean;
  team: string;
  nickname: string;
  sport: string;
  company: string | null;
  companyName: string | null;
  /** "PSA 10" or null for a raw card. */
  slab: string | null;
  /** "GEM MINT", "NM-MT" */
  words: string | null;
  cert: string | null;
  subgrades: string | null;
}

function context(d: DrawnCard): Ctx {
  const { card, player, set } = d;
  const short = set.name.startsWith(set.brand) ? set.name.slice(set.brand.length).trim() : set.name;
  const words = d.company && card.grade !== null ? gradeWords(d.company, card.grade).replace('GEM MT', 'GEM MINT') : null;
  return {
    year: card.year,
    set: set.name,
    setShort: short || set.brand,
    player: card.player,
    first: player.first,
    last: player.suffix ? `${player.last} ${player.suffix}` : player.last,
    number: `#${card.cardNumber}`,
    variation: card.variation,
    rookie: d.rookie,
    team: d.team.name,
    nickname: d.team.nickname,
    sport: player.sport.toLowerCase(),
    company: d.company,
    companyName: d.company ? (COMPANY_NAMES[d.company] ?? d.company) : null,
    slab: d.company && card.grade !== null ? `${d.company} ${gradeText(card.grade)}` : null,
    words,
    cert: d.cert,
    subgrades: d.subgrades ? d.subgrades.map(gradeText).join('/') : null,
  };
}

type Token = readonly [text: string | null | false | undefined, priority: number];

/** Joins tokens, dropping the least important ones (highest priority number) until it fits. */
function fit(tokens: readonly Token[], max: number): string {
  let kept = tokens.filter((t): t is readonly [string, number] => Boolean(t[0]));
  let text = kept.map((t) => t[0]).join(' ');
  while (text.length > max && kept.length > 1) {
    const worst = kept.reduce((w, t, i) => (t[1] >= kept[w]![1] ? i : w), 0);
    kept = kept.filter((_, i) => i !== worst);
    text = kept.map((t) => t[0]).join(' ');
  }
  return text.length > max ? text.slice(0, max).trimEnd() : text;
}

type Template = (c: Ctx, rng: Random) => string | null;

function title(rng: Random, c: Ctx, platform: Platform, tone: Tone): string {
  const rc = c.rookie ? rng.pick(['RC', 'RC', 'Rookie', 'Rookie Card']) : null;
  const grade = c.slab;
  const max = TITLE_MAX[platform];
  switch (platform) {
    case 'EBAY':
      if (tone === 'PROFESSIONAL')
        return fit([[c.year, 1], [c.set, 1], [c.player, 0], [c.number, 2], [c.variation, 2], [rc, 2], [grade, 1], [c.words, 3], [c.nickname, 5], [!c.slab && 'Raw NM-MT', 4]], max);
      if (tone === 'CASUAL')
        return fit([[c.player, 0], [c.year, 1], [c.setShort, 1], [c.variation, 2], [c.rookie && 'Rookie', 2], [c.number, 3], [grade, 1], [c.nickname, 4], [!c.slab && 'raw', 5]], max);
      return fit(
        [['🔥', 4], [c.year, 1], [c.set, 1], [c.player.toUpperCase(), 0], [rc && rc.toUpperCase(), 2], [c.number, 3], [c.variation?.toUpperCase(), 2], [grade, 1], [c.words, 3], ['🔥', 4], [rng.pick(['INVEST', 'HOT', 'MUST SEE', 'SHARP']), 5], [c.nickname.toUpperCase(), 5]],
        max,
      );
    case 'MERCARI':
      if (tone === 'ENTHUSIASTIC') return fit([[c.player, 0], [c.year, 1], [c.set, 1], [c.rookie && 'Rookie Card', 2], [c.variation, 2], [grade, 1], ['✨', 4], ['Rare!', 5]], max);
      return fit([[c.player, 0], [c.year, 1], [c.set, 1], [c.rookie && 'Rookie Card', 2], [c.variation, 2], [c.number, 3], [grade, 1], [tone === 'CASUAL' && !grade && 'card', 5]], max);
    case 'FACEBOOK_MARKETPLACE': {
      const t: Template[] = [
        (x) => `${x.player} ${x.rookie ? 'rookie card' : 'card'}${x.slab ? ` - ${x.slab}` : ''}`,
        (x) => `${x.year} ${x.setShort} ${x.player}${x.rookie ? ' RC' : ''}${x.slab ? ` (${x.slab})` : ''}`,
        (x) => `${x.player} ${x.setShort} ${x.slab ? `graded ${x.slab}` : x.sport + ' card'}`,
      ];
      const base = rng.pick(t)(c, rng)!;
      return fit([[tone === 'ENTHUSIASTIC' ? `${base}!!` : base, 0]], max);
    }
    case 'WHATNOT': {
      const who = rng.chance(0.5) ? c.last : c.player;
      const loud = tone === 'ENTHUSIASTIC' ? rng.pick(['🔥', '🔥🔥', '🚨', '💎']) : null;
      const v = c.variation && rng.chance(0.6) ? c.variation : c.setShort;
      return fit([[loud, 3], [tone === 'PROFESSIONAL' ? who : who.toUpperCase(), 0], [v, 1], [c.rookie && 'RC', 1], [grade, 1], [loud, 3]], max);
    }
  }
}

// Description slots. A template returns null when it does not apply to the card.
const OPENINGS: Readonly<Record<Tone, readonly Template[]>> = {
  PROFESSIONAL: [
    (c) => `Offered here is a ${c.year} ${c.set} ${c.player} ${c.number}${c.rookie ? ' rookie card' : ''}.`,
    (c) => `For sale: ${c.year} ${c.set} ${c.player}, card ${c.number}.`,
    (c) => `You are purchasing the ${c.year} ${c.set} ${c.player} ${c.number} shown in the photos.`,
    (c) => `This listing is for one ${c.year} ${c.set} ${c.sport} card of ${c.player} (${c.team}), card number ${c.number.slice(1)}.`,
  ],
  CASUAL: [
    (c) => `Selling my ${c.player} ${c.set} card.`,
    (c) => `Up for grabs: ${c.player}'s ${c.year} ${c.setShort}${c.rookie ? ' rookie' : ''}.`,
    (c) => `Got a ${c.year} ${c.set} ${c.player} here, ${c.number}.`,
    (c) => `Clearing out some ${c.sport} cards, this ${c.player} is one of them.`,
  ],
  ENTHUSIASTIC: [
    (c) => `🔥 ${c.player.toUpperCase()} ${c.rookie ? 'ROOKIE' : 'CARD'} ALERT! 🔥`,
    (c) => `WOW! ${c.year} ${c.set} ${c.player} ${c.number} up for grabs!`,
    (c) => `Don't sleep on this ${c.player} ${c.setShort}! 🚀`,
    (c) => `What a card! ${c.player} ${c.year} ${c.set} ${c.number}!!`,
  ],
};

const CONDITIONS: Readonly<Record<Tone, readonly Template[]>> = {
  PROFESSIONAL: [
    (c) => (c.slab ? `The card has been professionally graded ${c.slab} (${c.words}) by ${c.companyName}.` : null),
    (c) => (c.slab ? `Graded ${c.slab} ${c.words} and encapsulated in the original ${c.company} holder; certification number ${c.cert}.` : null),
    (c) => (c.slab && c.subgrades ? `Graded ${c.slab} with subgrades of ${c.subgrades} (centering/corners/edges/surface).` : null),
    (c) => (c.slab ? null : 'The card is ungraded and in near mint or better condition, with sharp corners and clean surfaces.'),
    (c) => (c.slab ? null : 'Raw card, stored in a sleeve and toploader since it was pulled; please review the scans for centering and edges.'),
  ],
  CASUAL: [
    (c) => (c.slab ? `It's ${withArticle(c.slab)}, looks great in hand.` : null),
    (c) => (c.slab ? `Already slabbed by ${c.company}, came back ${withArticle(c.slab.split(' ')[1]!)}.` : null),
    (c) => (c.slab ? null : 'Raw card, went straight from the pack into a sleeve, corners look sharp to me.'),
    (c) => (c.slab ? null : "It's raw, not graded, but it's in really nice shape."),
  ],
  ENTHUSIASTIC: [
    (c) => (c.slab ? `Graded a beautiful ${c.slab} ${c.words}! 💎` : null),
    (c) => (c.slab ? `${c.company} gave it ${withArticle(c.slab.split(' ')[1]!)}, and it absolutely deserves it! 💯` : null),
    (c) => (c.slab ? null : 'Raw and gorgeous, this one is a grading candidate for sure! 💯'),
    (c) => (c.slab ? null : 'Fresh out of the pack and it looks PERFECT! ✨'),
  ],
};

const FEATURES: Readonly<Record<Tone, readonly Template[]>> = {
  PROFESSIONAL: [
    (c) => (c.variation ? `This is the ${c.variation} parallel, considerably scarcer than the base card.` : null),
    (c) => (c.variation ? `Variation: ${c.variation}.` : null),
    (c) => (c.rookie ? `It is ${c.first} ${c.last}'s rookie card from his first season with the ${c.team}.` : null),
    (c) => (c.rookie ? `A key rookie card for ${c.player} collectors.` : null),
    (c) => `${c.player} of the ${c.team}, a staple of any ${c.sport} collection.`,
  ],
  CASUAL: [
    (c) => (c.variation ? `It's the ${c.variation} version, not the base.` : null),
    (c) => (c.rookie ? `Rookie year card, ${c.nickname} era.` : null),
    (c) => (c.rookie ? `One of his rookies, pretty sure it's the one everybody wants.` : null),
    (c) => `Nice card if you're ${withArticle(c.nickname)} fan.`,
  ],
  ENTHUSIASTIC: [
    (c) => (c.variation ? `The ${c.variation} just POPS in hand! ✨` : null),
    (c) => (c.rookie ? `${c.player} rookies are heating up, get in now! 📈` : null),
    (c) => (c.rookie ? `ROOKIE CARD of a future legend! 🐐` : null),
    (c) => `${c.nickname} fans, this one is for you! 🙌`,
  ],
};

const LOGISTICS: Readonly<Record<Platform, readonly Template[]>> = {
  EBAY: [
    () => 'Ships in a penny sleeve, toploader and team bag inside a bubble mailer with tracking.',
    () => 'Combined shipping is available on multiple purchases.',
    () => 'The card pictured is the exact card you will receive; please review all photos.',
    () => 'Returns accepted within 30 days.',
    () => 'Ships within one business day of cleared payment.',
    (c) => (c.slab ? 'The slab is shipped bubble-wrapped in a padded box.' : null),
  ],
  MERCARI: [
    () => 'Ships within 1-2 days.',
    () => 'Bundle with other cards in my closet to save on shipping.',
    () => 'Smoke-free, pet-free home.',
    () => 'Offers welcome.',
    () => 'Packed carefully so it arrives safe.',
  ],
  FACEBOOK_MARKETPLACE: [
    () => 'Pick up in town or I can ship.',
    () => 'Cash, Venmo or PayPal G&S.',
    () => 'No lowballs please, I know what I have.',
    () => 'Message me if interested.',
    () => 'If the listing is up it is still available.',
    () => 'Can meet at a public place.',
  ],
  WHATNOT: [
    () => 'Starts at $1, no reserve!',
    () => 'Going in tonight’s show.',
    () => 'Ships the same week after the show.',
    () => 'Follow for more slabs every night.',
  ],
};

const CLOSINGS: Readonly<Record<Tone, readonly Template[]>> = {
  PROFESSIONAL: [() => 'Thank you for looking.', () => 'Please message with any questions before purchasing.', () => 'Thank you for your business.'],
  CASUAL: [() => 'Thanks for looking!', () => 'Hit me up with any questions.', () => 'Lmk if you want more pics.'],
  ENTHUSIASTIC: [() => "Grab it before it's gone! 🚀", () => "Don't miss out!!! 🔥", () => 'LFG! 💪'],
};

/** Sentences of logistics, per platform: [min, max]. */
const LOGISTICS_COUNT: Readonly<Record<Platform, readonly [number, number]>> = {
  EBAY: [2, 3],
  MERCARI: [1, 2],
  FACEBOOK_MARKETPLACE: [1, 3],
  WHATNOT: [0, 1],
};

function pickApplicable(rng: Random, templates: readonly Template[], c: Ctx): string | null {
  const texts = templates.map((t) => t(c, rng)).filter((s): s is string => s !== null);
  return texts.length === 0 ? null : rng.pick(texts);
}

function description(rng: Random, c: Ctx, platform: Platform, tone: Tone): string {
  const parts: (string | null)[] = [];
  const lean = platform === 'WHATNOT' || platform === 'FACEBOOK_MARKETPLACE';
  parts.push(pickApplicable(rng, OPENINGS[tone], c));
  parts.push(pickApplicable(rng, CONDITIONS[tone], c));
  const features = platform === 'EBAY' ? rng.int(1, 2) : lean ? rng.int(0, 1) : 1;
  const featureTexts = rng.shuffle(FEATURES[tone].map((t) => t(c, rng)).filter((s): s is string => s !== null));
  parts.push(...featureTexts.slice(0, features));
  const [lo, hi] = LOGISTICS_COUNT[platform];
  parts.push(...rng.sample(LOGISTICS[platform].map((t) => t(c, rng)).filter((s): s is string => s !== null), rng.int(lo, hi)));
  if (!lean || rng.chance(0.5)) parts.push(pickApplicable(rng, CLOSINGS[tone], c));
  const sentences = parts.filter((s): s is string => s !== null);
  // eBay sellers write paragraphs; Facebook and Whatnot posts are a line or two.
  return platform === 'EBAY' && sentences.length > 3 && rng.chance(0.5)
    ? `${sentences.slice(0, 3).join(' ')}\n\n${sentences.slice(3).join(' ')}`
    : sentences.join(platform === 'WHATNOT' && rng.chance(0.5) ? '\n' : ' ');
}

export function writeListing(rng: Random, d: DrawnCard, platform: Platform, tone: Tone): ListingText {
  const c = context(d);
  return { title: title(rng, c, platform, tone), description: description(rng, c, platform, tone) };
}
