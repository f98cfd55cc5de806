import { PLATFORMS, TONES, type CardData, type Platform, type Tone } from '../cards/card.js';
import { buildCatalog, type Pool } from './catalog.js';
import { mispredict } from './correction.js';
import { imageDescription } from './description.js';
import { cardDrawer, type DrawnCard } from './draw.js';
import { writeListing } from './listing.js';
import { hashString, Random } from './random.js';
import { chooseLayout, ocrScan, sideOf } from './scan.js';

/**
 * Deterministic synthetic data for tests, benchmarks, `npm run seed` and the local model's
 * evaluation: card-ID scans, user corrections and marketplace listings.
 *
 * Same options, same sequence: everything comes from the seed. The true cards come from one
 * stream and the text around them from another, so the same seed at a different noise level
 * draws the same cards with differently damaged text.
 */

export interface GeneratorOptions {
  /** Default 1. */
  seed?: number;
  /** Draw from the train or holdout players and sets (catalog.ts), or all of them. Default 'all'. */
  pool?: Pool;
  /** OCR damage from 0 (clean) to 1 (hard). Default 0.3. */
  noise?: number;
}

export interface GeneratedScan {
  ocrText: string;
  imageDescription: string;
  /** The truth: what the card is. */
  card: CardData;
  /** The app's confidence in its own reading, 0.5–1, mostly high. */
  confidence: number;
  userId: string;
}

export interface GeneratedCorrection extends GeneratedScan {
  /** What the model said before the user fixed it; differs from `card` in 1–3 fields. */
  originalPrediction: CardData;
}

export interface GeneratedListing {
  card: CardData;
  platform: Platform;
  tone: Tone;
  title: string;
  description: string;
}

export interface Generator {
  readonly seed: number;
  readonly pool: Pool;
  readonly noise: number;
  scan(): GeneratedScan;
  correction(): GeneratedCorrection;
  /** A listing for a random platform and tone unless given. */
  listing(platform?: Platform, tone?: Tone): GeneratedListing;
  scans(n: number): GeneratedScan[];
  corrections(n: number): GeneratedCorrection[];
  /** n listings, round-robin over every platform × tone pair (or over the free one when one is fixed). */
  listings(n: number, platform?: Platform, tone?: Tone): GeneratedListing[];
}

export const DEFAULT_SEED = 1;
export const DEFAULT_NOISE = 0.3;
/** App users scanning; a few scan far more than the rest. */
export const USER_COUNT = 40;


export function userIdOf(index: number): string {
  return `user-${String(index + 1).padStart(3, '0')}`;
}

export function createGenerator(options: GeneratorOptions = {}): Generator {
  const seed = options.seed ?? DEFAULT_SEED;
  const pool = options.pool ?? 'all';
  const noise = options.noise ?? DEFAULT_NOISE;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`noise must be between 0 and 1, got ${noise}`);
  const catalog = buildCatalog(pool);
  if (catalog.sports.length === 0) throw new RangeError(`pool ${pool} has no drawable cards`);
  const drawCard = cardDrawer(catalog);

  const cards = new Random(seed);
  const text = new Random(hashString(`text-stream:${seed}`));
  const userIds = Array.from({ length: USER_COUNT }, (_, i) => userIdOf(i));
  // Noisier scans come with lower confidence: the exponent falls from 6 at noise 0 to 2 at noise 1.
  // Capped below 1: the app never reports certainty.
  const confidenceExponent = 3 / (0.5 + noise);

  function scanOf(drawn: DrawnCard): GeneratedScan {
    // The caption first: the OCR text may lose a piece only where the caption also shows it.
    const layout = chooseLayout(drawn);
    const description = imageDescription(text, drawn, sideOf(layout));
    const ocr = ocrScan(text, drawn, noise, layout, description);
    return {
      ocrText: ocr.ocrText,
      imageDescription: description,
      card: drawn.card,
      confidence: Math.min(0.999, Math.round((1 - 0.5 * text.next() ** confidenceExponent) * 1000) / 1000),
      userId: userIds[Math.floor(USER_COUNT * text.next() ** 1.5)]!,
    };
  }

  const scan = () => scanOf(drawCard(cards));

  function correction(): GeneratedCorrection {
    const drawn = drawCard(cards);
    const variations = drawn.set.variations.map((v) => v.name.replace('{year}', String(drawn.startYear)));
    return { ...scanOf(drawn), originalPrediction: mispredict(text, drawn.card, variations) };
  }

  function listing(platform?: Platform, tone?: Tone): GeneratedListing {
    const drawn = drawCard(cards);
    const p = platform ?? text.pick(PLATFORMS);
    const t = tone ?? text.pick(TONES);
    return { card: drawn.card, platform: p, tone: t, ...writeListing(text, drawn, p, t) };
  }

  function listings(n: number, platform?: Platform, tone?: Tone): GeneratedListing[] {
    const pairs = (platform ? [platform] : PLATFORMS).flatMap((p) => (tone ? [tone] : TONES).map((t) => [p, t] as const));
    return Array.from({ length: n }, (_, i) => {
      const [p, t] = pairs[i % pairs.length]!;
      return listing(p, t);
    });
  }

  return {
    seed,
    pool,
    noise,
    scan,
    correction,
    listing,
    scans: (n) => Array.from({ length: n }, scan),
    corrections: (n) => Array.from({ length: n }, correction),
    listings,
  };
}
