/**
 * CoNLL-U sentences grouped into documents (a `# newdoc` comment starts one), and the annotation of a
 * whole file: what `sitrep syntax --conllu` writes and what `npm run train` scores. Forms are taken as
 * given (straightened quotes aside), gold columns are ignored and replaced by the predictions.
 */
import { uposName, type SyntaxModels } from './annotate.js';
import type { UDSentence } from './conllu.js';
import { iob2 } from './ner.js';
import type { Doc } from '../../core/document.js';
import { modelForm, wordsOf } from './words.js';

/** Sentences split into documents at `# newdoc` comments (all one document when there are none). */
export function documentsOf<T extends { comments: string[] }>(sentences: readonly T[]): T[][] {
  const docs: T[][] = [];
  for (const s of sentences) {
    if (docs.length === 0 || s.comments.some((c) => /^#\s*newdoc\b/.test(c))) docs.push([]);
    docs[docs.length - 1]!.push(s);
  }
  return docs;
}

export interface Prediction {
  upos: string[];
  heads: number[];
  deps: string[];
  ner: string[];
}

/** Tags, parses and recognises entities in every sentence, document by document. */
export function predictConllu(models: SyntaxModels, sentences: readonly UDSentence[]): Map<UDSentence, Prediction> {
  const out = new Map<UDSentence, Prediction>();
  for (const doc of documentsOf(sentences)) {
    const forms = doc.map((s) => s.words.map((w) => modelForm(w.form)));
    const tags = forms.map((f) => models.tag(f));
    const ner = models.recognise(forms, tags);
    doc.forEach((s, i) => {
      const p = models.parse(forms[i]!, tags[i]!);
      out.set(s, { upos: tags[i]!.map(uposName), heads: p.heads, deps: p.deps, ner: iob2(ner[i]!) });
    });
  }
  return out;
}

/** The sentences with predicted UPOS, HEAD, DEPREL and `NER=` in MISC; other gold columns blanked. */
export function annotateConllu(models: SyntaxModels, sentences: readonly UDSentence[]): UDSentence[] {
  const pred = predictConllu(models, sentences);
  return sentences.map((s) => {
    const p = pred.get(s)!;
    return {
      ...s,
      words: s.words.map((w, i) => {
        const keep = w.misc.split('|').filter((m) => m === 'SpaceAfter=No');
        return {
          ...w,
          lemma: '_',
          upos: p.upos[i]!,
          xpos: '_',
          feats: '_',
          head: p.heads[i]! + 1,
          deprel: p.deps[i]!,
          misc: [...keep, `NER=${p.ner[i]}`].join('|'),
        };
      }),
    };
  });
}

/**
 * A tokenised document (tokens and sentences layers) as CoNLL-U sentences: sitrep's tokens mapped to
 * EWT-like words (./words.ts), each with the prediction, its offsets in the document's text
 * (`TokenRange=start:end` in MISC) and `SpaceAfter=No` where the text has no space after it.
 */
export function documentConllu(models: SyntaxModels, doc: Doc): UDSentence[] {
  const sentences = doc.get('sentences').filter((s) => s.kind !== 'boilerplate' && s.tokenEnd > s.tokenStart);
  const words = sentences.map((s) => wordsOf(doc.text, doc.get('tokens'), s.tokenStart, s.tokenEnd));
  const forms = words.map((ws) => ws.map((w) => w.form));
  const tags = forms.map((f) => models.tag(f));
  const ner = models.recognise(forms, tags).map(iob2);
  return sentences.map((s, k) => {
    const ws = words[k]!;
    const p = models.parse(forms[k]!, tags[k]!);
    const comments = [`# sent_id = ${doc.meta.id}-${s.index + 1}`, `# text = ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}`];
    if (k === 0) comments.unshift(`# newdoc id = ${doc.meta.id}`);
    return {
      id: `${doc.meta.id}-${s.index + 1}`,
      comments,
      ranges: new Map(),
      words: ws.map((w, i) => {
        const misc = [`TokenRange=${w.start}:${w.end}`, `NER=${ner[k]![i]}`];
        const next = ws[i + 1];
        if (next && next.start === w.end) misc.unshift('SpaceAfter=No');
        return {
          id: i + 1,
          // CoNLL-U forms hold no tab, newline or space; wink's tokens never hold the first two.
          form: doc.text.slice(w.start, w.end).replace(/\s/g, '_'),
          lemma: '_',
          upos: uposName(tags[k]![i]!),
          xpos: '_',
          feats: '_',
          head: p.heads[i]! + 1,
          deprel: p.deps[i]!,
          misc: misc.join('|'),
        };
      }),
    };
  });
}
