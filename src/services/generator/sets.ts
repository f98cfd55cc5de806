import type { GeneratedSport } from './teams.js';

/**
 * Card sets (product lines) the generator draws from, with the years each was made per sport.
 *
 * Brand convention: `CardData.brand` is the brand printed on the card as collectors and grading
 * labels name it, which is always the first words of the set name: "Panini" for Panini Prizm,
 * "Topps" for Topps Chrome, "Upper Deck" for Upper Deck SP Authentic. Legacy brands that cards
 * still print under their own name stay themselves (Donruss, Bowman, Fleer, Score, Leaf,
 * O-Pee-Chee, Skybox, Hoops, Pinnacle, Stadium Club) even where another company owns them now.
 * The full set name is never a CardData field: it lives in the OCR text, the image description
 * and listing titles. Subsets such as Young Guns or Rated Rookie are variations, not sets.
 */

export interface VariationRow {
  /** As a label or listing writes it; `{year}` becomes the card's first year (Gold /2018). */
  name: string;
  from?: number;
  to?: number;
  /** Only on a rookie-year card (Rated Rookie, Young Guns). */
  rookie?: boolean;
  sports?: readonly GeneratedSport[];
  /** Card-number range the variation is printed in (Young Guns are #201–250). */
  numbers?: readonly [number, number];
  weight?: number;
}

export interface NumberRow {
  /** Printed before the number: `BCP-45`, `US250`, `T87-9`. */
  prefix: string;
  max: number;
  from?: number;
  to?: number;
  rookie?: boolean;
  sports?: readonly GeneratedSport[];
  /** Share of eligible cards numbered this way. */
  share: number;
}

export type Era = readonly [from: number, to: number];

export interface SetRow {
  name: string;
  brand: string;
  eras: Partial<Record<GeneratedSport, readonly Era[]>>;
  /** Highest base card number. */
  size: number;
  variations: readonly VariationRow[];
  numbers?: readonly NumberRow[];
  /** Phrases for the image description ("a chrome finish"). */
  looks: readonly string[];
  /** How common the set's cards are relative to others a player has (default 1). */
  popularity?: number;
}

const v = (name: string, extra: Omit<VariationRow, 'name'> = {}): VariationRow => ({ name, ...extra });

const CHROME = ['a chrome finish', 'a glossy chrome surface', 'a shiny metallic finish'];

