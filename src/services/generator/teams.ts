import type { Sport } from '../cards/card.js';

/** Teams of the four generated sports, keyed by abbreviation per sport, with jersey colours. */

export interface Team {
  abbr: string;
  name: string;
  /** The last word of the name: "Mavericks", "Sox". */
  nickname: string;
  colors: readonly [string, string];
}

type TeamRow = readonly [abbr: string, name: string, primary: string, secondary: string];

const BASEBALL: readonly TeamRow[] = [
  ['ARI', 'Arizona Diamondbacks', 'red', 'teal'],
  ['ATL', 'Atlanta Braves', 'navy', 'red'],
  ['BAL', 'Baltimore Orioles', 'orange', 'black'],
  ['BKN', 'Brooklyn Dodgers', 'blue', 'white'],
  ['BOS', 'Boston Red Sox', 'red', 'navy'],
  ['CAL', 'California Angels', 'navy', 'red'],
  ['CHC', 'Chicago Cubs', 'blue', 'red'],
  ['CIN', 'Cincinnati Reds', 'red', 'white'],
  ['CLE', 'Cleveland Indians', 'navy', 'red'],
  ['CLG', 'Cleveland Guardians', 'navy', 'red'],
  ['CWS', 'Chicago White Sox', 'black', 'silver'],
  ['DET', 'Detroit Tigers', 'navy', 'orange'],
  ['FLA', 'Florida Marlins', 'teal', 'black'],
  ['HOU', 'Houston Astros', 'navy', 'orange'],
  ['KC', 'Kansas City Royals', 'royal blue', 'white'],
  ['LAA', 'Los Angeles Angels', 'red', 'navy'],
  ['LAD', 'Los Angeles Dodgers', 'blue', 'white'],
  ['MIA', 'Miami Marlins', 'black', 'teal'],
  ['MIL', 'Milwaukee Brewers', 'navy', 'gold'],
  ['MLN', 'Milwaukee Braves', 'navy', 'red'],
  ['MIN', 'Minnesota Twins', 'navy', 'red'],
  ['MON', 'Montreal Expos', 'blue', 'red'],
  ['NYG', 'New York Giants', 'black', 'orange'],
  ['NYM', 'New York Mets', 'blue', 'orange'],
  ['NYY', 'New York Yankees', 'navy', 'white'],
  ['OAK', 'Oakland Athletics', 'green', 'gold'],
  ['PHI', 'Philadelphia Phillies', 'red', 'white'],
  ['PIT', 'Pittsburgh Pirates', 'black', 'gold'],
  ['SD', 'San Diego Padres', 'brown', 'gold'],
  ['SEA', 'Seattle Mariners', 'navy', 'teal'],
  ['SF', 'San Francisco Giants', 'orange', 'black'],
  ['STL', 'St. Louis Cardinals', 'red', 'white'],
  ['TB', 'Tampa Bay Rays', 'navy', 'light blue'],
  ['TEX', 'Texas Rangers', 'blue', 'red'],
  ['TOR', 'Toronto Blue Jays', 'blue', 'white'],
  ['WSH', 'Washington Nationals', 'red', 'navy'],
];

