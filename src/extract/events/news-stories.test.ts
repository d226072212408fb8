import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { toAnalysis } from '../../analyze/output.js';

/**
 * Multi-paragraph news stories written for sitrep (testdata/events/news-*.jsonl, see the README there), with
 * the facts an analyst would record, decided before the stories were run: the main event (and a second or
 * background one) with type, sub-type, place, date, fatalities and actor 1; figures with their bound, hedge
 * and source. `KNOWN` lists the checks that still fail, each with its cause; everything else must hold.
 */

interface ExpectedEvent {
  what: string;
  type?: string[];
  subType?: string[];
  /** lat, lon, km */
  near?: [number, number, number];
  /** inclusive range the event's date must overlap */
  date?: [string, string];
  fatalities?: number | number[];
  actor1?: string;
  /** Background the story recalls (older than the reporting window): no event may be coded for it. */
  absent?: boolean;
  /** The story gives no date for it (an undated report): the event must stay undated. */
  undated?: boolean;
}
interface ExpectedFigure {
  text: string;
  low?: number | number[];
  best?: number;
  high?: number;
  approx?: boolean;
  source?: string;
}
interface Story {
  id: string;
  published?: string;
  source: string;
  text: string;
  /** `eventCount`: how many events the story tells, each incident once. */
  expect: { events: ExpectedEvent[]; figures: ExpectedFigure[]; eventCount?: number };
}

interface OutEvent {
  type: string;
  subType: string;
  date: { start: string; end: string } | null;
  location: { lat: number; lon: number } | null;
  fatalities: { low: number | null; best: number | null; high: number | null } | null;
  actor1: { name: string } | null;
}
interface OutQuantity {
  start: number;
  end: number;
  low: number | null;
  best: number | null;
  high: number | null;
  approx: boolean;
  source?: { text: string } | null;
}

const dir = new URL('../../../testdata/events/', import.meta.url);
const stories: Story[] = readdirSync(dir)
  .filter((f) => /^news-.*\.jsonl$/.test(f))
  .sort()
  .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Story));

function km(a: number, b: number, c: number, d: number): number {
  const p = Math.PI / 180;
  const x = 0.5 - Math.cos((c - a) * p) / 2 + (Math.cos(a * p) * Math.cos(c * p) * (1 - Math.cos((d - b) * p))) / 2;
  return 12742 * Math.asin(Math.sqrt(x));
}

const oneOf = (want: number | number[], got: number | null | undefined) => got != null && (Array.isArray(want) ? want : [want]).includes(got);

