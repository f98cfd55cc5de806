import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictSet, scanKeys } from '../../src/services/datasets/dedupe.js';
import { checkJsonlLines } from '../../src/services/datasets/format-check.js';
import { createDatasetFormatter, formatDataset, formatSamples, type FormattedLine } from '../../src/services/datasets/pipeline.js';
import { readinessOfScan } from '../../src/services/datasets/readiness.js';
import type { CardIdSample, ListingSample, SampleLike } from '../../src/services/datasets/sample.js';
import { createGenerator } from '../../src/services/generator/generator.js';
import { createChatTokenCounter } from '../../src/services/tokens/count.js';
import { freeEncoders } from '../../src/services/tokens/encoders.js';

function scans(n: number, seed = 21, prefix = 'c'): CardIdSample[] {
  return createGenerator({ seed })
    .scans(n)
    .map((s, i) => ({
      id: `${prefix}${i}`,
      task: 'CARD_IDENTIFICATION',
      contentHash: `${prefix}${i}`,
      input: { ocrText: s.ocrText, imageDescription: s.imageDescription },
      output: s.card,
    }));
}

function listings(n: number, seed = 31, prefix = 'l'): ListingSample[] {
  return createGenerator({ seed })
    .listings(n)
    .map((l, i) => ({
      id: `${prefix}${i}`,
      task: 'LISTING_GENERATION',
      contentHash: `${prefix}${i}`,
      input: { card: l.card, platform: l.platform, tone: l.tone },
      output: { title: l.title, description: l.description },
    }));
}

const CARD = { task: 'CARD_IDENTIFICATION' } as const;
const LISTING = { task: 'LISTING_GENERATION' } as const;
const splitById = (lines: FormattedLine[]) => new Map(lines.map((l) => [l.sampleId, l.split]));

let base: CardIdSample[];
beforeAll(() => {
  base = scans(300);
});
afterAll(freeEncoders);

