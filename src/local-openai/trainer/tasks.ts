import { CardData, Platform, Tone } from '../../services/cards/card.js';
import { parseCardAnswer, parseCardIdUserMessage, parseListingAnswer, parseListingUserMessage, type ListingAnswer, type ListingRequest, type ScanInput } from '../../services/prompts/chat-format.js';
import type { PromptMessage } from './predictor.js';

/**
 * Which task a conversation is, read through chat-format.ts's parsers (the one owner of the
 * prompt format): card identification, listing writing, or anything else.
 */

export type Task = { kind: 'card'; scan: ScanInput } | { kind: 'listing'; request: ListingRequest } | { kind: 'other'; prompt: string };

const lastUser = (messages: readonly PromptMessage[]) => [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';

export function readTask(messages: readonly PromptMessage[]): Task {
  const user = lastUser(messages);
  const scan = parseCardIdUserMessage(user);
  if (scan) return { kind: 'card', scan };
  const listing = parseListingUserMessage(user);
  if (listing) {
    const card = CardData.safeParse(listing.card);
    const platform = Platform.safeParse(listing.platform);
    const tone = Tone.safeParse(listing.tone);
    if (card.success && platform.success && tone.success) return { kind: 'listing', request: { card: card.data, platform: platform.data, tone: tone.data } };
  }
  return { kind: 'other', prompt: user };
}

export type LabelledExample =
  | { kind: 'card'; scan: ScanInput; card: CardData }
  | { kind: 'listing'; request: ListingRequest; listing: ListingAnswer }
  | { kind: 'other'; prompt: string; answer: string };

/** A training example as the task it teaches: the prompt (all but the last assistant turn) and that turn. */
export function readExample(messages: readonly PromptMessage[]): LabelledExample | null {
  let answerAt = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]! as PromptMessage & { weight?: number };
    if (m.role === 'assistant' && m.weight !== 0) {
      answerAt = i;
      break;
    }
  }
  if (answerAt < 0) return null;
  const prompt = messages.slice(0, answerAt);
  const answer = messages[answerAt]!.content;
  const task = readTask(prompt);
  if (task.kind === 'card') {
    const card = parseCardAnswer(answer);
    if (card) return { kind: 'card', scan: task.scan, card };
  } else if (task.kind === 'listing') {
    const listing = parseListingAnswer(answer);
    if (listing) return { kind: 'listing', request: task.request, listing };
  }
  return { kind: 'other', prompt: lastUser(prompt), answer };
}
