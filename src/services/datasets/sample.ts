import { PLATFORMS, TONES, type CardData, type Platform, type Tone } from '../cards/card.js';
import {
  cardIdExample,
  listingExample,
  type ChatExample,
  type ListingAnswer,
  type ListingRequest,
  type ScanInput,
} from '../prompts/chat-format.js';

/**
 * The sample shape the dataset services read: what the export's cursor projects from the
 * samples collection. Samples were validated when they were collected; `sampleProblem` only
 * guards the structure the formatter relies on, cheaply enough to run on every sample.
 */

export const SAMPLE_TASKS = ['CARD_IDENTIFICATION', 'LISTING_GENERATION'] as const;
export type SampleTask = (typeof SAMPLE_TASKS)[number];

interface SampleBase {
  id: string;
  /** The collector's hash of the sample's content; carried through, not relied on (see dedupe.ts). */
  contentHash: string;
}
export interface CardIdSample extends SampleBase {
  task: 'CARD_IDENTIFICATION';
  input: ScanInput;
  output: CardData;
}
export interface ListingSample extends SampleBase {
  task: 'LISTING_GENERATION';
  input: ListingRequest;
  output: ListingAnswer;
}
export type SampleLike = CardIdSample | ListingSample;

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
const TONE_SET: ReadonlySet<string> = new Set(TONES);

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function cardProblem(card: unknown): string | null {
  if (typeof card !== 'object' || card === null) return 'card is missing';
  const c = card as Record<string, unknown>;
  for (const f of ['player', 'year', 'brand', 'cardNumber', 'sport'] as const) {
    if (!text(c[f])) return `card.${f} is missing`;
  }
  return null;
}

/** Why a sample cannot be formatted for `task`, or null when it can. */
export function sampleProblem(sample: SampleLike, task: SampleTask): string | null {
  if (sample.task !== task) return `sample is for ${String(sample.task)}, not ${task}`;
  if (typeof sample.input !== 'object' || sample.input === null) return 'input is missing';
  if (sample.task === 'CARD_IDENTIFICATION') {
    if (!text(sample.input.ocrText)) return 'input.ocrText is empty';
    return cardProblem(sample.output);
  }
  const { input, output } = sample;
  if (!PLATFORM_SET.has(input.platform)) return 'input.platform is not a platform';
  if (!TONE_SET.has(input.tone)) return 'input.tone is not a tone';
  const problem = cardProblem(input.card);
  if (problem) return `input.${problem}`;
  if (typeof output !== 'object' || output === null || !text(output.title) || !text(output.description)) {
    return 'output needs a title and a description';
  }
  return null;
}

/** The training example of a sample, built by the one owner of the chat format. */
export function exampleOf(sample: SampleLike): ChatExample {
  return sample.task === 'CARD_IDENTIFICATION' ? cardIdExample(sample.input, sample.output) : listingExample(sample.input, sample.output);
}

/** The card a sample is about: the answer for card ID, the subject for a listing. */
export function cardOf(sample: SampleLike): CardData {
  return sample.task === 'CARD_IDENTIFICATION' ? sample.output : sample.input.card;
}

export function listingGroupKey(platform: Platform | string, tone: Tone | string): string {
  return `${platform}/${tone}`;
}

/** The stratum of the split: sport for card ID, platform × tone for listings. */
export function stratumOf(sample: SampleLike): string {
  return sample.task === 'CARD_IDENTIFICATION' ? sample.output.sport : listingGroupKey(sample.input.platform, sample.input.tone);
}
