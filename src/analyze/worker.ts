/**
 * The analysis worker (src/workers/pool.ts starts it): loads the default pipeline's models once, then
 * analyses one document per task and answers with the analysis-v1 record, or with its JSON line so that
 * serialising is done here too, off the main thread.
 */
import { Doc, type DocMeta } from '../core/document.js';
import { adoptSharedFiles, type SharedFiles } from '../core/shared-files.js';
import { serveTasks } from '../workers/serve.js';
import { toAnalysis } from './output.js';
import { defaultPipeline } from './pipeline.js';
import { warmUp } from './warm-up.js';

export interface AnalysisTask {
  text: string;
  meta: DocMeta;
  /** 'json': the record serialised (one line of `sitrep analyze`); 'record': the object. */
  output: 'record' | 'json';
  tokens?: boolean;
}

/** What the pool passes each worker: the files it read once for all of them (./shared.ts). */
export interface AnalysisWorkerOptions {
  shared?: SharedFiles;
}

serveTasks<AnalysisWorkerOptions | null, AnalysisTask, unknown>((options) => {
  adoptSharedFiles(options?.shared);
  const pipeline = defaultPipeline();
  warmUp(pipeline);
  return (task) => {
    const doc = pipeline.run(new Doc(task.text, task.meta));
    const record = toAnalysis(doc, { tokens: task.tokens === true });
    return task.output === 'json' ? JSON.stringify(record) : record;
  };
});
