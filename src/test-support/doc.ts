import { Doc } from '../core/document.js';
import { defaultPipeline } from '../analyze/pipeline.js';
import { Pipeline, type Component } from '../core/pipeline.js';
import { boilerplate } from '../ingest/boilerplate.js';
import { tokenizer } from '../nlp/tokenize.js';

/** A document run through the whole default pipeline. */
export function analyzed(text: string, published: string | null = null, id = 'test'): Doc {
  const doc = new Doc(text, { id, published, publishedFrom: published ? 'input' : null });
  return defaultPipeline().run(doc);
}

/** A document with sentences and tokens, plus the given components run after them. */
export function prepared(text: string, published: string | null = null, ...components: Component[]): Doc {
  const doc = new Doc(text, { id: 'test', published, publishedFrom: published ? 'input' : null });
  return new Pipeline([boilerplate, tokenizer, ...components]).run(doc);
}
