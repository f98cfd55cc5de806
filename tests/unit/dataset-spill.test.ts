import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonlLines, streamLines } from '../../src/services/datasets/estimates.js';
import type { CardIdSample } from '../../src/services/datasets/sample.js';
import { SampleSpill } from '../../src/services/datasets/spill.js';

const sample = (i: number, ocrText = `scan ${i}`): CardIdSample => ({
  id: `s${i}`,
  task: 'CARD_IDENTIFICATION',
  contentHash: `h${i}`,
  input: { ocrText, imageDescription: null },
  output: { player: 'Ronaldo Nazário', year: '1998', brand: 'Panini', cardNumber: '9', variation: null, sport: 'SOCCER', grade: null, gradingCompany: null },
});

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('SampleSpill', () => {
  it('reads back every sample in the order written, multi-byte text across read chunks included', async () => {
    const spill = await SampleSpill.create();
    // ~3 MB of lines with accents and emoji, so the 1 MB read chunks split characters.
    const written = Array.from({ length: 3000 }, (_, i) => sample(i, `Acuña ✓ 🃏 ${'é'.repeat(400 + (i % 7))}`));
    try {
      for (const s of written) await spill.write(s);
      await spill.close();
      expect(await all(spill.read())).toEqual(written);
    } finally {
      await spill.remove();
    }
  });

  it('counts what it holds', async () => {
    const spill = await SampleSpill.create();
    try {
      for (let i = 0; i < 5; i++) spill.writeNow(sample(i));
      await spill.close();
      expect(spill.size).toBe(5);
    } finally {
      await spill.remove();
    }
  });
});

describe('JSONL lines', () => {
  it('ends the last line at one trailing newline and drops a CR before a newline', () => {
    expect(jsonlLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(jsonlLines('a\n\n')).toEqual(['a', '']);
  });

  it('splits a stream into lines, a character cut between two chunks included', async () => {
    const bytes = Buffer.from('first ✓\nsecond 🃏\nthird', 'utf8');
    const cut = bytes.indexOf(Buffer.from('🃏')) + 2;
    expect(await all(streamLines(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)])))).toEqual(['first ✓', 'second 🃏', 'third']);
  });
});
