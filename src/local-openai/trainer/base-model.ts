import type { Predictor } from './predictor.js';
export function createBaseModel(): Predictor {
  return { reply: () => 'stub' };
}
