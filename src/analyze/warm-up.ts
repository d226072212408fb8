import { Doc } from '../core/document.js';
import type { Pipeline } from '../core/pipeline.js';

/**
 * Load every model and table the pipeline's components load lazily (wink, the gazetteer, lexicons), by
 * running it once on a short report written for the purpose, so a worker is ready before its first task.
 */
export function warmUp(pipeline: Pipeline): void {
  const text =
    'Heavy fighting in the north\n\n' +
    'MOSUL, Iraq, Oct. 23 (Warm-up Wire) — At least 12 people were killed and dozens wounded on Sunday when ' +
    'militants attacked a checkpoint near Mosul, police said. The army retook two villages last week.';
  pipeline.run(new Doc(text, { id: 'warm-up', published: '2016-10-23', publishedFrom: 'input' }));
}
