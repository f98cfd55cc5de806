import { createGenerator } from '../src/services/generator/generator.js';
import { CardTrainer } from '../src/local-openai/trainer/card-model.js';
import { CardPredictor } from '../src/local-openai/trainer/card-decode.js';
const train = createGenerator({ seed: 11, pool: 'train', noise: 0.3 }).scans(200).map((s) => ({ scan: { ocrText: s.ocrText, imageDescription: s.imageDescription }, card: s.card }));
const trainer = new CardTrainer(train, 1.8);
for (let e = 0; e < 3; e++) for (const ex of train) { trainer.run(ex, true); trainer.applyBatch(1); }
const state = trainer.snapshot();
console.log('ranker features', state.variationRanker.features.length, state.variationRanker.features.slice(0, 5));
const idx = state.variationRanker.features.indexOf('null');
console.log('null weight', state.variationRanker.weights[idx]);
const top = state.variationRanker.features.map((f, i) => [f, state.variationRanker.weights[i]!] as const).sort((a, b) => b[1] - a[1]);
console.log(top.slice(0, 15), top.slice(-10));
const p = new CardPredictor(state);
let ok = 0, nn = 0;
for (const ex of train) { const v = p.predict(ex.scan).variation; if ((v ?? '').toLowerCase() === (ex.card.variation ?? '').toLowerCase()) ok++; if (ex.card.variation) nn++; }
console.log('train variation acc', ok / train.length, 'non-null', nn);
