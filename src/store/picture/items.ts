import type { AnalysisRecord } from '../../analyze/output.js';
import { deriveItems } from '../../merge/derive.js';
import type { DocItems } from '../../merge/items.js';

/**
 * What a document being stored adds to the picture (src/merge/derive.ts), under the id and content hash
 * the store gave it. Computed inside the transaction that stores it, from the record and the text in hand.
 */
export function storedItems(record: AnalysisRecord, text: string, stored: { id: string; hash: string; textHash: string; outlet: string | null }): DocItems {
  return deriveItems({ record: { ...record, id: stored.id }, text, outlet: stored.outlet, textHash: stored.textHash, hash: stored.hash });
}
