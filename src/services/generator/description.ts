import type { DrawnCard } from './draw.js';
import { withArticle } from './english.js';
import type { Random } from './random.js';
import type { Side } from './scan.js';
import type { GeneratedSport } from './teams.js';

/**
 * The image description of a scan, as a vision model would caption the photo: which side,
 * what kind of card, the holder, the player's pose and jersey, and sometimes the finish or
 * the set. Like a real caption it mentions the year, brand and set only some of the time.
 */

const ACTIONS: Readonly<Record<GeneratedSport, Readonly<Record<string, readonly string[]>>>> = {
  BASEBALL: {
    P: ['pitching from the mound', 'in the middle of his windup', 'delivering a pitch', 'following through on a pitch'],
    C: ['in catcher gear behind the plate', 'crouched behind home plate', 'throwing off his mask'],
    _: ['swinging a bat', 'in his batting stance', 'rounding the bases', 'fielding a ground ball', 'posing with a bat on his shoulder', 'watching a home run'],
  },
  BASKETBALL: {
    C: ['grabbing a rebound', 'blocking a shot', 'dunking with both hands', 'posting up near the basket'],
    _: ['dunking', 'shooting a jump shot', 'dribbling up the court', 'driving to the basket', 'going up for a layup', 'posing with the ball'],
  },
  FOOTBALL: {
    QB: ['throwing a pass', 'dropping back to pass', 'scrambling out of the pocket', 'handing off the ball'],
    RB: ['running with the ball', 'breaking a tackle', 'cutting upfield', 'diving for the end zone'],
    WR: ['making a catch', 'reaching for a pass', 'running after the catch', 'high-pointing a ball'],
    TE: ['making a catch', 'stiff-arming a defender', 'running after the catch'],
    _: ['in a defensive stance', 'chasing the quarterback', 'making a tackle', 'celebrating a sack'],
  },
  HOCKEY: {
    G: ['in net making a save', 'crouched in the crease in goalie pads', 'gloving a puck'],
    _: ['skating with the puck', 'winding up for a slap shot', 'celebrating a goal', 'skating up ice', 'battling along the boards'],
  },
};

const SIDES = ['Front of', 'Photo of', 'Close-up of', 'Scan of', 'Front of'];

const PORTRAITS = ['in a posed portrait', 'in a head-and-shoulders portrait', 'smiling in a posed photo'];

const SLAB = {
  PSA: ['in a PSA slab', 'in a PSA slab with a red label', 'in a PSA holder', 'graded by PSA in a clear slab'],
  BGS: ['in a BGS slab', 'in a Beckett slab with a gold label', 'in a BGS case with subgrades on the label', 'in a Beckett holder'],
  SGC: ['in an SGC slab', 'in an SGC holder with a black tuxedo insert', 'in an SGC slab with a green label'],
  CGC: ['in a CGC slab', 'in a CGC holder with a blue label', 'graded by CGC'],
  CSG: ['in a CSG slab', 'in a CSG holder', 'graded by CSG'],
} as const;

const RAW = [
  'in a penny sleeve and toploader',
  'raw, lying on a wooden table',
  'in a magnetic one-touch holder',
  'raw on a white background',
  'in a top loader',
  'raw, held between two fingers',
  'in a binder page',
];

const BACK_SUBJECTS = ['showing stats and a short bio', 'with a stats table and the card number in the corner', 'with career stats and copyright text', 'showing the player bio and a small headshot'];

const CONDITIONS = ['photo taken at an angle', 'slightly blurry', 'under bright light', 'a little off-center', 'shadow across the top'];
const SLAB_CONDITIONS = [...CONDITIONS, 'slight glare on the slab', 'scratches on the case'];
const RAW_CONDITIONS = [...CONDITIONS, 'soft corners visible', 'a small crease near the edge'];

function action(rng: Random, d: DrawnCard): string {
  if (d.startYear < 1975 && rng.chance(0.6)) return rng.pick(PORTRAITS);
  const table = ACTIONS[d.player.sport];
  return rng.pick(table[d.player.position] ?? table._!);
}

function jersey(rng: Random, d: DrawnCard): string {
  const [a, b] = d.team.colors;
  const nickname = d.team.nickname;
  switch (rng.int(0, 3)) {
    case 0:
      return `in ${withArticle(a)} jersey`;
    case 1:
      return `wearing ${withArticle(a)} and ${b} uniform`;
    case 2:
      return `in ${withArticle(rng.chance(0.5) ? 'white' : a)} ${nickname} uniform`;
    default:
      return `in ${a}`;
  }
}

/**
 * The card's finish or marking. A raw card's variation is always visible in the photo (a vision
 * model names the refractor, the parallel, the subset logo); on a slab the label prints it, so
 * the caption mentions it only some of the time.
 */
function finish(rng: Random, d: DrawnCard, always: boolean): string | null {
  const v = d.card.variation;
  if (v && (always || rng.chance(0.55))) {
    const serial = /\/(\d+)$/.exec(v);
    const name = v.replace(/\s*\/\d+$/, '');
    const numbered = serial ? rng.pick([`, serial numbered /${serial[1]}`, ` numbered to ${serial[1]}`]) : '';
    if (/refractor|fractor|prizm|mosaic|holo|foil|chrome|wave|ice|laser|velocity|vinyl|gloss|rainbow/i.test(v)) {
      return rng.pick([`with ${withArticle(name.toLowerCase())} finish${numbered}`, `${withArticle(v)} parallel`, `${withArticle(name)} parallel${numbered}`]);
    }
    if (serial && !always && rng.chance(0.6)) return `serial numbered to ${serial[1]}`;
    if (serial) return rng.pick([`${withArticle(v)} parallel`, `${withArticle(name)} parallel${numbered}`]);
    return rng.pick([`marked ${v}`, `${withArticle(v)} card`, `with ${withArticle(v)} logo`]);
  }
  return rng.chance(0.3) ? `with ${rng.pick(d.set.looks)}` : null;
}

export function imageDescription(rng: Random, d: DrawnCard, side: Side): string {
  const sideText = side === 'both' ? 'Front and back of' : side === 'back' ? 'Back of' : rng.pick(SIDES);
  const year = rng.chance(0.6) ? `${d.card.year} ` : '';
  const m = rng.next();
  const maker = m < 0.45 ? `${d.set.name} ` : m < 0.75 ? `${d.card.brand} ` : '';
  const sport = d.player.sport.toLowerCase();
  const rookie = d.rookie && rng.chance(0.4) ? 'rookie ' : '';
  const holder = d.company ? rng.pick(SLAB[d.company]) : rng.chance(0.8) ? rng.pick(RAW) : 'raw';
  const subject = side === 'back' ? rng.pick(BACK_SUBJECTS) : `player ${jersey(rng, d)} ${action(rng, d)}`;
  const extras = [
    side === 'back' ? null : finish(rng, d, d.company === null),
    d.rookie && side !== 'back' && rng.chance(0.3) ? 'RC logo in the corner' : null,
    rng.chance(0.25) ? rng.pick(d.company ? SLAB_CONDITIONS : RAW_CONDITIONS) : null,
  ].filter(
    (x): x is string => x !== null,
  );
  return `${sideText} ${withArticle(`${year}${maker}${sport} ${rookie}card`)} ${holder}, ${subject}${extras.length ? `, ${extras.join(', ')}` : ''}`;
}
