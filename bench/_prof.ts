import { createGenerator } from '../src/services/generator/generator.js';
import { ConflictSet } from '../src/services/datasets/dedupe.js';
import { DatasetFormatter } from '../src/services/datasets/pipeline.js';
import type { SampleLike } from '../src/services/datasets/sample.js';
import { chatTokenCounter } from '../src/services/tokens/count.js';
import { loadEncoder } from '../src/services/tokens/encoders.js';
const g = createGenerator({ seed: 11 });
const samples: SampleLike[] = g.scans(20000).map((s, i) => ({ id: `c${i}`, task: 'CARD_IDENTIFICATION', contentHash: '', input: { ocrText: s.ocrText, imageDescription: s.imageDescription }, output: s.card }));
const counter = chatTokenCounter(await loadEncoder('o200k_base'));
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const f = new DatasetFormatter({ task: 'CARD_IDENTIFICATION', conflicts: ConflictSet.empty() }, counter);
  for (const s of samples) f.push(s);
  console.log(performance.now() - t0);
}
