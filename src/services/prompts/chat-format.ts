import { z } from 'zod';
import { CARD_FIELDS, CardData, orderedCard, type Platform, type Tone } from '../cards/card.js';

/**
 * The one owner of the chat format. Dataset export writes training lines with it and
 * inference builds its prompts with it, so training and serving cannot drift apart.
 * Changing a prompt means a new version: old datasets keep the version they were built with.
 */

export type Role = 'system' | 'user' | 'assistant';
export interface ChatMessage {
  role: Role;
  content: string;
}
export interface ChatExample {
  messages: ChatMessage[];
}

export const PROMPT_VERSION = 'v1';

export const CARD_ID_SYSTEM_PROMPT_V1 =
  'You identify sports cards from a scan. Given OCR text and an image description, reply with one JSON object ' +
  `with exactly these keys in this order: ${CARD_FIELDS.join(', ')}. ` +
  'year is "1986" or a season "1986-87"; sport is one of BASEBALL, BASKETBALL, FOOTBALL, HOCKEY, SOCCER, OTHER; ' +
  'grade is a number from 1 to 10 in half steps and gradingCompany one of PSA, BGS, SGC, CGC, CSG, HGA, TAG, ' +
  'both null for a raw card; variation is null when there is none.';

export const LISTING_SYSTEM_PROMPT_V1 =
  'You write marketplace listings for sports cards. Given the card, the platform and the tone, reply with one JSON ' +
  'object {"title": ..., "description": ...}. Respect the platform: eBay titles at most 80 characters.';

export interface ScanInput {
  ocrText: string;
  imageDescription?: string | null;
}

export function cardIdUserMessage(scan: ScanInput): string {
  const description = scan.imageDescription?.trim();
  return `OCR text:\n${scan.ocrText.trim()}\n\nImage description:\n${description ? description : '(none)'}`;
}

/** Inverse of cardIdUserMessage, for a provider that must read the prompt back. */
export function parseCardIdUserMessage(content: string): ScanInput | null {
  const m = /^OCR text:\n([\s\S]*?)\n\nImage description:\n([\s\S]*)$/.exec(content);
  if (!m) return null;
  const description = m[2]!.trim();
  return { ocrText: m[1]!, imageDescription: description === '(none)' ? null : description };
}

export function cardIdMessages(scan: ScanInput): ChatMessage[] {
  return [
    { role: 'system', content: CARD_ID_SYSTEM_PROMPT_V1 },
    { role: 'user', content: cardIdUserMessage(scan) },
  ];
}

/** Compact JSON with the fixed key order: the assistant turn of a card-ID example. */
export function cardAnswer(card: CardData): string {
  return JSON.stringify(orderedCard(card));
}

export function cardIdExample(scan: ScanInput, card: CardData): ChatExample {
  return { messages: [...cardIdMessages(scan), { role: 'assistant', content: cardAnswer(card) }] };
}

/** Parses a model's card-ID reply; null when it is not a valid card. */
export function parseCardAnswer(content: string): CardData | null {
  try {
    const parsed = CardData.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface ListingRequest {
  card: CardData;
  platform: Platform;
  tone: Tone;
}

export function listingUserMessage(req: ListingRequest): string {
  return `Platform: ${req.platform}\nTone: ${req.tone}\nCard: ${cardAnswer(req.card)}`;
}

export function parseListingUserMessage(content: string): { platform: string; tone: string; card: unknown } | null {
  const m = /^Platform: (\S+)\nTone: (\S+)\nCard: (.*)$/s.exec(content);
  if (!m) return null;
  try {
    return { platform: m[1]!, tone: m[2]!, card: JSON.parse(m[3]!) };
  } catch {
    return null;
  }
}

export function listingMessages(req: ListingRequest): ChatMessage[] {
  return [
    { role: 'system', content: LISTING_SYSTEM_PROMPT_V1 },
    { role: 'user', content: listingUserMessage(req) },
  ];
}

export const ListingAnswer = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5000),
});
export type ListingAnswer = z.infer<typeof ListingAnswer>;

export function listingAnswer(listing: ListingAnswer): string {
  return JSON.stringify({ title: listing.title, description: listing.description });
}

export function listingExample(req: ListingRequest, listing: ListingAnswer): ChatExample {
  return { messages: [...listingMessages(req), { role: 'assistant', content: listingAnswer(listing) }] };
}

export function parseListingAnswer(content: string): ListingAnswer | null {
  try {
    const parsed = ListingAnswer.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
