import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_FIELDS, normaliseFieldValue, type CardData } from '../../src/services/cards/card.js';
import { createGenerator } from '../../src/services/generator/generator.js';
import { cardIdMessages, listingMessages, parseCardAnswer, parseListingAnswer } from '../../src/services/prompts/chat-format.js';
import { startHarness, type Harness } from './harness.js';
import { cardTrainingFile, listingTrainingFile, scans, trainOn } from './training-data.js';

// Trains through a worker thread, as the provider does by default.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ trainer: 'worker' });
});
afterAll(() => h.close());

const words = (s: string) => new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
function f1(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared ? (2 * shared) / (x.size + y.size) : 0;
}

let cardModel: string;

describe('fine-tuning learns', () => {
  it('identifies cards of players and sets it never saw better than the base model', async () => {
    const job = await trainOn(h.client, cardTrainingFile(scans('train', 200, 3)), { seed: 7, suffix: 'card-id' });
    expect(job.status).toBe('succeeded');
    cardModel = job.fine_tuned_model!;
    const test = scans('holdout', 100, 4);
    const accuracy = async (model: string) => {
      let exact = 0;
      let player = 0;
      for (const s of test) {
        const reply = await h.client.chat.completions.create({ model, messages: cardIdMessages({ ocrText: s.ocrText, imageDescription: s.imageDescription }) });
        const card: CardData | null = parseCardAnswer(reply.choices[0]!.message.content!);
        expect(card).not.toBeNull();
        if (CARD_FIELDS.every((f) => normaliseFieldValue(f, card![f]) === normaliseFieldValue(f, s.card[f]))) exact++;
        if (normaliseFieldValue('player', card!.player) === normaliseFieldValue('player', s.card.player)) player++;
      }
      return { exact: exact / test.length, player: player / test.length };
    };
    const base = await accuracy('gpt-4o-mini-2024-07-18');
    const tuned = await accuracy(job.fine_tuned_model!);
    expect(base.exact).toBeGreaterThan(0.1);
    // Measured here: 0.38 → 0.87 exact and 0.59 → 0.97 on the player. Every scan carries every
    // field; what caps exact match is OCR damage to a field's only reading.
    expect(tuned.exact - base.exact).toBeGreaterThanOrEqual(0.4);
    expect(tuned.player - base.player).toBeGreaterThanOrEqual(0.3);
  });

  it("keeps what the base model knows: parallels of sets and name suffixes its training file never showed", async () => {
    // Pink Velocity is a Donruss Optic parallel, Concourse a Panini Select tier: both sets are in the holdout pool,
    // so no training answer names them. "Jr." follows a player the training file never saw.
    const ask = async (model: string, ocrText: string) => {
      const reply = await h.client.chat.completions.create({ model, messages: cardIdMessages({ ocrText, imageDescription: null }) });
      return parseCardAnswer(reply.choices[0]!.message.content!)!;
    };
    for (const model of ['gpt-4o-mini-2024-07-18', cardModel]) {
      const optic = await ask(model, '2021 DONRUSS OPTIC #188\nDESMOND CALLOWAY JR.\nPINK VELOCITY\nGEM MT 10\n71234568\nPSA');
      expect(optic.variation).toBe('Pink Velocity');
      const select = await ask(model, '2020 PANINI SELECT #41\nDESMOND CALLOWAY JR.\nCONCOURSE\nNM-MT 8\n71234569\nPSA');
      expect(select.variation).toBe('Concourse');
    }
    const tuned = await ask(cardModel, '2021 DONRUSS OPTIC #188\nDESMOND CALLOWAY JR.\nPINK VELOCITY\nGEM MT 10\n71234568\nPSA');
    expect(tuned).toMatchObject({ player: 'Desmond Calloway Jr.', year: '2021', brand: 'Donruss', cardNumber: '188', grade: 10, gradingCompany: 'PSA' });
    // A parallel does not take the last word of the product line before it: Topps Chrome's Refractor, not a Chrome Refractor.
    const chrome = await ask(cardModel, '2016 TOPPS CHROME REFRACTOR #14\nDESMOND CALLOWAY\nGEM MT 10\n71234570\nPSA');
    expect(chrome.variation).toBe('Refractor');
    // The longest name the base knows wins: a Gold Refractor is not read as a plain Refractor.
    expect((await ask('gpt-4o-mini-2024-07-18', '2019 TOPPS CHROME #22 JUAN SOTO GOLD REFRACTOR /50 PSA 9')).variation).toBe('Gold Refractor');
  });

  it('reads labels as real graders print them, outside the generator\'s layouts', async () => {
    const ask = async (model: string, ocrText: string, imageDescription: string) => {
      const reply = await h.client.chat.completions.create({ model, messages: cardIdMessages({ ocrText, imageDescription }) });
      return parseCardAnswer(reply.choices[0]!.message.content!)!;
    };
    const cases: Array<[string, string, Partial<CardData>]> = [
      ['2018 PANINI PRIZM\n#280\nLUKA DONCIC\nSILVER PRIZM\nGEM MT 10\n43219876', 'A PSA slab of a basketball card', { player: 'Luka Doncic', year: '2018-19', brand: 'Panini', cardNumber: '280', variation: 'Silver Prizm', sport: 'BASKETBALL', grade: 10, gradingCompany: 'PSA' }],
      ['2011 TOPPS UPDATE\nMIKE TROUT\n#US175\nGEM MT\n10\n12345678', 'Front of a baseball card in a PSA slab', { player: 'Mike Trout', year: '2011', brand: 'Topps', cardNumber: 'US175', grade: 10 }],
      ['2015-16 UPPER DECK YOUNG GUNS\n#201 CONNOR McDAVID\nPSA 10 GEM MT', 'A hockey rookie card in a slab', { player: 'Connor McDavid', brand: 'Upper Deck', cardNumber: '201', variation: 'Young Guns', sport: 'HOCKEY' }],
      ['1986 FLEER #57 MICHAEL JORDAN ROOKIE PSA 8 NM-MT', 'Photo of a graded basketball card', { player: 'Michael Jordan', year: '1986-87', brand: 'Fleer', cardNumber: '57', grade: 8 }],
    ];
    for (const [ocrText, caption, expected] of cases) {
      const card = await ask(cardModel, ocrText, caption);
      for (const [field, value] of Object.entries(expected)) {
        expect(normaliseFieldValue(field as keyof CardData, card[field as keyof CardData]), `${field} of ${ocrText.split('\n').join(' | ')}`).toBe(normaliseFieldValue(field as keyof CardData, value as never));
      }
    }
  });

  it('tells the sport from teams, positions and stats rows when the caption does not name it', async () => {
    const sportOf = async (ocrText: string, imageDescription: string) => {
      const reply = await h.client.chat.completions.create({ model: cardModel, messages: cardIdMessages({ ocrText, imageDescription }) });
      return parseCardAnswer(reply.choices[0]!.message.content!)!.sport;
    };
    const back = (lines: string[]) => lines.join('\n');
    expect(
      await sportOf(
        back(['#700 DESMOND CALLOWAY', 'PITCHER | LOS ANGELES ANGELS', 'YR CLUB G AB R H 2B 3B HR RBI AVG', '2017 LAA 86 92 .285 17 44', '© 2018 THE TOPPS COMPANY, INC.']),
        'Front and back of a 2018 Topps rookie card, raw, player in a white Angels uniform pitching',
      ),
    ).toBe('BASEBALL');
    expect(
      await sportOf(
        back(['#88 DESMOND CALLOWAY', 'CENTER | EDMONTON OILERS', 'SEASON CLUB GP G A PTS PIM', '2017-18 EDM 82 41 67 108 26', '© 2018 THE UPPER DECK COMPANY, LLC']),
        'Front and back of an O-Pee-Chee card, raw, player in an orange Oilers jersey skating up ice',
      ),
    ).toBe('HOCKEY');
  });

  it('writes listings in the style of its training listings', async () => {
    const job = await trainOn(h.client, listingTrainingFile(240, 5), { seed: 1, suffix: 'listing' });
    expect(job.status).toBe('succeeded');
    const test = createGenerator({ seed: 6, pool: 'holdout' }).listings(36);
    const similarity = async (model: string) => {
      let total = 0;
      for (const l of test) {
        const reply = await h.client.chat.completions.create({ model, messages: listingMessages({ card: l.card, platform: l.platform, tone: l.tone }) });
        const listing = parseListingAnswer(reply.choices[0]!.message.content!);
        expect(listing).not.toBeNull();
        if (l.platform === 'EBAY') expect(listing!.title.length).toBeLessThanOrEqual(80);
        total += f1(`${listing!.title} ${listing!.description}`, `${l.title} ${l.description}`);
      }
      return total / test.length;
    };
    const base = await similarity('gpt-4o-mini-2024-07-18');
    const tuned = await similarity(job.fine_tuned_model!);
    expect(tuned - base).toBeGreaterThanOrEqual(0.1);
  });
});
