/**
 * The benchmark corpus: synthetic but realistic conflict reports, generated deterministically from a seed
 * out of templates written for sitrep. Real place names and the usual actors of several conflicts, wire
 * style datelines or `date` lines (and some undated pieces), hedged figures, attributions, quotes, relative
 * dates, headings, bullets and page furniture — the things the extractors spend their time on. No text is
 * taken from any article or data set.
 */

export interface BenchArticle {
  id: string;
  title: string;
  source: string;
  /** YYYY-MM-DD, or null for an undated piece. */
  published: string | null;
  text: string;
  words: number;
}

export interface CorpusOptions {
  articles: number;
  seed: number;
  minWords: number;
  maxWords: number;
  /** Publication days fall from 1 January 2015 to this many days later (a desk following one war: a few months). */
  spanDays: number;
  /** Use only the first N theatres (fewer theatres: more reports of the same places and days). */
  theatres: number;
}

export const DEFAULT_CORPUS: CorpusOptions = { articles: 300, seed: 2016, minWords: 300, maxWords: 800, spanDays: 8 * 365, theatres: 8 };

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; the same seed gives the same corpus everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Theatre {
  country: string;
  capital: string;
  province: string;
  cities: string[];
  districts: string[];
  state: string;
  stateShort: string;
  armed: string;
  armedShort: string;
  ministry: string;
  aircraft: string;
}

const THEATRES: Theatre[] = [
  {
    country: 'Iraq', capital: 'Baghdad', province: 'Nineveh province',
    cities: ['Mosul', 'Tal Afar', 'Qayyarah', 'Bartella', 'Hamdaniya', 'Erbil', 'Kirkuk', 'Sinjar'],
    districts: ['the Gogjali district', 'the old city', 'the eastern neighbourhoods', 'the university quarter'],
    state: 'Iraqi counter-terrorism forces', stateShort: 'Iraqi troops',
    armed: 'Islamic State militants', armedShort: 'the militants', ministry: 'the Iraqi defence ministry',
    aircraft: 'coalition aircraft',
  },
  {
    country: 'Syria', capital: 'Damascus', province: 'Aleppo province',
    cities: ['Aleppo', 'Idlib', 'Manbij', 'Raqqa', 'Hama', 'Deir ez-Zor', 'Homs', 'Azaz'],
    districts: ['the eastern quarters', 'the industrial zone', 'the old souk', 'the southern outskirts'],
    state: 'Syrian government forces', stateShort: 'government troops',
    armed: 'rebel factions', armedShort: 'the rebels', ministry: 'the Syrian army command',
    aircraft: 'Russian warplanes',
  },
  {
    country: 'Yemen', capital: 'Sanaa', province: 'Taiz governorate',
    cities: ['Taiz', 'Hodeidah', 'Marib', 'Aden', 'Saada', 'Hajjah', 'Mokha'],
    districts: ['the port area', 'the central market', 'the northern suburbs', 'the airport road'],
    state: 'pro-government forces', stateShort: 'government fighters',
    armed: 'Houthi fighters', armedShort: 'the Houthis', ministry: 'the Saudi-led coalition',
    aircraft: 'coalition jets',
  },
  {
    country: 'Ukraine', capital: 'Kyiv', province: 'Donetsk region',
    cities: ['Bakhmut', 'Avdiivka', 'Kharkiv', 'Kherson', 'Zaporizhzhia', 'Kramatorsk', 'Sloviansk', 'Izium'],
    districts: ['the railway station area', 'the western districts', 'the industrial zone', 'the city centre'],
    state: 'Ukrainian forces', stateShort: 'Ukrainian troops',
    armed: 'Russian forces', armedShort: 'Russian troops', ministry: 'the Ukrainian general staff',
    aircraft: 'Russian drones',
  },
  {
    country: 'Sudan', capital: 'Khartoum', province: 'North Darfur',
    cities: ['El Fasher', 'Omdurman', 'Nyala', 'El Geneina', 'Khartoum', 'Wad Madani', 'Kadugli'],
    districts: ['the main market', 'the displacement camps', 'the southern districts', 'the army headquarters'],
    state: 'the Sudanese Armed Forces', stateShort: 'army units',
    armed: 'the Rapid Support Forces', armedShort: 'the paramilitaries', ministry: 'the army spokesman',
    aircraft: 'army aircraft',
  },
  {
    country: 'Afghanistan', capital: 'Kabul', province: 'Helmand province',
    cities: ['Lashkar Gah', 'Kunduz', 'Ghazni', 'Kandahar', 'Jalalabad', 'Herat', 'Sangin'],
    districts: ['the police headquarters', 'the bazaar', 'the outskirts', 'the provincial council compound'],
    state: 'Afghan security forces', stateShort: 'Afghan soldiers',
    armed: 'Taliban fighters', armedShort: 'the insurgents', ministry: 'the Afghan interior ministry',
    aircraft: 'Afghan air force helicopters',
  },
  {
    country: 'Somalia', capital: 'Mogadishu', province: 'Lower Shabelle',
    cities: ['Mogadishu', 'Baidoa', 'Kismayo', 'Beledweyne', 'Afgooye', 'Marka'],
    districts: ['the Bakara market', 'a hotel near the airport', 'the checkpoint district', 'the seafront'],
    state: 'Somali government troops', stateShort: 'Somali soldiers',
    armed: 'al-Shabaab fighters', armedShort: 'the militants', ministry: 'the Somali security ministry',
    aircraft: 'US drones',
  },
  {
    country: 'Mali', capital: 'Bamako', province: 'the Mopti region',
    cities: ['Mopti', 'Gao', 'Timbuktu', 'Menaka', 'Djenne', 'Sevare'],
    districts: ['the river port', 'the market', 'an army camp', 'the villages along the road'],
    state: 'Malian soldiers', stateShort: 'the army',
    armed: 'jihadist fighters', armedShort: 'the gunmen', ministry: 'the Malian army',
    aircraft: 'army helicopters',
  },
];

