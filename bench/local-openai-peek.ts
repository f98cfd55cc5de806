import { createGenerator } from '../src/services/generator/generator.js';
import { scanTokens } from '../src/local-openai/trainer/scan-tokens.js';
import { alignCard } from '../src/local-openai/trainer/align.js';
const g = createGenerator({ seed: 3, pool: 'train', noise: Number(process.argv[2] ?? 0.3) });
for (const s of g.scans(Number(process.argv[3] ?? 12))) {
  const toks = scanTokens(s.ocrText, s.imageDescription);
  const tags = alignCard(toks, s.card);
  console.log('-----', JSON.stringify(s.card));
  console.log(toks.map((t, i) => (tags[i] === 'O' ? t.text : `[${t.text}/${tags[i]}]`) + (toks[i + 1] && toks[i + 1]!.line !== t.line ? '\n' : '')).join(' '));
}
