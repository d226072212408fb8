import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cachedPath, gazetteer } from '../gazetteer/load.js';
import { loadModel, MODELS_DIR } from '../nlp/syntax/models.js';
import { shareAnalysisFiles } from './shared.js';

describe('shareAnalysisFiles', () => {
  it('shares each model file, its cached scoring tables and the gazetteer cache', () => {
    // Loading writes the caches if this checkout has none yet.
    for (const kind of ['tagger', 'parser', 'ner'] as const) loadModel(kind);
    gazetteer();
    const paths = Object.keys(shareAnalysisFiles());
    for (const kind of ['tagger', 'parser', 'ner']) {
      expect(paths).toContain(`${MODELS_DIR}${kind}.bin`);
      expect(paths.some((p) => p.includes(`model-tables-${kind}-`) && existsSync(p))).toBe(true);
    }
    expect(paths).toContain(cachedPath());
  });
});
