/**
 * The annotation layers a document can carry. Each is a list of spans over the document's text,
 * produced by one pipeline component (see ./pipeline.ts). Layer item types live with the code that
 * makes them; this file only names the layers so the document and the pipeline can check them.
 */
import type { Span } from './span.js';
import type { TimeMention } from '../extract/times/types.js';
import type { PlaceMention } from '../extract/places/types.js';
import type { Quantity } from '../extract/quantities/types.js';
import type { EventMention } from '../extract/events/types.js';
import type { FigureMention } from '../extract/figures/types.js';
import type { ControlMention } from '../extract/control/types.js';
import type { Entity } from '../nlp/syntax/types.js';

/** Why a stretch of text is kept out of analysis (it stays in the text, so offsets never move). */
export type BoilerplateKind =
  | 'comment-prompt'
  | 'transcript-link'
  | 'media-link'
  | 'share-prompt'
  | 'subscribe-prompt'
  | 'byline'
  | 'photo-credit'
  | 'date-line'
  | 'navigation'
  | 'copyright'
  | 'advertisement'
  | 'related-link'
  | 'cookie-notice';

export interface Boilerplate extends Span {
  kind: BoilerplateKind;
}

/** How a sentence sits on the page: headings and bullets are sentences of their own. */
export type SentenceKind = 'text' | 'heading' | 'bullet' | 'boilerplate';

export interface Sentence extends Span {
  index: number;
  /** Index of the paragraph (a run of lines between blank lines, or an HTML block). */
  paragraph: number;
  kind: SentenceKind;
  /** Half-open range into the tokens layer. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token extends Span {
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, NUM, PUNCT, SPACE, ...). */
  pos: string;
  lemma: string;
  /** Lower-cased, normalised form. */
  normal: string;
  /** wink's token type: word, number, punctuation, symbol, emoji, ... */
  type: string;
  sentence: number;
  /** Universal POS tag from sitrep's tagger trained on UD English-EWT (src/nlp/syntax); absent in boilerplate. */
  upos?: string;
  /**
   * Dependency head: the index (in the tokens layer) of the token this one depends on, or null for the
   * sentence's root. Present only for parsed sentences (src/nlp/syntax/component.ts says which).
   */
  head?: number | null;
  /** Universal Dependencies relation to the head (nsubj, obj, obl:agent, ...); present with `head`. */
  dep?: string;
}

export interface Layers {
  boilerplate: Boilerplate[];
  sentences: Sentence[];
  tokens: Token[];
  times: TimeMention[];
  places: PlaceMention[];
  quantities: Quantity[];
  events: EventMention[];
  figures: FigureMention[];
  control: ControlMention[];
  entities: Entity[];
}

export type LayerName = keyof Layers;

export const LAYER_NAMES: readonly LayerName[] = [
  'boilerplate',
  'sentences',
  'tokens',
  'times',
  'places',
  'quantities',
  'events',
  'figures',
  'control',
  'entities',
];
