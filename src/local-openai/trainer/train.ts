import type { TrainingInput, TrainingMessage } from './types.js';

// Temporary stub, replaced by the real trainer.
export function* trainSteps(input: TrainingInput): Generator<TrainingMessage> {
  const hp = input.hyperparameters;
  const perEpoch = Math.ceil(input.examples.length / hp.batch_size);
  const total = perEpoch * hp.n_epochs;
  let step = 0;
  for (let e = 1; e <= hp.n_epochs; e++) {
    for (let i = 0; i < perEpoch; i++) {
      step++;
      yield { kind: 'step', epoch: e, metrics: { step, total_steps: total, train_loss: 1 / step, train_mean_token_accuracy: 1 - 1 / step } };
    }
    yield { kind: 'epoch', epoch: e, metrics: { step, total_steps: total, train_loss: 1 / step, train_mean_token_accuracy: 1 - 1 / step }, weights: '{}' };
  }
  yield { kind: 'done', weights: JSON.stringify({ n: input.examples.length }) };
}