/** The checks of one expected event against the system event that satisfies most of them. */
function eventChecks(ge: ExpectedEvent, evs: OutEvent[]): [string, boolean][] {
  if (ge.absent) {
    const hit = evs.some((ev) => (!ge.date || (!!ev.date && ev.date.start <= ge.date[1] && ev.date.end >= ge.date[0])) &&
      (!ge.near || (!!ev.location && km(ge.near[0], ge.near[1], ev.location.lat, ev.location.lon) <= ge.near[2])));
    return [[`${ge.what}: no event`, !hit]];
  }
  let best: [string, boolean][] = [[`${ge.what}: no event`, false]];
  let bestScore = -1;
  for (const ev of evs) {
    const c: [string, boolean][] = [];
    if (ge.type) c.push([`${ge.what}: type ${ge.type.join('|')} (got ${ev.type})`, ge.type.includes(ev.type)]);
    if (ge.subType) c.push([`${ge.what}: subType ${ge.subType.join('|')} (got ${ev.subType})`, ge.subType.includes(ev.subType)]);
    if (ge.near) {
      const l = ev.location;
      c.push([`${ge.what}: place within ${ge.near[2]} km`, !!l && km(ge.near[0], ge.near[1], l.lat, l.lon) <= ge.near[2]]);
    }
    if (ge.date) {
      const d = ev.date;
      c.push([`${ge.what}: date ${ge.date.join('..')} (got ${d ? `${d.start}..${d.end}` : 'none'})`, !!d && d.start <= ge.date[1] && d.end >= ge.date[0]]);
    }
    if (ge.fatalities !== undefined) {
      const f = ev.fatalities;
      c.push([`${ge.what}: fatalities ${String(ge.fatalities)} (got ${f?.best ?? f?.low ?? 'none'})`, !!f && [f.best, f.low, f.high].some((v) => oneOf(ge.fatalities!, v))]);
    }
    if (ge.actor1) c.push([`${ge.what}: actor1 ${ge.actor1} (got ${ev.actor1?.name ?? 'none'})`, ev.actor1?.name === ge.actor1]);
    if (ge.undated) c.push([`${ge.what}: undated (got ${ev.date ? ev.date.start : 'none'})`, ev.date === null]);
    const score = c.filter(([, ok]) => ok).length;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The checks of one expected figure against the quantity on its words (the first whole-word occurrence). */
function figureChecks(text: string, fg: ExpectedFigure, qs: OutQuantity[]): [string, boolean][] {
  const m = new RegExp(`(?<![\\w,.])${fg.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`).exec(text);
  const at = m ? m.index : -1;
  const q = qs.find((x) => at >= 0 && x.start < at + fg.text.length && at < x.end);
  const name = `figure '${fg.text}'`;
  if (!q) return [[`${name}: no quantity`, false]];
  const c: [string, boolean][] = [];
  if (fg.low !== undefined) c.push([`${name}: low ${String(fg.low)} (got ${q.low})`, oneOf(fg.low, q.low)]);
  if (fg.best !== undefined) c.push([`${name}: best ${fg.best} (got ${q.best})`, q.best === fg.best]);
  if (fg.high !== undefined) c.push([`${name}: high ${fg.high} (got ${q.high})`, q.high === fg.high]);
  if (fg.approx !== undefined) c.push([`${name}: approx ${fg.approx} (got ${q.approx})`, q.approx === fg.approx]);
  if (fg.source) {
    const got = q.source?.text ?? '';
    c.push([`${name}: source ~ ${fg.source} (got ${got || 'none'})`, got.toLowerCase().includes(fg.source.toLowerCase())]);
  }
  return c;
}

/** Checks that still fail, with their cause (see docs/events.md). */
const KNOWN: Record<string, string[]> = {
  // Shares in per cent are no counts of people or things (quantities/not-a-count.ts), so they have no quantity.
  'news-haiti': ["figure 'about 80 percent': no quantity"],
  // "Bajaur district" resolves far from the district seat (places).
  'fresh-pakistan-rally': ['Bajaur rally bombing: place within 40 km'],
  // "Last year" is dated to the whole year, which ends within the reporting window, so the story's background
  // bombing is still coded (background.ts compares the end of a date with the window).
  'fresh-colombia-bomb': ['Cucuta car bomb a year before (background): no event', 'events: 1'],
  // The border village is not in the gazetteer; the event takes the sentence's other place (places).
  'fresh-lebanon-strikes': ['Aita al-Shaab strike: place within 25 km'],
};

describe('news stories: main events and figures', () => {
  for (const s of stories) {
    it(s.id, () => {
      const out = toAnalysis(analyzed(s.text, s.published ?? null, s.id)) as unknown as { events: OutEvent[]; quantities: OutQuantity[] };
      const checks = [
        ...s.expect.events.flatMap((ge) => eventChecks(ge, out.events)),
        ...s.expect.figures.flatMap((fg) => figureChecks(s.text, fg, out.quantities)),
      ];
      if (s.expect.eventCount !== undefined) checks.push([`events: ${s.expect.eventCount} (got ${out.events.length})`, out.events.length === s.expect.eventCount]);
      const failed = checks.filter(([, ok]) => !ok).map(([n]) => n.replace(/ \(got .*\)$/, ''));
      if (process.env.NEWS_REPORT) console.log(`${s.id}: ${checks.length - failed.length}/${checks.length}\n${checks.filter(([, ok]) => !ok).map(([n]) => `  FAIL ${n}`).join('\n')}`);
      expect(failed).toEqual(KNOWN[s.id] ?? []);
    });
  }
});
