// Scratch: how well does the denoiser fix OCR'd name words of unseen players?
import { createGenerator } from '../src/services/generator/generator.js';
import { scanTokens } from '../src/local-openai/trainer/scan-tokens.js';
import { alignCard } from '../src/local-openai/trainer/align.js';
import { Denoiser, DenoiserBuilder } from '../src/local-openai/trainer/denoise.js';
import { core } from '../src/local-openai/trainer/text.js';

const noise = Number(process.argv[2] ?? 0.3);
const goldWeight = Number(process.argv[3] ?? 3);
function pairs(scans: ReturnType<ReturnType<typeof createGenerator>['scans']>) {
  const out: Array<[string, string]> = [];
  for (const s of scans) {
    const toks = scanTokens(s.ocrText, s.imageDescription);
    const tags = alignCard(toks, s.card);
    const gold = s.card.player.split(' ').map((w) => core(w).toLowerCase());
    for (let i = 0; i < toks.length; i++) {
      if (tags[i] !== 'PLAYER') continue;
      const o = core(toks[i]!.text).toLowerCase().replace(/,$/, '');
      let best = ''; let bs = -1;
      for (const g of gold) { const sc = [...g].filter((c, k) => o[k] === c).length; if (sc > bs) { bs = sc; best = g; } }
      out.push([best, o]);
    }
  }
  return out;
}
const train = createGenerator({ seed: 11, pool: 'train', noise }).scans(Number(process.argv[4] ?? 200));
const b = new DenoiserBuilder();
for (const s of train) {
  for (const w of s.card.player.split(' ')) for (let k = 0; k < goldWeight; k++) b.addWord(core(w).toLowerCase());
  if (process.argv[5] === 'ocr') for (const t of s.ocrText.split(/\s+/)) { const c = core(t).toLowerCase(); if (/^[a-z'-]{3,}$/.test(c)) b.addWord(c); }
}
for (const [g, o] of pairs(train)) b.addPair(g, o);
const d = new Denoiser(b.build());
const test = pairs(createGenerator({ seed: 12, pool: 'holdout', noise }).scans(300));
let damaged = 0, fixed = 0, clean = 0, broken = 0;
const examples: string[] = [];
for (const [g, o] of test) {
  const c = d.correct(o);
  if (g === o) { clean++; if (c !== g) { broken++; if (examples.length < 15) examples.push(`BROKE ${o} -> ${c}`); } }
  else { damaged++; if (c === g) fixed++; else if (examples.length < 30) examples.push(`MISS ${g}: ${o} -> ${c}`); }
}
console.log({ clean, broken, damaged, fixed });
console.log(examples.join('\n'));
for (const th of [0, 2, 4, 6, 8]) for (const kb of [0, 3, 6]) {
  d.knownBonus = kb;
  let fx = 0, br = 0;
  for (const [g, o] of test) { const c = d.correct(o, th); if (g === o && c !== g) br++; if (g !== o && c === g) fx++; }
  console.log(`th ${th} kb ${kb}: fixed ${fx} broken ${br} net ${fx - br}`);
}
// Restricted strategies.
const known = new Set<string>();
for (const s of train) for (const w of s.card.player.split(' ')) known.add(core(w).toLowerCase());
const { levenshtein } = await import('../src/local-openai/trainer/text.js');
const strategies: Record<string, (o: string) => string> = {
  digits: (o) => (/[a-z]/.test(o) ? o.replace(/[0-9|$!]/g, (c) => ({ '0': 'o', '1': 'l', '5': 's', '8': 'b', '6': 'g', '3': 'e', '4': 'a', '7': 't', '2': 'z', '|': 'l', $: 's', '!': 'l' } as Record<string, string>)[c] ?? c) : o),
  lexicon: (o) => {
    if (known.has(o) || o.length < 4) return o;
    const near = [...known].filter((k) => levenshtein(k, o, 1) <= 1);
    return near.length === 1 ? near[0]! : o;
  },
  undouble: (o) => { const m = /(.)\1/.exec(o); if (!m) return o; const c = o.slice(0, m.index) + o.slice(m.index + 1); return d.logProb(c) - d.logProb(o) > Number(process.env.UD ?? 1) ? c : o; },
  swap: (o) => { let best = o, bg = Number(process.env.SW ?? 3); for (let i = 0; i + 1 < o.length; i++) { const c = o.slice(0, i) + o[i + 1] + o[i] + o.slice(i + 2); const g = d.logProb(c) - d.logProb(o); if (g > bg) { bg = g; best = c; } } return best; },
};
for (const [name, fn] of Object.entries(strategies)) {
  let fx = 0, br = 0;
  for (const [g, o] of test) { const c = fn(o); if (g === o && c !== g) br++; if (g !== o && c === g) fx++; }
  console.log(`${name}: fixed ${fx} broken ${br}`);
}
