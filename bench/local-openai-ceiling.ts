import { createGenerator } from '../src/services/generator/generator.js';
function lev(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!; d[0] = i;
    for (let j = 1; j <= b.length; j++) { const t = d[j]!; d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1)); prev = t; }
  }
  return d[b.length]!;
}
function fuzzyIn(hay: string, needle: string, tol: number): boolean {
  hay = hay.toLowerCase(); needle = needle.toLowerCase();
  if (hay.includes(needle)) return true;
  if (tol === 0) return false;
  const n = needle.length;
  for (let i = 0; i + n - 2 <= hay.length; i++) for (const len of [n - 1, n, n + 1]) { if (i + len > hay.length) continue; if (lev(hay.slice(i, i + len), needle) <= tol) return true; }
  return false;
}
for (const noise of [0, 0.1, 0.2, 0.3]) {
  const g = createGenerator({ seed: 7, pool: 'holdout', noise });
  const N = 500; const miss: Record<string, number> = {}; let all = 0;
  for (const s of g.scans(N)) {
    const text = s.ocrText + '\n' + s.imageDescription; const c = s.card;
    const m: string[] = [];
    const numTok = new RegExp(`(^|[^0-9a-z])${c.cardNumber.toLowerCase().replace(/[-]/g, '.?')}($|[^0-9])`);
    if (!numTok.test(s.ocrText.toLowerCase())) m.push('cardNumber');
    if (!text.includes(c.year.slice(0, 4))) m.push('year');
    if (!fuzzyIn(text, c.brand, c.brand.length > 4 ? 1 : 0)) m.push('brand');
    if (c.variation && !fuzzyIn(text, c.variation.replace(/ \/.*$/, ''), 1)) m.push('variation');
    const last = c.player.split(' ').slice(1).join(' ');
    if (!fuzzyIn(s.ocrText, last, 1)) m.push('player');
    for (const f of m) miss[f] = (miss[f] ?? 0) + 1;
    if (m.length === 0) all++;
  }
  console.log(noise, 'ceiling', all / N, JSON.stringify(miss));
}
