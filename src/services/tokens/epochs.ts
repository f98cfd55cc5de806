/**
 * OpenAI's default number of epochs when `n_epochs` is 'auto' (cookbook "Data preparation and
 * analysis for chat model fine-tuning"): aim for 3 epochs, but see at least 100 and at most
 * 25,000 examples in total, with 1 to 25 epochs.
 */

export const TARGET_EPOCHS = 3;
export const MIN_TARGET_EXAMPLES = 100;
export const MAX_TARGET_EXAMPLES = 25_000;
export const MIN_DEFAULT_EPOCHS = 1;
export const MAX_DEFAULT_EPOCHS = 25;
/** The API accepts 1 to 50 for an explicit n_epochs. */
export const MAX_EPOCHS = 50;

export function defaultEpochs(exampleCount: number): number {
  if (!Number.isInteger(exampleCount) || exampleCount < 1) {
    throw new RangeError(`defaultEpochs needs a positive whole number of examples, got ${exampleCount}`);
  }
  if (exampleCount * TARGET_EPOCHS < MIN_TARGET_EXAMPLES) {
    return Math.min(MAX_DEFAULT_EPOCHS, Math.floor(MIN_TARGET_EXAMPLES / exampleCount));
  }
  if (exampleCount * TARGET_EPOCHS > MAX_TARGET_EXAMPLES) {
    return Math.max(MIN_DEFAULT_EPOCHS, Math.floor(MAX_TARGET_EXAMPLES / exampleCount));
  }
  return TARGET_EPOCHS;
}

/** An explicit epoch count, checked against the API's range. */
export function checkEpochs(epochs: number): number {
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_EPOCHS) {
    throw new RangeError(`epochs must be a whole number from 1 to ${MAX_EPOCHS}, got ${epochs}`);
  }
  return epochs;
}
