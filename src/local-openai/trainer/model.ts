import type { Predictor } from './predictor.js';
export function loadFineTunedModel(json: string, base: Predictor): Predictor {
  return { reply: (m) => `ft ${json} ${base.reply(m)}` };
}