const BASKETBALL: readonly TeamRow[] = [
  ['ATL', 'Atlanta Hawks', 'red', 'white'],
  ['BKN', 'Brooklyn Nets', 'black', 'white'],
  ['BOS', 'Boston Celtics', 'green', 'white'],
  ['CHA', 'Charlotte Hornets', 'teal', 'purple'],
  ['CHI', 'Chicago Bulls', 'red', 'black'],
  ['CIN', 'Cincinnati Royals', 'blue', 'white'],
  ['CLE', 'Cleveland Cavaliers', 'wine', 'gold'],
  ['DAL', 'Dallas Mavericks', 'blue', 'white'],
  ['DEN', 'Denver Nuggets', 'navy', 'gold'],
  ['DET', 'Detroit Pistons', 'blue', 'red'],
  ['GSW', 'Golden State Warriors', 'blue', 'gold'],
  ['HOU', 'Houston Rockets', 'red', 'white'],
  ['IND', 'Indiana Pacers', 'navy', 'gold'],
  ['LAC', 'Los Angeles Clippers', 'blue', 'red'],
  ['LAL', 'Los Angeles Lakers', 'purple', 'gold'],
  ['MEM', 'Memphis Grizzlies', 'navy', 'light blue'],
  ['MIA', 'Miami Heat', 'red', 'black'],
  ['MIL', 'Milwaukee Bucks', 'green', 'cream'],
  ['MIN', 'Minnesota Timberwolves', 'blue', 'green'],
  ['NJN', 'New Jersey Nets', 'blue', 'red'],
  ['NOH', 'New Orleans Hornets', 'teal', 'purple'],
  ['NOJ', 'New Orleans Jazz', 'purple', 'gold'],
  ['NOP', 'New Orleans Pelicans', 'navy', 'gold'],
  ['NYK', 'New York Knicks', 'blue', 'orange'],
  ['OKC', 'Oklahoma City Thunder', 'blue', 'orange'],
  ['ORL', 'Orlando Magic', 'blue', 'black'],
  ['PHI', 'Philadelphia 76ers', 'blue', 'red'],
  ['PHX', 'Phoenix Suns', 'purple', 'orange'],
  ['POR', 'Portland Trail Blazers', 'red', 'black'],
  ['SAC', 'Sacramento Kings', 'purple', 'black'],
  ['SAS', 'San Antonio Spurs', 'black', 'silver'],
  ['SEA', 'Seattle SuperSonics', 'green', 'gold'],
  ['TOR', 'Toronto Raptors', 'red', 'purple'],
  ['WAS', 'Washington Wizards', 'navy', 'red'],
];

const FOOTBALL: readonly TeamRow[] = [
  ['ARI', 'Arizona Cardinals', 'red', 'white'],
  ['ATL', 'Atlanta Falcons', 'red', 'black'],
  ['BAL', 'Baltimore Ravens', 'purple', 'black'],
  ['BCO', 'Baltimore Colts', 'blue', 'white'],
  ['BUF', 'Buffalo Bills', 'blue', 'red'],
  ['CAR', 'Carolina Panthers', 'black', 'blue'],
  ['CHI', 'Chicago Bears', 'navy', 'orange'],
  ['CIN', 'Cincinnati Bengals', 'orange', 'black'],
  ['CLE', 'Cleveland Browns', 'orange', 'brown'],
  ['DAL', 'Dallas Cowboys', 'navy', 'silver'],
  ['DEN', 'Denver Broncos', 'orange', 'navy'],
  ['DET', 'Detroit Lions', 'blue', 'silver'],
  ['GB', 'Green Bay Packers', 'green', 'gold'],
  ['HOU', 'Houston Texans', 'navy', 'red'],
  ['IND', 'Indianapolis Colts', 'blue', 'white'],
  ['JAX', 'Jacksonville Jaguars', 'teal', 'black'],
  ['KC', 'Kansas City Chiefs', 'red', 'gold'],
  ['LAC', 'Los Angeles Chargers', 'powder blue', 'gold'],
  ['LAI', 'Los Angeles Raiders', 'silver', 'black'],
  ['LAR', 'Los Angeles Rams', 'blue', 'gold'],
  ['LV', 'Las Vegas Raiders', 'black', 'silver'],
  ['MIA', 'Miami Dolphins', 'aqua', 'orange'],
  ['MIN', 'Minnesota Vikings', 'purple', 'gold'],
  ['NE', 'New England Patriots', 'navy', 'red'],
  ['NO', 'New Orleans Saints', 'black', 'gold'],
  ['NYG', 'New York Giants', 'blue', 'red'],
  ['NYJ', 'New York Jets', 'green', 'white'],
  ['OAK', 'Oakland Raiders', 'silver', 'black'],
  ['PHI', 'Philadelphia Eagles', 'green', 'silver'],
  ['PIT', 'Pittsburgh Steelers', 'black', 'gold'],
  ['SD', 'San Diego Chargers', 'navy', 'gold'],
  ['SEA', 'Seattle Seahawks', 'navy', 'green'],
  ['SF', 'San Francisco 49ers', 'red', 'gold'],
  ['STL', 'St. Louis Rams', 'navy', 'gold'],
  ['TB', 'Tampa Bay Buccaneers', 'red', 'pewter'],
  ['TEN', 'Tennessee Titans', 'navy', 'light blue'],
  ['WAS', 'Washington Commanders', 'burgundy', 'gold'],
];

