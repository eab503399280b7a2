import { describe, expect, it } from 'vitest';
import { compileMatcher, serializeTablesToModule } from './compile';
import { fixtureInput } from './fixture';
import { loadMatcher } from './matcher';
import { ChunkOffsets } from './offsets';
import type { Mention } from './types';

const input = fixtureInput();
const matcher = loadMatcher(compileMatcher(input));
const ids = input.ids;

/** "id=text" for every mention, document order. */
function show(text: string, mentions: Mention[]): string[] {
  return mentions.map((m) => `${ids[m.entity]}=${text.slice(m.start, m.end)}`);
}
const run = (text: string) => show(text, matcher.scanText(text));

// [text, expected mentions as "id=matched text"]
const CASES: Array<[string, string[]]> = [
  // --- basic aliases, abbreviations, optional periods
  ['The United States and China met.', ['united-states=United States', 'china=China']],
  ['The US and the U.S. are the same.', ['united-states=US', 'united-states=U.S.']],
  ['talks in the U.S.', ['united-states=U.S.']],
  ['U.S.-China trade', ['united-states=U.S.', 'china=China']],
  ['the USA team', ['united-states=USA']],
  ['U.S.A. team', ['united-states=U.S.A.']],
  ['the U.K. and UK', ['united-kingdom=U.K.', 'united-kingdom=UK']],
  ['N. Korea fired', ['north-korea=N. Korea']],
  ['N Korea fired', ['north-korea=N Korea']],
  ['North Korea fired', ['north-korea=North Korea']],
  ['the DPRK said', ['north-korea=DPRK']],
  ['the U.S.S.R. collapsed', []],
  ['USSR collapsed', []],
  ['the UN and the U.N. agree', ['united-nations=UN', 'united-nations=U.N.']],
  ['G7 leaders', ['g7=G7']],
  ['G77 group', []],
  ['the G7-led effort', ['g7=G7']],
  ['NATO allies', ['nato=NATO']],
  ['the North Atlantic Treaty Organization', ['nato=North Atlantic Treaty Organization']],
  ['EU sanctions', ['european-union=EU']],
  // --- common words: exact case
  ['tell us more', []],
  ['let us go', []],
  ['US officials', ['united-states=US']],
  ['you may go', []],
  ['in May she left', []],
  ['roast turkey dinner', []],
  ['Turkey and Greece', ['turkey=Turkey']],
  ['fine china plates', []],
  ['China said', ['china=China']],
  ['a hanging chad', []],
  ['Chad and Niger', ['chad=Chad']],
  ['a jordan shoe', []],
  ['Jordan and Israel', ['jordan=Jordan', 'israel=Israel']],
  ['georgia peaches', []],
  ['Georgia and Armenia', ['georgia=Georgia']],
  ['the quad muscles', []],
  ['the Quad met', ['quad=Quad']],
  ['a pentagon shape', []],
  ['the Pentagon said', ['pentagon=Pentagon']],
  ['nice weather', []],
  ['a summit in Nice, France', ['nice=Nice', 'france=France']],
  ['Nice to meet you', []],
  ['reading a book', []],
  ['a station in Reading', ['reading=Reading']],
  ['Reading the report, she frowned', []],
  ['the moon rose', []],
  ['a park bench', []],
  // --- context vetoes and blocks
  ['Michael Jordan scored', []],
  ['michael Jordan scored', []],
  ['Atlanta, Georgia', []],
  ['Atlanta Georgia', []],
  ['Paris Hilton arrived', []],
  ['Paris hilton arrived', []],
  ['Paris and Berlin', ['paris=Paris']],
  ['George Washington crossed', []],
  ['Denzel Washington starred', []],
  ['officials in Washington said', ['washington=Washington']],
  ['Washington, D.C. is the capital', ['washington=Washington, D.C.']],
  ['the Washington Post reported', []],
  ['George Washington University', []],
  ['Georgia Tech won', []],
  ['the South China Sea dispute', ['south-china-sea=South China Sea']],
  ['the South China Morning Post', []],
  ['Agence France-Presse reported', []],
  ['Agence France‑Presse reported', []],
  ['France-Presse', ['france=France']],
  ['New York Times', []],
  ['New York City', ['new-york=New York']],
  ['Central Park', []],
  // --- longest match
  ['the Camp David Accords were signed', ['camp-david-accords=Camp David Accords']],
  ['at Camp David', ['camp-david=Camp David']],
  ['Camp David, then the Camp David Accords', ['camp-david=Camp David', 'camp-david-accords=Camp David Accords']],
  ['Democratic Republic of the Congo', ['dr-congo=Democratic Republic of the Congo']],
  ['the Republic of the Congo', ['republic-of-the-congo=Republic of the Congo']],
  ['Quadrilateral Security Dialogue', ['quad=Quadrilateral Security Dialogue']],
  // --- all-caps runs
  ['CONTACT US', []],
  ['ABOUT US | CONTACT', []],
  ['FOLLOW US ON TWITTER', []],
  ['US SAYS CHINA', []],
  ['NATO SUMMIT OPENS', []],
  ['the US said', ['united-states=US']],
  ['US, NATO agree', ['united-states=US', 'nato=NATO']],
  ['US-ROK alliance', ['united-states=US', 'south-korea=ROK']],
  ['US troops', ['united-states=US']],
  // --- normalisation: apostrophes, possessives, spaces, invisibles, diacritics
  ["Joe Biden's visit", ['joe-biden=Joe Biden']],
  ["China's economy", ['china=China']],
  ['China’s economy', ['china=China']],
  ["the US's role", ['united-states=US']],
  ['United\u00a0States', ['united-states=United\u00a0States']],
  ['United  \n States', ['united-states=United  \n States']],
  ['United\u2009States', ['united-states=United\u2009States']],
  ['Chi\u00adna', ['china=Chi\u00adna']],
  ['Chi\u200bna', ['china=Chi\u200bna']],
  ['\u200dChina', ['china=China']],
  ['Türkiye joined', ['turkey=Türkiye']],
  ['Turkiye joined', ['turkey=Turkiye']],
  ['Tu\u0308rkiye joined', ['turkey=Tu\u0308rkiye']],
  ['TÜRKIYE', []],
  ["Côte d'Ivoire", ["cote-divoire=Côte d'Ivoire"]],
  ['Cote d’Ivoire', ['cote-divoire=Cote d’Ivoire']],
  ['Côte d\u02bcIvoire', ['cote-divoire=Côte d\u02bcIvoire']],
  ['Sao Paulo', ['sao-paulo=Sao Paulo']],
  ['São Paulo', ['sao-paulo=São Paulo']],
  ['Kim Jong‑un', ['kim-jong-un=Kim Jong‑un']],
  ['Kim Jong–un', ['kim-jong-un=Kim Jong–un']],
  ['Kim Jong-un', ['kim-jong-un=Kim Jong-un']],
  ['Yoon Suk‐yeol', ['yoon-suk-yeol=Yoon Suk‐yeol']],
  ['Chinas', []],
  ['Chinatown', []],
  ['IndoChina', []],
  ['Kyiv and KYIV and kyiv', ['kyiv=Kyiv', 'kyiv=KYIV', 'kyiv=kyiv']],
  ['Kievan Rus', []],
  ['ＵＳ', ['united-states=ＵＳ']],
  ['(China)', ['china=China']],
  ['"China"', ['china=China']],
  ['China.', ['china=China']],
  ['China2', []],
  ['2China', []],
  // --- ambiguous aliases
  ['the Congo river', ['republic-of-the-congo=Congo']],
  // --- multilingual, no spaces
  ['윤석열 대통령은', ['yoon-suk-yeol=윤석열']],
  ['윤석열은 말했다', ['yoon-suk-yeol=윤석열']],
  ['岸田文雄首相は', ['fumio-kishida=岸田文雄']],
  ['日本の岸田文雄首相', ['japan=日本', 'fumio-kishida=岸田文雄']],
  ['国家主席习近平会见', ['xi-jinping=习近平']],
  ['中国和日本', ['china=中国', 'japan=日本']],
  ['安倍晋三氏', ['shinzo-abe=安倍晋三']],
  ['대한민국과 조선', ['south-korea=대한민국', 'north-korea=조선']],
  ['한국은', ['south-korea=한국']],
  ['김정은 위원장', ['kim-jong-un=김정은']],
  ['Президент России', []],
  ['Россия заявила', ['russia=Россия']],
  ['ایران', ['iran=ایران']],
  ['ישראל', ['israel=ישראל']],
  ['भारत सरकार', ['india=भारत']],
  ['ประเทศไทยมี', ['thailand=ประเทศไทย']],
  ['China与中国', ['china=China', 'china=中国']],
  ['在US访问', ['united-states=US']],
  // --- surnames
  ['Yoon said.', []],
  ['Yoon Suk Yeol arrived. Yoon said.', ['yoon-suk-yeol=Yoon Suk Yeol', 'yoon-suk-yeol=Yoon']],
  ['Yoon Suk Yeol arrived. President Yoon said.', ['yoon-suk-yeol=Yoon Suk Yeol', 'yoon-suk-yeol=Yoon']],
  ['President Yoon met Yoon Suk Yeol.', ['yoon-suk-yeol=Yoon Suk Yeol']],
  ['윤석열 ... Yoon said', ['yoon-suk-yeol=윤석열', 'yoon-suk-yeol=Yoon']],
  ['Fumio Kishida visited; Prime Minister Kishida said', ['fumio-kishida=Fumio Kishida', 'fumio-kishida=Kishida']],
  ['Kishida Fumio visited; PM Kishida said', ['fumio-kishida=Kishida Fumio', 'fumio-kishida=Kishida']],
  ['Xi said', ['xi-jinping=Xi']],
  ['President Xi said', ['xi-jinping=Xi']],
  ['xi said', []],
  ['Biden said', ['joe-biden=Biden']],
  ["Biden's plan", ['joe-biden=Biden']],
  ['Kim Jong Un spoke. Kim said', ['kim-jong-un=Kim Jong Un', 'kim-jong-un=Kim']],
  ['Kim Jong Un and Kim Yo Jong spoke. Kim said', ['kim-jong-un=Kim Jong Un', 'kim-yo-jong=Kim Yo Jong']],
  ['Kim Jong Un spoke. Kim said. Kim Yo Jong said. Kim left', ['kim-jong-un=Kim Jong Un', 'kim-jong-un=Kim', 'kim-yo-jong=Kim Yo Jong']],
  ['Kim Dae-jung and Kim Jong Un. Kim said', ['kim-dae-jung=Kim Dae-jung', 'kim-jong-un=Kim Jong Un']],
  ['Kim Dae-jung spoke. Kim said', ['kim-dae-jung=Kim Dae-jung']],
  ['Kim said', []],
  ['Kim Jong Un spoke. Kim Jong-chul said', ['kim-jong-un=Kim Jong Un']],
  ['Kim Jong Un spoke. kim said', ['kim-jong-un=Kim Jong Un']],
  ['Lee Jae-myung spoke. Lee said', ['lee-jae-myung=Lee Jae-myung', 'lee-jae-myung=Lee']],
  ['Lee Jae-myung spoke. director Spike Lee said', ['lee-jae-myung=Lee Jae-myung']],
  ['Park Geun-hye spoke. Park said', ['park-geun-hye=Park Geun-hye', 'park-geun-hye=Park']],
  ['Park Geun-hye spoke in a park', ['park-geun-hye=Park Geun-hye']],
  ['Park Geun-hye spoke near Central Park', ['park-geun-hye=Park Geun-hye']],
  ['Moon Jae-in spoke. Moon said', ['moon-jae-in=Moon Jae-in', 'moon-jae-in=Moon']],
  ['Moon Jae-in spoke under the moon', ['moon-jae-in=Moon Jae-in']],
  ['Moon said', []],
  ['Shinzo Abe spoke. Abe said', ['shinzo-abe=Shinzo Abe', 'shinzo-abe=Abe']],
  ['Abe said', []],
  ['Abe Lincoln said', []],
  ['Boris Johnson spoke. Johnson said', ['boris-johnson=Boris Johnson', 'boris-johnson=Johnson']],
  ['Boris Johnson and Lyndon B. Johnson. Johnson said', ['boris-johnson=Boris Johnson', 'lyndon-johnson=Lyndon B. Johnson']],
  ['Johnson said', []],
  ['Lyndon Johnson spoke. Mr. Johnson said', ['lyndon-johnson=Lyndon Johnson', 'lyndon-johnson=Johnson']],
  ['Theresa May resigned. May said', ['theresa-may=Theresa May', 'theresa-may=May']],
  ['Theresa May resigned. It may rain', ['theresa-may=Theresa May']],
  ['Donald Trump spoke. On Monday Trump said', ['donald-trump=Donald Trump', 'donald-trump=Trump']],
  ['Donald Trump spoke. Trump Tower rose', ['donald-trump=Donald Trump']],
  ["Donald Trump spoke. America's Trump said", ['donald-trump=Donald Trump', 'united-states=America', 'donald-trump=Trump']],
  ['Kim Jong Un spoke. The Kims\' rule', ['kim-jong-un=Kim Jong Un', 'kim-jong-un=Kim']],
  ['Trump said. Donald Trump spoke.', ['donald-trump=Donald Trump']],
];

