import type { TrainingExample } from '../validation.js';

/** Resolved hyperparameters: what OpenAI reports on the job once it runs. */
export interface Hyperparameters {
  n_epochs: number;
  batch_size: number;
  learning_rate_multiplier: number;
  seed: number;
}

export interface StepMetrics {
  step: number;
  total_steps: number;
  train_loss: number;
  train_mean_token_accuracy: number;
  valid_loss?: number;
  valid_mean_token_accuracy?: number;
  full_valid_loss?: number;
  full_valid_mean_token_accuracy?: number;
}

export interface TrainingInput {
  examples: TrainingExample[];
  validation: TrainingExample[];
  hyperparameters: Hyperparameters;
  /** Compute validation metrics every this many steps (and at the last); default every step. */
  validEvery?: number;
}

/** Progress of a training run, in order: steps, epoch ends (with a snapshot), the end. */
export type TrainingMessage =
  | { kind: 'step'; metrics: StepMetrics; epoch: number }
  /** Weights only for the epochs whose checkpoints are kept (OpenAI keeps the last three). */
  | { kind: 'epoch'; epoch: number; metrics: StepMetrics; weights: string | null }
  | { kind: 'done'; weights: string }
  | { kind: 'error'; message: string };
