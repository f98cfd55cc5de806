import { seededRandom, shuffleInPlace } from '../random.js';
import { CardTrainer, type CardExample } from './card-model.js';
import { buildGenericModel, GenericResponder } from './generic-model.js';
import { ListingTrainer, ListingWriter } from './listing-model.js';
import type { FineTunedWeights } from './model.js';
import type { PromptMessage } from './predictor.js';
import { readExample, type LabelledExample } from './tasks.js';
import type { StepMetrics, TrainingInput, TrainingMessage } from './types.js';

/**
 * A training run as a sequence of steps, yielded one at a time so the caller (a worker thread
 * or the inline runner) can report progress and stop it between steps.
 *
 * Hyperparameters act as on OpenAI: n_epochs passes over the file, each in an order shuffled
 * with `seed`; batch_size examples per step, whose perceptron updates are averaged and applied
 * together; learning_rate_multiplier scales every update against the perceptrons' fixed margin.
 * The card tagger, rankers and classifiers learn by the step; listing templates and the
 * generic answers are read off the file once, before the first step.
 */

const KEPT_CHECKPOINTS = 3;
const VALIDATION_SAMPLE = 50;

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

function f1(predicted: string, target: string): number {
  const a = wordsOf(predicted);
  const b = wordsOf(target);
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared === 0 ? 0 : (2 * shared) / (a.size + b.size);
}

export function* trainSteps(input: TrainingInput): Generator<TrainingMessage> {
  const hp = input.hyperparameters;
  const labelled = input.examples.map((e) => readExample(e.messages as PromptMessage[]));
  const validation = input.validation.map((e) => readExample(e.messages as PromptMessage[])).filter((e): e is LabelledExample => e !== null);
  const cards = labelled.filter((e): e is Extract<LabelledExample, { kind: 'card' }> => e?.kind === 'card');
  const listings = labelled.filter((e): e is Extract<LabelledExample, { kind: 'listing' }> => e?.kind === 'listing');
  const others = labelled.filter((e): e is Extract<LabelledExample, { kind: 'other' }> => e?.kind === 'other');

  const cardExamples = new Map<LabelledExample, CardExample>();
  for (const e of [...cards, ...validation]) if (e.kind === 'card') cardExamples.set(e, { scan: e.scan, card: e.card });
  const cardTrainer = cards.length ? new CardTrainer(cards.map((e) => cardExamples.get(e)!), hp.learning_rate_multiplier) : null;
  const listingState = listings.length ? new ListingTrainer(listings).snapshot() : null;
  const writer = listingState ? new ListingWriter(listingState) : null;
  const genericState = others.length ? buildGenericModel(others) : null;
  const responder = genericState ? new GenericResponder(genericState) : null;

  const snapshot = (): string =>
    JSON.stringify({ version: 1, card: cardTrainer?.snapshot() ?? null, listing: listingState, generic: genericState } satisfies FineTunedWeights);

  /** Loss and accuracy of one example under the current model; card examples also learn when `learn`. */
  const measure = (e: LabelledExample | null, learn: boolean): { loss: number; correct: number; count: number } => {
    if (!e) return { loss: 0, correct: 0, count: 0 };
    if (e.kind === 'card') {
      if (!cardTrainer) return { loss: 0, correct: 0, count: 0 };
      const r = cardTrainer.run(cardExamples.get(e)!, learn);
      return { loss: r.loss, correct: r.correct, count: r.tokens };
    }
    if (e.kind === 'listing') {
      const written = writer?.write(e.request);
      const score = written ? f1(`${written.title} ${written.description}`, `${e.listing.title} ${e.listing.description}`) : 0;
      return { loss: -Math.log(Math.max(0.05, score)), correct: score, count: 1 };
    }
    const hit = responder?.nearest(e.prompt, learn ? e.answer : undefined);
    const right = hit?.answer === e.answer ? 1 : 0;
    return { loss: right ? 0.1 : 2.3, correct: right, count: 1 };
  };

  const n = input.examples.length;
  const batch = Math.max(1, Math.min(hp.batch_size, n));
  const perEpoch = Math.ceil(n / batch);
  const total = perEpoch * hp.n_epochs;
  const validEvery = Math.max(1, input.validEvery ?? 1);
  const random = seededRandom(hp.seed);
  const order = Array.from({ length: n }, (_, i) => i);
  let step = 0;
  let validCursor = 0;
  let weights = '';

  const validate = (all: boolean): Pick<StepMetrics, 'valid_loss' | 'valid_mean_token_accuracy'> => {
    if (validation.length === 0) return {};
    const sample = all ? validation : Array.from({ length: Math.min(VALIDATION_SAMPLE, validation.length) }, (_, k) => validation[(validCursor + k) % validation.length]!);
    if (!all) validCursor = (validCursor + sample.length) % validation.length;
    let loss = 0;
    let correct = 0;
    let count = 0;
    for (const e of sample) {
      const r = measure(e, false);
      loss += r.loss;
      correct += r.correct;
      count += r.count;
    }
    return count ? { valid_loss: loss / count, valid_mean_token_accuracy: correct / count } : {};
  };

  for (let epoch = 1; epoch <= hp.n_epochs; epoch++) {
    shuffleInPlace(order, random);
    let last: StepMetrics | undefined;
    for (let b = 0; b < perEpoch; b++) {
      let loss = 0;
      let correct = 0;
      let count = 0;
      const members = order.slice(b * batch, (b + 1) * batch);
      for (const i of members) {
        const r = measure(labelled[i] ?? null, true);
        loss += r.loss;
        correct += r.correct;
        count += r.count;
      }
      cardTrainer?.applyBatch(members.length);
      step++;
      last = {
        step,
        total_steps: total,
        train_loss: count ? loss / count : 0,
        train_mean_token_accuracy: count ? correct / count : 1,
        ...(step % validEvery === 0 || step === total ? validate(false) : {}),
      };
      yield { kind: 'step', epoch, metrics: last };
    }
    const keep = hp.n_epochs - epoch < KEPT_CHECKPOINTS;
    if (keep) weights = snapshot();
    const full = validate(true);
    yield {
      kind: 'epoch',
      epoch,
      metrics: { ...last!, ...full, ...(full.valid_loss !== undefined ? { full_valid_loss: full.valid_loss, full_valid_mean_token_accuracy: full.valid_mean_token_accuracy } : {}) },
      weights: keep ? weights : null,
    };
  }
  yield { kind: 'done', weights: weights || snapshot() };
}
