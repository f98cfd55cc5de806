import { describe, expect, it } from 'vitest';
import { backoffMs, jobStatusOf, lossPointOf, progressOf, trainingCostUsd } from '../../src/services/finetuning/status.js';

describe('fine-tuning status helpers', () => {
  it('maps provider statuses to ours and unknown ones to UNKNOWN', () => {
    expect(['validating_files', 'queued', 'running', 'succeeded', 'failed', 'cancelled', 'paused'].map(jobStatusOf)).toEqual([
      'VALIDATING_FILES',
      'QUEUED',
      'RUNNING',
      'SUCCEEDED',
      'FAILED',
      'CANCELLED',
      'UNKNOWN',
    ]);
  });

  it('parses a metrics event into a loss point, defensively', () => {
    expect(lossPointOf({ type: 'metrics', data: { step: 4, total_steps: 10, train_loss: 1.5, train_mean_token_accuracy: 0.5, valid_loss: 'x' } })).toEqual({
      step: 4,
      totalSteps: 10,
      trainLoss: 1.5,
      validLoss: null,
      trainAccuracy: 0.5,
      validAccuracy: null,
    });
    expect(lossPointOf({ type: 'message', data: { step: 1 } })).toBeNull();
    expect(lossPointOf({ type: 'metrics', data: { train_loss: 1 } })).toBeNull();
  });

  it('derives the epoch from steps when the epoch count is known', () => {
    const point = { step: 11, totalSteps: 30, trainLoss: 1, validLoss: null, trainAccuracy: null, validAccuracy: null };
    expect(progressOf(point, 3).epoch).toBe(2);
    expect(progressOf({ ...point, step: 30 }, 3).epoch).toBe(3);
    expect(progressOf(point, null).epoch).toBeNull();
  });

  it('backs off exponentially within bounds and never sooner than retry-after', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 10].map((a) => backoffMs(a, null, 100, 1_000, mid))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffMs(0, 5_000, 100, 1_000, mid)).toBe(5_000);
  });

  it('prices trained tokens by the training price per 1M', () => {
    expect(trainingCostUsd(150_000, 3)).toBe(0.45);
  });
});
