/**
 * The queries of `npm run bench:load` (./load.ts): what a desk asks `GET /api/events` (or the points and
 * timeline routes) for, either one desk's 400 queries cycled or every request a filter not asked before.
 */
import { rng } from './corpus.js';

const COUNTRIES = ['IQ', 'SY', 'YE', 'UA', 'SD', 'AF', 'SO', 'ML'];
const TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments'];
const WORDS = ['market', 'killed', 'shelling', 'convoy', 'hospital', 'checkpoint', 'drone', 'school', 'bakery', 'mortar', 'rocket', 'civilians', 'soldiers', 'children', 'protest', 'siege', 'strike', 'artillery'];
const ACTORS = ['forces', 'military', 'police', 'army', 'militia', 'rebels', 'protesters', 'state', 'civilians'];
const OUTLETS = ['Tigris Wire', 'Levant Dispatch', 'Horn Monitor', 'Steppe Bulletin', 'Sahel Herald', 'Field Desk Daily', 'Frontline Report'];
const CERTAINTY = ['reported', 'confirmed', 'unverified', 'disputed', 'denied'];
const SORT_KEYS = ['date', 'date', '-date', '-deaths', 'deaths', '-outlets'];

/**
 * `--mix repeat`: the 400 queries of one desk, cycled (a server keeps their results: the warm case).
 * `--mix varied` (the default): every request a filter not asked before — one to three of country, type,
 * actor, outlet, period, certainty, corroboration, full text and an area, with a sort — so no result kept
 * by the server is reused: the cold case.
 */
export function queries(mix: string, n: number, route: string): string[] {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const base = route === 'timeline' ? '/api/events/timeline' : route === 'points' ? '/api/events/points' : '/api/events';
  const page: Record<string, string> = route === 'events' ? { limit: '100' } : {};
  if (mix === 'repeat') {
    const out: string[] = [];
    for (let i = 0; i < 400; i++) {
      const y = 2015 + Math.floor(r() * 8);
      const kinds: Record<string, string>[] = [
        { country: pick(COUNTRIES) },
        { country: pick(COUNTRIES), type: pick(TYPES.slice(0, 4)) },
        { q: pick(WORDS.slice(0, 7)) },
        { since: `${y}-01-01`, until: `${y}-06-30` },
        { minOutlets: '2' },
        { bbox: '35,25,50,40', sort: '-deaths' },
        { actor: 'forces', type: pick(TYPES.slice(0, 4)) },
        { country: pick(COUNTRIES), q: pick(WORDS.slice(0, 7)), sort: '-date' },
      ];
      out.push(`${base}?${new URLSearchParams({ ...kinds[i % kinds.length]!, ...page })}`);
    }
    return out;
  }
  const day = (d: number) => new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
  const dims: (() => Record<string, string>)[] = [
    () => ({ country: r() < 0.8 ? pick(COUNTRIES) : `${pick(COUNTRIES)},${pick(COUNTRIES)}` }),
    () => ({ type: pick(TYPES) }),
    () => ({ actor: pick(ACTORS) }),
    () => ({ outlet: pick(OUTLETS) }),
    () => {
      const start = Math.floor(r() * 8 * 365);
      return { since: day(start), until: day(start + 7 + Math.floor(r() * 360)) };
    },
    () => ({ certainty: pick(CERTAINTY) }),
    () => ({ minOutlets: String(2 + Math.floor(r() * 3)) }),
    () => ({ q: pick(WORDS) }),
    () => {
      const w = Math.round(-20 + r() * 70);
      const s = Math.round(5 + r() * 40);
      return { bbox: `${w},${s},${w + 5 + Math.round(r() * 20)},${s + 5 + Math.round(r() * 15)}` };
    },
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (let tries = 0; out.length < n && tries < n * 50; tries++) {
    const q: Record<string, string> = {};
    const k = 1 + Math.floor(r() * 3);
    for (let i = 0; i < k; i++) Object.assign(q, pick(dims)());
    if (route === 'events') {
      const s = pick(SORT_KEYS);
      if (s !== 'date') q.sort = s;
    }
    const url = `${base}?${new URLSearchParams({ ...q, ...page })}`;
    if (seen.has(url)) continue;
    seen.add(url);
    out.push(url);
  }
  return out;
}
