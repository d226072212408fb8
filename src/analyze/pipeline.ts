import type { Doc } from '../core/document.js';
import type { Sentence } from '../core/layers.js';
import { Pipeline } from '../core/pipeline.js';
import { boilerplate } from '../ingest/boilerplate.js';
import { tokenizer } from '../nlp/tokenize.js';
import { deferredParser, syntax } from '../nlp/syntax/component.js';
import { times } from '../extract/times/index.js';
import { places } from '../extract/places/index.js';
import { quantities } from '../extract/quantities/index.js';
import { events } from '../extract/events/index.js';
import { figures } from '../extract/figures/index.js';
import { control } from '../extract/control/index.js';
import { findTriggers } from '../extract/events/triggers.js';
import { sentenceViews } from '../extract/quantities/view.js';

/**
 * The sentences worth a parse: those with a place mention or an event trigger. Nothing reads the grammar of
 * the others, and the parser is the costliest model. The default pipeline parses them on demand
 * (deferredParser): the extractors' requests first, the rest only for the token layer's output.
 */
export function worthParsing(doc: Doc, s: Sentence): boolean {
  let chosen = worth.get(doc);
  if (!chosen) {
    chosen = new Set<number>();
    for (const v of sentenceViews(doc)) if (findTriggers(v.toks).length > 0) chosen.add(v.sentence.index);
    const sentences = doc.get('sentences');
    for (const p of doc.get('places')) {
      // The sentence holding the place: the last one starting at or before it.
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (sentences[mid]!.start <= p.start) lo = mid;
        else hi = mid - 1;
      }
      if (sentences[lo]) chosen.add(sentences[lo]!.index);
    }
    worth.set(doc, chosen);
  }
  return chosen.has(s.index);
}

const worth = new WeakMap<Doc, Set<number>>();

/** The full analysis, in order. Each component declares its needs; the Pipeline checks them. */
export function defaultPipeline(): Pipeline {
  return new Pipeline([boilerplate, tokenizer, syntax, times, places, quantities, deferredParser(worthParsing), events, figures, control]);
}
