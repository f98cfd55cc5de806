import { describe, expect, it } from 'vitest';
import { CardData, diffCards, GRADING_COMPANIES, PLATFORMS, TONES } from '../../src/services/cards/card.js';
import { ListingAnswer } from '../../src/services/prompts/chat-format.js';
import { buildCatalog, PLAYERS, poolOf } from '../../src/services/generator/catalog.js';
import { cardDrawer } from '../../src/services/generator/draw.js';
import { createGenerator } from '../../src/services/generator/generator.js';
import { damageChars } from '../../src/services/generator/noise.js';
import { Random } from '../../src/services/generator/random.js';
import { SETS } from '../../src/services/generator/sets.js';
import { GENERATED_SPORTS } from '../../src/services/generator/teams.js';

const firstYearOf = new Map(PLAYERS.map((p) => [p.name, p.from]));
const lower = (s: string) => s.toLowerCase();

describe('random', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('draws integers over the whole inclusive range and nothing outside it', () => {
    const rng = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 8));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
  });
});

describe('catalog', () => {
  it('has at least 60 players in each sport, including suffixes, apostrophes, hyphens and multi-word last names', () => {
    for (const sport of GENERATED_SPORTS) expect(PLAYERS.filter((p) => p.sport === sport).length).toBeGreaterThanOrEqual(60);
    expect(PLAYERS.some((p) => p.suffix === 'Jr.')).toBe(true);
    expect(PLAYERS.some((p) => p.name.includes("'"))).toBe(true);
    expect(PLAYERS.some((p) => p.last.includes('-'))).toBe(true);
    expect(PLAYERS.some((p) => p.last.includes(' '))).toBe(true);
  });

  it('names every set after its brand, so the brand field is always the first words of the set', () => {
    const offenders = SETS.filter((s) => !s.name.startsWith(s.brand));
    expect(offenders.map((s) => s.name)).toEqual([]);
  });

  it('gives every player at least one set made during his career', () => {
    const all = buildCatalog('all');
    const drawable = GENERATED_SPORTS.reduce((n, s) => n + all.bySport[s].length, 0);
    expect(drawable).toBe(PLAYERS.length);
  });

  it('puts about a quarter of players and sets in the holdout pool', () => {
    const players = PLAYERS.filter((p) => poolOf(p.name) === 'holdout').length / PLAYERS.length;
    const sets = SETS.filter((s) => poolOf(s.name) === 'holdout').length / SETS.length;
    expect(players).toBeGreaterThan(0.15);
    expect(players).toBeLessThan(0.35);
    expect(sets).toBeGreaterThan(0.15);
    expect(sets).toBeLessThan(0.4);
  });
});

describe('createGenerator', () => {
  it('produces exactly the same scans, corrections and listings for the same options', () => {
    const run = () => {
      const g = createGenerator({ seed: 123, noise: 0.4 });
      return { scans: g.scans(300), corrections: g.corrections(100), listings: g.listings(60) };
    };
    expect(run()).toEqual(run());
  });

  it('produces different output for a different seed', () => {
    const a = createGenerator({ seed: 1 }).scans(50);
    const b = createGenerator({ seed: 2 }).scans(50);
    const same = a.filter((s, i) => s.ocrText === b[i]!.ocrText).length;
    expect(same).toBeLessThan(5);
    expect(a.map((s) => s.card)).not.toEqual(b.map((s) => s.card));
  });

  it('draws the same true cards at any noise level, with different text', () => {
    const clean = createGenerator({ seed: 9, noise: 0 }).scans(500);
    const noisy = createGenerator({ seed: 9, noise: 0.8 }).scans(500);
    expect(noisy.map((s) => s.card)).toEqual(clean.map((s) => s.card));
    expect(noisy.filter((s, i) => s.ocrText !== clean[i]!.ocrText).length).toBeGreaterThan(400);
  });

  it('rejects a noise level outside 0..1', () => {
    expect(() => createGenerator({ noise: 1.5 })).toThrow(RangeError);
  });
});

