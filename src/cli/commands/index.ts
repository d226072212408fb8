import type { Command } from '../command.js';

/** A command as `sitrep help` lists it; its module (and everything it imports) is loaded only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every CLI command, in the order `sitrep help` lists them. Modules are imported on demand: `sitrep report`
 * does not load the extractors, the gazetteer or the models that `analyze` needs (start-up is most of a
 * small report's time).
 */
export const commands: CommandEntry[] = [
  { name: 'analyze', summary: 'analyse documents and write one JSON object per document (analysis v1) to standard output', load: async () => (await import('./analyze.js')).analyze },
  { name: 'ingest', summary: 'analyse documents and store them with every layer (the same document twice is stored once)', load: async () => (await import('./ingest.js')).ingest },
  { name: 'stats', summary: 'count what the store holds: documents, outlets and every layer', load: async () => (await import('./stats.js')).stats },
  { name: 'search', summary: 'full-text search over stored documents, with snippets', load: async () => (await import('./search.js')).search },
  { name: 'db', summary: 'database administration: `sitrep db migrate` brings the schema up to date', load: async () => (await import('./db.js')).db },
  { name: 'report', summary: 'the situation report: merged events, contested figures, control of places, latest developments', load: async () => (await import('./report.js')).report },
  { name: 'export', summary: 'export the merged events: ACLED-style CSV, GeoJSON or JSON', load: async () => (await import('./export.js')).exportCommand },
  { name: 'serve', summary: 'serve the situation report and an HTTP API over the store (binds 127.0.0.1 only by default)', load: async () => (await import('./serve.js')).serve },
  { name: 'watch', summary: 'ingest new and changed files, folders and feeds as they appear (live ingestion)', load: async () => (await import('./watch.js')).watch },
  { name: 'rebuild', summary: 'derive the situation picture again from every stored analysis (after an upgrade, or to check it)', load: async () => (await import('./rebuild.js')).rebuild },
  { name: 'reanalyze', summary: 'analyse stored documents again with this version of the extractors (after an upgrade)', load: async () => (await import('./reanalyze.js')).reanalyzeCommand },
  { name: 'worker', summary: 'analyse and store the documents queued in a PostgreSQL store (run as many as you like, on any machines)', load: async () => (await import('./worker.js')).worker },
  { name: 'delete', summary: 'delete stored documents and everything derived from them (layers, search entry, their part of the picture)', load: async () => (await import('./delete.js')).deleteCommand },
  { name: 'user', summary: 'accounts of the desk: `sitrep user add NAME --role viewer|editor|admin` prints an API token', load: async () => (await import('./user.js')).user },
  { name: 'audit', summary: 'the audit log: every write (documents added, reviews, accounts, sign-ins), newest first', load: async () => (await import('./audit.js')).audit },
  { name: 'syntax', summary: 'tag, parse and find entities (PER/ORG/LOC) in CoNLL-U or raw documents; writes CoNLL-U', load: async () => (await import('./syntax.js')).syntaxCommand },
];
