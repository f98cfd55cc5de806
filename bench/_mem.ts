import { createGenerator } from '../src/services/generator/generator.js';
import { KeyScan } from '../src/services/datasets/dedupe.js';
import { createDatasetFormatter } from '../src/services/datasets/pipeline.js';
import type { SampleLike } from '../src/services/datasets/sample.js';
const n = Number(process.argv[2]);
function* samples(): Generator<SampleLike> {
  const g = createGenerator({ seed: 5 });
  for (let i = 0; i < n; i++) { const s = g.scan(); yield { id: `c${i}`, task: 'CARD_IDENTIFICATION', contentHash: '', input: { ocrText: s.ocrText, imageDescription: s.imageDescription }, output: s.card }; }
}
let peak = 0; const tick = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
const t0 = performance.now();
const scan = new KeyScan('CARD_IDENTIFICATION', n); for (const s of samples()) { scan.add(s); }
const result = scan.finish();
const t1 = performance.now();
const f = await createDatasetFormatter({ task: 'CARD_IDENTIFICATION', conflicts: result.conflicts, expectedSamples: n });
let i = 0;
for (const s of samples()) { f.push(s); if (++i % 10000 === 0) await new Promise((r) => setImmediate(r)); }
const r = f.report();
clearInterval(tick); peak = Math.max(peak, process.memoryUsage.rss());
console.log(JSON.stringify({ n, pass1s: ((t1 - t0) / 1000).toFixed(1), pass2s: ((performance.now() - t1) / 1000).toFixed(1), kept: r.kept, excluded: Object.fromEntries(Object.entries(r.excluded).map(([k, v]) => [k, v.count])), conflictGroups: r.conflictGroups, peakRssMB: (peak / 1e6).toFixed(0), heapMB: (process.memoryUsage().heapUsed / 1e6).toFixed(0) }));
