import { createGenerator } from '../src/services/generator/generator.js';
import { cardIdExample } from '../src/services/prompts/chat-format.js';
const size = Number(process.argv[2]);
const n = Number(process.argv[3] ?? 400000);
const mod = await import('gpt-tokenizer/encoding/o200k_base');
const api = mod.default;
if (size >= 0) api.setMergeCacheSize(size);
const opts = { disallowedSpecial: new Set<string>() };
const g = createGenerator({ seed: 5 });
let t = performance.now(); const times: string[] = [];
let gen = 0;
for (let i = 1; i <= n; i++) {
  const g0 = performance.now();
  const s = g.scan(); const e = cardIdExample(s, s.card);
  gen += performance.now() - g0;
  api.countTokens(e.messages[1]!.content, opts); api.countTokens(e.messages[2]!.content, opts);
  if (i % 50000 === 0) { const now = performance.now(); times.push(((now - t - gen) / 50).toFixed(1)); t = now; gen = 0; }
}
console.log('cache', size, 'µs/sample per 50k chunk:', times.join(' '), 'rss', (process.memoryUsage.rss() / 1e6).toFixed(0));
