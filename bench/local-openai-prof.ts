import { createGenerator } from '../src/services/generator/generator.js';
import { CardTrainer } from '../src/local-openai/trainer/card-model.js';
import { CardPredictor } from '../src/local-openai/trainer/card-decode.js';
const train = createGenerator({ seed: 3, pool: 'train', noise: 0.3 }).scans(200).map((s) => ({ scan: { ocrText: s.ocrText, imageDescription: s.imageDescription }, card: s.card }));
const t = new CardTrainer(train, 1.8);
for (let e = 0; e < 3; e++) for (const ex of train) { t.run(ex, true); t.applyBatch(1); }
const p = new CardPredictor(JSON.parse(JSON.stringify(t.snapshot())));
const test = createGenerator({ seed: 4, pool: 'holdout', noise: 0.3 }).scans(300).map((s) => ({ ocrText: s.ocrText, imageDescription: s.imageDescription }));
for (const s of test) p.predict(s);
const times: number[] = [];
for (let r = 0; r < 3; r++) for (const s of test) { const a = performance.now(); p.predict(s); times.push(performance.now() - a); }
times.sort((a, b) => a - b);
console.log('p50', times[times.length >> 1]!.toFixed(3), 'p90', times[Math.floor(times.length * 0.9)]!.toFixed(3));
