// Scratch lab: trains the card model directly (no HTTP) and prints accuracy on holdout scans.
import { createGenerator } from '../src/services/generator/generator.js';
import { CARD_FIELDS, normaliseFieldValue } from '../src/services/cards/card.js';
import { CardTrainer } from '../src/local-openai/trainer/card-model.js';
import { CardPredictor } from '../src/local-openai/trainer/card-decode.js';
import { seededRandom, shuffleInPlace } from '../src/local-openai/random.js';

const noise = Number(process.argv[2] ?? 0.3);
const nTrain = Number(process.argv[3] ?? 200);
const epochs = Number(process.argv[4] ?? 3);
const show = Number(process.argv[5] ?? 0);
const S = Number(process.env.SEED ?? 11);
const train = createGenerator({ seed: S, pool: 'train', noise }).scans(nTrain).map((s) => ({ scan: { ocrText: s.ocrText, imageDescription: s.imageDescription }, card: s.card }));
const test = createGenerator({ seed: S + 1, pool: 'holdout', noise }).scans(300);
let t = performance.now();
const trainer = new CardTrainer(train, 1.8);
const rnd = seededRandom(1);
for (let e = 0; e < epochs; e++) {
  const order = shuffleInPlace([...train], rnd);
  for (const ex of order) { trainer.run(ex, true); trainer.applyBatch(1); }
}
const state = trainer.snapshot();
const trainMs = performance.now() - t;
const predictor = new CardPredictor(state);
const fieldOk: Record<string, number> = {};
let em = 0; let shown = 0;
t = performance.now();
for (const s of test) {
  const p = predictor.predict({ ocrText: s.ocrText, imageDescription: s.imageDescription });
  const bad = CARD_FIELDS.filter((f) => normaliseFieldValue(f, p[f]) !== normaliseFieldValue(f, s.card[f]));
  for (const f of CARD_FIELDS) if (!bad.includes(f)) fieldOk[f] = (fieldOk[f] ?? 0) + 1;
  if (!bad.length) em++;
  else if (shown < show) { shown++; console.log('---', bad.join(','), '\n' + s.ocrText, '\nDESC:', s.imageDescription, '\nGOLD:', JSON.stringify(s.card), '\nPRED:', JSON.stringify(p)); }
}
const predMs = (performance.now() - t) / test.length;
console.log(`noise ${noise} train ${nTrain} epochs ${epochs}: EM ${(em / test.length).toFixed(3)} train ${trainMs.toFixed(0)}ms predict ${predMs.toFixed(2)}ms/scan  size ${JSON.stringify(state).length}`);
console.log(Object.fromEntries(CARD_FIELDS.map((f) => [f, ((fieldOk[f] ?? 0) / test.length).toFixed(3)])));
{
  let goldNN = 0, predNN = 0, bothOk = 0;
  for (const s of test) { const p = predictor.predict({ ocrText: s.ocrText, imageDescription: s.imageDescription }); if (s.card.variation) goldNN++; if (p.variation) predNN++; if (p.variation && s.card.variation && p.variation.toLowerCase() === s.card.variation.toLowerCase()) bothOk++; }
  console.log({ goldNN, predNN, bothOk });
}
