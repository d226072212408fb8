/**
 * Relative locations: "10 km north of Mosul", "south of Kirkuk city", "near Nimrud", "on the outskirts of
 * Erbil", "Mosul's northeast", and, with no anchor named, "a few kilometers to the south" (anchored on
 * the place last named). ACLED codes all of these with geo precision 2 at the anchor (or, with a
 * distance and bearing, at the offset point).
 */
import { EARTH_RADIUS_KM } from '../../core/geo.js';

export interface Relation {
  /** Where the relative phrase is in the text. */
  start: number;
  end: number;
  /** Degrees clockwise from north, when a direction is given. */
  bearing: number | null;
  /** Kilometres, when a distance is given ("a few" kilometres counts as 3). */
  km: number | null;
}

const DIRS: Record<string, number> = {
  north: 0, northern: 0, northeast: 45, 'north-east': 45, northeastern: 45, 'north-eastern': 45, east: 90, eastern: 90,
  southeast: 135, 'south-east': 135, southeastern: 135, 'south-eastern': 135, south: 180, southern: 180, southwest: 225,
  'south-west': 225, southwestern: 225, 'south-western': 225, west: 270, western: 270, northwest: 315, 'north-west': 315,
  northwestern: 315, 'north-western': 315,
};
const DIR = '(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?';
const UNIT = '(km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|mi|meters|metres|m)';
const AMOUNT = '(\\d+(?:[.,]\\d+)?(?:\\s*(?:-|to)\\s*\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|a few|few|several|some \\d+|about \\d+|around \\d+|nearly \\d+|roughly \\d+|approximately \\d+)';
const TYPE_OF = '(?:(?:the\\s+)?(?:town|city|village|district|province|camp|area|center|centre)\\s+of\\s+)?';

// Anchored before the name: "... 10 km north of |Mosul".
const OFFSET_BEFORE = new RegExp(`${AMOUNT}\\s*-?\\s*${UNIT}\\s*\\(?[^()]{0,20}?\\)?\\s+(?:to\\s+the\\s+)?${DIR}\\s+(?:of|from)\\s+(?:the\\s+)?${TYPE_OF}$`, 'i');
const DIRECTION_BEFORE = new RegExp(`\\b${DIR}\\s+(?:of|from)\\s+(?:the\\s+)?${TYPE_OF}$`, 'i');
const NEAR_BEFORE = new RegExp(
  `\\b(?:near|nearby|outside(?:\\s+of)?|close\\s+to|around|just\\s+outside|(?:on|in|at)\\s+the\\s+(?:outskirts|edge|edges|fringes|periphery|vicinity|suburbs|environs)\\s+of|(?:outskirts|vicinity|suburbs|environs)\\s+of|not\\s+far\\s+from|(?:parts|areas|villages|countryside)\\s+(?:of|around)|${DIR}\\s+(?:part|parts|side|outskirts|edge|suburbs)\\s+of)\\s+(?:the\\s+)?${TYPE_OF}$`,
  'i',
);
// After the name: "Mosul|'s northeast", "Kirkuk|'s southern outskirts".
const POSSESSIVE_AFTER = new RegExp(`^['’]s\\s+${DIR}(?:\\s+(?:outskirts|edge|suburbs|neighbou?rhoods?|districts?|parts?|side|flank|countryside|approaches))?\\b`, 'i');
// No anchor: "a few kilometres to the south", "5 km to the east".
const FREE_OFFSET = new RegExp(`\\b${AMOUNT}\\s*-?\\s*${UNIT}\\s+(?:to\\s+the\\s+)?${DIR}\\b(?!\\s+(?:of|from)\\b)`, 'gi');

const WORD_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, few: 3, 'a few': 3, several: 5,
};

function amountKm(amount: string, unit: string): number | null {
  const a = amount.toLowerCase().replace(/^(?:some|about|around|nearly|roughly|approximately)\s+/, '');
  let n: number | undefined;
  const range = /^(\d+(?:[.,]\d+)?)\s*(?:-|to)\s*(\d+)/.exec(a);
  if (range) n = (Number(range[1]!.replace(',', '.')) + Number(range[2])) / 2;
  else if (/^\d/.test(a)) n = Number(a.replace(',', '.'));
  else n = WORD_NUMBERS[a];
  if (n === undefined || !Number.isFinite(n)) return null;
  const u = unit.toLowerCase();
  if (u.startsWith('mi')) return n * 1.609;
  if (u === 'm' || u.startsWith('met')) return n / 1000;
  return n;
}

function bearingOf(dir: string | undefined): number | null {
  if (!dir) return null;
  return DIRS[dir.toLowerCase()] ?? DIRS[dir.toLowerCase().replace('-', '')] ?? null;
}

/** The relation a place name stands in, from the words right before and after it in its sentence. */
export function relationAround(text: string, sentenceStart: number, start: number, end: number, sentenceEnd: number): Relation | null {
  const before = text.slice(Math.max(sentenceStart, start - 90), start);
  let m = OFFSET_BEFORE.exec(before);
  if (m) {
    const from = start - before.length + m.index;
    return { start: from, end, bearing: bearingOf(m[3]), km: amountKm(m[1]!, m[2]!) };
  }
  m = DIRECTION_BEFORE.exec(before);
  if (m) return { start: start - before.length + m.index, end, bearing: bearingOf(m[1]), km: null };
  m = NEAR_BEFORE.exec(before);
  if (m) return { start: start - before.length + m.index, end, bearing: bearingOf(m[1]), km: null };
  const after = text.slice(end, Math.min(sentenceEnd, end + 50));
  m = POSSESSIVE_AFTER.exec(after);
  if (m) return { start, end: end + m[0].length, bearing: bearingOf(m[1]), km: null };
  return null;
}

/** Offsets with no anchor in a sentence ("a few kilometers to the south"). */
export function freeOffsets(text: string, start: number, end: number): Relation[] {
  const out: Relation[] = [];
  const s = text.slice(start, end);
  FREE_OFFSET.lastIndex = 0;
  for (let m = FREE_OFFSET.exec(s); m; m = FREE_OFFSET.exec(s)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, bearing: bearingOf(m[3]), km: amountKm(m[1]!, m[2]!) });
  }
  return out;
}

/** The point `km` kilometres from (lat, lon) on a bearing (great circle). */
export function offsetPoint(lat: number, lon: number, bearing: number, km: number): { lat: number; lon: number } {
  const R = EARTH_RADIUS_KM;
  const d = km / R;
  const b = (bearing * Math.PI) / 180;
  const p1 = (lat * Math.PI) / 180;
  const l1 = (lon * Math.PI) / 180;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return { lat: round((p2 * 180) / Math.PI), lon: round(((((l2 * 180) / Math.PI + 540) % 360) - 180)) };
}
