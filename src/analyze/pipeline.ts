import { Pipeline } from '../core/pipeline.js';
import { boilerplate } from '../ingest/boilerplate.js';
import { tokenizer } from '../nlp/tokenize.js';
import { times } from '../extract/times/index.js';
import { places } from '../extract/places/index.js';
import { quantities } from '../extract/quantities/index.js';
import { events } from '../extract/events/index.js';
import { figures } from '../extract/figures/index.js';
import { control } from '../extract/control/index.js';

/** The full analysis, in order. Each component declares its needs; the Pipeline checks them. */
export function defaultPipeline(): Pipeline {
  return new Pipeline([boilerplate, tokenizer, times, places, quantities, events, figures, control]);
}
