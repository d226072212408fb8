import { defaultPipeline } from '../analyze/pipeline.js';
import { toAnalysis } from '../analyze/output.js';
import { inputsFrom } from '../ingest/inputs.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../ingest/read.js';
import type { SituationDoc } from '../merge/input.js';
import { outletOf, textHash } from '../store/hash.js';
import type { Store } from '../store/types.js';

/** Everything the store holds, as the situation picture's input (the picture is cut to a period later). */
export async function situationFromStore(store: Store): Promise<SituationDoc[]> {
  const rows = await store.analyses();
  return rows.map((a) => ({ record: a, text: a.text, outlet: a.outlet, textHash: a.textHash }));
}

/**
 * Documents analysed in memory, without a store: `sitrep report --input FILE` or paths, read the way
 * `sitrep analyze` reads them (by content: JSON Lines, JSON, text, HTML, feeds; "-" for standard input).
 * The outlet and text hash are worked out as the store would. Errors and reading warnings go to `onMessage`;
 * documents that cannot be read are skipped.
 */
export async function situationFromInputs(
  input: string | undefined,
  paths: readonly string[],
  onMessage: (origin: string, message: string) => void,
  opts: ReadOptions = DEFAULT_READ_OPTIONS,
): Promise<SituationDoc[]> {
  const pipeline = defaultPipeline();
  const out: SituationDoc[] = [];
  for await (const it of inputsFrom({ input }, paths, opts)) {
    if (it.error) {
      onMessage(it.error.origin, it.error.message);
      continue;
    }
    for (const w of it.info.warnings) onMessage(it.doc.meta.origin, w);
    try {
      pipeline.run(it.doc);
      const record = toAnalysis(it.doc);
      out.push({ record, text: it.doc.text, outlet: outletOf(record.source, record.url), textHash: textHash(it.doc.text) });
    } catch (e) {
      onMessage(it.doc.meta.origin, `analysis failed: ${(e as Error).message}`);
    }
  }
  return out;
}
