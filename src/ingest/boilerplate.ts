import type { Component } from '../core/pipeline.js';
import type { Boilerplate } from '../core/layers.js';
import { bySpan } from '../core/span.js';
import { classifyLine, isCaptionLabel } from './boilerplate-rules.js';
import { scanHead } from './published.js';

/**
 * Page furniture: comment and share prompts, links to transcripts or audio, bylines, photo captions and credits,
 * advertisements, related-story links, cookie notices, copyright lines (rules in ./boilerplate-rules.ts),
 * and publication-date metadata at the top (`date 2016-10-23`, "Published 12 November 2016", a date alone
 * on a line), kind 'date-line'. It stays in the text, so offsets never move; sentences wholly inside it get
 * kind 'boilerplate' and extractors skip them.
 *
 * A wire dateline ("BAGHDAD, Oct. 23 (Reuters) -") is not boilerplate: it opens the story's first sentence,
 * and its date is a real temporal expression (equal to the publication date).
 */
export function findBoilerplate(text: string): Boilerplate[] {
  const markers = scanHead(text).markers;
  const out: Boilerplate[] = markers.map((m) => ({ ...m, kind: 'date-line' }));
  const re = /[^\r\n\u2028\u2029]+/gu;
  let captionNext = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (!line) continue;
    // The line after a caption label ("Image caption,") is the caption itself.
    const kind = captionNext && line.length <= 500 ? 'photo-credit' as const : classifyLine(line);
    captionNext = isCaptionLabel(line);
    if (!kind) continue;
    const start = m.index + lead;
    if (markers.some((b) => b.start <= start && start < b.end)) continue;
    out.push({ start, end: start + line.length, kind });
  }
  return out.sort(bySpan);
}

export const boilerplate: Component = {
  name: 'boilerplate',
  needs: [],
  adds: ['boilerplate'],
  run(doc) {
    doc.set('boilerplate', findBoilerplate(doc.text));
  },
};
