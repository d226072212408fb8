/**
 * The storage interface. Everything that keeps documents and their analyses (SQLite for a laptop,
 * PostgreSQL for a shared desk with several workers) implements it, and one contract suite
 * (./contract.ts) runs the same tests against every implementation.
 *
 * The interface is async because PostgreSQL is; the SQLite implementation does its work synchronously
 * inside. Open a store with `openStore(location)` from ./open.ts.
 */
import type { AnalysisRecord } from '../analyze/output.js';
import type { PictureReader } from '../merge/reader.js';

/**
 * What the caller knows about a document beyond its analysis record: where it was read from and who
 * wrote it. Everything here is optional; nothing here takes part in deciding whether two documents are
 * the same (see `contentHash` in ./hash.ts).
 */
export interface PutMeta {
  /** File path, URL or "FILE:LINE" the document was read from (for messages; not part of identity). */
  origin?: string | null;
  author?: string | null;
  /** The version of the analysis (src/analyze/version.ts), for `sitrep reanalyze`. */
  analysisVersion?: string | null;
}

/** The result of `putAnalysis`. */
export interface PutResult {
  /** False when the same document (same normalised text from the same outlet) was already stored. */
  inserted: boolean;
  /**
   * The stored document's id: the input id when it was free, otherwise the input id with `#` and the
   * first 8 hex digits of the content hash appended (two different documents can share an input id,
   * e.g. `report.txt` in two folders). When `inserted` is false this is the id of the copy already stored.
   */
  id: string;
  /** The content hash (hex SHA-256) that identifies the document. */
  hash: string;
}

/** A stored document without its layers. */
export interface StoredDocument {
  id: string;
  /** Hex SHA-256 of the outlet key and the normalised text (./hash.ts). */
  hash: string;
  /**
   * Hex SHA-256 of the normalised text alone. Documents sharing it but not the outlet are one wire story
   * carried word for word by several outlets: not independent corroboration.
   */
  textHash: string;
  /** The text exactly as given; every span of every layer indexes it (UTF-16, half-open). */
  text: string;
  title: string | null;
  /** The source as given in the input ("CNN"), or null. */
  source: string | null;
  /**
   * The outlet the document is counted under: the source as given, else the host name of the URL
   * without "www." (`reuters.com`), else null. Independent-outlet counts use this.
   */
  outlet: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
  publishedFrom: AnalysisRecord['publishedFrom'];
  format: AnalysisRecord['format'];
  origin: string | null;
  /** ISO timestamp of the first ingestion. */
  ingestedAt: string;
}

/**
 * An analysis-v1 record as stored: every layer except tokens (sentences keep their token ranges), with
 * the document text and the outlet. `id` is the stored id (see PutResult.id).
 */
export interface StoredAnalysis extends AnalysisRecord {
  text: string;
  outlet: string | null;
  hash: string;
  /** See StoredDocument.textHash. */
  textHash: string;
  author: string | null;
  origin: string | null;
  ingestedAt: string;
}

export interface AnalysisFilter {
  /**
   * Inclusive bounds on the publication day (YYYY-MM-DD; a longer ISO timestamp is cut to its day).
   * Undated documents are left out as soon as either bound is given: nothing says they fall inside.
   */
  since?: string;
  until?: string;
  /** Only these stored ids (unknown ids are ignored). */
  ids?: string[];
}

/** Row counts, one per layer; the same numbers before and after re-ingesting documents already stored. */
export interface StoreStats {
  documents: number;
  /** Distinct outlets over all documents (documents without one are not counted). */
  outlets: number;
  sentences: number;
  boilerplate: number;
  times: number;
  places: number;
  quantities: number;
  events: number;
}

export interface SearchOptions {
  /** Maximum number of hits (default 20). */
  limit?: number;
  /** Markers put around matched words in snippets (default « and »). */
  mark?: { open: string; close: string };
  /** Milliseconds the query may spend on snippets; later hits get their text's first words (./snippet.ts). */
  snippetBudgetMs?: number;
}

