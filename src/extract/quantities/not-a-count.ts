import type { Tok } from './view.js';

/**
 * Numbers that are not counts of people or things: years, dates, clock times, measures (distance,
 * weight, duration, percentage, money), ages, ordinals, phone numbers, street numbers and identifiers.
 * Each rule returns a short reason, which tests name; `null` means the number may be a count.
 */

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const UNITS_AFTER = new Set([
  // distance and area
  'km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'mile', 'miles', 'mi', 'metre', 'metres',
  'meter', 'meters', 'm', 'cm', 'mm', 'ft', 'feet', 'foot', 'yard', 'yards', 'inch', 'inches', 'hectares',
  'hectare', 'acres', 'acre', 'sq', 'square', 'km/h', 'kph', 'mph', 'knots', 'nautical',
  // weight, volume, energy
  'kg', 'kgs', 'kilogram', 'kilograms', 'kilo', 'kilos', 'g', 'grams', 'gram', 'tonnes', 'tonne', 'tons', 'ton',
  'lb', 'lbs', 'litres', 'liters', 'litre', 'liter', 'barrels', 'gallons', 'mw', 'kw', 'gw', 'megawatts', 'degrees',
  '°', '°c', '°f', 'calibre', 'caliber',
  // share
  '%', 'percent', 'per', 'pc', 'pct', 'percentage',
  // time
  'year', 'years', 'yr', 'yrs', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'hrs', 'minute',
  'minutes', 'mins', 'second', 'seconds', 'secs', 'decade', 'decades', 'century', 'centuries', 'night', 'nights',
  'a.m.', 'p.m.', 'am', 'pm', 'h', 'hr', "o'clock", 'gmt', 'utc', 'bst', 'est', 'edt', 'pst', 'hrs.',
  // money
  'dollars', 'dollar', 'usd', 'euros', 'euro', 'eur', 'pounds', 'sterling', 'rupees', 'rupee', 'yuan', 'yen',
  'shillings', 'naira', 'afghanis', 'afghani', 'dinars', 'dinar', 'riyals', 'rials', 'lira', 'liras', 'francs',
  'cedis', 'rand', 'birr', 'pesos', 'reais', 'rubles', 'roubles', 'hryvnias', 'takas', 'kyats', 'cents', 'pence',
  'bn', 'mn',
]);

const CURRENCY_BEFORE = new Set(['$', '€', '£', '¥', '₹', '₦', '₽', 'us$', 'usd', 'eur', 'rs', 'rs.', 'sh', 'ksh', 'afn', 'inr', 'gbp', 'ngn', 'aed']);

const AGE_BEFORE = new Set(['aged', 'age', 'ages']);
const ID_BEFORE = new Set([
  'no', 'no.', 'number', 'nos', '#', 'box', 'suite', 'room', 'apt', 'apartment', 'page', 'pages', 'article',
  'articles', 'section', 'chapter', 'resolution', 'flight', 'tel', 'tel.', 'phone', 'fax', 'call', 'hotline', 'ext',
  'covid', 'model', 'version', 'decree', 'paragraph', 'verse', 'psalm',
]);
/** Nouns that name a numbered thing only when written as a name ("Route 66", "District 9", "Camp 4"). */
const ID_BEFORE_CAPITALISED = new Set([
  'route', 'highway', 'road', 'district', 'zone', 'sector', 'camp', 'block', 'phase', 'unit', 'ward', 'pd', 'line',
  'bus', 'gate', 'platform', 'level', 'grade', 'class', 'game', 'match', 'round', 'stage', 'episode', 'season',
  'channel', 'law', 'act', 'bill', 'item', 'floor', 'terminal', 'building', 'hall', 'division', 'brigade', 'battalion',
]);
const STREET_AFTER = new Set([
  'street', 'st', 'st.', 'avenue', 'ave', 'ave.', 'road', 'rd', 'rd.', 'boulevard', 'blvd', 'lane', 'ln', 'drive',
  'dr', 'dr.', 'way', 'place', 'pl', 'court', 'ct', 'terrace', 'parkway', 'pkwy', 'highway', 'hwy', 'square',
]);
/** Words after a hyphen that make the number an adjective of measure ("a 19-year-old", "a 10-km convoy"). */
const HYPHEN_MEASURE = /^(year|month|week|day|hour|minute|km|kilomet|mile|meter|metre|storey|story|floor|point|man|member|strong|seat|bed|acre|hectare|ton|tonne|page|inch|foot|mm|cm|kg|second|minute)/;

export interface NumberSpan {
  /** First and one-past-last token of the figure (hedges excluded). */
  start: number;
  end: number;
  low: number;
  high: number;
  words: boolean;
}

function isYearLike(s: string): boolean {
  return /^(1[5-9]|20|21)\d\d$/.test(s);
}

