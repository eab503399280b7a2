/**
 * Hand-written MatcherInput used by the matcher tests (not the real dataset). Kept here (not in
 * the test file) so benchmarks and the property tests can share it.
 */
import type { MatcherInput, PatternSpec } from './types';

type P = Omit<PatternSpec, 'entity'>;
const name = (text: string, extra: Partial<P> = {}): P => ({ text, type: 'name', caseMode: 'exact', ...extra });
const abbr = (text: string, extra: Partial<P> = {}): P => ({ text, type: 'abbreviation', caseMode: 'exact', ...extra });
const native = (text: string): P => ({ text, type: 'native', caseMode: 'exact' });
const sur = (text: string, policy: PatternSpec['policy'] = 'after-full'): P => ({ text, type: 'surname', caseMode: 'exact', policy });

const ENTITIES: Array<[string, P[]]> = [
  ['united-states', [name('United States'), abbr('US'), abbr('U.S.'), abbr('USA'), name('America')]],
  ['united-kingdom', [name('United Kingdom'), abbr('UK'), abbr('U.K.'), name('Britain')]],
  ['north-korea', [name('North Korea'), name('N. Korea'), abbr('DPRK'), native('조선')]],
  ['south-korea', [name('South Korea'), abbr('ROK'), native('대한민국'), native('한국')]],
  ['china', [name('China'), abbr('PRC'), native('中国')]],
  ['south-china-sea', [name('South China Sea')]],
  ['turkey', [name('Turkey'), name('Türkiye')]],
  ['chad', [name('Chad')]],
  ['jordan', [name('Jordan', { notAfter: ['Michael'] })]],
  ['georgia', [name('Georgia', { notAfter: ['Atlanta'] })]],
  ['france', [name('France')]],
  ['paris', [name('Paris', { notBefore: ['Hilton'] })]],
  ['washington', [name('Washington', { notAfter: ['George', 'Denzel'] }), name('Washington, D.C.')]],
  ['yoon-suk-yeol', [name('Yoon Suk Yeol'), name('Yoon Suk-yeol'), sur('Yoon'), native('윤석열')]],
  ['fumio-kishida', [name('Fumio Kishida'), name('Kishida Fumio'), sur('Kishida'), native('岸田文雄')]],
  ['xi-jinping', [name('Xi Jinping'), sur('Xi', 'always'), native('习近平')]],
  ['kim-jong-un', [name('Kim Jong Un'), name('Kim Jong-un'), sur('Kim'), native('김정은')]],
  ['kim-yo-jong', [name('Kim Yo Jong'), sur('Kim')]],
  ['kim-dae-jung', [name('Kim Dae-jung'), sur('Kim', 'never')]],
  ['lee-jae-myung', [name('Lee Jae-myung'), sur('Lee')]],
  ['park-geun-hye', [name('Park Geun-hye'), sur('Park')]],
  ['moon-jae-in', [name('Moon Jae-in'), sur('Moon')]],
  ['shinzo-abe', [name('Shinzo Abe'), name('Abe Shinzo'), sur('Abe'), native('安倍晋三')]],
  ['boris-johnson', [name('Boris Johnson'), sur('Johnson')]],
  ['lyndon-johnson', [name('Lyndon B. Johnson'), name('Lyndon Johnson'), sur('Johnson')]],
  ['nice', [name('Nice', { notBefore: ['to', 'and', 'work', 'one', 'job'] })]],
  ['reading', [name('Reading', { notBefore: ['the', 'a', 'an', 'this', 'about', 'through', 'between'] })]],
  ['quad', [name('Quad'), name('Quadrilateral Security Dialogue')]],
  ['pentagon', [name('Pentagon')]],
  ['theresa-may', [name('Theresa May'), sur('May')]],
  ['camp-david', [name('Camp David')]],
  ['camp-david-accords', [name('Camp David Accords')]],
  ['nato', [abbr('NATO'), name('North Atlantic Treaty Organization')]],
  ['republic-of-the-congo', [name('Republic of the Congo'), name('Congo', { ambiguous: true })]],
  ['dr-congo', [name('Democratic Republic of the Congo'), abbr('DRC'), name('Congo', { ambiguous: true })]],
  ['united-nations', [name('United Nations'), abbr('UN'), abbr('U.N.')]],
  ['g7', [abbr('G7'), name('Group of Seven')]],
  ['joe-biden', [name('Joe Biden'), sur('Biden', 'always')]],
  ['donald-trump', [name('Donald Trump'), sur('Trump')]],
  ['russia', [name('Russia'), native('Россия')]],
  ['japan', [name('Japan'), native('日本')]],
  ['kyiv', [name('Kyiv', { caseMode: 'insensitive' }), name('Kiev', { caseMode: 'insensitive' })]],
  ['cote-divoire', [name("Côte d'Ivoire"), name('Ivory Coast')]],
  ['sao-paulo', [name('São Paulo')]],
  ['new-york', [name('New York')]],
  ['hamas', [name('Hamas')]],
  ['european-union', [name('European Union'), abbr('EU')]],
  ['iran', [name('Iran'), native('ایران')]],
  ['israel', [name('Israel'), native('ישראל')]],
  ['india', [name('India'), native('भारत')]],
  ['thailand', [name('Thailand'), native('ประเทศไทย')]],
  ['ukraine', [name('Ukraine')]],
];

const BLOCKS = [
  'Agence France-Presse',
  'Washington Post',
  'Central Park',
  'George Washington University',
  'Georgia Tech',
  'South China Morning Post',
  'New York Times',
  'Paris Hilton',
];

export function fixtureInput(): MatcherInput {
  const ids: string[] = [];
  const patterns: PatternSpec[] = [];
  ENTITIES.forEach(([id, ps], e) => {
    ids.push(id);
    for (const p of ps) patterns.push({ ...p, entity: e });
  });
  for (const text of BLOCKS) patterns.push({ text, entity: -1, type: 'block', caseMode: 'exact' });
  return { ids, patterns };
}

/** `text` cut at `cuts` (taken modulo its length + 1, deduplicated): chunks for the chunking tests. */
export function splits(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(text.slice(prev, c));
    prev = c;
  }
  out.push(text.slice(prev));
  return out;
}
