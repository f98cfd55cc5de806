/**
 * Words of North American pro team names (cities, states and nicknames of the NBA, NFL, MLB and
 * NHL): general knowledge a base language model has, so the name ranker can tell a team printed
 * on the card ("CHARLOTTE HORNETS") from the player. Cities that are also common given names or
 * surnames (Orlando, Houston, Francisco, Diego, Jose, Antonio, Louis) are left out. Lower case.
 */
const PLACES = `
atlanta arizona anaheim baltimore boston brooklyn buffalo calgary carolina charlotte chicago cincinnati
cleveland colorado columbus detroit edmonton florida indiana indianapolis jacksonville kansas memphis
miami milwaukee minnesota montreal nashville oakland oklahoma ottawa philadelphia pittsburgh portland
sacramento seattle tampa tennessee texas toronto utah vancouver vegas washington winnipeg angeles
hartford quebec york jersey orleans golden state bay
`;

const NICKNAMES = `
lakers celtics bulls warriors knicks nets heat magic hornets hawks raptors bucks pistons cavaliers pacers
sixers 76ers wizards spurs mavericks rockets grizzlies pelicans thunder jazz nuggets timberwolves suns
kings clippers blazers cowboys giants eagles commanders redskins packers bears lions vikings saints
falcons panthers buccaneers 49ers seahawks rams cardinals chiefs raiders broncos chargers patriots
bills dolphins steelers ravens browns bengals texans colts titans jaguars yankees sox orioles rays
jays guardians indians tigers royals twins astros angels athletics mariners rangers braves marlins
mets phillies nationals expos cubs reds brewers pirates diamondbacks rockies dodgers padres bruins
sabres canadiens senators leafs lightning hurricanes blackhawks avalanche predators blues flames
oilers canucks ducks sharks kraken coyotes islanders devils flyers penguins capitals jets wild stars
knights jackets whalers nordiques thrashers supersonics sonics bobcats bullets
`;

const words = (list: string) => list.split(/\s+/).filter(Boolean);
/** Team nicknames ("hornets", "magic"): no player's name ends with one. */
export const TEAM_NICKNAMES: ReadonlySet<string> = new Set(words(NICKNAMES));
export const TEAM_WORDS: ReadonlySet<string> = new Set([...words(PLACES), ...words(NICKNAMES)]);