describe('scan', () => {
  const scans = createGenerator({ seed: 2024 }).scans(5000);

  it('labels every scan with a card that CardData accepts unchanged', () => {
    for (const s of scans) expect(CardData.parse(s.card)).toEqual(s.card);
  });

  it('covers all four sports, several grading companies and raw cards in 1,000 samples', () => {
    const sample = scans.slice(0, 1000);
    expect(new Set(sample.map((s) => s.card.sport))).toEqual(new Set(GENERATED_SPORTS));
    const companies = new Set(sample.map((s) => s.card.gradingCompany).filter((c) => c !== null));
    expect(companies.size).toBeGreaterThanOrEqual(4);
    const raw = sample.filter((s) => s.card.gradingCompany === null && s.card.grade === null).length;
    expect(raw / sample.length).toBeGreaterThan(0.3);
    expect(raw / sample.length).toBeLessThan(0.5);
  });

  it('writes seasons for basketball and hockey and plain years for baseball and football', () => {
    for (const { card } of scans) {
      const season = card.sport === 'BASKETBALL' || card.sport === 'HOCKEY';
      expect(card.year).toMatch(season ? /^\d{4}-\d{2}$/ : /^\d{4}$/);
    }
  });

  it('gives PSA mostly whole grades and BGS mostly half grades', () => {
    const half = (company: string) => {
      const graded = scans.filter((s) => s.card.gradingCompany === company);
      return graded.filter((s) => !Number.isInteger(s.card.grade)).length / graded.length;
    };
    expect(half('PSA')).toBeLessThan(0.15);
    expect(half('BGS')).toBeGreaterThan(0.4);
  });

  it('leaves the variation empty most of the time and puts rookie-only variations on rookie-year cards', () => {
    expect(scans.filter((s) => s.card.variation === null).length / scans.length).toBeGreaterThan(0.55);
    const rookieOnly = scans.filter((s) => s.card.variation === 'Rated Rookie' || s.card.variation === 'Young Guns');
    expect(rookieOnly.length).toBeGreaterThan(0);
    for (const { card } of rookieOnly) expect(Number(card.year.slice(0, 4))).toBe(firstYearOf.get(card.player));
  });

  it('uses only known companies, half-step grades and both card-number styles', () => {
    for (const { card } of scans) if (card.gradingCompany) expect(GRADING_COMPANIES).toContain(card.gradingCompany);
    expect(scans.some((s) => /^\d+$/.test(s.card.cardNumber))).toBe(true);
    expect(scans.some((s) => /^[A-Z0-9]+-?\d+$/.test(s.card.cardNumber) && /[A-Z]/.test(s.card.cardNumber))).toBe(true);
  });

  it('reports confidence between 0.5 and 1, mostly high, from a small pool of users', () => {
    for (const s of scans) {
      expect(s.confidence).toBeGreaterThanOrEqual(0.5);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.userId).toMatch(/^user-\d{3}$/);
    }
    const mean = scans.reduce((n, s) => n + s.confidence, 0) / scans.length;
    expect(mean).toBeGreaterThan(0.8);
    const users = new Set(scans.map((s) => s.userId));
    expect(users.size).toBeGreaterThan(10);
    expect(users.size).toBeLessThanOrEqual(40);
  });

  it('describes the image with the sport and how the card is held', () => {
    for (const s of scans.slice(0, 500)) {
      expect(lower(s.imageDescription)).toContain(`${lower(s.card.sport)} `);
      if (s.card.gradingCompany) expect(s.imageDescription).toMatch(new RegExp(`${s.card.gradingCompany}|Beckett`));
    }
  });
});

