import { describe, expect, it } from 'vitest';
import { CardData } from '../../src/services/cards/card.js';
import { CardPredictor } from '../../src/local-openai/trainer/card-decode.js';
import { CardTrainer, type CardExample } from '../../src/local-openai/trainer/card-model.js';
import { gradeOfWords, gradeWordsKey } from '../../src/local-openai/trainer/grade-scales.js';
import { scanTokens } from '../../src/local-openai/trainer/scan-tokens.js';
import { printRunOf } from '../../src/local-openai/trainer/span-features.js';
import { brandKeysOf } from '../../src/local-openai/trainer/card-model.js';
import { brandCandidates, gradeCandidates, numberCandidates, yearCandidates } from '../../src/local-openai/trainer/value-candidates.js';

const tokens = (ocr: string, description = '') => scanTokens(ocr, description);

describe('value candidates', () => {
  it('offers every half-point grade on the OCR text, with the words around it, and never a card number', () => {
    const cands = gradeCandidates(tokens('2019 Topps #7 Mike Trout\n9.5 GEM MINT\nCEN 10 COR 10 EDG 9 SUR 10'), 'BGS');
    // The numbers, then the grade the label's words name on BGS's scale.
    expect(cands.map((c) => c.value)).toEqual([9.5, 10, 10, 9, 10, 9.5]);
    expect(cands[0]!.features).toEqual(expect.arrayContaining(['n1=gem', 'words=agree']));
    expect(cands[1]!.features).toEqual(expect.arrayContaining(['p1=cen', 'words=none']));
    expect(cands[5]!.features).toEqual(expect.arrayContaining(['words', 'words|numbers=agree']));
  });

  it('reads a grade off the label words when OCR damaged the number, by each company\'s scale', () => {
    const psa = gradeCandidates(tokens('2014 TOPPS CHROME #216\nDAVANTE ADAMS\nGEM T 100\n81668090'), 'PSA');
    // "T" read as a 7 is a number candidate; "GEM T" is one slip from PSA's "GEM MT".
    expect(psa.map((c) => c.value)).toEqual([7, 10]);
    expect(psa[0]!.features).toContain('words=none');
    expect(psa[1]!.features).toEqual(expect.arrayContaining(['words', 'words|match=fuzzy', 'words|numbers=none']));
    expect(gradeOfWords('BGS', gradeWordsKey('GEM MINT'))?.grade).toBe(9.5);
    expect(gradeOfWords('SGC', gradeWordsKey('GEM MINT'))?.grade).toBe(10);
    expect(gradeOfWords('PSA', gradeWordsKey('NM-MT+'))?.grade).toBe(8.5);
    expect(gradeOfWords('CSG', gradeWordsKey('NM/MINT'))?.grade).toBe(8);
    // A '+' is half a point: a slip may not add or drop it.
    expect(gradeOfWords('CGC', gradeWordsKey('MINT+'))?.grade).toBe(9.5);
    expect(gradeOfWords('BGS', gradeWordsKey('NM-MT+'))?.grade).toBe(8.5);
    expect(gradeOfWords('PSA', gradeWordsKey('GEM MT+'))).toBeNull();
    // A letter read as a digit inside a grade's word ("N3AR MINT") still names its grade.
    const cgc = gradeCandidates(tokens('1992-93 Stadium Club #65\n7 N3AR MINT\n472107482'), 'CGC');
    expect(cgc.find((c) => c.value === 7 && c.features.includes('words'))?.features).toContain('words|numbers=agree');
    // A parallel's word a slip from a grade's is the parallel ("GOLD" is not GOOD); a four-letter word with one
    // letter lost still names its grade ("MIN"), and a "+" swapped with the letter before it still counts.
    expect(gradeOfWords('PSA', gradeWordsKey('GOLD'))).toBeNull();
    expect(gradeOfWords('PSA', gradeWordsKey('GOOO'))?.grade).toBe(2);
    expect(gradeOfWords('BGS', gradeWordsKey('MIN'))?.grade).toBe(9);
    expect(gradeOfWords('PSA', gradeWordsKey('NM'))?.grade).toBe(7);
    expect(gradeOfWords('PSA', gradeWordsKey('EX-M+T'))?.grade).toBe(6.5);
    expect(gradeOfWords('CGC', gradeWordsKey('NM/MIN+T'))?.grade).toBe(8.5);
    // A half grade whose point OCR moved across the space is one number again.
    expect(gradeCandidates(tokens('GEM MINT9 .5\n0059638897'), 'BGS').filter((c) => !c.features.includes('words')).map((c) => c.value)).toEqual([9.5]);
  });

  it('reads each year token as three candidate years, the stats row and the copyright told apart by their lines', () => {
    const toks = tokens('YR CLUB G AB R H\n1997 TOR 174 5 .328 146 167\n© 1998 THE TOPPS COMPANY, INC.');
    const cands = yearCandidates(toks);
    expect(cands.map((c) => c.value)).toEqual([1996, 1997, 1998, 1997, 1998, 1999]);
    expect(cands[2]!.features).toContain('o=1|nums=many');
    expect(cands[4]!.features).toContain('o=0|p1=©');
    // The stats row's year + 1 agrees with the copyright year.
    expect(cands[2]!.features).toContain('o=1|agree=1');
    // A season whose dash OCR moved still reads as the season.
    expect(yearCandidates(tokens('20080-9 O-PEE-CHEE PLATINUM')).map((c) => c.value)).toEqual([2007, 2008, 2009]);
  });

  it('reads a damaged year as the years it may have been printed as, a dropped digit only before a brand', async () => {
    const { repairedYears } = await import('../../src/local-openai/trainer/value-candidates.js');
    const years = (text: string, beforeBrand = false) => repairedYears(tokens(text)[0]!, beforeBrand, 2026).map((y) => `${y.start}${y.season ? 's' : ''}:${y.repair}`);
    expect(years('213-14')).toEqual(['2013s:season-end']);
    expect(years('2008-10')).toEqual(['2009s:season-end']);
    expect([...years('1998-9'), ...years('20178')]).toEqual(['1998s:season-cut', '2017s:season-cut']);
    expect(years('20122')).toEqual(['2012:doubled']);
    expect([...years('2020-2'), ...years('2016-177'), ...years('2012-113')]).toEqual(['2020s:season-cut', '2016s:doubled', '2012s:doubled']);
    expect(years('2042')).toEqual(expect.arrayContaining(['2024:swapped']));
    expect(years('7992')).toEqual(['1992:lookalike']);
    expect(years('998')).toEqual([]);
    expect(years('998', true)).toEqual(expect.arrayContaining(['1998:dropped']));
    // A printed year, a card number and a word are not repaired.
    expect([...years('2014'), ...years('2014-15'), ...years('#202', true), ...years('LOS', true)]).toEqual([]);
  });

  it('cuts what OCR ran into a card number, and keeps cert numbers and serials out', () => {
    const values = numberCandidates(tokens('DONRUSS OPTIC#29 H153 #148TIM 8716130914 49/50')).map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['29', 'H153', '153', '148']));
    // A number run into a word, either way, is split where the tokens are made.
    expect(tokens('OPTIC#29 #148TIM').map((t) => t.text)).toEqual(['OPTIC', '#29', '#148', 'TIM']);
    expect(numberCandidates(tokens('#146V 3 EX-MT')).map((c) => c.value)).toEqual(expect.arrayContaining(['146V', '146']));
    expect(values).not.toContain('8716130914');
    expect(values.some((v) => v.includes('/'))).toBe(false);
    // A prefixed number stays whole; grade words run into their number are split off.
    expect(numberCandidates(tokens('NO. RC-44 GUNNAR HENDERSON')).map((c) => c.value)).toEqual(['RC-44']);
    expect(tokens('GEM MINT9 NM-MT+8.5').map((t) => t.text)).toEqual(['GEM', 'MINT', '9', 'NM-MT+', '8.5']);
    expect(tokens('NM7 8EX-MT US175').map((t) => t.text)).toEqual(['NM', '7', '8', 'EX-MT', 'US175']);
    expect(tokens('GEM MT10').map((t) => t.text)).toEqual(['GEM', 'MT', '10']);
    // A space OCR moved by one character next to a year goes back; a card number's own letter stays.
    expect(tokens('150A WANDER FRANCO').map((t) => t.text)).toEqual(['150A', 'WANDER', 'FRANCO']);
    expect(tokens('2021P ANINI 2019-20O -PEE-CHEE 2022-2 3DONRUSS © 2025T HE 202 4TOPPS /199G eM').map((t) => t.text)).toEqual(['2021', 'PANINI', '2019-20', 'O-PEE-CHEE', '2022-23', 'DONRUSS', '©', '2025', 'THE', '2024', 'TOPPS', '/199', 'GeM']);
    // A name whose first letter OCR read as a digit is a name, not a number run into a word.
    expect(tokens('283 8TEVE NASH 23 4NTHONY').map((t) => t.text)).toEqual(['283', '8TEVE', 'NASH', '23', '4NTHONY']);
    // A word whose last letter OCR read as a digit stays a word, and no card number.
    expect(tokens('2022 TOPP5 CHROME ALBER7 PUJOLS MINT9').map((t) => t.text)).toEqual(['2022', 'TOPP5', 'CHROME', 'ALBER7', 'PUJOLS', 'MINT', '9']);
    expect(numberCandidates(tokens('LUK4 DONCIC 32 LUKA DONCIC')).map((c) => c.value)).toEqual(['32']);
    // A card number's last digit moved onto the name after it goes back.
    expect(tokens('NO. 8 5STEPHEN CURRY #6 2GARY PAYTON').map((t) => t.text)).toEqual(['NO.', '85', 'STEPHEN', 'CURRY', '#62', 'GARY', 'PAYTON']);
    // A brand run into its product line is split, the line damaged or not.
    expect(tokens('2024 O-PEE-CHEEPLATNIUM #97 DONRUSSOPTIC').map((t) => t.text)).toEqual(['2024', 'O-PEE-CHEE', 'PLATNIUM', '#97', 'DONRUSS', 'OPTIC']);
    // A word's last letter moved onto the year after it goes back.
    expect(tokens('Donrus s2016 Optic SRVICE S2001-02').map((t) => t.text)).toEqual(['Donruss', '2016', 'Optic', 'SRVICES', '2001-02']);
    // Unless the digit is a name's first letter misread, the name run into the next; "NO .204" is NO. 204, no average.
    expect(tokens('#132 4DRIANPETERSON NO .204 CURRY').map((t) => t.text)).toEqual(['#132', '4DRIANPETERSON', 'NO.', '204', 'CURRY']);
    // A word with a digit inside is no card number; a '#' swapped with the number's first digit is read back.
    expect(numberCandidates(tokens('SEA7TLE SUPERSONICS N.O 418 OPT1C')).map((c) => c.value)).toEqual(['418']);
    expect(numberCandidates(tokens('1999 STADIUM CLUB 7#6 STEVE NASH')).map((c) => c.value)).toEqual(['1999', '76']);
  });

  it('splits words OCR ran together: a label word and a name, two names each in its own case', () => {
    const texts = (ocr: string) => tokens(ocr).map((t) => t.text);
    expect(texts('TOPPS CHROMEWANDER FRANCO')).toEqual(['TOPPS', 'CHROME', 'WANDER', 'FRANCO']);
    expect(texts('BRUNSON, JALENGUARD')).toEqual(['BRUNSON,', 'JALEN', 'GUARD']);
    expect(texts('WanderFranco SPENCERstrider')).toEqual(['Wander', 'Franco', 'SPENCER', 'strider']);
    expect(texts('1995-96TOPPS FINEST TKACHUK2016-17')).toEqual(['1995-96', 'TOPPS', 'FINEST', 'TKACHUK', '2016-17']);
    expect(texts('JOSE ALTUVENm-mt 8 JA MORANTMINT 9')).toEqual(['JOSE', 'ALTUVE', 'Nm-mt', '8', 'JA', 'MORANT', 'MINT', '9']);
    // One name with a capital inside, an English word, a team, a name that starts with a team's word: left whole.
    expect(texts('CeeDee LaMelo McDavid CENTERING BASEBALL SuperSonics FitzGerald KINGSTON')).toEqual(['CeeDee', 'LaMelo', 'McDavid', 'CENTERING', 'BASEBALL', 'SuperSonics', 'FitzGerald', 'KINGSTON']);
  });

  it('reads the print run off a serial, a label\'s bare run or a caption, a damaged serial outvoted', () => {
    expect(printRunOf(tokens('2023 DONRUSS OPTIC #98\nORANGE /199 9\nPSA 48760461'))).toBe(199);
    expect(printRunOf(tokens('GOLD REFRACTOR /50\n8/05', 'a Gold Refractor /50 parallel'))).toBe(50);
    // A tie goes to a run card makers print: /50 against OCR's /60.
    expect(printRunOf(tokens('GOLD /60 REFRACTOR\n6/50'))).toBe(50);
    expect(printRunOf(tokens('TOPPS FINEST\n32/50'))).toBe(50);
    expect(printRunOf(tokens('TOPPS CHROME #12', 'a refractor finish numbered to 25'))).toBe(25);
    expect(printRunOf(tokens('TOPPS CHROME #12 2019'))).toBeNull();
  });

  it('finds the brands it knows, up to OCR slips, and tells a copyright line apart', () => {
    const cands = brandCandidates(tokens('1999 SADIUM CLUB\n© 2000 THE TOPPS COMPANY INC,'), brandKeysOf({}));
    expect(cands.map((c) => c.value)).toEqual(['Stadium Club', 'Topps']);
    expect(cands[0]!.features).toContain('match=fuzzy');
    expect(cands[1]!.features).toContain('copyright=true');
  });

  it('takes no long run of words for a brand when it is more than two slips from every brand', () => {
    expect(brandCandidates(tokens('DENVER BRONCOS\nMINNESOTA TIMBERWOLVES'), brandKeysOf({}))).toEqual([]);
  });
});

