import { classifyLine } from './boilerplate-rules.js';
import { wholeDate } from './date-parse.js';
import { wireDateline } from './published.js';

/**
 * What the top of a plain-text document says about itself: its headline and its outlet.
 */

const LINE_BREAK = /\r\n|\n|\r|\u2028|\u2029/;
const DATE_MARKER = /^(?:date|dated)\s*[:=]?\s*\d{4}-\d{1,2}-\d{1,2}/i;

function headLines(text: string): string[] {
  return text.slice(0, 3000).split(LINE_BREAK).slice(0, 15);
}

/**
 * The headline: the first line, when it reads like a title — short, no sentence-final punctuation, set
 * off from the body by a blank line — after any page furniture above it (a "Listen to this segment" link,
 * a `date` line). Null when the text starts straight with prose.
 */
export function headlineOf(text: string): string | null {
  const lines = headLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (classifyLine(line) || DATE_MARKER.test(line) || wholeDate(line)) continue;
    const words = line.split(/\s+/u).length;
    const nextBlank = i + 1 >= lines.length || lines[i + 1]!.trim() === '';
    if (words <= 20 && line.length <= 200 && !/[.!?;,]["'”’)]*$/u.test(line) && nextBlank && !wireDateline(line)) return line;
    return null;
  }
  return null;
}

// An affiliation that names a news organisation, not a place: "Meridian News", "CNN", "The Daily Star".
const OUTLET_WORD = /\b(?:News|Post|Times|Wire|Radio|TV|Television|Press|Agency|Herald|Journal|Daily|Monitor|Tribune|Gazette|Telegraph|Guardian|Network|Service|Channel|Broadcasting|Media|Observer|Chronicle|Standard|Review|Desk)\b|^(?:CNN|BBC|AP|AFP|Reuters|NPR|PBS|ABC|CBS|NBC|Xinhua|Al Jazeera|Bloomberg|dpa|ANSA|EFE|UPI|IRNA|TASS)$/;

/**
 * The outlet a plain text names at its top: the agency of a wire dateline ("BAGHDAD, Oct. 23 (Reuters) -"),
 * else the affiliation of a byline when it names a news organisation ("By Jane Roe, Meridian News").
 */
export function outletOf(text: string): string | null {
  for (const raw of headLines(text)) {
    const line = raw.trim();
    if (!line) continue;
    const wire = wireDateline(line);
    if (wire) return wire.agency && /^[A-Z][\w&'’. -]{0,40}$/.test(wire.agency) ? wire.agency : null;
    if (classifyLine(line) === 'byline') {
      const m = /,\s*([^,|]+?)\s*(?:[|·•–—].*)?$/.exec(line);
      if (m && OUTLET_WORD.test(m[1]!)) return m[1]!;
      continue;
    }
    if (classifyLine(line) || DATE_MARKER.test(line) || wholeDate(line)) continue;
    if (/[.!?]["'”’)]*$/u.test(line) && line.split(/\s+/u).length > 16) return null;
  }
  return null;
}