export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /**
   * A short excerpt around the best match, matched words between the markers, "…" where the text was cut.
   * It is plain text taken from the article (not HTML-escaped): escape it before putting it in a page.
   */
  snippet: string;
  /** Higher is better; comparable only within one result list. */
  score: number;
}

/**
 * A document store. Idempotent by content: putting the same document (same normalised text from the same
 * outlet) again changes nothing and says so. Each put is one transaction: a document is stored with all
 * its layers or not at all.
 */
export interface Store {
  /** "sqlite" or "postgres". */
  readonly kind: 'sqlite' | 'postgres';
  /** Opened read-only (`readOnly` in the open options): every write fails. */
  readonly readOnly: boolean;

  /**
   * Store a document's text and its analysis (every layer but tokens). Returns `inserted: false` and the
   * existing id when the same document is already stored. Throws (and stores nothing) when the record
   * does not fit the text, e.g. a span outside it.
   */
  putAnalysis(record: AnalysisRecord, text: string, meta?: PutMeta): Promise<PutResult>;

  /** A document by stored id, or null. */
  getDocument(id: string): Promise<StoredDocument | null>;

  /**
   * The stored id of the document with this content hash (./hash.ts), or null. Lets `sitrep ingest` skip
   * the analysis of documents it already holds.
   */
  idForHash(hash: string): Promise<string | null>;

  /**
   * Analyses to build reports from, ordered by publication day (undated last), then ingestion order.
   * Each has every layer but tokens, plus text and outlet.
   */
  analyses(filter?: AnalysisFilter): Promise<StoredAnalysis[]>;

  stats(): Promise<StoreStats>;

  /**
   * Full-text search over title and text. The query is what a user types: words (all must occur, stemmed),
   * "quoted phrases", `or` between alternatives, `-word` to exclude. Operators and stray quotes are taken
   * literally and never cause an error; a query with no searchable word returns no hits. Stop words are
   * dropped and repeated terms count once; a query over MAX_TERMS terms or MAX_PREFIX_TERMS prefixes
   * rejects with a QueryError (./query.ts), the only error a query can cause.
   */
  search(query: string, opts?: SearchOptions): Promise<SearchHit[]>;

  /** The migrations opening this store applied (empty when the schema was already up to date). */
  readonly migrationsApplied: readonly number[];

  /** The applied schema version (the number of the last migration). */
  schemaVersion(): Promise<number>;

  /**
   * The situation picture kept in the store (merged events, figures, places, control), read in bounded
   * slices (src/merge/reader.ts). It is updated with every document stored.
   */
  picture(): PictureReader;

  /** 'ok', or 'stale' when the picture must be rebuilt (`sitrep rebuild`) before it is read or kept up to date. */
  pictureState(): Promise<string>;

  /**
   * Derive the whole picture again from the stored analyses, in batches (memory independent of the store's
   * size). Documents stored meanwhile are included. The result equals the picture kept incrementally.
   */
  rebuildPicture(opts?: { batch?: number; onProgress?: (done: number, total: number) => void }): Promise<{ documents: number }>;

  /**
   * Documents whose analysis was made by another version than `version` (or by none recorded), in storage
   * order after `after` (a document's position from a previous page, for resuming), at most `limit`.
   */
  staleAnalyses(version: string, after: number, limit: number): Promise<{ pos: number; id: string }[]>;

  /** How many documents `staleAnalyses` would give in all. */
  countStaleAnalyses(version: string): Promise<number>;

  /**
   * Replace a stored document's analysis (its text, outlet and identity stay): its layers, its metadata from
   * the record, its version, and its part of the picture, in one transaction. False if the id is unknown.
   */
  replaceAnalysis(id: string, record: AnalysisRecord, meta?: PutMeta): Promise<boolean>;

  /**
   * Delete a stored document and everything derived from it: its layers, its search entry, and its part of
   * the stored picture (the picture engine decides the groups it was in again without it, as if it had
   * never been stored). False when there is no document of that id.
   */
  deleteDocument(id: string): Promise<boolean>;

  close(): Promise<void>;
}
