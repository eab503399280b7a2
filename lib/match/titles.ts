/**
 * Built-in titles recognised before a surname ("President Yoon", "Prime Minister Kishida").
 * Written folded (lower case, no periods); matched case-insensitively, except abbreviations
 * (`capFirst`), whose first letter must be a capital in the text ("PM Kishida", "Mr. Kim").
 */
const WORDS = [
  'president', 'vice president', 'vice-president', 'prime minister', 'deputy prime minister', 'premier',
  'vice premier', 'chancellor', 'vice chancellor', 'secretary', 'secretary of state', 'state secretary',
  'foreign secretary', 'home secretary', 'defense secretary', 'defence secretary', 'treasury secretary',
  'secretary-general', 'secretary general', 'general secretary', 'deputy secretary-general', 'minister',
  'foreign minister', 'defense minister', 'defence minister', 'finance minister', 'interior minister',
  'trade minister', 'unification minister', 'chief minister', 'chairman', 'chairwoman', 'chair', 'leader',
  'supreme leader', 'opposition leader', 'party leader', 'king', 'queen', 'emperor', 'empress', 'crown prince',
  'prince', 'princess', 'sheikh', 'emir', 'sultan', 'pope', 'senator', 'governor', 'mayor', 'ambassador',
  'envoy', 'special envoy', 'general', 'admiral', 'marshal', 'commander', 'speaker', 'spokesman',
  'spokeswoman', 'spokesperson', 'justice', 'chief justice', 'judge', 'lord', 'lady', 'sir', 'dame',
  'representative', 'congressman', 'congresswoman', 'director', 'director-general', 'director general',
  'commissioner', 'chief executive', 'ceo',
];
const ABBREVIATIONS = ['pm', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'adm', 'pres', 'prof', 'lt', 'col', 'maj', 'capt', 'sgt', 'fm'];

export const TITLES: ReadonlyArray<{ text: string; capFirst: boolean }> = [
  ...WORDS.map((text) => ({ text, capFirst: false })),
  ...ABBREVIATIONS.map((text) => ({ text, capFirst: true })),
];

/**
 * Capitalised words that commonly precede a surname without being a given name (folded):
 * "On Monday Kim said", "But Moon replied".
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'i', 'on', 'in', 'at',
  'but', 'and', 'or', 'when', 'while', 'after', 'before', 'as', 'if', 'so', 'then', 'also', 'meanwhile',
  'however', 'yesterday', 'today', 'tomorrow', 'since', 'though', 'although', 'because', 'until', 'where',
  'why', 'how', 'what', 'that', 'this', 'said', 'says', 'told', 'tells', 'asked', 'added', 'wrote', 'with',
  'for', 'from', 'by', 'to', 'of', 'the', 'a', 'an', 'has', 'had', 'have', 'was', 'is', 'will', 'would',
  'should', 'could', 'did', 'does', 'let', 'even', 'only', 'now', 'still', 'last', 'next', 'earlier', 'later',
  'tonight', 'both', 'neither', 'nor', 'like', 'unlike', 'under', 'against', 'during', 'about', 'without',
]);
