/**
 * The shipped weights (data/models/*.bin, trained by `npm run train`), loaded once per process on first
 * use. Each file is read into typed arrays without parsing (./model-file.ts); the scoring tables built
 * from them (a third of a second for the parser's million features) are kept in the cache folder and read
 * by later processes and worker threads (./tables-cache.ts).
 */
import { fileURLToPath } from 'node:url';
import { readFileShared, shareFiles, type SharedFiles } from '../../core/shared-files.js';
import type { LinearModel } from './linear.js';
import { decodeModel } from './model-file.js';
import { readTables, tablesHash, tablesPath, writeTables } from './tables-cache.js';

export const MODELS_DIR = fileURLToPath(new URL('../../../data/models/', import.meta.url));

/** What every model file's header says. */
export interface ModelHeader {
  kind: 'tagger' | 'parser' | 'ner';
  /** The feature code's version: a model is refused by code that extracts other features. */
  features: number;
  nClasses: number;
  /** Class names: UPOS tags, dependency labels (parser), entity BILOU tags (ner). */
  classes: string[];
  trained: { seed: number; epochs: number; data: string; seconds: number };
  scores: Record<string, number>;
}

/** The feature versions this code extracts; bump one when its features change, and retrain. */
export const FEATURE_VERSION = { tagger: 1, parser: 2, ner: 4 } as const;

export interface LoadedModel {
  header: ModelHeader;
  model: LinearModel;
}

const loaded = new Map<string, LoadedModel>();

export function loadModel(kind: ModelHeader['kind'], dir = MODELS_DIR): LoadedModel {
  const path = `${dir}${kind}.bin`;
  const hit = loaded.get(path);
  if (hit) return hit;
  let data: Buffer;
  try {
    data = readFileShared(path);
  } catch (e) {
    throw new Error(`the ${kind} model is missing (${path}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; run \`npm run train\``, { cause: e });
  }
  const hash = tablesHash(data);
  const cached = readTables(kind, hash);
  const { header, model } = decodeModel<ModelHeader>(data, path, cached ?? undefined);
  if (!cached) writeTables(kind, hash, model.tables);
  if (header.kind !== kind) throw new Error(`${path}: holds a ${header.kind} model, not a ${kind} model`);
  if (header.features !== FEATURE_VERSION[kind]) {
    throw new Error(`${path}: trained for ${kind} features v${header.features}, this code extracts v${FEATURE_VERSION[kind]}; run \`npm run train\``);
  }
  const out = { header, model };
  loaded.set(path, out);
  return out;
}

/**
 * The files loadModel reads for each model that exist now (the model file and its cached scoring tables),
 * read into shared memory: what a worker pool reads once and shares with its workers
 * (src/core/shared-files.ts). A model file is read once, for its bytes and for the hash naming its tables.
 */
export function shareModelFiles(dir = MODELS_DIR): SharedFiles {
  const out: SharedFiles = {};
  for (const kind of Object.keys(FEATURE_VERSION) as ModelHeader['kind'][]) {
    const path = `${dir}${kind}.bin`;
    const model = shareFiles([path])[path];
    if (!model) continue;
    out[path] = model;
    const tables = tablesPath(kind, tablesHash(new Uint8Array(model)));
    if (tables) Object.assign(out, shareFiles([tables]));
  }
  return out;
}
