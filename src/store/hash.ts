/**
 * What "the same document" means: the same words in the same order from the same outlet.
 *
 * The text is normalised before hashing — Unicode NFC, every run of whitespace (including line breaks and
 * no-break spaces) made one space, leading and trailing whitespace dropped — so a story saved with CRLF
 * line ends or re-wrapped paragraphs is still the same story. Case, punctuation and every word count.
 * The outlet (`outletOf` below) is part of the identity: a wire story carried word for word by two outlets is
 * two documents, because each outlet vouches for it separately. The input id, title, URL, publication
 * date and file name are not: the same article fed twice under two ids is stored once.
 */
import { createHash } from 'node:crypto';

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Hex SHA-256 over the outlet key and the normalised text. */
export function contentHash(text: string, outlet: string | null): string {
  return createHash('sha256')
    .update(outletKey(outlet))
    .update('\u0000')
    .update(normaliseText(text))
    .digest('hex');
}

/**
 * Hex SHA-256 of the normalised text alone. Two documents with the same text hash and different outlets
 * are one story carried word for word by several outlets (wire copy): count them as one report, not as
 * independent corroboration.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex');
}

/** Outlets compare without case and surrounding or repeated whitespace ("CNN", " cnn "). */
export function outletKey(outlet: string | null): string {
  return outlet === null ? '' : outlet.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The outlet a document is counted under: the source as given, else the URL's host name without
 * "www." (a document fetched from https://www.reuters.com/... is Reuters' even if nobody said so), else null.
 */
export function outletOf(source: string | null, url: string | null): string | null {
  const s = source?.replace(/\s+/gu, ' ').trim();
  if (s) return s;
  if (url) {
    try {
      const host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
      if (host) return host;
    } catch {
      // not a URL: no outlet from it
    }
  }
  return null;
}
