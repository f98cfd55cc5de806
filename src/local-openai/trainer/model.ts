import { cardAnswer, listingAnswer } from '../../services/prompts/chat-format.js';
import { CardPredictor } from './card-decode.js';
import type { CardModelState } from './card-model.js';
import { GenericResponder, type GenericModelState } from './generic-model.js';
import { ListingWriter, type ListingModelState } from './listing-model.js';
import type { Predictor, PromptMessage } from './predictor.js';
import { readTask } from './tasks.js';

/** What a fine-tuning job stores: one part per task the training file taught (null when it taught none). */
export interface FineTunedWeights {
  version: 1;
  card: CardModelState | null;
  listing: ListingModelState | null;
  generic: GenericModelState | null;
}

/** A fine-tuned model: its learned parts where the training file taught the task, the base model elsewhere. */
export function loadFineTunedModel(json: string, base: Predictor): Predictor {
  const weights = JSON.parse(json) as FineTunedWeights;
  const card = weights.card ? new CardPredictor(weights.card) : null;
  const listing = weights.listing ? new ListingWriter(weights.listing) : null;
  const generic = weights.generic ? new GenericResponder(weights.generic) : null;
  return {
    reply(messages: readonly PromptMessage[]): string {
      const task = readTask(messages);
      if (task.kind === 'card' && card) return cardAnswer(card.predict(task.scan));
      if (task.kind === 'listing' && listing) {
        const written = listing.write(task.request);
        if (written) return listingAnswer(written);
      }
      if (task.kind === 'other' && generic) {
        const answer = generic.answer(task.prompt);
        if (answer !== undefined) return answer;
      }
      return base.reply(messages);
    },
  };
}