describe('matcher: case table', () => {
  it('has at least 150 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(150));
  for (const [text, want] of CASES) {
    it(JSON.stringify(text), () => expect(run(text)).toEqual(want));
  }
});

describe('matcher: rules', () => {
  it('reports alias / abbreviation / native rules', () => {
    const text = 'China, PRC, 中国';
    expect(matcher.scanText(text).map((m) => m.rule.kind)).toEqual(['alias', 'abbreviation', 'native']);
  });
  it('surname rule carries policy, fullAt and title', () => {
    const text = 'Fumio Kishida visited. Later Prime Minister Kishida said.';
    const ms = matcher.scanText(text);
    expect(ms[1]!.rule).toEqual({ kind: 'surname', policy: 'after-full', fullAt: 0, title: 'Prime Minister' });
    expect(text.slice(ms[1]!.start, ms[1]!.end)).toBe('Kishida');
  });
  it('titles: Mr. with period, lower-case president, Foreign Minister beats Minister', () => {
    const t = (s: string) => {
      const ms = matcher.scanText(s);
      const r = ms[ms.length - 1]!.rule;
      return r.kind === 'surname' ? r.title : undefined;
    };
    expect(t('Boris Johnson spoke. Mr. Johnson said')).toBe('Mr.');
    expect(t('Yoon Suk Yeol spoke. South Korean president Yoon said')).toBe('president');
    expect(t('Boris Johnson spoke. Foreign Minister Johnson said')).toBe('Foreign Minister');
    expect(t('Boris Johnson spoke. Secretary‑General Johnson said')).toBe('Secretary‑General');
    expect(t('Boris Johnson spoke. Then Johnson said')).toBeUndefined();
    expect(t('Xi Jinping spoke. General Secretary Xi said')).toBe('General Secretary');
  });
  it('policy always needs no full name; fullAt absent then', () => {
    const ms = matcher.scanText('Xi said');
    expect(ms[0]!.rule).toEqual({ kind: 'surname', policy: 'always' });
  });
  it('ambiguous alias gives alternatives', () => {
    const ms = matcher.scanText('the Congo basin');
    expect(ms).toHaveLength(1);
    expect(ids[ms[0]!.entity]).toBe('republic-of-the-congo');
    expect(ms[0]!.alternatives!.map((e) => ids[e])).toEqual(['dr-congo']);
  });
  it('offsets are into the original text (invisible chars inside)', () => {
    const text = 'x U\u00ad.S\u200b. y';
    const ms = matcher.scanText(text);
    expect(ms).toHaveLength(1);
    expect(text.slice(ms[0]!.start, ms[0]!.end)).toBe('U\u00ad.S\u200b.');
  });
});

describe('matcher: chunks, breaks and sessions', () => {
  it('finds a mention spanning inline text nodes', () => {
    const chunks = ['President ', 'Yoon', ' Suk Yeol', ' spoke.'];
    const ms = matcher.session().scan(chunks);
    expect(show(chunks.join(''), ms)).toEqual(['yoon-suk-yeol=Yoon Suk Yeol']);
    const off = new ChunkOffsets(chunks);
    expect(off.locate(ms[0]!.start)).toEqual({ chunk: 1, offset: 0 });
    expect(off.locate(ms[0]!.end, 'end')).toEqual({ chunk: 2, offset: 9 });
  });
  it('splits inside a word too', () => {
    const chunks = ['Yo', 'on Suk Ye', 'ol'];
    expect(show(chunks.join(''), matcher.session().scan(chunks))).toEqual(['yoon-suk-yeol=Yoon Suk Yeol']);
  });
  it('never spans a hard break', () => {
    const chunks = ['United', ' States'];
    expect(matcher.session().scan(chunks, { breaks: [1] })).toEqual([]);
    expect(matcher.session().scan(chunks)).toHaveLength(1);
  });
  it('a hard break is a word boundary', () => {
    const chunks = ['China', 'town'];
    expect(show(chunks.join(''), matcher.session().scan(chunks, { breaks: [1] }))).toEqual(['china=China']);
    expect(matcher.session().scan(chunks)).toEqual([]);
  });
  it('vetoes do not look across a hard break', () => {
    const chunks = ['Michael', ' Jordan'];
    expect(matcher.session().scan(chunks)).toEqual([]);
    expect(show(chunks.join(''), matcher.session().scan(chunks, { breaks: [1] }))).toEqual(['jordan=Jordan']);
  });
  it('keeps surname state across scans', () => {
    const s = matcher.session();
    expect(s.scan(['Yoon said.'])).toEqual([]);
    const a = s.scan(['Headline', 'Yoon Suk Yeol visited Tokyo.'], { breaks: [1] });
    expect(a).toHaveLength(1);
    expect(s.hasSeen(a[0]!.entity)).toBe(true);
    const b = s.scan(['Later, Yoon said.']);
    expect(b).toHaveLength(1);
    expect(b[0]!.rule).toEqual({ kind: 'surname', policy: 'after-full', fullAt: 8, fullScan: 1 });
    expect(s.scanCount).toBe(3);
    s.reset();
    expect(s.scan(['Yoon said.'])).toEqual([]);
  });
  it('ambiguity counts mentions from earlier scans', () => {
    const s = matcher.session();
    s.scan(['Boris Johnson spoke.']);
    s.scan(['Lyndon Johnson spoke.']);
    expect(s.scan(['Johnson said.'])).toEqual([]);
  });
  it('empty input and empty chunks', () => {
    expect(matcher.session().scan([])).toEqual([]);
    expect(matcher.session().scan(['', '', ''])).toEqual([]);
    const chunks = ['', 'Chi', '', 'na', ''];
    expect(show(chunks.join(''), matcher.session().scan(chunks, { breaks: [1, 4] }))).toEqual(['china=China']);
    expect(matcher.session().scan(chunks, { breaks: [2] })).toEqual([]);
  });
});

describe('compile & load', () => {
  it('serialises to a module and round-trips through JSON', () => {
    const src = serializeTablesToModule(input);
    expect(src).toContain('export const MATCHER_TABLES: MatcherTables = ');
    const json = src.slice(src.indexOf('= ') + 2, src.lastIndexOf(';'));
    const m2 = loadMatcher(JSON.parse(json));
    expect(m2.scanText('The U.S. and 中国').map((m) => m.start)).toEqual([4, 13]);
  });
  it('warns about unusable patterns instead of failing', () => {
    const warnings: string[] = [];
    const t = compileMatcher(
      { ids: ['a'], patterns: [{ text: '\u200b', entity: 0, type: 'name', caseMode: 'exact' }, { text: 'Xx', entity: 5, type: 'name', caseMode: 'exact' }] },
      { onWarning: (m) => warnings.push(m) },
    );
    expect(warnings).toHaveLength(2);
    expect(loadMatcher(t).scanText('Xx')).toEqual([]);
  });
  it('handles an empty dataset', () => {
    expect(loadMatcher(compileMatcher({ ids: [], patterns: [] })).scanText('anything US China')).toEqual([]);
  });
});