describe('the learned rankers', () => {
  // A BGS label prints the grade before four subgrades; a card back prints its number before the name
  // and last season's stats before a copyright of the card's year.
  const players = ['Mike Trout', 'Juan Soto', 'Aaron Judge', 'Mookie Betts', 'Shohei Ohtani', 'Ronald Acuna', 'Corey Seager', 'Bryce Harper'];
  const label = (i: number): CardExample => {
    const player = players[i % players.length]!;
    const grade = [9.5, 9, 8.5][i % 3]!;
    const sub = grade === 9.5 ? 10 : 9.5;
    return {
      scan: { ocrText: `${2010 + (i % 9)} Topps Chrome #${100 + i} ${player}\n${grade} ${grade === 9 ? 'MINT' : grade === 9.5 ? 'GEM MINT' : 'NM-MT+'}\nCEN ${sub} COR ${sub} EDG ${sub} SUR ${grade}\n00${1234567 + i}`, imageDescription: 'Front of a baseball card in a Beckett slab' },
      card: CardData.parse({ player, year: String(2010 + (i % 9)), brand: 'Topps', cardNumber: String(100 + i), variation: null, sport: 'BASEBALL', grade, gradingCompany: 'BGS' }),
    };
  };
  const back = (i: number): CardExample => {
    const player = players[i % players.length]!;
    const year = 1990 + (i % 20);
    return {
      scan: { ocrText: `${20 + i} ${player.toUpperCase()}\nOUTFIELD\nYR CLUB G AB R H 2B 3B HR RBI AVG\n${year - 1} NYY ${i} 12 .301 88 140 22\n© ${year} THE TOPPS COMPANY, INC.`, imageDescription: 'Front and back of a Topps baseball card raw' },
      card: CardData.parse({ player, year: String(year), brand: 'Topps', cardNumber: String(20 + i), variation: null, sport: 'BASEBALL', grade: null, gradingCompany: null }),
    };
  };

  it('repair a name printed once to a common name one slip away only when the training scans show OCR damage', () => {
    const train = (damaged: boolean) => {
      // Every third label prints its player with a letter dropped, as OCR does.
      const examples = Array.from({ length: 60 }, (_, i) => {
        const e = label(i);
        return damaged && i % 3 === 0 ? { ...e, scan: { ...e.scan, ocrText: e.scan.ocrText.replace(e.card.player, e.card.player.replace(/(\w)\w(\w*)$/, '$1$2')) } } : e;
      });
      const trainer = new CardTrainer(examples, 1);
      for (let epoch = 0; epoch < 3; epoch++) {
        for (const e of examples) {
          trainer.run(e, true);
          trainer.applyBatch(1);
        }
      }
      return new CardPredictor(trainer.snapshot());
    };
    const scan = { ocrText: '2022 Topps Chrome #178 BQBBY WITT JR.\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' };
    const damaged = train(true);
    expect(damaged.predict(scan).player).toBe('Bobby Witt Jr.');
    expect(train(false).predict(scan).player).toBe('Bqbby Witt Jr.');
    // Two letters swapped are a slip too; a spelling babies are given is a name of its own, not a slip.
    const printed = (name: string) => damaged.predict({ ...scan, ocrText: scan.ocrText.replace('BQBBY WITT JR.', name) }).player;
    expect(printed('TREVOR LAWRNECE')).toBe('Trevor Lawrence');
    expect(printed('DWYANE WADE')).toBe('Dwyane Wade');
  });

  it('learn which number is the grade, which year is the card’s and where a card back prints its number', () => {
    const train = [...Array.from({ length: 40 }, (_, i) => label(i)), ...Array.from({ length: 40 }, (_, i) => back(i))];
    const trainer = new CardTrainer(train, 1);
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const e of train) {
        trainer.run(e, true);
        trainer.applyBatch(1);
      }
    }
    const predictor = new CardPredictor(trainer.snapshot());
    const unseenLabel = predictor.predict({ ocrText: '2021 Topps Chrome #77 Wander Franco\n9.5 GEM MINT\nCEN 10 COR 10 EDG 10 SUR 9.5\n0099887766', imageDescription: 'Front of a baseball card in a Beckett slab' });
    expect(unseenLabel.grade).toBe(9.5);
    expect(unseenLabel.cardNumber).toBe('77');
    // A number run into the next word's first letter gives the letter back.
    expect(predictor.predict({ ocrText: '2021 Topps Chrome #138I van Rodriguez\n9.5 GEM MINT\nCEN 10 COR 10 EDG 10 SUR 9.5\n0099887766', imageDescription: 'Front of a baseball card in a Beckett slab' }).cardNumber).toBe('138');
    // Nor does a number keep the words OCR ran into it.
    expect(predictor.predict({ ocrText: '2021 Topps CHROME#77 Wander Franco\n9.5 GEM MINT\nCEN 10 COR 10 EDG 10 SUR 9.5\n0099887766', imageDescription: 'Front of a baseball card in a Beckett slab' }).cardNumber).toBe('77');
    expect(predictor.predict({ ocrText: '2021 Topps Chrome #99ALBERT Pujols\n9.5 GEM MINT\nCEN 10 COR 10 EDG 10 SUR 9.5\n0099887766', imageDescription: 'Front of a baseball card in a Beckett slab' }).cardNumber).toBe('99');
    // A digit OCR read twice makes a number longer than any the answers have: it is read once.
    expect(predictor.predict({ ocrText: '2021 Topps Chrome #1577 Wander Franco\n9.5 GEM MINT\nCEN 10 COR 10 EDG 10 SUR 9.5\n0099887766', imageDescription: 'Front of a baseball card in a Beckett slab' }).cardNumber).toBe('157');
    const unseenBack = predictor.predict({ ocrText: '311 GUNNAR HENDERSON\nSHORTSTOP\nYR CLUB G AB R H 2B 3B HR RBI AVG\n2022 BAL 34 12 .259 88 140 22\n© 2023 THE TOPPS COMPANY, INC.', imageDescription: 'Front and back of a Topps baseball card raw' });
    expect(unseenBack.year).toBe('2023');
    expect(unseenBack.cardNumber).toBe('311');
    // A grader the training labels never showed is read off the label that names it, and the number its words name
    // is the grade, whatever the subgrades and the order OCR gave the words.
    const otherGrader = predictor.predict({ ocrText: 'CGC CARDS\nJuan Soto\n2019 Topps Chrome #150\nCEN 9 COR 9\nMINT GEM 10\nCERT # 4152767631', imageDescription: 'Front of a baseball card in a clear holder' });
    expect(otherGrader.gradingCompany).toBe('CGC');
    expect(otherGrader.grade).toBe(10);
    const split = predictor.predict({ ocrText: '2019 Topps Chrome #150 Juan Soto\nNEAR 7 MINT\nCEN 8 COR 8 EDG 8.5 SUR 7.5\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' });
    expect(split.grade).toBe(7);
    // So is a sport the training file never showed, when the caption or a licence line names it.
    const otherSport = predictor.predict({ ocrText: '2018 Donruss Optic #174 Jalen Brunson\n9.5 GEM MINT\nCEN 10 COR 10 EDG 9.5 SUR 9.5\n0011223344', imageDescription: 'Front of a basketball card in a Beckett slab' });
    expect(otherSport.sport).toBe('BASKETBALL');
    // A parallel it knows, printed with an OCR slip, is the variation, spelt as the hobby spells it.
    expect(predictor.predict({ ocrText: '2019 Topps Chrome #150 Juan Soto\nSILLVER PRIZM\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' }).variation).toBe('Silver Prizm');
    // A parallel it knows with OCR's litter or a moved grade between its words, or its words swapped, is read whole;
    // a grade's word next to a parallel's is not part of it, nor is the set's name before a label's dash.
    const onLabel = (line: string) => predictor.predict({ ocrText: `2019 Topps Chrome #150 Juan Soto\n${line}\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678`, imageDescription: 'Front of a baseball card in a Beckett slab' }).variation;
    expect(onLabel('GOLD ™ REFRACTOR /50 9 MINT')).toBe('Gold Refractor /50');
    expect(onLabel('PINK 9 VELOCITY MINT')).toBe('Pink Velocity');
    expect(onLabel('REFRACTOR ATOMIC 9 MINT')).toBe('Atomic Refractor');
    expect(onLabel('REFRACTOR Good 2')).toBe('Refractor');
    expect(onLabel('SILVER ll PRIZM 9 MINT')).toBe('Silver Prizm');
    // The product line's word before a parallel is the set's, its brand damaged or not.
    const setLine = (line: string) => predictor.predict({ ocrText: `${line} #216 Juan Soto\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678`, imageDescription: 'Front of a baseball card in a Beckett slab' }).variation;
    expect(setLine('2022 Topps Chrome Refractor')).toBe('Refractor');
    expect(setLine('2022 7opps Chrome Refractor')).toBe('Refractor');
    // The product line's last word alone is no parallel, its brand damaged or not.
    expect(predictor.predict({ ocrText: '2022 TOPSP CHROME #106\nBOBBY WITT JR.\nGEM MT 10\nPSA 518277349', imageDescription: 'Front of a baseball card in a PSA slab' }).variation).toBeNull();
    // A caption's look is no parallel: the label's refractor is the variation, not the "glossy" surface.
    expect(predictor.predict({ ocrText: '2019 Topps Chrome #150 Juan Soto refractor\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Scan of a baseball card in a Beckett slab, with a glossy chrome surface' }).variation).toBe('Refractor');
    // So is the hobby's word for a parallel with no name of its own, printed on the label.
    expect(predictor.predict({ ocrText: '2015 Panini National Treasures #122 Juan Soto\nPARALLEL\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' }).variation).toBe('Parallel');
    // Or named so in the caption, as a name is written.
    expect(predictor.predict({ ocrText: '2015 Panini National Treasures #122 Juan Soto\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab, marked Parallel' }).variation).toBe('Parallel');
    const captioned = (caption: string) => predictor.predict({ ocrText: '2015 Topps Chrome #122 Juan Soto\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: `Front of a baseball card in a Beckett slab, ${caption}` }).variation;
    expect(captioned('with a gold refractor finish')).toMatch(/^Gold Refractor/);
    expect(captioned('with a shiny holo finish')).toBeNull();
    // Names OCR ran together, or split with a number moved in between, are read back.
    expect(predictor.predict({ ocrText: '2019 Topps Chrome #150\nALBERTPUJOLS\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' }).player).toBe('Albert Pujols');
    expect(predictor.predict({ ocrText: '2016 Donruss Optic #171\nDWYANEWADE\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a basketball card in a Beckett slab' }).player).toBe('Dwyane Wade');
    // A space OCR moved by a letter goes back; of two readings a letter apart, the one OCR did not drop a letter from wins.
    expect(predictor.predict({ ocrText: '2019 Topps Chrome #150\nIVANR ODRIGUEZ\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' }).player).toBe('Ivan Rodriguez');
    expect(predictor.predict({ ocrText: '2019 Topps Chrome #150 TYRES HALIBURTON\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678\nTYRESE HALIBURTON', imageDescription: 'Front of a basketball card in a Beckett slab' }).player).toBe('Tyrese Haliburton');
    expect(predictor.predict({ ocrText: '2019 Topps Chrome\nJOSE #147 CANSECO\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' }).player).toBe('Jose Canseco');
    // Two readings in opposite orders, or spelt two ways, go to the order and the spelling more people bear.
    const twice = (a: string, b: string) => predictor.predict({ ocrText: `2021 Donruss Optic #91\n${a}\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678\n${b}`, imageDescription: 'Front of a football card in a Beckett slab' }).player;
    expect(twice('LAWRENCE TREVOR', 'TREVOR LAWRENCE')).toBe('Trevor Lawrence');
    // Given names the 1990 census predates are known from births since: a Connor, a Kawhi, a Dwyane.
    expect(twice('BEDARD CONNOR', 'CONNOR BEDARD')).toBe('Connor Bedard');
    expect(twice('LEONARD KAWHI', 'KAWHI LEONARD')).toBe('Kawhi Leonard');
    expect(twice('WADE DWYANE', 'DWYANE WADE')).toBe('Dwyane Wade');
    // With no census to tell, the reading among more words on its line keeps the order OCR is less likely to have swapped.
    expect(twice('NACUA PUKA', '2023 DONRUSS OPTIC PUKA NACUA #155 RATED ROOKIE')).toBe('Puka Nacua');
    expect(twice('PUKA NACUA', '2023 DONRUSS OPTIC NACUA PUKA #155 RATED ROOKIE')).toBe('Nacua Puka');
    // A space OCR moved by a letter between the name and the word beside it gives the letter back to that word.
    expect(twice('NO. 30 TEEMU SELANNER IGHT WING', 'TEEMU SELANNE')).toBe('Teemu Selanne');
    expect(twice('MIAMI HEA TDWYANE WADE', 'DWYANE WADE')).toBe('Dwyane Wade');
    // A team's nickname with a slip is no surname, at the end of a span or at its edge.
    const withTeam = (team: string) => predictor.predict({ ocrText: `2024 Donruss Optic #71\nPAOLO BANCEHRO\n${team}\n9 MINT\nCEN 9 COR 9 EDG 9 SUR 9\n0012345678`, imageDescription: 'Front of a basketball card in a Beckett slab' }).player;
    expect(withTeam('ORLANDO MGAIC')).toBe('Paolo Bancehro');
    expect(withTeam('ORLANDO MAIC')).toBe('Paolo Bancehro');
    // Every piece of evidence counts, however small: a reading beside one other word is half as likely swapped.
    expect(twice('NACUA PUKA', '#155 PUKA NACUA')).toBe('Puka Nacua');
    expect(twice('PUKA NACUA', '#155 NACUA PUKA')).toBe('Nacua Puka');
    // "NO." before a number, and a grade's hyphenated words, with an OCR slip are no one's name.
    expect(twice('TUCKER, KYLE EX-T', 'MO. 88 KYLE TUCKER')).toBe('Kyle Tucker');
    // A comma OCR swapped with the space before it still says which word is the surname.
    expect(twice('CELEBRINI ,MACKLIN', '41 MACKLIN CELEBRINI')).toBe('Macklin Celebrini');
    // A bare 1 is a slab edge's litter, not a Poor grade, unless the label's words say so.
    expect(predictor.predict({ ocrText: '2019 Topps Chrome #150 Juan Soto 1\n9.5 GEM MINT\nCEN 10 COR 10 EDG 9.5 SUR 9.5\n0012345678', imageDescription: 'Front of a baseball card in a Beckett slab' }).grade).toBe(9.5);
    expect(twice('JOSE ALTUVE', 'JOES ALTUVE')).toBe('Jose Altuve');
    expect(twice('KENTAVIOUS CALOWELL-POPE', 'KENTAVIOUS CALDWELL-POPE')).toBe('Kentavious Caldwell-Pope');
    // Both readings damaged, each in its own place.
    expect(twice('MACKLIN CELEBRINNI', '#33 MACKLIN CELLEBRINI')).toBe('Macklin Celebrini');
    expect(twice('MTATHEW TKACHUK', 'MTTHEW TKACHUK')).toBe('Matthew Tkachuk');
    // A double-barrelled name is spelt part by part: each reading may hold one part undamaged.
    expect(twice('SHAI GILGOEUS-ALEXANDER', '#18 SHAI GILGEOUS-LAEXANDER')).toBe('Shai Gilgeous-Alexander');
    // A number next to the words that name it as a grade is the grade, not the card's number.
    expect(predictor.predict({ ocrText: '2020 O-PEE-CHEE PLATINUM #6\nQUINN HUGHES\n9 MINT\n5346480448\nPSA', imageDescription: 'Front of a hockey card in a PSA slab' }).cardNumber).toBe('6');
    // A name OCR ran together is a reading too, split between a given name and a surname ("CHIPPERJONES", not CHIP PERJONES).
    expect(twice('STEPHEN CURYR', '#25 STEPHENCURRY')).toBe('Stephen Curry');
    expect(twice('CHIPPFR JONES', '#165 CHIPPERJONES')).toBe('Chipper Jones');
    // Jr. run into a surname is split off with its period or in its own case; a surname ending in its letters is not cut.
    expect(twice('AARON RODGESR', '#16 AARON RODGERS')).toBe('Aaron Rodgers');
    expect(twice('TIM HARDAWAYjr', 'HARDAWAY, TIM JR.')).toBe('Tim Hardaway Jr.');
    // But not to a rare name when one reading is the other with a letter dropped.
    expect(twice('WYANE WADE', 'WADE, DWYANE')).toBe('Dwyane Wade');
    // A space OCR moved goes back where another reading prints it.
    expect(twice('RonaldA cuna Jr.', '#172 RONALD ACUNA JR.')).toBe('Ronald Acuna Jr.');
    expect(twice('#243 TYRES Ehaliburton', 'TYRESE HALIBURTON')).toBe('Tyrese Haliburton');
    // Label words are no one's name: not a subgrade's words, nor a product's moved into the name; a suffix ends a name.
    const slab = (ocrText: string) => predictor.predict({ ocrText, imageDescription: 'Front of a baseball card in a Beckett slab' }).player;
    expect(slab('2018-19 Panini Select\n#130 Shai Gilgeous-Alexander RC\nCENTERING 9C ORNERS 9.5\nEDGES 10 SURFACE 9\nGEM MINT 9.5\n0048023425')).toBe('Shai Gilgeous-Alexander');
    expect(slab('2025 TOPPS GUNNAR FINFST HENDERSON #198 REFRACTOR GEM MINT 10 0088567636')).toBe('Gunnar Henderson');
    // A surname of several words is read whole: no name ends with its particle.
    expect(slab('1993 Topps Chrome #123 Nick Van Exel\n9.5 GEM MINT\nCEN 10 COR 10 EDG 9.5 SUR 9.5\n0011223344')).toBe('Nick Van Exel');
    expect(slab('2023 Topps Chrome #123 Amon-Ra St. Brown\n9.5 GEM MINT\nCEN 10 COR 10 EDG 9.5 SUR 9.5\n0011223344')).toBe('Amon-Ra St. Brown');
    // Printed surname first, a name is read whole past its comma and from its particle.
    expect(slab('1993 Topps Chrome #123\nVAN EXEL, NICK\n9.5 GEM MINT\nCEN 10 COR 10 EDG 9.5 SUR 9.5\n0011223344')).toBe('Nick Van Exel');
    // A back's number that OCR moved in between the name's words is the card's, OCR's litter there is not.
    const cardBack = (first: string) => predictor.predict({ ocrText: `${first}\nOUTFIELD\nYR CLUB G AB R H 2B 3B HR RBI AVG\n2011 NYY 12 .301 88 140 22\n© 2012 THE TOPPS COMPANY, INC.`, imageDescription: 'Front and back of a Topps baseball card raw' });
    expect(cardBack('ICHIRO 137 SUZUKI').cardNumber).toBe('137');
    expect(cardBack('#137 ICHIRO 1 SUZUKI').cardNumber).toBe('137');
    // In a name printed in Title case the moved letter keeps the other word's case.
    expect(twice('Jos eAltuve', 'HOUSTON ASTROS')).toBe('Jose Altuve');
  });
});

