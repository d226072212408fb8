/**
 * CoNLL-U (Universal Dependencies) and IOB2 (Universal NER) reading and writing. A sentence keeps its
 * comment lines and multiword-token ranges as given, so `sitrep syntax --conllu` can write the input's
 * sentences and words back with the predicted columns filled in. Empty nodes (enhanced dependencies only)
 * are dropped: they are annotation, not words.
 */

export interface UDWord {
  /** 1-based word index. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root, else the head's id; -1 when the column is `_`. */
  head: number;
  deprel: string;
  misc: string;
}

export interface UDSentence {
  /** `# sent_id`, or the sentence's position when absent. */
  id: string;
  comments: string[];
  words: UDWord[];
  /** Multiword-token range lines ("3-4\tdon't\t_…"), keyed by the id of the word they precede. */
  ranges: Map<number, string>;
}

export class ConlluError extends Error {}

export function parseConllu(text: string): UDSentence[] {
  const out: UDSentence[] = [];
  let comments: string[] = [];
  let words: UDWord[] = [];
  let ranges = new Map<number, string>();
  let lineNo = 0;
  const flush = () => {
    if (words.length > 0) {
      const idLine = comments.find((c) => /^#\s*sent_id\s*=/.test(c));
      const id = idLine ? idLine.slice(idLine.indexOf('=') + 1).trim() : String(out.length + 1);
      out.push({ id, comments, words, ranges });
    }
    comments = [];
    words = [];
    ranges = new Map();
  };
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      if (words.length > 0) flush();
      comments.push(line);
      continue;
    }
    const c = line.split('\t');
    if (c.length !== 10) throw new ConlluError(`line ${lineNo}: expected 10 tab-separated columns, found ${c.length}`);
    const idc = c[0]!;
    if (/^\d+-\d+$/.test(idc)) {
      ranges.set(Number(idc.split('-')[0]), line);
      continue;
    }
    if (/^\d+\.\d+$/.test(idc)) continue;
    if (!/^\d+$/.test(idc)) throw new ConlluError(`line ${lineNo}: bad word id '${idc}'`);
    const id = Number(idc);
    if (id !== words.length + 1) throw new ConlluError(`line ${lineNo}: word id ${id} out of sequence`);
    if (c[1] === '') throw new ConlluError(`line ${lineNo}: empty word form`);
    words.push({
      id,
      form: c[1]!,
      lemma: c[2]!,
      upos: c[3]!,
      xpos: c[4]!,
      feats: c[5]!,
      head: /^\d+$/.test(c[6]!) ? Number(c[6]) : -1,
      deprel: c[7]!,
      misc: c[9]!,
    });
  }
  flush();
  return out;
}

/** Whether the word is written without a space after it (MISC `SpaceAfter=No`). */
export function noSpaceAfter(w: UDWord): boolean {
  return w.misc.split('|').includes('SpaceAfter=No');
}

/** Writes sentences back; each word's columns come from `w` as it stands (callers fill in predictions). */
export function formatConllu(sentences: readonly UDSentence[]): string {
  const lines: string[] = [];
  for (const s of sentences) {
    lines.push(...s.comments);
    for (const w of s.words) {
      const range = s.ranges.get(w.id);
      if (range !== undefined) lines.push(range);
      lines.push([w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head < 0 ? '_' : w.head, w.deprel, '_', w.misc].join('\t'));
    }
    lines.push('');
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export interface IobSentence {
  id: string;
  forms: string[];
  tags: string[];
}

const NER_TYPES = new Set(['PER', 'ORG', 'LOC']);

/** Universal NER IOB2: tags other than B-/I- PER, ORG, LOC (OTH, B-O, stray values) read as O. */
export function parseIob2(text: string): IobSentence[] {
  const out: IobSentence[] = [];
  let id: string | null = null;
  let forms: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (forms.length > 0) out.push({ id: id ?? String(out.length + 1), forms, tags });
    id = null;
    forms = [];
    tags = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*sent_id\s*=\s*(.*)$/.exec(line);
      if (m) id = m[1]!.trim();
      continue;
    }
    const c = line.split('\t');
    const tag = c[2] ?? 'O';
    forms.push(c[1] ?? '');
    tags.push((tag.startsWith('B-') || tag.startsWith('I-')) && NER_TYPES.has(tag.slice(2)) ? tag : 'O');
  }
  flush();
  return out;
}
