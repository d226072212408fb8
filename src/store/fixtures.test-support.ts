/**
 * Hand-built analysis records for the store tests, written for them (no extractor runs, so the store's
 * tests do not move when the extractors change). Every layer is filled, nested spans included.
 */
import type { AnalysisRecord } from '../analyze/output.js';

export interface Fixture {
  record: AnalysisRecord;
  text: string;
}

/** The span of the n-th occurrence (0-based) of `needle` in `text`. */
function at(text: string, needle: string, n = 0): { start: number; end: number; text: string } {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture: ${JSON.stringify(needle)} (#${n}) is not in the text`);
  }
  return { start: i, end: i + needle.length, text: needle };
}

/** One sentence per non-empty line, each its own paragraph; boilerplate lines are sentences of kind boilerplate. */
function lineSentences(text: string, boilerLines: string[]): AnalysisRecord['sentences'] {
  const out: AnalysisRecord['sentences'] = [];
  let offset = 0;
  let tokens = 0;
  text.split('\n').forEach((line, p) => {
    if (line.trim() !== '') {
      const words = line.split(/\s+/).filter(Boolean).length;
      out.push({
        start: offset,
        end: offset + line.length,
        text: line,
        index: out.length,
        paragraph: p,
        kind: boilerLines.includes(line) ? 'boilerplate' : 'text',
        tokenStart: tokens,
        tokenEnd: tokens + words,
      });
      tokens += words;
    }
    offset += line.length + 1;
  });
  return out;
}

function base(id: string, text: string, over: Partial<AnalysisRecord>): AnalysisRecord {
  return {
    id,
    published: null,
    publishedFrom: null,
    title: null,
    source: null,
    url: null,
    format: 'jsonl',
    length: text.length,
    boilerplate: [],
    sentences: lineSentences(text, []),
    times: [],
    places: [],
    quantities: [],
    events: [],
    ...over,
  };
}

const RIVER_TEXT = [
  'date 2016-10-24',
  'HAMMAM AL-ALIL, Iraq — Government troops pushed into the village of Shura on Sunday after a night of heavy clashes, a military spokesman said.',
  'At least 15 militants were killed in the fighting, the spokesman added. Émigré “quotes” and 🚩 emoji stay as they are.',
  'Share this story with your friends',
].join('\n');

/** A dated wire report with every layer, from an outlet given as source. */
export function riverReport(): Fixture {
  const t = RIVER_TEXT;
  const source = at(t, 'a military spokesman');
  return {
    text: t,
    record: base('river-1', t, {
      published: '2016-10-24',
      publishedFrom: 'text-date-line',
      title: 'Troops push into Shura after night of clashes',
      source: 'Tigris Wire',
      url: 'https://tigriswire.example/2016/10/24/shura',
      sentences: lineSentences(t, ['date 2016-10-24', 'Share this story with your friends']),
      boilerplate: [
        { ...at(t, 'date 2016-10-24'), kind: 'date-line' },
        { ...at(t, 'Share this story with your friends'), kind: 'share-prompt' },
      ],
      times: [{ ...at(t, 'Sunday'), type: 'DATE', value: '2016-10-23' }, { ...at(t, 'a night'), type: 'TIME', value: '2016-10-22TNI', mod: 'APPROX' }],
      places: [
        { ...at(t, 'HAMMAM AL-ALIL'), name: 'Hammam al-Alil', lat: 36.16, lon: 43.26, country: 'IQ', admin1: 'Nineveh', geonameId: 97783, kind: 'city' },
        { ...at(t, 'Iraq'), name: 'Iraq', lat: 33, lon: 44, country: 'IQ', admin1: null, geonameId: 99237, kind: 'country' },
        { ...at(t, 'Shura'), name: 'Ash Shura', lat: 36.0, lon: 43.2, country: 'IQ', admin1: 'Nineveh', geonameId: null, kind: 'city' },
      ],
      quantities: [{ ...at(t, 'At least 15'), low: 15, high: null, best: 15, approx: false, what: 'militants' }],
      events: [
        {
          ...at(t, 'Government troops pushed into the village of Shura'),
          type: 'Battles',
          subType: 'Armed clash',
          date: { start: '2016-10-23', end: '2016-10-23', precision: 1 },
          location: { name: 'Ash Shura', lat: 36.0, lon: 43.2, country: 'IQ', admin1: 'Nineveh', precision: 1 },
          actor1: { name: 'Military Forces of Iraq', inter: 1 },
          actor2: { name: 'Islamic State', inter: 2 },
          fatalities: { low: 15, best: 15, high: null },
          sources: [source],
          certainty: 'reported',
          evidence: [at(t, 'Government troops pushed into the village of Shura'), at(t, 'At least 15 militants were killed')],
        },
      ],
    }),
  };
}

