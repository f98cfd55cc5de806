import { describe, expect, it } from 'vitest';
import { extractCard } from '../../src/local-openai/trainer/base-model.js';

const read = (ocrText: string) => extractCard({ ocrText, imageDescription: 'Front of a card in a slab' });

describe('the base model reading a clean label', () => {
  it('finds the player among the label words', () => {
    // A parallel's colour after the name is no third word of it; a brand of two words is no name.
    expect(read('2020 PANINI PRIZM #307 JOE BURROW SILVER PSA 10').player).toBe('Joe Burrow');
    expect(read('2015-16 UPPER DECK #201\nCONNOR MCDAVID\nYOUNG GUNS\nPSA 10 GEM MT').player).toBe('Connor Mcdavid');
    // A surname with particles runs to four words; a generational numeral keeps its capitals.
    expect(read('2023 BOWMAN CHROME #BCP-100\nELLY DE LA CRUZ\nREFRACTOR\nSGC 9.5').player).toBe('Elly De La Cruz');
    expect(read('2017 PANINI PRIZM #269\nPATRICK MAHOMES II\nGEM MT 10').player).toBe('Patrick Mahomes II');
    // Surname first with a comma.
    expect(read('1986 FLEER #57\nJORDAN, MICHAEL\nNM-MT 8').player).toBe('Michael Jordan');
  });

  it('reads the rest of the label', () => {
    const card = read('2020 PANINI PRIZM #307 JOE BURROW SILVER PSA 10');
    expect(card).toMatchObject({ year: '2020', brand: 'Panini', cardNumber: '307', variation: 'Silver', grade: 10, gradingCompany: 'PSA' });
  });
});