describe('the name prior', () => {
  it('knows names in general: real spellings beat their OCR damage, given names from surnames', async () => {
    const { Denoiser } = await import('../../src/local-openai/trainer/denoise.js');
    const { givenNameSide, namePrior } = await import('../../src/local-openai/trainer/name-prior.js');
    const empty = { grams: {}, channel: { n: 1000 } };
    const withPrior = new Denoiser(empty, namePrior(), 0);
    for (const [name, damaged] of [['dubois', 'dbois'], ['selanne', 'sclanne'], ['chipper', 'chippfr'], ['parsons', 'parrsons']] as const) {
      expect(withPrior.logProb(name)).toBeGreaterThan(withPrior.logProb(damaged));
    }
    expect(givenNameSide('Matthew')).toBe(1);
    expect(givenNameSide('Rodriguez')).toBe(-1);
  });

  it('knows how many people bear a name, as a given name and as a surname', async () => {
    const { birthShare, censusLogShare, censusShares } = await import('../../src/local-openai/trainer/name-prior.js');
    expect(censusShares('Caldwell')[1]).toBeGreaterThan(100);
    expect(censusShares('CALOWELL')).toEqual([0, 0]);
    // "Trevor Lawrence" is a likelier order than "Lawrence Trevor", though both words are given names.
    expect(censusLogShare('Trevor', 0) + censusLogShare('Lawrence', 1)).toBeGreaterThan(censusLogShare('Lawrence', 0) + censusLogShare('Trevor', 1));
    // Names given since 1990 are given names; a word no list has leans neither way.
    expect(birthShare('Jaxon')).toBeGreaterThan(100);
    expect(censusLogShare('Kawhi', 0)).toBeGreaterThan(censusLogShare('Kawhi', 1));
    expect(censusLogShare('Nacua', 0)).toBe(censusLogShare('Nacua', 1));
  });
});

describe('spellings between two readings', () => {
  it('holds the real spelling when two readings are damaged in different places', async () => {
    const { spellingsBetween } = await import('../../src/local-openai/trainer/denoise.js');
    expect(spellingsBetween('jusstin', 'justinv')).toEqual(expect.arrayContaining(['justin', 'jusstin', 'justinv']));
    expect(spellingsBetween('verlander', 'verlander')).toEqual([]);
    // Readings too far apart are not the same word misread.
    expect(spellingsBetween('abcdef', 'uvwxyz')).toEqual([]);
  });

  it('holds it one edit from each when neither alignment passes through it', async () => {
    const { commonNeighbours } = await import('../../src/local-openai/trainer/denoise.js');
    // A swap in one reading and a dropped letter in the other.
    expect(commonNeighbours('mtathew', 'mtthew')).toContain('matthew');
    expect(commonNeighbours('connqr', 'cononr')).toContain('connor');
    expect(commonNeighbours('matthew', 'matthew')).toEqual([]);
    expect(commonNeighbours('abcdef', 'uvwxyz')).toEqual([]);
  });
});