describe('what a scan carries', () => {
  // A field is "carried" when the OCR text or the image description prints it: the number on the
  // label or the card back, the variation on the label, the card or in the caption's finish.
  const carries = (s: { ocrText: string; imageDescription: string; card: CardData }) => {
    const ocr = lower(s.ocrText);
    const all = `${ocr}\n${lower(s.imageDescription)}`;
    const c = s.card;
    const missing: string[] = [];
    if (!ocr.includes(lower(c.player))) missing.push('player');
    if (!all.includes(c.year.slice(0, 4))) missing.push('year');
    if (!all.includes(lower(c.brand))) missing.push('brand');
    if (!new RegExp(`(^|[^0-9a-z])${lower(c.cardNumber)}($|[^0-9])`).test(ocr)) missing.push('cardNumber');
    if (c.variation && !all.includes(lower(c.variation.replace(/\s*\/\d+$/, '')))) missing.push('variation');
    return missing;
  };

  it('carries every field of the label in every clean scan, raw cards front and back', () => {
    const scans = createGenerator({ seed: 12, noise: 0 }).scans(3000);
    expect(scans.filter((s) => carries(s).length > 0).map((s) => [carries(s), s.ocrText])).toEqual([]);
    const raw = scans.filter((s) => s.card.gradingCompany === null);
    expect(raw.length).toBeGreaterThan(500);
    for (const s of raw) expect(s.imageDescription).toMatch(/^Front and back of/);
  });

  it('lets noise damage a field but not drop its only reading: most noisy scans still print every field intact', () => {
    const scans = createGenerator({ seed: 12, noise: 0.3 }).scans(3000);
    const intact = scans.filter((s) => carries(s).length === 0).length / scans.length;
    expect(intact).toBeGreaterThan(0.75);
    expect(intact).toBeLessThan(0.98);
  });
});

describe('OCR noise', () => {
  const nameShare = (noise: number) => {
    const scans = createGenerator({ seed: 77, noise }).scans(2000);
    return scans.filter((s) => lower(s.ocrText).includes(lower(s.card.player))).length / scans.length;
  };

  it('keeps the full player name in every clean scan', () => {
    expect(nameShare(0)).toBe(1);
  });

  it('damages names and text more as noise rises', () => {
    const mild = nameShare(0.3);
    const hard = nameShare(1);
    expect(mild).toBeLessThan(0.97);
    expect(hard).toBeLessThan(mild);
    // Damage is controlled: most names survive even at the default level.
    expect(mild).toBeGreaterThan(0.6);
  });

  it('sometimes drops the year from the text while the label keeps it', () => {
    const scans = createGenerator({ seed: 5, noise: 1 }).scans(2000);
    const graded = scans.filter((s) => s.card.gradingCompany !== null);
    const withoutYear = graded.filter((s) => !s.ocrText.includes(s.card.year.slice(0, 4)));
    expect(withoutYear.length).toBeGreaterThan(20);
    for (const s of withoutYear) expect(s.card.year).toMatch(/^\d{4}/);
  });

  it('changes text at a positive rate and leaves it alone at zero', () => {
    const text = '2018 PANINI PRIZM LUKA DONCIC #280 ROOKIE PSA GEM MT 10 12345678\n'.repeat(20);
    expect(damageChars(new Random(1), text, 0)).toBe(text);
    const damaged = damageChars(new Random(1), text, 0.05);
    expect(damaged).not.toBe(text);
    expect(Math.abs(damaged.length - text.length)).toBeLessThan(text.length * 0.1);
    expect(damaged.split('\n').length).toBe(text.split('\n').length);
  });
});

describe('correction', () => {
  const corrections = createGenerator({ seed: 31 }).corrections(2000);

  it('differs from the true card in one to three fields, each count occurring', () => {
    const counts = corrections.map((c) => diffCards(c.originalPrediction, c.card).length);
    for (const n of counts) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
    expect(new Set(counts)).toEqual(new Set([1, 2, 3]));
  });

  it('predicts a card that CardData accepts, so it can be stored as the original prediction', () => {
    for (const c of corrections) {
      expect(CardData.safeParse(c.originalPrediction).success).toBe(true);
      expect(CardData.safeParse(c.card).success).toBe(true);
    }
  });

  it('makes the realistic mistakes: player, year, card number and variation all get corrected', () => {
    const fields = new Set(corrections.flatMap((c) => diffCards(c.originalPrediction, c.card)));
    for (const f of ['player', 'year', 'cardNumber', 'variation', 'grade'] as const) expect(fields).toContain(f);
  });
});

