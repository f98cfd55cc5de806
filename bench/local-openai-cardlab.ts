/**
 * Development lab for the local provider's card model: trains it in-process (no HTTP, no job)
 * and prints exact match, per-field accuracy and, with --show N, the first N wrong answers.
 *
 *   tsx bench/local-openai-cardlab.ts [--noise 0.3] [--train 200] [--epochs 3] [--seed 11] [--show 0] [--field player] [--diff]
 */
import { parseArgs } from 'node:util';
import { CARD_FIELDS, normaliseFieldValue } from '../src/services/cards/card.js';
import { createGenerator } from '../src/services/generator/generator.js';
import { seededRandom, shuffleInPlace } from '../src/local-openai/random.js';
import { CardPredictor } from '../src/local-openai/trainer/card-decode.js';
import { CardTrainer } from '../src/local-openai/trainer/card-model.js';

const { values } = parseArgs({
  options: {
    noise: { type: 'string', default: '0.3' },
    train: { type: 'string', default: '200' },
    test: { type: 'string', default: '300' },
    epochs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '11' },
    show: { type: 'string', default: '0' },
    field: { type: 'string', default: '' },
    diff: { type: 'boolean', default: false },
    'test-pool': { type: 'string', default: 'holdout' },
    'test-seed': { type: 'string', default: '' },
  },
});
const noise = Number(values.noise);
const seed = Number(values.seed);
const train = createGenerator({ seed, pool: 'train', noise })
  .scans(Number(values.train))
  .map((s) => ({ scan: { ocrText: s.ocrText, imageDescription: s.imageDescription }, card: s.card }));
const test = createGenerator({ seed: values['test-seed'] ? Number(values['test-seed']) : seed + 1, pool: values['test-pool'] === 'train' ? 'train' : 'holdout', noise }).scans(Number(values.test));

let t = performance.now();
const trainer = new CardTrainer(train, 1.8);
const random = seededRandom(1);
for (let e = 0; e < Number(values.epochs); e++) {
  for (const example of shuffleInPlace([...train], random)) {
    trainer.run(example, true);
    trainer.applyBatch(1);
  }
}
const state = trainer.snapshot();
const trainMs = performance.now() - t;
const predictor = new CardPredictor(state);
const right: Record<string, number> = {};
let exact = 0;
let shown = 0;
t = performance.now();
for (const s of test) {
  const predicted = predictor.predict({ ocrText: s.ocrText, imageDescription: s.imageDescription });
  const wrong = CARD_FIELDS.filter((f) => normaliseFieldValue(f, predicted[f]) !== normaliseFieldValue(f, s.card[f]));
  for (const f of CARD_FIELDS) if (!wrong.includes(f)) right[f] = (right[f] ?? 0) + 1;
  if (wrong.length === 0) exact++;
  else if (values.diff) {
    for (const f of wrong) if (!values.field || f === values.field) console.log(`${f}: ${JSON.stringify(s.card[f])} -> ${JSON.stringify(predicted[f])}`);
  }
  else if (shown < Number(values.show) && (!values.field || wrong.includes(values.field as (typeof CARD_FIELDS)[number]))) {
    shown++;
    console.log(`--- ${wrong.join(', ')}\n${s.ocrText}\nDESC: ${s.imageDescription}\nGOLD: ${JSON.stringify(s.card)}\nPRED: ${JSON.stringify(predicted)}`);
  }
}
const predictMs = (performance.now() - t) / test.length;
console.log(`noise ${noise}, ${train.length} training scans, ${values.epochs} epochs: exact ${(exact / test.length).toFixed(3)}; train ${trainMs.toFixed(0)} ms; predict ${predictMs.toFixed(2)} ms/scan; weights ${JSON.stringify(state).length} bytes`);
console.log(Object.fromEntries(CARD_FIELDS.map((f) => [f, ((right[f] ?? 0) / test.length).toFixed(3)])));
