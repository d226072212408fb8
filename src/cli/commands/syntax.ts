import { readFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { EXIT_FAIL, EXIT_OK, reportError, UsageError } from '../command.js';
import { Pipeline } from '../../core/pipeline.js';
import { boilerplate } from '../../ingest/boilerplate.js';
import { tokenizer } from '../../nlp/tokenize.js';
import { syntaxModels } from '../../nlp/syntax/annotate.js';
import { ConlluError, formatConllu, parseConllu } from '../../nlp/syntax/conllu.js';
import { annotateConllu, documentConllu } from '../../nlp/syntax/documents.js';
import { INPUT_OPTIONS, INPUT_USAGE, inputsFrom, readOptionsFrom, reportInput } from './analyze.js';

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise((r) => process.stdout.once('drain', r));
}

export const syntaxCommand: Command = {
  name: 'syntax',
  usage: `sitrep syntax --conllu FILE
sitrep syntax [--input FILE | -] [PATH...] [--format F] [--max-chars N] [--max-bytes N]

  --conllu FILE    read CoNLL-U ("-": standard input) and keep its sentences and words as given; gold
                   columns are ignored. Writes the same sentences with the predicted UPOS (column 4), HEAD (7),
                   DEPREL (8) and NER=B-PER / I-ORG / ... / O in MISC (10), for ../shared/eval/score_syntax.py
${INPUT_USAGE}

Raw documents are tokenised by sitrep; each word's offsets in the document are in MISC as TokenRange=start:end.
The models and their scores: data/models/README.md.`,
  options: {
    ...INPUT_OPTIONS,
    conllu: { type: 'string' },
  },
  async run(values, positionals) {
    const models = syntaxModels();
    if (typeof values.conllu === 'string') {
      if (positionals.length > 0 || values.input !== undefined) throw new UsageError('--conllu takes one file and no other input');
      const path = values.conllu;
      let text: string;
      try {
        text = readFileSync(path === '-' ? 0 : path, 'utf8');
      } catch (e) {
        reportError(path, (e as Error).message);
        return EXIT_FAIL;
      }
      try {
        await write(formatConllu(annotateConllu(models, parseConllu(text))));
      } catch (e) {
        if (e instanceof ConlluError) {
          reportError(path, e.message);
          return EXIT_FAIL;
        }
        throw e;
      }
      return EXIT_OK;
    }
    const opts = readOptionsFrom(values);
    const pipeline = new Pipeline([boilerplate, tokenizer]);
    let ok = 0;
    for await (const it of inputsFrom(values, positionals, opts)) {
      reportInput(it);
      if (it.error) continue;
      try {
        pipeline.run(it.doc);
        await write(formatConllu(documentConllu(models, it.doc)));
        ok++;
      } catch (e) {
        reportError(it.doc.meta.origin, `syntax failed: ${(e as Error).message}`);
      }
    }
    return ok === 0 ? EXIT_FAIL : EXIT_OK;
  },
};
