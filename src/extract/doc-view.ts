import type { Doc } from '../core/document.js';
import type { Sentence } from '../core/layers.js';
import type { PlaceMention } from './places/types.js';
import type { Quantity } from './quantities/types.js';
import type { TimeMention } from './times/types.js';

/**
 * What the readers of figures and control changes look at: the text and the layers before them. A
 * pipeline component builds it from a Doc; the store builds it from a stored record (an analysis made
 * before these layers existed), so both give the same items.
 */
export interface DocView {
  text: string;
  /** YYYY-MM-DD or null (undated). */
  publishedDay: string | null;
  sentences: readonly Sentence[];
  times: readonly TimeMention[];
  places: readonly PlaceMention[];
  quantities: readonly Quantity[];
}

export function viewOfDoc(doc: Doc): DocView {
  return {
    text: doc.text,
    publishedDay: doc.publishedDay,
    sentences: doc.has('sentences') ? doc.get('sentences') : [],
    times: doc.has('times') ? doc.get('times') : [],
    places: doc.has('places') ? doc.get('places') : [],
    quantities: doc.has('quantities') ? doc.get('quantities') : [],
  };
}
