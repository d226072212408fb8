/**
 * Wire copy: one agency story carried by several sites is one source, not several. Two signs tell it:
 *
 * - a wire credit: the agency named as the story's author — in the dateline's parenthesis ("KIRKUK, Oct. 22
 *   (Agency) —"), in the outlet name ("Daily Paper (Agency)"), in a byline ("By Jane Roe with Agency") or on
 *   a short line of its own at the top or the end of the story ("Agency", "(Agency)", "— Agency"). A photo
 *   credit ("(Agency Photo/Jane Roe)", "Image: Jane Roe/Agency") or a quotation ("told Agency") is not one:
 *   the site took a picture or a quote from the agency, not its story;
 * - shared text: the sites print the same words with their own headline, furniture or trims. A small
 *   min-hash print of the body's word five-grams estimates how much text two documents share.
 *
 * Both are computed from the document alone, so the picture stays a function of the set of documents.
 */
import { createHash } from 'node:crypto';
import { classifyLine } from '../ingest/boilerplate-rules.js';
import { wireDateline } from '../ingest/published.js';

/** Agencies by every name they are credited under, mapped to one key. */
const AGENCIES: readonly [string, RegExp][] = [
  ['ap', /^(?:AP|The Associated Press|Associated Press|AP News)$/i],
  ['afp', /^(?:AFP|Agence France[- ]Presse|Agence France Press)$/i],
  ['reuters', /^(?:Reuters|Thomson Reuters)$/i],
  ['xinhua', /^(?:Xinhua|Xinhua News Agency)$/i],
  ['anadolu', /^(?:AA|Anadolu|Anadolu Agency|Anadolu Ajansı)$/i],
  ['dpa', /^(?:dpa|Deutsche Presse[- ]Agentur)$/i],
  ['efe', /^(?:EFE|Agencia EFE)$/i],
  ['europa-press', /^(?:EP|Europa Press)$/i],
  ['ansa', /^ANSA$/],
  ['upi', /^(?:UPI|United Press International)$/i],
  ['ians', /^(?:IANS|Indo-Asian News Service)$/i],
  ['pti', /^(?:PTI|Press Trust of India)$/i],
  ['ani', /^(?:ANI|Asian News International)$/],
  ['tass', /^(?:TASS|ITAR-TASS)$/i],
  ['interfax', /^Interfax$/i],
  ['kyodo', /^(?:Kyodo|Kyodo News)$/i],
  ['yonhap', /^(?:Yonhap|Yonhap News Agency)$/i],
  ['bernama', /^Bernama$/i],
  ['antara', /^Antara$/i],
  ['apa', /^APA$/],
  ['irna', /^IRNA$/],
  ['kuna', /^KUNA$/],
  ['wam', /^WAM$/],
  ['mena', /^MENA$/],
];

/** The agency key of a name as credited ("Agence France-Presse" → "afp"), or null for any other name. */
export function agencyKey(name: string): string | null {
  const n = name.replace(/\s+/gu, ' ').trim();
  for (const [key, re] of AGENCIES) if (re.test(n)) return key;
  return null;
}

/** The first agency among credited names written together ("Reuters / EP", "AFP, Reuters", "MENAFN- IANS"). */
function agencyIn(credit: string): string | null {
  for (const part of credit.split(/\s*(?:\/|,|;|&|\band\b|\bwith\b|-\s)\s*/u)) {
    const k = agencyKey(part);
    if (k) return k;
  }
  return null;
}

