import { createGenerator } from '../src/services/generator/generator.js';
const g = createGenerator({ seed: 1, pool: 'train', noise: Number(process.argv[2] ?? 0.3) });
for (const s of g.scans(Number(process.argv[3] ?? 12))) {
  console.log('-----');
  console.log(s.ocrText);
  console.log('DESC:', s.imageDescription);
  console.log('CARD:', JSON.stringify(s.card));
}
