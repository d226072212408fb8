import type { Doc, DocMeta } from '../core/document.js';
import type { Boilerplate, LayerName, Sentence, Token } from '../core/layers.js';
import type { TimeMention } from '../extract/times/types.js';
import type { PlaceMention } from '../extract/places/types.js';
import type { Quantity } from '../extract/quantities/types.js';
import type { EventMention } from '../extract/events/types.js';
import type { FigureMention } from '../extract/figures/types.js';
import type { ControlMention } from '../extract/control/types.js';
import { completeParses } from '../nlp/syntax/component.js';
import type { Entity } from '../nlp/syntax/types.js';

export interface OutputOptions {
  /** Include the token layer (large; off by default). */
  tokens?: boolean;
}

type WithText<T> = T & { text: string };

/**
 * One line of `sitrep analyze` output (docs/analysis-v1.md). The store keeps enough to give these back,
 * and the situation report (src/merge, src/report) is computed from a list of them.
 */
export interface AnalysisRecord {
  id: string;
  published: string | null;
  publishedFrom: DocMeta['publishedFrom'];
  title: string | null;
  source: string | null;
  url: string | null;
  format: DocMeta['format'];
  /** Length of the text in UTF-16 code units. */
  length: number;
  boilerplate: WithText<Boilerplate>[];
  sentences: WithText<Sentence>[];
  times: TimeMention[];
  places: PlaceMention[];
  quantities: Quantity[];
  events: EventMention[];
  /** Added after the first release of v1: records written before it lack them (the store reads them again). */
  figures?: FigureMention[];
  control?: ControlMention[];
  /**
   * Named entities (analysis v1.1): PER, ORG and LOC spans from the trained recogniser. Always written by
   * this version; absent from records written before it.
   */
  entities?: WithText<Entity>[];
  tokens?: WithText<Token>[];
}

/**
 * The analysis-v1 object for a document. Every span item gets its `text` from the document, so the
 * offsets and the text can never disagree.
 */
export function toAnalysis(doc: Doc, opts: OutputOptions = {}): AnalysisRecord {
  const m = doc.meta;
  const layer = <K extends LayerName>(name: K) =>
    doc.has(name) ? (doc.get(name) as unknown as { start: number; end: number }[]).map((it) => withText(doc, it)) : [];
  const out: AnalysisRecord = {
    id: m.id,
    published: m.published,
    publishedFrom: m.publishedFrom,
    title: m.title,
    source: m.source,
    url: m.url,
    format: m.format,
    length: doc.text.length,
    boilerplate: layer('boilerplate') as AnalysisRecord['boilerplate'],
    sentences: layer('sentences') as AnalysisRecord['sentences'],
    times: layer('times') as AnalysisRecord['times'],
    places: layer('places') as AnalysisRecord['places'],
    quantities: layer('quantities') as AnalysisRecord['quantities'],
    events: layer('events') as AnalysisRecord['events'],
    entities: layer('entities') as AnalysisRecord['entities'],
  };
  if (doc.has('figures')) out.figures = layer('figures') as AnalysisRecord['figures'];
  if (doc.has('control')) out.control = layer('control') as AnalysisRecord['control'];
  if (opts.tokens) {
    // The tokens show head and dep for every sentence the pipeline chose to parse, asked for or not.
    completeParses(doc);
    out.tokens = layer('tokens') as AnalysisRecord['tokens'];
  }
  return out;
}

function withText<T extends { start: number; end: number }>(doc: Doc, it: T): T & { text: string } {
  const { start, end, ...rest } = it as T & { text?: string };
  delete rest.text;
  return { start, end, text: doc.text.slice(start, end), ...rest } as T & { text: string };
}