const OUTLETS = ['Tigris Wire', 'Levant Dispatch', 'Horn Monitor', 'Steppe Bulletin', 'Sahel Herald', 'Field Desk Daily', 'Frontline Report'];
const ORGS = ['the United Nations', 'the International Committee of the Red Cross', 'the World Health Organization',
  'the International Organization for Migration', 'Medecins Sans Frontieres', 'the Norwegian Refugee Council', 'UNICEF'];
const OFFICIALS = ['a military spokesman', 'a local official', 'a senior commander', 'the provincial governor',
  'a police officer who asked not to be named', 'a hospital director', 'residents', 'two security sources'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const DIRS = ['north', 'south', 'east', 'west', 'north-east', 'south-west'];
const VICTIMS = ['civilians', 'soldiers', 'fighters', 'people', 'police officers', 'children', 'aid workers'];
const SITES = ['a crowded market', 'a school used as a shelter', 'a hospital compound', 'a bakery', 'a bus station', 'a checkpoint', 'a mosque'];
const WEAPONS = ['an air strike', 'a mortar round', 'a rocket', 'a roadside bomb', 'artillery fire', 'a drone'];
const NAMES = ['Ahmed', 'Yusuf', 'Fatima', 'Olena', 'Abdullah', 'Mariam', 'Ibrahim', 'Serhiy', 'Amina', 'Hassan'];
const QUOTES = [
  'We are moving street by street and they are falling back',
  'There is no water and the bread ran out three days ago',
  'We heard the planes all night and nobody slept',
  'The road is open in the morning and closed again by the afternoon',
  'Our people need food and medicine, not promises',
  'We will not withdraw until the town is secure',
  'Nobody knows how many are still under the rubble',
];
const DEMANDS = ['an end to the siege', 'the release of detainees', 'salaries that are months overdue', 'protection for displaced families'];
const BOILERPLATE = ['Share this article', 'Sign up for our daily briefing.', 'Read more: our coverage of the conflict', 'Photo: staff photographer / Field Desk'];

export function generateCorpus(opts: Partial<CorpusOptions> = {}): BenchArticle[] {
  const o = { ...DEFAULT_CORPUS, ...opts };
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const fmt = (n: number) => n.toLocaleString('en-US');
  const out: BenchArticle[] = [];

  for (let i = 0; i < o.articles; i++) {
    const th = pick(THEATRES.slice(0, Math.max(1, Math.min(THEATRES.length, o.theatres))));
    const source = pick(OUTLETS);
    const day = new Date(Date.UTC(2015, 0, 1) + int(0, Math.max(0, o.spanDays)) * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const month = MONTHS[day.getUTCMonth()]!;
    const [city, city2, city3] = shuffle(th.cities, r);
    const wd = (back: number) => WEEKDAYS[(day.getUTCDay() + 6 - back + 7) % 7]!;
    const earlier = new Date(day.getTime() - int(3, 25) * 86_400_000);
    const earlierText = `${MONTH_ABBR[earlier.getUTCMonth()]} ${earlier.getUTCDate()}`;
    const count = () =>
      pick([
        () => `at least ${int(3, 60)}`, () => `${int(2, 40)}`, () => `about ${int(2, 30) * 10}`, () => `nearly ${fmt(int(10, 90) * 100)}`,
        () => `dozens of`, () => `between ${int(5, 15)} and ${int(16, 40)}`, () => `up to ${fmt(int(2, 9) * 1000)}`, () => `more than ${fmt(int(2, 60) * 1000)}`,
      ])();
    const paragraphs: (() => string)[] = [
      () => `${cap(th.state)} launched an assault on ${pick(th.districts)} of ${city} before dawn on ${wd(int(1, 3))}, after ${int(2, 6)} hours of artillery fire, ${pick(OFFICIALS)} said.`,
      () => `${cap(count())} ${pick(VICTIMS)} were killed and ${int(5, 80)} wounded when ${pick(WEAPONS)} hit ${pick(SITES)} in ${city2} on ${wd(int(1, 4))}, according to ${pick(ORGS)}.`,
      () => `${cap(pick(ORGS))} said ${count()} people had fled ${city} since ${earlierText}, most of them heading toward ${city3}, about ${int(15, 120)} kilometres to the ${pick(DIRS)}.`,
      () => `"${pick(QUOTES)}," ${pick(OFFICIALS)} told reporters in ${city3} on ${wd(0)}.`,
      () => `${source} could not independently verify the casualty figures.`,
      () => `Fighting also continued around ${city2}, where ${th.armed} ambushed a patrol last week, killing ${int(2, 14)} soldiers, local officials said.`,
      () => `Earlier this month, ${th.stateShort} said they had retaken ${int(3, 25)} villages on the road between ${city} and ${city3}.`,
      () => `Aid agencies warned that up to ${fmt(int(5, 400) * 1000)} civilians remained trapped in ${city}, with food and medicine running low and the last bridge out damaged.`,
      () => `Protesters gathered in ${th.capital} on ${wd(int(0, 2))} to demand ${pick(DEMANDS)}, and police fired tear gas to disperse them, witnesses said.`,
      () => `A car bomb exploded near a checkpoint on the outskirts of ${city2} on ${earlierText}, killing ${int(2, 30)} people, a police spokesman said. No group immediately claimed responsibility.`,
      () => `The United Nations said it had recorded ${int(40, 900)} civilian deaths in ${th.province} in ${month}, the highest monthly toll since ${day.getUTCFullYear() - int(1, 4)}.`,
      () => `${cap(th.armedShort)} denied the account, saying in a statement that their fighters had withdrawn from ${city2} in good order two days earlier.`,
      () => `${cap(th.aircraft)} struck positions held by ${th.armed} near ${city3} overnight, ${th.ministry} said, adding that ${int(5, 60)} fighters and ${int(2, 12)} vehicles had been destroyed.`,
      () => `Residents reached by telephone described hours of heavy shelling. "${pick(QUOTES)}," said a ${int(19, 70)}-year-old shopkeeper who gave only his first name, ${pick(NAMES)}.`,
      () => `Talks on a ceasefire are due to resume in ${th.capital} next ${pick(WEEKDAYS)}, though officials on both sides played down hopes of a breakthrough.`,
      () => `Since the offensive began in ${month} ${day.getUTCFullYear()}, more than ${fmt(int(10, 300) * 1000)} people have been displaced across ${th.country}, according to ${pick(ORGS)}.`,
      () => `What the agencies counted this week:\n- ${int(3, 40)} schools closed\n- ${int(2, 15)} health centres damaged\n- ${fmt(int(100, 5000))} families in temporary shelters`,
      () => `Background\n${cap(th.armed)} seized ${city} in ${day.getUTCFullYear() - int(1, 3)} and held it for ${int(2, 30)} months before ${th.stateShort} pushed them out of most of ${th.province}.`,
      () => `On ${wd(int(1, 5))} morning a convoy of ${int(8, 40)} trucks carrying flour, fuel and medical supplies reached ${city3}, the first in ${int(2, 9)} weeks, ${pick(ORGS)} said.`,
      () => `Hospitals in ${city3} said they had received ${int(10, 200)} wounded in the past 48 hours, many of them women and children, and were running short of blood and anaesthetics.`,
    ];
    const target = int(o.minWords, o.maxWords);
    const body: string[] = [];
    let words = 0;
    // Lead paragraph first, then a shuffled order without immediate repeats.
    let order = shuffle(paragraphs.map((_, k) => k), r);
    const lead = `${cap(th.stateShort)} and ${th.armed} fought for control of ${city} on ${wd(int(1, 2))}, ${pick(OFFICIALS)} said, as ${th.ministry} reported gains on the ${pick(DIRS)}ern edge of the city.`;
    body.push(lead);
    words += countWords(lead);
    while (words < target) {
      if (order.length === 0) order = shuffle(paragraphs.map((_, k) => k), r);
      const p = paragraphs[order.pop()!]!();
      const w = countWords(p);
      if (words + w > o.maxWords && words >= o.minWords) break;
      body.push(p);
      words += w;
    }
    if (r() < 0.4) body.push(pick(BOILERPLATE));
    const style = r();
    const agency = source.split(' ')[0]!;
    let text: string;
    let published: string | null = iso;
    if (style < 0.45) text = `date ${iso}\n\n${body.join('\n\n')}`;
    else if (style < 0.9) {
      text = `${city.toUpperCase()}, ${th.country}, ${MONTH_ABBR[day.getUTCMonth()]} ${day.getUTCDate()} (${agency}) — ${body.join('\n\n')}`;
    } else {
      text = body.join('\n\n');
      published = null;
    }
    out.push({
      id: `bench-${String(i + 1).padStart(4, '0')}`,
      title: `${cap(th.stateShort)} and ${th.armedShort} fight for ${city}`,
      source,
      published,
      text,
      words: countWords(text),
    });
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function countWords(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function shuffle<T>(xs: readonly T[], r: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Articles from a JSON Lines file (`{id, text, title?, source?, published?}` a line, as `sitrep analyze`
 * reads), repeated `repeat` times with distinct ids: to measure on real text (e.g. LGL × 4).
 */
export function corpusFromJsonl(content: string, repeat = 1): BenchArticle[] {
  const base: BenchArticle[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as { id?: unknown; text?: unknown; title?: unknown; source?: unknown; published?: unknown };
    if (typeof r.text !== 'string') continue;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    base.push({
      id: String(r.id ?? base.length + 1),
      text: r.text,
      title: str(r.title),
      source: str(r.source),
      published: typeof r.published === 'string' ? r.published : null,
      words: countWords(r.text),
    });
  }
  const out: BenchArticle[] = [];
  for (let k = 0; k < repeat; k++) for (const a of base) out.push(repeat === 1 ? a : { ...a, id: `${a.id}#${k + 1}` });
  return out;
}
