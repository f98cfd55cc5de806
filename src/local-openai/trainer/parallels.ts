/**
 * Parallel, insert and subset names as hobby checklists print them: what a pretrained language
 * model knows about sports cards before any fine-tuning, as BRANDS and the name lists are. The
 * base model reads these off a scan, and the fine-tuned model's variation ranker keeps the
 * knowledge as a feature, so a parallel of a set its training file never showed can still be
 * recognised by name. Bare colours ("Purple"), set names ("Chrome", "Optic") and words that are
 * also team names are left out: on a scan they name a jersey, a set or a team far more often.
 */
export const PARALLEL_GLOSSARY: readonly string[] = [
  // Topps, Bowman and their chrome lines
  'Refractor', 'Gold Refractor', 'Orange Refractor', 'Red Refractor', 'Blue Refractor', 'Green Refractor', 'Purple Refractor',
  'Pink Refractor', 'Sepia Refractor', 'Black Refractor', 'Aqua Refractor', 'Atomic Refractor', 'Prism Refractor',
  'Negative Refractor', 'Speckle Refractor', 'Wave Refractor', 'Gold Wave Refractor', 'Mojo Refractor', 'Lava Refractor',
  'Shimmer Refractor', 'Chrome Refractor', 'X-Fractor', 'Superfractor', 'Sapphire', 'Rainbow', 'Rainbow Foil', 'Gold Foil', 'Red Foil',
  'Black Foil', 'Vintage Stock', 'Independence Day', 'Mother\'s Day Pink', 'Father\'s Day Blue', 'Memorial Day Camo',
  'Photo Variation', 'Image Variation', 'Action Variation', 'Short Print', 'Super Short Print', 'Tiffany', 'Black Border',
  'Mini Black Border', 'First Day Issue', 'Members Only', 'Paper Prospect', 'Chrome Prospect', 'Sky Blue', 'Printing Plate',
  // Panini Prizm, Select, Mosaic, Optic, Donruss, Contenders, National Treasures, Hoops
  'Silver Prizm', 'Gold Prizm', 'Green Prizm', 'Red Prizm', 'Blue Prizm', 'Purple Prizm', 'Orange Prizm', 'Black Prizm',
  'Hyper Prizm', 'Mojo Prizm', 'Red White & Blue', 'Blue Wave', 'Red Wave', 'Gold Wave', 'Ruby Wave', 'Tiger Stripe',
  'Snakeskin', 'Cracked Ice', 'Pink Ice', 'Green Ice', 'Neon Green', 'White Sparkle', 'Black Gold', 'Fast Break',
  'Concourse', 'Premier Level', 'Courtside', 'Club Level', 'Field Level', 'Mezzanine', 'Luxury Suite', 'Tie-Dye', 'Zebra',
  'Tri-Color', 'Dragon Scale', 'Silver Mosaic', 'Green Mosaic', 'Gold Mosaic', 'Blue Mosaic', 'Reactive Blue',
  'Reactive Orange', 'Genesis', 'Stained Glass', 'Camo Pink', 'Holo', 'Pink Velocity', 'Blue Velocity', 'Red Velocity',
  'Teal Velocity', 'Gold Vinyl', 'Purple Shock', 'Blue Scope', 'Lime Green', 'Black Pandora', 'Photon', 'Rated Rookie',
  'Press Proof', 'Gold Press Proof', 'Black Press Proof', 'Holo Orange Laser', 'Holo Blue Laser', 'Holo Green Laser',
  'Holo Red Laser', 'Diamond Kings', 'Rookie Ticket Auto', 'Rookie Ticket', 'Season Ticket', 'Playoff Ticket',
  'Championship Ticket', 'Rookie Patch Auto', 'Holo Gold', 'Holo Silver', 'Laundry Tag', 'Logoman', 'Hoops Tribute',
  'Teal Explosion', 'Supreme Court', 'Hot Prospects',
  // Upper Deck, O-Pee-Chee, Fleer, Score, Leaf, Skybox, Pinnacle
  'Young Guns', 'Star Rookie', 'Exclusives', 'UD Exclusives', 'High Gloss', 'Clear Cut', 'Outburst', 'Rookie Materials',
  'Future Watch Auto', 'Future Watch', 'Sign of the Times', 'Gold Script', 'Silver Script', 'Super Script', 'Marquee Rookie',
  'Blue Border', 'Red Border', 'Seismic Gold', 'Rainbow Color Wheel', 'Violet Pixels', 'Orange Checkers', 'Emerald Surge',
  'Arctic Freeze', 'Matte White', 'Red Prism', 'Gold Medallion', 'Platinum Medallion', 'Precious Metal Gems',
  'Legacy Collection', 'Gold Zone', 'Red Zone', 'End Zone', 'Artist\'s Proof', 'Gold Leaf Rookie', 'Star Rubies',
  'Museum Collection', 'Team Pinnacle', 'Trophy Collection',
];

/**
 * Parallels named by a colour alone ("PURPLE" on a Donruss Optic label). A caption's colours are
 * mostly jerseys ("in a purple jersey"), so these count when printed on the label, or when a
 * caption writes them as a name ("with a Purple logo").
 */
export const COLOUR_PARALLELS: readonly string[] = ['Purple', 'Orange', 'Gold', 'Silver', 'Pink', 'Teal'];

/** Product lines as set names print them ("2019 PANINI SELECT", "TOPPS CHROME"): the words around a brand on a label. */
export const PRODUCT_NAMES: readonly string[] = [
  'Topps Chrome', 'Topps Finest', 'Topps Heritage', 'Topps Update', 'Topps Series', 'Allen & Ginter', 'Gypsy Queen', 'Stadium Club',
  'Bowman Chrome', 'Bowman Draft', 'Draft Prospects', 'Bowman Sterling', 'Bowman Best', 'Panini Prizm', 'Panini Select', 'Panini Mosaic',
  'Panini Contenders', 'National Treasures', 'Flawless', 'Immaculate Collection', 'Spectra', 'Obsidian', 'Phoenix', 'Chronicles',
  'Donruss Optic', 'Donruss Elite', 'NBA Hoops', 'Fleer Ultra', 'Fleer Tradition', 'Metal Universe', 'Upper Deck SP Authentic',
  'SP Authentic', 'Upper Deck MVP', 'Exquisite Collection', 'Ice Premieres', 'The Cup', 'O-Pee-Chee Platinum', 'Score Select', 'Leaf Metal',
];

/** Colours that start parallels' names ("Gold Refractor", "Pink Velocity"); some are surnames too ("Green", "White"). */
export const COLOURS = new Set(['gold', 'silver', 'pink', 'orange', 'red', 'blue', 'green', 'purple', 'black', 'white', 'yellow', 'bronze', 'teal', 'aqua', 'sapphire', 'emerald', 'ruby']);