const CAMP_TEXT = [
  'Aid workers at a camp east of the city said nearly 3,000 families had arrived in the past week.',
  'Tents and water were running short, according to a camp manager who asked not to be named.',
].join('\n');

/** An undated piece from a second outlet, with a hedged figure and no events. */
export function campReport(): Fixture {
  const t = CAMP_TEXT;
  return {
    text: t,
    record: base('camp-1', t, {
      source: 'Harbor Post',
      title: null,
      times: [{ ...at(t, 'the past week'), type: 'DURATION', value: 'P1W' }],
      quantities: [{ ...at(t, 'nearly 3,000'), low: null, high: 3000, best: 3000, approx: true, what: 'families' }],
    }),
  };
}

const STRIKE_TEXT = [
  'date 2016-11-02',
  'An air strike hit a market in the town of Tel Kaif on Wednesday, residents said. Two civilians died and several were wounded, a local official told reporters.',
].join('\n');

/** A report known only by its URL (no source given): the outlet comes from the host name. */
export function strikeReport(): Fixture {
  const t = STRIKE_TEXT;
  return {
    text: t,
    record: base('strike-1', t, {
      published: '2016-11-02',
      publishedFrom: 'text-date-line',
      url: 'https://www.northern-ledger.example/news/tel-kaif-market',
      title: 'Market hit in Tel Kaif',
      format: 'html',
      boilerplate: [{ ...at(t, 'date 2016-11-02'), kind: 'date-line' }],
      times: [{ ...at(t, 'Wednesday'), type: 'DATE', value: '2016-11-02' }],
      places: [{ ...at(t, 'Tel Kaif'), name: 'Tall Kayf', lat: 36.49, lon: 43.12, country: 'IQ', admin1: 'Nineveh', geonameId: 98245, kind: 'city' }],
      quantities: [{ ...at(t, 'Two'), low: 2, high: 2, best: 2, approx: false, what: 'civilians' }],
      events: [
        {
          ...at(t, 'An air strike hit a market'),
          type: 'Explosions/Remote violence',
          subType: 'Air/drone strike',
          date: { start: '2016-11-02', end: '2016-11-02', precision: 1 },
          location: { name: 'Tall Kayf', lat: 36.49, lon: 43.12, country: 'IQ', admin1: 'Nineveh', precision: 1 },
          actor1: null,
          actor2: { name: 'Civilians', inter: 7 },
          fatalities: { low: 2, best: 2, high: 2 },
          sources: [at(t, 'residents'), at(t, 'a local official')],
          certainty: 'unverified',
        },
      ],
    }),
  };
}

export function allFixtures(): Fixture[] {
  return [riverReport(), campReport(), strikeReport()];
}

/** The record with a span outside the text in its last layer: valid until the events are written. */
export function brokenReport(): Fixture {
  const f = strikeReport();
  const ev = f.record.events[0]!;
  f.record = { ...f.record, id: 'broken-1', events: [{ ...ev, end: f.text.length + 10 }] };
  f.text = f.text.replace('market', 'bazaar');
  f.record.events[0]!.text = f.text.slice(ev.start, f.text.length);
  // Keep the earlier layers consistent with the changed text so only the event is wrong.
  f.record.sentences = lineSentences(f.text, ['date 2016-11-02']);
  f.record.times = f.record.times.map((x) => ({ ...x, text: f.text.slice(x.start, x.end) }));
  f.record.places = f.record.places.map((x) => ({ ...x, text: f.text.slice(x.start, x.end) }));
  f.record.quantities = f.record.quantities.map((x) => ({ ...x, text: f.text.slice(x.start, x.end) }));
  return f;
}