describe('formatSamples on card-ID samples', () => {
  it('keeps every sample of a generated set without duplicates or conflicts', async () => {
    const { report } = await formatSamples(base, CARD);
    expect([report.kept, report.samples]).toEqual([300, 300]);
  });

  it('removes a byte-identical copy as an exact duplicate', async () => {
    const { report } = await formatSamples([...base, { ...base[3]!, id: 'copy' }], CARD);
    expect(report.excluded.EXACT_DUPLICATE).toEqual({ count: 1, exampleIds: ['copy'] });
  });

  it('removes a copy with other case, punctuation and OCR word order as a near duplicate', async () => {
    const original = base[5]!;
    const words = original.input.ocrText.split(/\s+/);
    const variant = { ...original, id: 'variant', input: { ...original.input, ocrText: `${words.reverse().join('  ').toUpperCase()} !!` } };
    const { report } = await formatSamples([...base, variant], CARD);
    expect(report.excluded.NEAR_DUPLICATE).toEqual({ count: 1, exampleIds: ['variant'] });
  });

  it('excludes both members of a scan labelled with two different cards', async () => {
    const original = base[7]!;
    const relabelled = { ...original, id: 'relabelled', output: { ...original.output, cardNumber: `${original.output.cardNumber}9` } };
    const { report } = await formatSamples([...base, relabelled], CARD);
    expect([report.excluded.CONFLICT.count, report.excluded.CONFLICT.exampleIds.sort(), report.conflictGroups]).toEqual([
      2,
      [original.id, 'relabelled'].sort(),
      1,
    ]);
  });

  it('excludes every member of a conflict, including the ones that agree', async () => {
    const original = base[8]!;
    const agreeing = { ...original, id: 'agreeing', input: { ...original.input, ocrText: `${original.input.ocrText}.` } };
    const disagreeing = { ...original, id: 'disagreeing', output: { ...original.output, player: 'Somebody Else' } };
    const { report } = await formatSamples([...base, agreeing, disagreeing], CARD);
    expect(report.excluded.CONFLICT.count).toBe(3);
  });

  it('does not call two labels that diffCards cannot tell apart a conflict', async () => {
    const original = base[9]!;
    const respelled = { ...original, id: 'respelled', output: { ...original.output, player: original.output.player.toUpperCase() } };
    const { report } = await formatSamples([...base, respelled], CARD);
    expect([report.excluded.CONFLICT.count, report.excluded.NEAR_DUPLICATE.count]).toEqual([0, 1]);
  });

  it('excludes a sample without OCR text as invalid', async () => {
    const broken = { ...base[0]!, id: 'broken', input: { ocrText: '   ', imageDescription: 'x' } };
    const { report } = await formatSamples([...base, broken], CARD);
    expect(report.excluded.INVALID_SAMPLE).toEqual({ count: 1, exampleIds: ['broken'] });
  });

  it('excludes examples over the token limit', async () => {
    const { lines: all } = await formatSamples(base, CARD);
    const limit = all.map((l) => l.tokens).sort((a, b) => a - b)[150]!;
    const over = all.filter((l) => l.tokens > limit).length;
    const { report } = await formatSamples(base, { ...CARD, tokenLimit: limit });
    expect([report.excluded.OVER_TOKEN_LIMIT.count, report.tokens.max]).toEqual([over, limit]);
  });

  it('accounts for every sample read as kept or excluded for one reason', async () => {
    const extra = [{ ...base[1]!, id: 'dup' }, { ...base[2]!, id: 'conflict', output: { ...base[2]!.output, year: '1901' } }, { ...base[3]!, id: 'invalid', input: { ocrText: '' } }];
    const { report } = await formatSamples([...base, ...extra], CARD);
    const excluded = Object.values(report.excluded).reduce((sum, e) => sum + e.count, 0);
    expect(report.kept + excluded).toBe(report.samples);
  });

  it('writes lines that pass the OpenAI format check', async () => {
    const { lines } = await formatSamples(base, CARD);
    const counter = await createChatTokenCounter('o200k_base');
    const check = await checkJsonlLines(lines.map((l) => l.line), { counter, tokenLimit: 65_536 });
    expect([check.ok, check.examplesWithErrors, check.examples]).toEqual([true, 0, 300]);
  });

  it('reports per split the line count, byte count and sha256 of exactly the bytes it yields', async () => {
    const { lines, report } = await formatSamples(base, CARD);
    const files = (['train', 'validation', 'test'] as const).map((split) => {
      const bytes = Buffer.concat(lines.filter((l) => l.split === split).map((l) => l.bytes));
      return { lines: bytes.toString().split('\n').length - 1, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    expect(files).toEqual((['train', 'validation', 'test'] as const).map((s) => ({ lines: report.splits[s].lines, bytes: report.splits[s].bytes, sha256: report.splits[s].sha256 })));
  });

  it('sums the tokens of the lines it yields into the report', async () => {
    const { lines, report } = await formatSamples(base, CARD);
    expect(report.tokens.total).toBe(lines.reduce((sum, l) => sum + l.tokens, 0));
  });

  it('gives the same content hash to the same samples', async () => {
    const [a, b] = await Promise.all([formatSamples(base, CARD), formatSamples(scans(300), CARD)]);
    expect(a.report.contentHash).toBe(b.report.contentHash);
  });

  it('gives a different content hash when the validation fraction changes', async () => {
    const [a, b] = await Promise.all([formatSamples(base, CARD), formatSamples(base, { ...CARD, fractions: { validation: 0.2 } })]);
    expect(a.report.contentHash).not.toBe(b.report.contentHash);
  });

  it('assigns splits independently of the order of the samples', async () => {
    const [forward, backward] = await Promise.all([formatSamples(base, CARD), formatSamples([...base].reverse(), CARD)]);
    expect(splitById(backward.lines)).toEqual(splitById(forward.lines));
  });

  it('leaves the split of every existing sample unchanged when a later version adds samples', async () => {
    const v1 = await formatSamples(base, CARD);
    const v2 = await formatSamples([...base, ...scans(300, 22, 'new')], CARD);
    const after = splitById(v2.lines);
    expect(v1.lines.filter((l) => after.get(l.sampleId) !== l.split)).toEqual([]);
  });

  it('never puts a test sample of one version into the training file of a later one', async () => {
    const v1 = await formatSamples(base, CARD);
    const v2 = await formatSamples([...base.slice(50), ...scans(300, 23, 'new')], CARD);
    const testIds = new Set(v1.lines.filter((l) => l.split === 'test').map((l) => l.sampleId));
    expect([testIds.size > 0, v2.lines.some((l) => l.split === 'train' && testIds.has(l.sampleId))]).toEqual([true, false]);
  });

  it('keeps earlier test samples out of train when the test fraction shrinks, given the pinned test keys', async () => {
    const v1 = await formatSamples(base, { ...CARD, fractions: { test: 0.3, validation: 0.1 } });
    const pinned = new Set(v1.lines.filter((l) => l.split === 'test').map((l) => l.splitKey));
    const v2 = await formatSamples(base, { ...CARD, fractions: { test: 0.05, validation: 0.1 }, pinnedTest: (key) => pinned.has(key) });
    expect(v2.lines.filter((l) => pinned.has(l.splitKey)).every((l) => l.split === 'test')).toBe(true);
  });

  it('keeps a relabelled scan in the split of its earlier label', async () => {
    const v1 = await formatSamples(base, CARD);
    const tested = v1.lines.find((l) => l.split === 'test')!;
    const corrected = base.map((s) => (s.id === tested.sampleId ? { ...s, output: { ...s.output, cardNumber: 'X1' } } : s));
    const v2 = await formatSamples(corrected, CARD);
    expect(splitById(v2.lines).get(tested.sampleId)).toBe('test');
  });

  it('reports the realised split of every sport', async () => {
    const { lines, report } = await formatSamples(base, CARD);
    const sports = new Map(base.map((s) => [s.id, s.output.sport]));
    const counted = report.strata.map((s) => [s.stratum, s.train + s.validation + s.test]);
    const expected = [...new Set(sports.values())].sort().map((sport) => [sport, lines.filter((l) => sports.get(l.sampleId) === sport).length]);
    expect(counted).toEqual(expected);
  });

  it('is not ready below 50 card-ID samples and says how many are needed', async () => {
    const { report } = await formatSamples(base.slice(0, 40), CARD);
    expect([report.readiness.ready, report.readiness.have, report.readiness.need]).toEqual([false, 40, 50]);
  });

  it('warns when one sport is more than 60% of the samples', async () => {
    const baseball = base.filter((s) => s.output.sport === 'BASEBALL');
    const { report } = await formatSamples([...baseball, ...base.filter((s) => s.output.sport !== 'BASEBALL').slice(0, 5)], CARD);
    expect(report.warnings.some((w) => w.code === 'DIVERSITY_DOMINANT' && w.message.startsWith('sport BASEBALL'))).toBe(true);
  });
});

describe('formatSamples on listings', () => {
  let sample: ListingSample[];
  beforeAll(() => {
    sample = listings(240);
  });

  it('removes a listing whose title differs only in case and punctuation as a near duplicate', async () => {
    const original = sample[4]!;
    const variant = { ...original, id: 'variant', output: { ...original.output, title: `${original.output.title.toUpperCase()}!!` } };
    const { report } = await formatSamples([...sample, variant], LISTING);
    expect(report.excluded.NEAR_DUPLICATE).toEqual({ count: 1, exampleIds: ['variant'] });
  });

  it('keeps two different listings of the same card, platform and tone', async () => {
    const original = sample[4]!;
    const other = { ...original, id: 'other', output: { title: 'A different title', description: 'Another description entirely.' } };
    const { report } = await formatSamples([...sample, other], LISTING);
    expect([report.kept, report.excluded.CONFLICT.count]).toEqual([241, 0]);
  });

  it('reports have and need per platform and tone', async () => {
    const { report } = await formatSamples(sample, LISTING);
    expect(report.readiness.groups.map((g) => [g.have, g.need])).toEqual(Array(12).fill([20, 30]));
  });

  it('is ready with 30 listings for each platform and tone', async () => {
    const { report } = await formatSamples(listings(360), LISTING);
    expect([report.readiness.ready, report.readiness.have, report.readiness.need]).toEqual([true, 360, 360]);
  });

  it('stratifies by platform and tone', async () => {
    const { report } = await formatSamples(sample, LISTING);
    expect(report.strata.map((s) => s.stratum)).toContain('EBAY/PROFESSIONAL');
  });
});

describe('two passes over cursors', () => {
  async function* cursor<T>(items: T[]): AsyncGenerator<T> {
    for (const item of items) yield item;
  }

  it('yields the same lines from an async cursor as formatSamples does in memory', async () => {
    const conflicted: SampleLike[] = [...base, { ...base[0]!, id: 'conflict', output: { ...base[0]!.output, year: '1999' } }];
    const scan = await scanKeys(cursor(conflicted), 'CARD_IDENTIFICATION');
    const formatter = await createDatasetFormatter({ ...CARD, conflicts: scan.conflicts });
    const streamed: FormattedLine[] = [];
    for await (const line of formatDataset(cursor(conflicted), formatter)) streamed.push(line);
    const { lines } = await formatSamples(conflicted, CARD);
    expect(streamed.map((l) => l.line)).toEqual(lines.map((l) => l.line));
  });

  it('predicts in pass 1 how many samples pass 2 keeps', async () => {
    const withDuplicates = [...base, { ...base[1]!, id: 'dup' }, { ...base[2]!, id: 'conflict', output: { ...base[2]!.output, year: '1999' } }];
    const { scan, report } = await formatSamples(withDuplicates, CARD);
    expect(scan.expectedKept).toBe(report.kept);
  });

  it('answers readiness from pass 1 alone', async () => {
    const scan = await scanKeys(cursor(listings(120)), 'LISTING_GENERATION');
    const readiness = readinessOfScan(scan, { platforms: ['EBAY'] });
    expect(readiness.groups.map((g) => [g.tone, g.have, g.need])).toEqual([
      ['PROFESSIONAL', 10, 30],
      ['CASUAL', 10, 30],
      ['ENTHUSIASTIC', 10, 30],
    ]);
  });

  it('returns the report as the value of the finished generator', async () => {
    const formatter = await createDatasetFormatter({ ...CARD, conflicts: ConflictSet.empty() });
    const generator = formatDataset(base.slice(0, 20), formatter);
    let result = await generator.next();
    while (!result.done) result = await generator.next();
    expect(result.value.kept).toBe(20);
  });

  it('refuses a sample after the report has been taken', async () => {
    const formatter = await createDatasetFormatter({ ...CARD, conflicts: ConflictSet.empty() });
    formatter.report();
    expect(() => formatter.push(base[0]!)).toThrow(/after report/);
  });
});
