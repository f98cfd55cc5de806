import { createGenerator } from '../src/services/generator/generator.js';
const g = createGenerator({ seed: 2, pool: 'train' });
for (const l of g.listings(Number(process.argv[2] ?? 6))) console.log(JSON.stringify(l.card), l.platform, l.tone, '\n  T:', l.title, '\n  D:', JSON.stringify(l.description));
