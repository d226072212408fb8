import { createHash } from 'node:crypto';
import type { ReportEvent } from '../report/model.js';
import { acledCountry } from './acled-countries.js';
import { csv, type CsvValue } from './csv.js';

/** ACLED's columns, in ACLED's order (ACLED Codebook, data export columns). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/**
 * sitrep's own columns after ACLED's: `reviewed` is the review status of the event (confirmed, corrected,
 * split; empty when no editor has reviewed it). Rejected events and events merged into another are not
 * exported.
 */
export const SITREP_COLUMNS = ['reviewed'] as const;

/**
 * ACLED's disorder type: political violence, demonstrations, or strategic developments; violence
 * against protesters is both ("Political violence; Demonstrations").
 */
export function disorderType(type: string, subType: string): string {
  if (type === 'Protests') return 'Demonstrations';
  if (type === 'Riots') return subType === 'Mob violence' ? 'Political violence' : 'Demonstrations';
  if (type === 'Strategic developments') return 'Strategic developments';
  if (subType === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  return 'Political violence';
}

/** ACLED's interaction code: the two actor types, lower first ("27" rebels and civilians); one actor gives "N0". */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 == null && inter2 == null) return null;
  if (inter1 == null || inter2 == null) return (inter1 ?? inter2)! * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

/**
 * ACLED records one date per event. For an interval we write its middle day (rounded down) and let
 * time_precision say how exact it is: 1 for a day, 2 for a few days to a week, 3 for longer.
 */
export function eventDay(d: ReportEvent['date']): string | null {
  if (!d) return null;
  const a = Date.parse(d.start + 'T00:00:00Z');
  const b = Date.parse(d.end + 'T00:00:00Z');
  const mid = a + Math.floor((b - a) / 86_400_000 / 2) * 86_400_000;
  return new Date(mid).toISOString().slice(0, 10);
}

/** A per-country event number derived from the sitrep event id: the same event gets the same ACLED id in every export. */
function eventNumber(id: string): number {
  return parseInt(createHash('sha1').update(id).digest('hex').slice(0, 8), 16) % 100_000_000;
}

export interface AcledOptions {
  /** Unix seconds written in `timestamp` (default: now). */
  timestamp?: number;
}

export function acledRow(e: ReportEvent, timestamp: number): CsvValue[] {
  const c = acledCountry(e.location?.country);
  const day = eventDay(e.date);
  const i1 = e.actor1?.inter ?? null;
  const i2 = e.actor2?.inter ?? null;
  const violent = disorderType(e.type, e.subType).startsWith('Political violence');
  const civilians = violent && (i2 === 7 || (e.type === 'Violence against civilians' && i1 !== 7)) ? 'Civilian targeting' : '';
  const first = e.sources[0];
  const said = first ? first.sentence.text.replace(/^\s*(?:[-*•]\s+)/, '').replace(/\s+/g, ' ').trim() : '';
  // ACLED says in the notes where a place it could not find was coded; so does sitrep for an unresolved place.
  const l = e.location;
  const notes = l?.unresolved ? `${said}${said ? ' ' : ''}(${l.name} not in the gazetteer: coded at ${l.area ?? l.country}, geo_precision 3)` : said;
  const row: Record<(typeof ACLED_COLUMNS)[number], CsvValue> = {
    event_id_cnty: `${c?.alpha3 ?? 'XXX'}${eventNumber(e.id)}`,
    event_date: day,
    year: day ? Number(day.slice(0, 4)) : null,
    time_precision: e.date?.precision ?? null,
    disorder_type: disorderType(e.type, e.subType),
    event_type: e.type,
    sub_event_type: e.subType,
    actor1: e.actor1?.name ?? '',
    assoc_actor_1: '',
    inter1: i1,
    actor2: e.actor2?.name ?? '',
    assoc_actor_2: '',
    inter2: i2,
    interaction: interaction(i1, i2),
    civilian_targeting: civilians,
    iso: c?.iso ?? null,
    region: c?.region ?? '',
    country: c?.name ?? e.location?.country ?? '',
    admin1: e.location?.admin1 ?? '',
    admin2: '',
    admin3: '',
    location: e.location?.name ?? '',
    latitude: e.location ? Number(e.location.lat.toFixed(4)) : null,
    longitude: e.location ? Number(e.location.lon.toFixed(4)) : null,
    geo_precision: e.location?.precision ?? null,
    source: e.outlets.join('; '),
    source_scale: '',
    notes,
    fatalities: e.fatalities.best ?? 0,
    tags: e.certainty === 'reported' || e.certainty === 'confirmed' ? '' : e.certainty,
    timestamp,
  };
  return [...ACLED_COLUMNS.map((k) => row[k]), e.review?.status ?? ''];
}

/** Merged events as an ACLED-style CSV, one row per real-world event. */
export function acledCsv(events: readonly ReportEvent[], opts: AcledOptions = {}): string {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return csv([...ACLED_COLUMNS, ...SITREP_COLUMNS], events.map((e) => acledRow(e, ts)));
}