const PHOTO = /\b(?:photo|photograph|image|picture|video|file|illustration|graphic|credit)s?\b/i;
/** "By Jane Roe with Agency", "By Agency", "Jane Roe / Agency" on a byline. */
const BYLINE = /^by\b.{0,80}?(?:\bwith\b|\bfor\b|,|\/|\||\bby\b)\s*(?:the\s+)?([\p{L}][\p{L} .'’-]{1,40}?)\s*$/iu;
const BY_AGENCY = /^by\s+(?:the\s+)?([\p{L}][\p{L} .'’-]{1,40}?)\s*$/iu;
/** "Agency", "(Agency)", "— Agency", "Agency 22 Jan 2021": a line that is only the credit (and maybe a date). */
const CREDIT_LINE = /^[-–—(\s]*([\p{L}][\p{L} .'’-]{0,40}?)\s*\)?\s*(?:[,|·]?\s*(?:\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}|\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}))?\s*$/u;
/**
 * A credit in parentheses near the start of a line, before the story goes on ("(Feed- Agency) Town, May 2
 * (Agency) A fighter ..."): the parenthesis is followed by a dash or by the story's next word.
 */
const HEAD_PAREN = /\(\s*([^()\n]{2,40}?)\s*\)\s*(?:[-–—:]|--|(?=\p{Lu}))/gu;

/**
 * The wire agency a document credits as the author of its story, as a key ("ap", "afp", "reuters"), or null.
 * `outlet` is the site's name as given; an agency in it ("Daily Paper (Agency)") or as it ("Agency") counts,
 * and so does another outlet a site names as the story's origin ("Portal (Daily Paper)" → "outlet:daily paper").
 */
export function wireCredit(text: string, outlet: string | null): string | null {
  if (outlet) {
    const paren = /\(([^()]{2,60})\)\s*$/u.exec(outlet);
    const k = agencyKey(outlet) ?? (paren ? agencyIn(paren[1]!) : null);
    if (k) return k;
    // "Portal (Daily Paper)": a site carrying another outlet's story names it; the story is that outlet's.
    if (paren && /\p{L}{2}/u.test(paren[1]!)) return `outlet:${paren[1]!.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
  }
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const head = lines.slice(0, 8);
  const tail = lines.slice(-3);
  for (const line of head) {
    // A caption or photo credit names where the picture came from, not the story.
    if (classifyLine(line) === 'photo-credit' || (PHOTO.test(line) && line.length < 200)) continue;
    const w = wireDateline(line);
    if (w?.agency) {
      const k = agencyIn(w.agency);
      if (k) return k;
    }
    HEAD_PAREN.lastIndex = 0;
    for (let m = HEAD_PAREN.exec(line); m && m.index < 120; m = HEAD_PAREN.exec(line)) {
      const k = agencyIn(m[1]!);
      if (k) return k;
    }
  }
  for (const line of [...head, ...tail]) {
    if (line.length > 80 || PHOTO.test(line) || classifyLine(line) === 'photo-credit') continue;
    const by = BYLINE.exec(line) ?? BY_AGENCY.exec(line);
    if (by) {
      const k = agencyIn(by[1]!);
      if (k) return k;
      continue;
    }
    const c = CREDIT_LINE.exec(line);
    if (c) {
      const k = agencyKey(c[1]!);
      if (k) return k;
    }
  }
  return null;
}

/** A print keeps at most this many values: the smallest hashes of the sampled five-grams. */
const PRINT_SIZE = 64;
/** One five-gram in this many is sampled (by its hash, so the same five-grams are sampled in every text). */
const SAMPLE = 4;
/** Word shingles: five words in a row rarely repeat across independently written stories. */
const SHINGLE = 5;
/** Fewer words than this and a print would match by chance: no print. */
const MIN_WORDS = 40;

function hash32(s: string): number {
  return createHash('sha1').update(s).digest().readUInt32BE(0);
}

/**
 * A print of the text's word five-grams (lower-cased, punctuation dropped): the hashes, as hex, of the
 * five-grams sampled by hash, the smallest `PRINT_SIZE` of them in order; null for a text too short to
 * compare. Two prints estimate what share of the shorter text's five-grams the other text has (./sameStory).
 */
export function textPrint(text: string): string[] | null {
  const words = text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  if (words.length < MIN_WORDS) return null;
  const sampled = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = hash32(words.slice(i, i + SHINGLE).join(' '));
    if (h % SAMPLE === 0) sampled.add(h);
  }
  const values = [...sampled].sort((x, y) => x - y).slice(0, PRINT_SIZE);
  return values.length > 0 ? values.map((v) => v.toString(16).padStart(8, '0')) : null;
}

/** Share of the shorter text's sampled five-grams the other must have for the two to be copies of one story. */
const SAME_STORY = 0.5;
/** Fewer sampled five-grams than this in common is chance, whatever the share. */
const MIN_SHARED = 3;

/**
 * Do two prints say the texts are copies of one story (with their own headlines, furniture or trims)? Of
 * the sampled five-grams both prints can hold (below the smaller of their cut-offs), at least half of the
 * shorter text's must be in the other's.
 */
export function sameStory(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  if (!a || !b || a.length === 0 || b.length === 0) return false;
  // A full print was cut at its last value: compare only below both cut-offs (hex of equal width sorts as numbers).
  let cut = 'g';
  if (a.length >= PRINT_SIZE) cut = a[a.length - 1]!;
  if (b.length >= PRINT_SIZE && b[b.length - 1]! < cut) cut = b[b.length - 1]!;
  const ra = a.filter((v) => v <= cut);
  const rb = new Set(b.filter((v) => v <= cut));
  const shared = ra.filter((v) => rb.has(v)).length;
  const smaller = Math.min(ra.length, rb.size);
  return shared >= MIN_SHARED && shared / smaller >= SAME_STORY;
}
