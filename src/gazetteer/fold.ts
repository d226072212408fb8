/**
 * Name keys for gazetteer matching. The same functions build the index and read the text, so a name
 * matches whenever both sides fold to the same key.
 *
 * - `exactKey`: case, diacritics, apostrophes and punctuation folded ("Musá Qal‘ah" → "musa qalah",
 *   "St. Marys" → "st marys", "Saint-Denis" → "st denis").
 * - `looseKey`: transliteration-tolerant on top of that: Arabic/Persian articles and ezafe dropped
 *   (al-, el-, ad-, ash-, -e, -ye), spaces and hyphens removed, q→k, ou/oo/o→u, e/y→i, ow→aw, dh→d, ph→f,
 *   doubled letters single, a final -ah → -a and -eh → -e, -iyah → -ia. "Al-Qayyarah" and "Qayyara" share one.
 * - `skeleton`: consonants only (no vowels, h, w, y). Far too lossy for an index; used to compare a name
 *   against a handful of candidates that containment already narrowed ("Charbolak district, Balkh").
 */

const SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ı: 'i', þ: 'th', Þ: 'th',
  œ: 'oe', Œ: 'oe', ð: 'd', Ð: 'd', ħ: 'h', ŧ: 't',
};
const SPECIAL_RE = /[ßæÆøØđĐłŁıþÞœŒðÐħŧ]/gu;
// Apostrophe-like marks (Arabic ʿayn and hamza transliterations, curly quotes) vanish inside a name.
const APOSTROPHES = /['’‘`´ʼʻʽʾʿˈ′]/gu;
const ABBREVIATIONS: Record<string, string> = { saint: 'st', ste: 'st', sainte: 'st', mount: 'mt', fort: 'ft' };

const ASCII = /^[\x20-\x7e]*$/;

// Texts repeat names: fold each once (bounded, so a long run never grows memory without limit).
const MEMO_LIMIT = 200_000;
const exactMemo = new Map<string, string>();
const looseMemo = new Map<string, string>();
function remember(memo: Map<string, string>, k: string, v: string): string {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(k, v);
  return v;
}

export function exactKey(name: string): string {
  const hit = exactMemo.get(name);
  return hit !== undefined ? hit : remember(exactMemo, name, computeExactKey(name));
}

function computeExactKey(name: string): string {
  let s = name;
  // Most names are plain ASCII: skip the Unicode decomposition for them (the build folds a million).
  if (!ASCII.test(s)) s = s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
  s = s.toLowerCase();
  s = s.replace(APOSTROPHES, '');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (s === '') return s;
  const words = s.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const a = ABBREVIATIONS[w];
    if (a !== undefined) words[i] = a;
  }
  return words.join(' ');
}

// Articles and ezafe particles written as separate words once hyphens are spaces.
const PARTICLES = new Set([
  'al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'adh', 'ath', 'ud', 'ul', 'ed', 'es', 'et', 'ez', 'ur',
  'e', 'i', 'ye', 'yi', 'y',
]);

export function looseKey(name: string): string {
  const hit = looseMemo.get(name);
  return hit !== undefined ? hit : remember(looseMemo, name, computeLooseKey(name));
}

function computeLooseKey(name: string): string {
  const exact = exactKey(name);
  if (exact === '') return '';
  const words = exact.split(' ');
  // Keep a lone particle ("Ar") rather than reducing the key to nothing.
  const kept = words.length > 1 ? words.filter((w, i) => !(PARTICLES.has(w) && (i < words.length - 1 || w.length <= 2))) : words;
  let s = (kept.length ? kept : words).join('');
  s = s
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'd')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/ow/g, 'aw')
    .replace(/ou|oo/g, 'u')
    .replace(/o/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/[ey]/g, 'i');
  s = s.replace(/(.)\1+/g, '$1');
  // Final -ah/-eh/-e are one Persian/Arabic ending ("Qal'ah"/"Qala", "Obeh"/"Obe").
  s = s.replace(/iah$/, 'ia').replace(/ah$/, 'a').replace(/ih$/, 'i');
  return s;
}

export function skeleton(name: string): string {
  return looseKey(name).replace(/[aeiouwyh]/g, '');
}

/** Edit distance (Levenshtein with adjacent transpositions), for comparing keys of a few candidates. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** Similarity in [0, 1] of two names by their loose keys (1 = same key). */
export function nameSimilarity(a: string, b: string): number {
  const ka = looseKey(a);
  const kb = looseKey(b);
  if (ka === kb) return 1;
  const d = editDistance(ka, kb);
  return 1 - d / Math.max(ka.length, kb.length, 1);
}

/** True when the name is written in Latin script (with diacritics), the only script news in English uses. */
export function isLatinName(name: string): boolean {
  return /\p{L}/u.test(name) && !/[^\p{Script=Latin}\p{M}\p{N}\s'’‘`´ʼʻʽʾʿ.,()&/-]/u.test(name);
}

/** FNV-1a over UTF-16 code units: the hash of the index's key table. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