describe('listing', () => {
  const listings = createGenerator({ seed: 8 }).listings(1200);

  it('satisfies ListingAnswer and carries a valid card', () => {
    for (const l of listings) {
      expect(ListingAnswer.safeParse({ title: l.title, description: l.description }).success).toBe(true);
      expect(CardData.safeParse(l.card).success).toBe(true);
    }
  });

  it('keeps eBay titles within 80 characters and always names the player', () => {
    const ebay = listings.filter((l) => l.platform === 'EBAY');
    expect(ebay.length).toBe(300);
    for (const l of ebay) {
      expect(l.title.length).toBeLessThanOrEqual(80);
      expect(lower(l.title)).toContain(lower(l.card.player));
    }
  });

  it('goes round-robin over every platform and tone pair', () => {
    const pairs = listings.slice(0, PLATFORMS.length * TONES.length).map((l) => `${l.platform}/${l.tone}`);
    expect(new Set(pairs).size).toBe(PLATFORMS.length * TONES.length);
  });

  it('keeps a fixed platform and cycles the tones', () => {
    const whatnot = createGenerator({ seed: 8 }).listings(9, 'WHATNOT');
    expect(whatnot.map((l) => l.platform)).toEqual(Array(9).fill('WHATNOT'));
    expect(whatnot.map((l) => l.tone)).toEqual([...TONES, ...TONES, ...TONES]);
  });

  it('writes longer descriptions on eBay than on Whatnot', () => {
    const mean = (platform: string) => {
      const ls = listings.filter((l) => l.platform === platform);
      return ls.reduce((n, l) => n + l.description.length, 0) / ls.length;
    };
    expect(mean('EBAY')).toBeGreaterThan(mean('WHATNOT') * 1.5);
  });

  it('rarely writes the same description twice', () => {
    expect(new Set(listings.map((l) => l.description)).size).toBeGreaterThan(listings.length * 0.95);
  });
});

describe('pools', () => {
  const draw = (pool: 'train' | 'holdout', n: number) => {
    const next = cardDrawer(buildCatalog(pool));
    const rng = new Random(11);
    return Array.from({ length: n }, () => next(rng));
  };

  it('shares no player and no set between the train and holdout pools', () => {
    const train = draw('train', 4000);
    const holdout = draw('holdout', 4000);
    const trainPlayers = new Set(train.map((d) => d.player.name));
    const trainSets = new Set(train.map((d) => d.set.name));
    expect(holdout.filter((d) => trainPlayers.has(d.player.name))).toEqual([]);
    expect(holdout.filter((d) => trainSets.has(d.set.name))).toEqual([]);
    expect(new Set(holdout.map((d) => d.card.sport))).toEqual(new Set(GENERATED_SPORTS));
  });

  it('draws generator scans of the holdout pool only from holdout players', () => {
    const scans = createGenerator({ seed: 4, pool: 'holdout' }).scans(1000);
    expect(scans.filter((s) => poolOf(s.card.player) !== 'holdout')).toEqual([]);
    const train = createGenerator({ seed: 4, pool: 'train' }).scans(1000);
    expect(train.filter((s) => poolOf(s.card.player) !== 'train')).toEqual([]);
  });

  it('draws from both pools by default', () => {
    const scans = createGenerator({ seed: 4 }).scans(1000);
    const pools = new Set(scans.map((s) => poolOf(s.card.player)));
    expect(pools).toEqual(new Set(['train', 'holdout']));
  });
});
