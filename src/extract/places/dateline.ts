/**
 * The dateline: the place a wire story was filed from, written first in capitals ("BAGHDAD (Reuters) -",
 * "CHARLESTON, W.Va. —", "ERBIL, Iraq —"), or in title case when the wire's own marks follow it ("Lagos, May 2
 * (Agency) —", "Lagos (Agency) -": the date and the agency in brackets say dateline, not sentence). A syndicator's
 * tag may come first ("(SYNDICATOR- Agency) Lagos, May 2 (Agency)"). It tells where the story is and is the
 * fallback place of its events.
 */
import type { Doc } from '../../core/document.js';
import type { Candidate } from './candidates.js';

const AFTER = /^\s*(?:,|\(|—|–|-{1,2}\s|:)/u;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}`;
// After a title-case name: ", Month Day" and/or ", Country", then the agency in brackets or a dash.
const TITLE_AFTER = new RegExp(
  String.raw`^(?:\s*,\s*(?:${MONTH}|\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})(?:\s*,\s*${MONTH})?)?\s*(?:\(\s*\p{Lu}[\p{L}\s/&.-]{0,30}\)\s*(?:[—–-]|\p{Lu})|[—–]|-{1,2}\s)`,
  'u',
);
// A syndicator's tag before the dateline: "(NAME- Agency)".
const TAG = /^\s*\([\p{Lu}][^()]{0,40}\)\s*$/u;

export function datelineOf(doc: Doc, candidates: Candidate[]): Candidate | null {
  const sentences = doc.get('sentences');
  // The first text sentences of the story (a headline may come first).
  const firstText = sentences.filter((s) => s.kind !== 'boilerplate').slice(0, 3);
  for (const s of firstText) {
    const c = candidates.find((x) => x.sentence === s.index);
    if (!c) continue;
    const lead = doc.text.slice(s.start, c.start);
    if (lead.trim() !== '' && !TAG.test(lead)) continue;
    const after = doc.text.slice(c.spanEnd, c.spanEnd + 80);
    if (c.allCaps ? AFTER.test(after) : TITLE_AFTER.test(after)) return c;
  }
  return null;
}