/** Why the figure at [start, end) is not a count, or null. */
export function nonCountReason(toks: Tok[], n: NumberSpan): string | null {
  const first = toks[n.start]!;
  const last = toks[n.end - 1]!;
  const prev = toks[n.start - 1];
  const next = toks[n.end];
  const next2 = toks[n.end + 1];
  const raw = first.text;

  if (/[:/]/.test(raw) || /^\d+\.\d+\.\d+/.test(raw)) return 'time-or-date';
  if (/^\+/.test(raw) || /^\d{2,4}-\d{3,4}(-\d{3,4})?$/.test(raw) || /^\d{7,}$/.test(raw)) return 'phone';
  if (prev && prev.low === '+') return 'phone';
  if (first.type === 'ordinal' || /^\d+(st|nd|rd|th)$/.test(first.low)) return 'ordinal';

  if (next && MONTHS.has(next.low)) return 'date';
  if (prev && MONTHS.has(prev.low) && toks[n.start - 1]!.pos !== 'VERB') return 'date';
  if (!n.words && isYearLike(raw) && n.low === n.high) {
    const pluralNoun = next && (next.pos === 'NOUN' || next.pos === 'PROPN') && /s$/.test(next.low) && next.low !== 'elections';
    const dated = prev && ['in', 'since', 'until', 'till', 'by', 'from', 'of', 'to', 'before', 'after', 'during', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'early', 'late', 'mid', 'mid-', ',', 'year', 'summer', 'winter', 'spring', 'autumn', 'fall'].includes(prev.low);
    if (dated || !pluralNoun) return 'year';
  }

  if (next && UNITS_AFTER.has(next.low)) {
    // "per" only as "per cent"; "second" only when not an ordinal use ("a second attack" never follows a number).
    if (next.low !== 'per' || next2?.low === 'cent') return 'measure';
  }
  if (next && /^(km|kg|mm|cm|m|ft|mi|bn|mn|k)$/.test(next.low) && glue(last, next)) return 'measure';
  if (next && next.low === 'local' && next2?.low === 'time') return 'time';
  if (next && next.low === '-' && next2 && HYPHEN_MEASURE.test(next2.low) && glue(last, next)) return 'measure-adjective';
  if (prev && CURRENCY_BEFORE.has(prev.low)) return 'money';
  if (prev && prev.type === 'currency') return 'money';
  if (prev && AGE_BEFORE.has(prev.low)) return 'age';
  if (next && next.low === 'years' && next2?.low === 'old') return 'age';
  // "John Smith, 45, said": a bare number between commas after a name is an age.
  if (prev?.low === ',' && next?.low === ',' && toks[n.start - 2]?.pos === 'PROPN' && n.low < 120 && !n.words) {
    const after = toks[n.end + 1];
    if (!after || after.pos !== 'NOUN') return 'age';
  }
  if (prev && ID_BEFORE.has(prev.low)) return 'identifier';
  if (prev && ID_BEFORE_CAPITALISED.has(prev.low) && /^[A-Z]/.test(prev.text)) return 'identifier';
  // "COVID-19", "F-16", "Su-25": a number glued to a word by a hyphen.
  if (prev && prev.low === '-' && glue(prev, first) && toks[n.start - 2] && glue(toks[n.start - 2]!, prev) && /[a-z]/.test(toks[n.start - 2]!.low)) {
    return 'identifier';
  }
  if (prev && /[a-z]$/i.test(prev.text) && glue(prev, first)) return 'identifier';
  // "alert(1)", "f(2)": a number in brackets glued to a word is an argument, not a count.
  if (prev && prev.low === '(' && glue(prev, first) && toks[n.start - 2] && glue(toks[n.start - 2]!, prev) && /[a-z]$/i.test(toks[n.start - 2]!.text)) return 'identifier';
  if (next && STREET_AFTER.has(next.low) && !n.words) return 'address';
  if (next && next.pos === 'PROPN' && next2 && STREET_AFTER.has(next2.low) && !n.words) return 'address';
  if (next && next.pos === 'PROPN' && toks[n.end + 2] && STREET_AFTER.has(toks[n.end + 2]!.low) && !n.words) return 'address';
  // "Resolution 2334 was", "Camp 9 near": a capitalised name followed by a number that counts nothing.
  if (prev && prev.pos === 'PROPN' && /^[A-Z]/.test(prev.text) && !n.words && (!next || (next.pos !== 'NOUN' && next.pos !== 'PROPN' && next.pos !== 'ADJ'))) {
    if (!['.', ',', ';', ':'].includes(prev.low)) return 'identifier';
  }
  return null;
}

function glue(a: Tok, b: Tok): boolean {
  return a.end === b.start;
}
