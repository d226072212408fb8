/**
 * The dateline: the place a wire story was filed from, written first in capitals ("BAGHDAD (Reuters) -",
 * "CHARLESTON, W.Va. —", "ERBIL, Iraq —"). It tells where the story is and is the fallback place of its
 * events.
 */
import type { Doc } from '../../core/document.js';
import type { Candidate } from './candidates.js';

const AFTER = /^\s*(?:,|\(|—|–|-{1,2}\s|:)/u;

export function datelineOf(doc: Doc, candidates: Candidate[]): Candidate | null {
  const sentences = doc.get('sentences');
  // The first text sentences of the story (a headline may come first).
  const firstText = sentences.filter((s) => s.kind !== 'boilerplate').slice(0, 3);
  for (const s of firstText) {
    const c = candidates.find((x) => x.sentence === s.index);
    if (!c || !c.allCaps) continue;
    const lead = doc.text.slice(s.start, c.start);
    if (lead.trim() !== '') continue;
    if (AFTER.test(doc.text.slice(c.spanEnd, c.spanEnd + 4))) return c;
  }
  return null;
}