const HOCKEY: readonly TeamRow[] = [
  ['ANA', 'Anaheim Ducks', 'black', 'orange'],
  ['ARI', 'Arizona Coyotes', 'brick red', 'sand'],
  ['BOS', 'Boston Bruins', 'black', 'gold'],
  ['BUF', 'Buffalo Sabres', 'blue', 'gold'],
  ['CBJ', 'Columbus Blue Jackets', 'navy', 'red'],
  ['CGY', 'Calgary Flames', 'red', 'yellow'],
  ['CHI', 'Chicago Blackhawks', 'red', 'black'],
  ['COL', 'Colorado Avalanche', 'burgundy', 'blue'],
  ['DAL', 'Dallas Stars', 'green', 'black'],
  ['DET', 'Detroit Red Wings', 'red', 'white'],
  ['EDM', 'Edmonton Oilers', 'orange', 'blue'],
  ['FLA', 'Florida Panthers', 'red', 'navy'],
  ['HFD', 'Hartford Whalers', 'green', 'blue'],
  ['LAK', 'Los Angeles Kings', 'black', 'silver'],
  ['MIN', 'Minnesota Wild', 'green', 'red'],
  ['MTL', 'Montreal Canadiens', 'red', 'blue'],
  ['NJD', 'New Jersey Devils', 'red', 'black'],
  ['NSH', 'Nashville Predators', 'gold', 'navy'],
  ['NYI', 'New York Islanders', 'blue', 'orange'],
  ['NYR', 'New York Rangers', 'blue', 'red'],
  ['OTT', 'Ottawa Senators', 'red', 'black'],
  ['PHI', 'Philadelphia Flyers', 'orange', 'black'],
  ['PIT', 'Pittsburgh Penguins', 'black', 'gold'],
  ['QUE', 'Quebec Nordiques', 'blue', 'white'],
  ['SJS', 'San Jose Sharks', 'teal', 'black'],
  ['STL', 'St. Louis Blues', 'blue', 'gold'],
  ['TB', 'Tampa Bay Lightning', 'blue', 'white'],
  ['TOR', 'Toronto Maple Leafs', 'blue', 'white'],
  ['VAN', 'Vancouver Canucks', 'blue', 'green'],
  ['VGK', 'Vegas Golden Knights', 'gold', 'black'],
  ['WPG', 'Winnipeg Jets', 'navy', 'blue'],
  ['WSH', 'Washington Capitals', 'red', 'navy'],
];

function index(rows: readonly TeamRow[]): ReadonlyMap<string, Team> {
  return new Map(rows.map(([abbr, name, a, b]) => [abbr, { abbr, name, nickname: name.slice(name.lastIndexOf(' ') + 1), colors: [a, b] as const }]));
}

export type GeneratedSport = Extract<Sport, 'BASEBALL' | 'BASKETBALL' | 'FOOTBALL' | 'HOCKEY'>;
export const GENERATED_SPORTS: readonly GeneratedSport[] = ['BASEBALL', 'BASKETBALL', 'FOOTBALL', 'HOCKEY'];

export const TEAMS: Readonly<Record<GeneratedSport, ReadonlyMap<string, Team>>> = {
  BASEBALL: index(BASEBALL),
  BASKETBALL: index(BASKETBALL),
  FOOTBALL: index(FOOTBALL),
  HOCKEY: index(HOCKEY),
};