export const SETS: readonly SetRow[] = [
  {
    name: 'Topps',
    brand: 'Topps',
    eras: { BASEBALL: [[1952, 2025]], FOOTBALL: [[1956, 2015]], BASKETBALL: [[1957, 1957], [1969, 1981], [1992, 2009]], HOCKEY: [[1954, 1981]] },
    size: 660,
    variations: [
      v('Tiffany', { from: 1984, to: 1991, sports: ['BASEBALL'] }),
      v('Traded', { from: 1981, to: 2006, sports: ['BASEBALL'] }),
      v('Short Print', { from: 2004 }),
      v('Image Variation', { from: 2009, sports: ['BASEBALL'] }),
      v('Gold /{year}', { from: 2010, sports: ['BASEBALL'], weight: 2 }),
      v('Rainbow Foil', { from: 2016, sports: ['BASEBALL'] }),
      v('Error', { to: 1995, weight: 0.3 }),
    ],
    numbers: [
      { prefix: 'T87-', max: 200, from: 2022, to: 2022, share: 0.3, sports: ['BASEBALL'] },
      { prefix: '89B-', max: 100, from: 2024, to: 2024, share: 0.2, sports: ['BASEBALL'] },
    ],
    looks: ['white borders', 'a classic cardboard design', 'the team name along the bottom border', 'a glossy front'],
    popularity: 2,
  },
  {
    name: 'Topps Chrome',
    brand: 'Topps',
    eras: { BASEBALL: [[1996, 2025]], FOOTBALL: [[1996, 2015]], BASKETBALL: [[1996, 2009]] },
    size: 220,
    variations: [
      v('Refractor', { weight: 4 }),
      v('Gold Refractor /50', { weight: 1.5 }),
      v('X-Fractor', { from: 2002 }),
      v('Sepia Refractor', { from: 2011, sports: ['BASEBALL'] }),
      v('Pink Refractor', { from: 2014 }),
      v('Superfractor 1/1', { from: 2008, weight: 0.2 }),
    ],
    numbers: [{ prefix: 'RC-', max: 50, from: 2019, rookie: true, share: 0.15, sports: ['BASEBALL'] }],
    looks: CHROME,
    popularity: 1.5,
  },
  {
    name: 'Topps Update',
    brand: 'Topps',
    eras: { BASEBALL: [[2006, 2025]] },
    size: 350,
    variations: [v('Gold /{year}'), v('Rainbow Foil', { from: 2016 }), v('Short Print', { weight: 0.5 })],
    numbers: [{ prefix: 'US', max: 350, share: 1 }],
    looks: ['white borders', 'a glossy front', 'the Topps logo in the corner'],
  },
  {
    name: 'Topps Heritage',
    brand: 'Topps',
    eras: { BASEBALL: [[2001, 2025]] },
    size: 500,
    variations: [v('Chrome Refractor', { weight: 2 }), v('Short Print', { weight: 2 }), v('Action Variation'), v('Black Border', { weight: 0.5 })],
    looks: ['a retro design', 'a throwback cardboard look', 'vintage-style borders'],
  },
  {
    name: 'Topps Finest',
    brand: 'Topps',
    eras: { BASEBALL: [[1993, 2025]], FOOTBALL: [[1994, 2015]], BASKETBALL: [[1993, 2009]] },
    size: 200,
    variations: [v('Refractor', { weight: 3 }), v('Gold Refractor /50'), v('Atomic Refractor', { from: 1997 })],
    looks: CHROME,
    popularity: 0.8,
  },
  {
    name: 'Topps Allen & Ginter',
    brand: 'Topps',
    eras: { BASEBALL: [[2006, 2025]] },
    size: 350,
    variations: [v('Mini', { weight: 3 }), v('Mini Black Border'), v('Short Print')],
    looks: ['a painted-style portrait', 'an old-fashioned tobacco card design', 'cream borders'],
    popularity: 0.7,
  },
  {
    name: 'Topps Stadium Club',
    brand: 'Topps',
    eras: { BASEBALL: [[2014, 2025]] },
    size: 300,
    variations: [v('Chrome'), v('Red Foil', { weight: 2 }), v('Black Foil')],
    looks: ['a full-bleed photo', 'no borders and a big action photo'],
  },
  {
    name: 'Stadium Club',
    brand: 'Stadium Club',
    eras: { BASEBALL: [[1991, 1999]], FOOTBALL: [[1991, 1999]], BASKETBALL: [[1992, 1999]], HOCKEY: [[1991, 1999]] },
    size: 600,
    variations: [v('First Day Issue', { from: 1993, weight: 2 }), v('Members Only')],
    looks: ['a full-bleed photo', 'a glossy borderless front'],
  },
  {
    name: 'Bowman',
    brand: 'Bowman',
    eras: { BASEBALL: [[1948, 1955], [1989, 2025]], FOOTBALL: [[1950, 1955], [1991, 2008]], BASKETBALL: [[1948, 1948], [2003, 2008]] },
    size: 440,
    variations: [v('Gold', { from: 1998 }), v('Sky Blue /499', { from: 2015, sports: ['BASEBALL'] }), v('Paper Prospect', { from: 2010, rookie: true, sports: ['BASEBALL'] })],
    numbers: [{ prefix: 'BP', max: 150, from: 2010, rookie: true, share: 0.5, sports: ['BASEBALL'] }],
    looks: ['a painted look', 'a simple photo design', 'white borders'],
  },
  {
    name: 'Bowman Chrome',
    brand: 'Bowman',
    eras: { BASEBALL: [[1997, 2025]], FOOTBALL: [[1998, 2008]] },
    size: 220,
    variations: [
      v('Refractor', { weight: 4 }),
      v('Chrome Refractor', { weight: 1 }),
      v('Blue Refractor /150', { from: 2008 }),
      v('Gold Refractor /50'),
      v('Orange Refractor /25', { from: 2010 }),
      v('Atomic Refractor', { from: 2005 }),
      v('Superfractor 1/1', { from: 2008, weight: 0.2 }),
    ],
    numbers: [{ prefix: 'BCP-', max: 250, from: 2010, rookie: true, share: 0.7, sports: ['BASEBALL'] }],
    looks: CHROME,
    popularity: 1.5,
  },
  {
    name: 'Bowman Draft',
    brand: 'Bowman',
    eras: { BASEBALL: [[2011, 2025]] },
    size: 200,
    variations: [v('Chrome Refractor', { weight: 2 }), v('Gold /50'), v('Sky Blue')],
    numbers: [{ prefix: 'BDC-', max: 200, share: 0.8 }],
    looks: CHROME,
    popularity: 0.8,
  },
  {
    name: 'Panini Prizm',
    brand: 'Panini',
    eras: { BASKETBALL: [[2012, 2025]], FOOTBALL: [[2012, 2025]], BASEBALL: [[2012, 2023]] },
    size: 300,
    variations: [
      v('Silver Prizm', { weight: 5 }),
      v('Gold Prizm /10', { weight: 0.5 }),
      v('Red White & Blue', { weight: 1.5 }),
      v('Hyper', { from: 2018 }),
      v('Blue Wave /199', { from: 2018 }),
      v('Green Prizm', { weight: 1.5 }),
      v('Mojo /25', { from: 2019, weight: 0.5 }),
    ],
    looks: ['a shiny prizm finish', 'a rainbow shimmer', 'a reflective foil surface'],
    popularity: 2,
  },
  {
    name: 'Panini Select',
    brand: 'Panini',
    eras: { BASKETBALL: [[2012, 2025]], FOOTBALL: [[2013, 2025]] },
    size: 300,
    variations: [v('Concourse'), v('Premier Level'), v('Courtside', { sports: ['BASKETBALL'] }), v('Club Level', { sports: ['FOOTBALL'] }), v('Silver Prizm', { weight: 2 }), v('Tie-Dye /25', { weight: 0.5 })],
    looks: ['a shiny prizm finish', 'a die-cut style frame', 'a reflective foil surface'],
  },
  {
    name: 'Panini Mosaic',
    brand: 'Panini',
    eras: { BASKETBALL: [[2019, 2025]], FOOTBALL: [[2019, 2025]] },
    size: 300,
    variations: [v('Silver Mosaic', { weight: 3 }), v('Genesis', { weight: 0.5 }), v('Reactive Blue'), v('Green Mosaic')],
    looks: ['a mosaic pattern finish', 'a shiny tiled foil surface'],
  },
  {
    name: 'Panini Contenders',
    brand: 'Panini',
    eras: { FOOTBALL: [[2010, 2025]] },
    size: 150,
    variations: [v('Rookie Ticket Auto', { rookie: true, weight: 3, numbers: [101, 150] }), v('Cracked Ice /22', { weight: 0.5 }), v('Season Ticket')],
    looks: ['a ticket-style design', 'a horizontal ticket layout'],
    popularity: 0.6,
  },
  {
    name: 'Panini National Treasures',
    brand: 'Panini',
    eras: { BASKETBALL: [[2009, 2025]], FOOTBALL: [[2010, 2025]] },
    size: 150,
    variations: [v('Rookie Patch Auto /99', { rookie: true, weight: 3, numbers: [101, 150] }), v('Holo Gold /10', { weight: 0.5 }), v('Parallel')],
    looks: ['a thick card stock', 'a jersey patch window', 'a premium foil design'],
    popularity: 0.3,
  },
  {
    name: 'Panini NBA Hoops',
    brand: 'Panini',
    eras: { BASKETBALL: [[2009, 2025]] },
    size: 300,
    variations: [v('Winter', { from: 2018 }), v('Purple', { from: 2017 }), v('Hoops Tribute')],
    looks: ['a bright team-colour design', 'a simple photo front'],
  },
  {
    name: 'Donruss',
    brand: 'Donruss',
    eras: { BASEBALL: [[1981, 1998], [2014, 2025]], FOOTBALL: [[2015, 2025]], BASKETBALL: [[2018, 2025]], HOCKEY: [[1993, 1997]] },
    size: 660,
    variations: [
      v('Rated Rookie', { from: 1984, rookie: true, weight: 6, numbers: [26, 50] }),
      v('Press Proof', { from: 1997, weight: 1.5 }),
      v('Holo Orange Laser', { from: 2019 }),
      v('Diamond Kings', { sports: ['BASEBALL'], weight: 0.5 }),
      v('Error', { to: 1992, sports: ['BASEBALL'], weight: 0.3 }),
    ],
    looks: ['a bold border design', 'the Donruss logo at the top', 'a diagonal stripe design'],
    popularity: 1.3,
  },
  {
    name: 'Donruss Optic',
    brand: 'Donruss',
    eras: { BASKETBALL: [[2016, 2025]], FOOTBALL: [[2016, 2025]], BASEBALL: [[2016, 2023]] },
    size: 200,
    variations: [
      v('Rated Rookie', { rookie: true, weight: 6, numbers: [151, 200] }),
      v('Holo', { weight: 4 }),
      v('Purple', { weight: 1 }),
      v('Pink Velocity', { from: 2019 }),
      v('Gold Vinyl 1/1', { weight: 0.1 }),
      v('Orange /199'),
    ],
    looks: ['a shiny holo finish', 'a chrome-like optic finish'],
    popularity: 1.3,
  },
  {
    name: 'Fleer',
    brand: 'Fleer',
    eras: { BASKETBALL: [[1961, 1961], [1986, 2007]], BASEBALL: [[1981, 2007]], FOOTBALL: [[1960, 1963], [1990, 2007]], HOCKEY: [[2005, 2007]] },
    size: 660,
    variations: [v('Glossy', { from: 1987, to: 1989, weight: 1 }), v('Sticker', { to: 1992, sports: ['BASKETBALL'], weight: 0.5 }), v('Update', { sports: ['BASEBALL'], weight: 0.5 }), v('Error', { to: 1995, weight: 0.3 })],
    looks: ['red, white and blue borders', 'a bold coloured border', 'a classic late-eighties design'],
    popularity: 1.3,
  },
  {
    name: 'Fleer Ultra',
    brand: 'Fleer',
    eras: { BASEBALL: [[1991, 2007]], BASKETBALL: [[1992, 2007]], FOOTBALL: [[1991, 2007]], HOCKEY: [[1992, 2007]] },
    size: 350,
    variations: [v('Gold Medallion', { from: 1995, weight: 3 }), v('Platinum Medallion /100', { from: 1996 }), v('All-Rookie', { rookie: true })],
    looks: ['a glossy full-bleed front', 'a foil-stamped logo'],
  },
  {
    name: 'Upper Deck',
    brand: 'Upper Deck',
    eras: { BASEBALL: [[1989, 2010]], BASKETBALL: [[1991, 2009]], FOOTBALL: [[1991, 2010]], HOCKEY: [[1990, 2025]] },
    size: 500,
    variations: [
      v('Young Guns', { from: 1997, rookie: true, sports: ['HOCKEY'], weight: 10, numbers: [201, 250] }),
      v('Star Rookie', { from: 1989, to: 1996, rookie: true, sports: ['BASEBALL', 'BASKETBALL', 'HOCKEY'], weight: 6, numbers: [1, 26] }),
      v('Exclusives /100', { from: 1998, weight: 1.5 }),
      v('High Gloss /10', { from: 2009, sports: ['HOCKEY'], weight: 0.3 }),
      v('Canvas', { from: 2010, sports: ['HOCKEY'] }),
      v('Clear Cut', { from: 2017, sports: ['HOCKEY'], weight: 0.5 }),
    ],
    looks: ['a hologram on the back', 'a clean white-bordered design', 'a glossy photo front'],
    popularity: 1.5,
  },
  {
    name: 'Upper Deck SP Authentic',
    brand: 'Upper Deck',
    eras: { BASEBALL: [[1993, 2007]], BASKETBALL: [[1994, 2009]], FOOTBALL: [[1996, 2010]], HOCKEY: [[1995, 2025]] },
    size: 250,
    variations: [v('Future Watch Auto /999', { rookie: true, weight: 4, numbers: [151, 250] }), v('Limited', { from: 2010, weight: 1.5 }), v('Sign of the Times', { weight: 0.5 })],
    looks: ['a premium foil design', 'a gold foil logo'],
    popularity: 0.6,
  },
  {
    name: 'Upper Deck MVP',
    brand: 'Upper Deck',
    eras: { HOCKEY: [[1998, 2025]] },
    size: 250,
    variations: [v('Gold Script', { weight: 2 }), v('Silver Script')],
    looks: ['a simple photo front', 'a silver foil name plate'],
  },
  {
    name: 'O-Pee-Chee',
    brand: 'O-Pee-Chee',
    eras: { HOCKEY: [[1968, 2025]], BASEBALL: [[1971, 1992]] },
    size: 600,
    variations: [v('Rainbow', { from: 2008, weight: 3 }), v('Black Border', { from: 2010 }), v('Retro', { from: 2008, weight: 2 }), v('Marquee Rookie', { from: 2006, rookie: true, weight: 5, numbers: [501, 600] })],
    looks: ['a Canadian bilingual back', 'coloured borders', 'a classic cardboard design'],
    popularity: 1.3,
  },
  {
    name: 'O-Pee-Chee Platinum',
    brand: 'O-Pee-Chee',
    eras: { HOCKEY: [[2008, 2025]] },
    size: 200,
    variations: [v('Rainbow', { weight: 3 }), v('Seismic Gold /50'), v('Marquee Rookie', { rookie: true, weight: 5, numbers: [151, 200] })],
    looks: CHROME,
  },
  {
    name: 'Score',
    brand: 'Score',
    eras: { FOOTBALL: [[1989, 1998], [2010, 2025]], BASEBALL: [[1988, 1998]], HOCKEY: [[1990, 1997]] },
    size: 440,
    variations: [v('Glossy', { from: 1991, weight: 1.5 }), v('Gold Zone', { from: 2010, sports: ['FOOTBALL'] }), v('Red Zone', { from: 2010, sports: ['FOOTBALL'] }), v('Artist\'s Proof', { from: 1996, to: 1998 })],
    looks: ['a bright coloured border', 'a glossy front'],
  },
  {
    name: 'Leaf',
    brand: 'Leaf',
    eras: { BASEBALL: [[1948, 1949], [1990, 1998]], FOOTBALL: [[1948, 1949], [1996, 1998]], HOCKEY: [[1993, 1997]] },
    size: 300,
    variations: [v('Gold Leaf Rookie', { from: 1990, rookie: true, weight: 2 }), v('Limited', { from: 1993 })],
    looks: ['a marbled border', 'a silver foil border'],
  },
  {
    name: 'Skybox',
    brand: 'Skybox',
    eras: { BASKETBALL: [[1990, 2000]], FOOTBALL: [[1992, 1999]] },
    size: 350,
    variations: [v('Star Rubies', { from: 1996, weight: 0.5 }), v('Thunder', { from: 1997 })],
    looks: ['a computer-graphic background', 'a glossy front'],
  },
  {
    name: 'Hoops',
    brand: 'Hoops',
    eras: { BASKETBALL: [[1989, 2008]] },
    size: 350,
    variations: [v('Supreme Court', { weight: 0.5 }), v('Hot Prospects', { rookie: true })],
    looks: ['a basketball-court design', 'a simple photo front'],
  },
  {
    name: 'Pinnacle',
    brand: 'Pinnacle',
    eras: { BASEBALL: [[1992, 1998]], FOOTBALL: [[1991, 1997]], HOCKEY: [[1991, 1997]] },
    size: 400,
    variations: [v("Artist's Proof", { from: 1995, weight: 1.5 }), v('Museum Collection', { from: 1996 }), v('Team Pinnacle', { weight: 0.5 })],
    looks: ['a black border', 'a dark border design'],
  },
];
