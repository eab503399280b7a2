/**
 * Built-in news sites. They are declared as host permissions and the content script runs on
 * them by default; any other site needs the reader's explicit permission (popup or options).
 * A pattern `https://*.host/*` also matches the bare host.
 */
export const NEWS_SITES: readonly string[] = [
  // International wires and broadcasters
  'apnews.com', 'reuters.com', 'afp.com', 'bloomberg.com', 'upi.com', 'aljazeera.com', 'bbc.com',
  'bbc.co.uk', 'dw.com', 'france24.com', 'euronews.com', 'rfi.fr', 'voanews.com', 'rfa.org',
  'cnn.com', 'abc.net.au', 'sbs.com.au', 'cbc.ca', 'globalnews.ca', 'ctvnews.ca', 'rte.ie', 'nhk.or.jp',
  'swissinfo.ch', 'trtworld.com', 'arabnews.com', 'thenationalnews.com', 'middleeasteye.net',
  'timesofisrael.com', 'haaretz.com', 'jpost.com', 'africanews.com',
  // United States
  'nytimes.com', 'washingtonpost.com', 'wsj.com', 'usatoday.com', 'latimes.com', 'chicagotribune.com',
  'bostonglobe.com', 'sfchronicle.com', 'npr.org', 'pbs.org', 'nbcnews.com', 'cbsnews.com', 'abcnews.go.com',
  'foxnews.com', 'msnbc.com', 'cnbc.com', 'politico.com', 'axios.com', 'thehill.com', 'vox.com',
  'theatlantic.com', 'newyorker.com', 'time.com', 'newsweek.com', 'foreignpolicy.com', 'foreignaffairs.com',
  'defensenews.com', 'defenseone.com', 'breakingdefense.com', 'militarytimes.com', 'stripes.com',
  'csmonitor.com', 'propublica.org', 'semafor.com', 'thediplomat.com', 'warontherocks.com',
  'lawfaremedia.org', 'nationalinterest.org', 'businessinsider.com', 'fortune.com', 'forbes.com',
  'yahoo.com', 'msn.com', 'huffpost.com', 'slate.com', 'salon.com', 'motherjones.com',
  'nypost.com', 'washingtontimes.com', 'miamiherald.com', 'seattletimes.com', 'startribune.com',
  // United Kingdom and Ireland
  'theguardian.com', 'ft.com', 'economist.com', 'telegraph.co.uk', 'thetimes.co.uk', 'thetimes.com',
  'independent.co.uk', 'inews.co.uk', 'news.sky.com', 'dailymail.co.uk', 'mirror.co.uk', 'standard.co.uk',
  'spectator.co.uk', 'newstatesman.com', 'irishtimes.com', 'independent.ie', 'scotsman.com', 'channel4.com',
  // Europe
  'politico.eu', 'euractiv.com', 'lemonde.fr', 'lefigaro.fr', 'liberation.fr', 'spiegel.de', 'zeit.de',
  'faz.net', 'sueddeutsche.de', 'welt.de', 'corriere.it', 'repubblica.it', 'ansa.it', 'elpais.com',
  'elmundo.es', 'nrc.nl', 'nos.nl', 'kyivindependent.com', 'kyivpost.com', 'pravda.com.ua',
  'themoscowtimes.com', 'meduza.io', 'balkaninsight.com', 'notesfrompoland.com', 'thelocal.se',
  'yle.fi', 'svt.se', 'nzz.ch', 'ekathimerini.com', 'dailysabah.com', 'hurriyetdailynews.com',
  // Korea
  'yna.co.kr', 'koreaherald.com', 'koreatimes.co.kr', 'koreajoongangdaily.joins.com',
  'joongang.co.kr', 'donga.com', 'chosun.com', 'hani.co.kr', 'kbs.co.kr', 'arirang.com', 'nknews.org',
  'dailynk.com', '38north.org', 'koreapro.org', 'businesskorea.co.kr',
  // Japan
  'japantimes.co.jp', 'nikkei.com', 'asahi.com', 'mainichi.jp', 'yomiuri.co.jp',
  'kyodonews.net', 'japantoday.com', 'jiji.com',
  // China, Hong Kong, Taiwan
  'scmp.com', 'hongkongfp.com', 'rthk.hk', 'thestandard.com.hk', 'caixinglobal.com', 'sixthtone.com',
  'globaltimes.cn', 'chinadaily.com.cn', 'xinhuanet.com', 'news.cn', 'cgtn.com', 'taipeitimes.com',
  'focustaiwan.tw', 'taiwannews.com.tw', 'theinitium.com',
  // South and Southeast Asia, Oceania
  'straitstimes.com', 'channelnewsasia.com', 'todayonline.com', 'thestar.com.my', 'malaymail.com',
  'bangkokpost.com', 'nationthailand.com', 'inquirer.net', 'philstar.com', 'rappler.com',
  'thejakartapost.com', 'tempo.co', 'vnexpress.net', 'irrawaddy.com', 'frontiermyanmar.net',
  'thehindu.com', 'hindustantimes.com', 'indianexpress.com', 'timesofindia.indiatimes.com', 'ndtv.com',
  'theprint.in', 'scroll.in', 'dawn.com', 'thedailystar.net', 'smh.com.au', 'theage.com.au',
  'theaustralian.com.au', 'afr.com', 'nzherald.co.nz', 'rnz.co.nz', 'stuff.co.nz', 'lowyinstitute.org',
  // Latin America and Africa (English-language editions)
  'batimes.com.ar', 'mercopress.com', 'riotimesonline.com', 'mexiconewsdaily.com', 'news24.com',
  'dailymaverick.co.za', 'mg.co.za', 'premiumtimesng.com', 'punchng.com', 'nation.africa',
  'theeastafrican.co.ke', 'allafrica.com',
];

export const NEWS_SITE_MATCHES: string[] = [...new Set(NEWS_SITES)].map((host) => `https://*.${host}/*`);

/** Test builds (`npm run build:test`) also treat loopback pages as news sites. */
export const LOOPBACK_MATCHES: string[] = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The article script's file in the built extension (entrypoints/article → an unlisted script). */
export const ARTICLE_SCRIPT = 'article.js';
/** The default look of the marks, injected with the article script (generated in wxt.config.ts). */
export const ARTICLE_CSS = 'article.css';
