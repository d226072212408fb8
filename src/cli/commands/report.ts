import { open, rename, rm, writeFile } from 'node:fs/promises';
import type { Command, OptionValues } from '../command.js';
import { CommandFailure, EXIT_FAIL, EXIT_OK, reportError, UsageError } from '../command.js';
import { isDay } from '../../merge/dates.js';
import type { SituationDoc } from '../../merge/input.js';
import type { PictureReader } from '../../merge/reader.js';
import { renderHtml } from '../../report/html.js';
import { renderJson } from '../../report/json.js';
import { streamMarkdown } from '../../report/markdown-stream.js';
import { buildReport, ReportError, type Report, type ReportOptions } from '../../report/model.js';
import { deskData } from '../../desk/open.js';
import type { Store } from '../../store/types.js';
import { reviewReport } from '../../desk/reviews.js';
import { DB_HELP, fail, openFromOptions } from './store-common.js';

/** Options shared by `report` and `export`: where the documents come from and which part of the picture. */
export const SELECTION_OPTIONS = {
  db: { type: 'string' },
  input: { type: 'string', short: 'i' },
  since: { type: 'string' },
  until: { type: 'string' },
  near: { type: 'string' },
  radius: { type: 'string' },
  bbox: { type: 'string' },
  country: { type: 'string' },
  type: { type: 'string' },
  actor: { type: 'string' },
  outlet: { type: 'string' },
  certainty: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
} as const;

export const SELECTION_HELP = `${DB_HELP}
  --input FILE     analyse these documents in memory instead of reading a store ("-": standard input);
                   PATH... too (text, HTML, feeds, JSON Lines, folders), read as \`sitrep analyze\` reads them
  --since DATE     only events, figures and documents from this day on (YYYY-MM-DD, inclusive)
  --until DATE     ... up to this day (inclusive)
  --near PLACE     only what happened within --radius km of PLACE (a place the documents name, or LAT,LON)
  --radius KM      radius for --near (default 50)
  --bbox S,W,N,E   only what lies in this box (degrees: south, west, north, east)
  --country CC     only events in this country (ISO 3166-1 alpha-2, e.g. IQ)
  --type T         only events of this ACLED event type or sub-event type ("Battles", "Armed clash")
  --actor NAME     only events with this actor (a name or alias: ISIS finds Islamic State)
  --outlet NAME    only events this outlet reports
  --certainty C    only events this certain: reported, unverified, confirmed, disputed or denied
  --out PATH       write to PATH instead of standard output`;

function day(values: OptionValues, name: 'since' | 'until'): string | null {
  const v = values[name];
  if (v === undefined) return null;
  if (typeof v !== 'string' || !isDay(v)) throw new UsageError(`--${name} must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
  return v;
}

export function selection(values: OptionValues): ReportOptions {
  const since = day(values, 'since');
  const until = day(values, 'until');
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  let radiusKm = 50;
  if (values.radius !== undefined) {
    radiusKm = Number(values.radius);
    if (!Number.isFinite(radiusKm) || radiusKm <= 0) throw new UsageError(`--radius must be a positive number of km, got ${JSON.stringify(values.radius)}`);
  }
  let bbox: ReportOptions['bbox'] = null;
  if (typeof values.bbox === 'string') {
    const n = values.bbox.split(',').map((x) => Number(x.trim()));
    const [south, west, north, east] = n as [number, number, number, number];
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || south > north || west > east || Math.abs(south) > 90 || Math.abs(north) > 90 || Math.abs(west) > 180 || Math.abs(east) > 180) {
      throw new UsageError(`--bbox must be SOUTH,WEST,NORTH,EAST in degrees (south ≤ north, west ≤ east), got ${JSON.stringify(values.bbox)}`);
    }
    bbox = { south, west, north, east };
  }
  const text = (name: 'country' | 'type' | 'actor' | 'outlet' | 'certainty'): string | null => {
    const v = values[name];
    if (v === undefined) return null;
    if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} needs a value`);
    return v.trim();
  };
  const country = text('country');
  if (country && !/^[A-Za-z]{2}$/.test(country)) throw new UsageError(`--country must be a two-letter ISO 3166-1 code (IQ, SY, UA), got ${JSON.stringify(country)}`);
  const certainty = text('certainty');
  if (certainty && !CERTAINTIES.includes(certainty)) throw new UsageError(`--certainty must be one of ${CERTAINTIES.join(', ')}, got ${JSON.stringify(certainty)}`);
  return {
    since,
    until,
    near: typeof values.near === 'string' ? values.near : null,
    radiusKm,
    bbox,
    country: country?.toUpperCase() ?? null,
    type: text('type'),
    actor: text('actor'),
    outlet: text('outlet'),
    certainty,
  };
}

const CERTAINTIES = ['reported', 'unverified', 'confirmed', 'disputed', 'denied'];

/** The documents given as --input or PATHs, analysed in memory; null when the store is to be read. */
export async function loadInputDocs(values: OptionValues, positionals: string[]): Promise<SituationDoc[] | null> {
  const input = typeof values.input === 'string' ? values.input : undefined;
  if (input === undefined && positionals.length === 0) return null;
  let problems = 0;
  // Loaded here, not at start-up: reading documents means analysing them (the extractors, gazetteer and models).
  const { situationFromInputs } = await import('../../report/load.js');
  const docs = await situationFromInputs(input, positionals, (origin, message) => {
    problems++;
    reportError(origin, message);
  });
  if (docs.length === 0 && problems > 0) throw new CommandFailure('nothing_processed', 'no document could be read or analysed');
  return docs;
}

/**
 * Run `fn` with the picture to report on: computed in memory from --input/PATHs, else the one kept in the
 * store (read in bounded slices). A store whose picture must be rebuilt first is an error that says so.
 */
export async function withPicture<T>(values: OptionValues, positionals: string[], fn: (reader: PictureReader, store: Store | null) => Promise<T>): Promise<T> {
  const docs = await loadInputDocs(values, positionals);
  if (docs) {
    const [{ MemoryReader }, { buildSituation }] = await Promise.all([import('../../merge/memory-reader.js'), import('../../merge/situation.js')]);
    return fn(new MemoryReader(buildSituation(docs)), null);
  }
  const { store } = await openFromOptions(values, { mustExist: true, readOnly: true });
  try {
    if ((await store.pictureState()) !== 'ok') {
      throw new CommandFailure('picture_stale', 'the situation picture in this store is not built yet (it was stored by an older sitrep, or a rebuild was interrupted): run `sitrep rebuild`');
    }
    return await fn(store.picture(), store);
  } finally {
    await store.close();
  }
}

/** Build the report for the options given; from a store, with the editors' reviews applied (src/desk/reviews.ts). */
export async function reportFor(values: OptionValues, positionals: string[]): Promise<Report> {
  const opts = selection(values);
  return withPicture(values, positionals, async (reader, store) => {
    const report = await buildReport(reader, opts);
    return store ? reviewReport(report, await deskData(store).overrides()) : report;
  });
}

/**
 * Write what `produce` writes, chunk by chunk, to --out (whole file or nothing: written beside it, then
 * renamed) or to standard output (waiting when the pipe is full).
 */
export async function emitStream(values: OptionValues, produce: (write: (chunk: string) => Promise<void>) => Promise<void>): Promise<void> {
  const out = typeof values.out === 'string' ? values.out : null;
  if (!out || out === '-') {
    await produce(async (chunk) => {
      if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
    });
    return;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  const fh = await open(tmp, 'w');
  try {
    await produce(async (chunk) => {
      await fh.write(chunk, null, 'utf8');
    });
    await fh.close();
  } catch (e) {
    await fh.close().catch(() => {});
    await rm(tmp, { force: true });
    throw e;
  }
  await rename(tmp, out);
}

/** Write to --out (whole file or nothing: written beside it, then renamed) or to standard output. */
export async function emit(values: OptionValues, text: string): Promise<void> {
  const out = typeof values.out === 'string' ? values.out : null;
  if (!out || out === '-') {
    if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
    return;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, out);
}

export const report: Command = {
  name: 'report',
  usage: `sitrep report [--format md|html|json] [--since DATE] [--until DATE] [--near PLACE] [--db PATH] [--out PATH]

  --format F       md (default, Markdown), html (one self-contained page: map, timeline, sources on click)
                   or json (docs/report.md describes the fields)
${SELECTION_HELP}

The picture is kept in the store as documents arrive (reports of one event from several outlets merged,
figures given by different sources side by side); the report reads the part of it the options select.`,
  options: { ...SELECTION_OPTIONS },
  async run(values, positionals) {
    const format = (values.format as string | undefined) ?? 'md';
    if (!['md', 'markdown', 'html', 'json'].includes(format)) throw new UsageError(`--format must be md, html or json, got ${JSON.stringify(format)}`);
    try {
      if (format === 'md' || format === 'markdown') {
        // Markdown is written as the picture is read (src/report/markdown-stream.ts), editors' reviews laid over it.
        const opts = selection(values);
        await withPicture(values, positionals, async (reader, store) => {
          const overrides = store ? await deskData(store).overrides() : [];
          await emitStream(values, (write) => streamMarkdown(reader, opts, write, overrides));
        });
        return EXIT_OK;
      }
      const r = await reportFor(values, positionals);
      const text = format === 'html' ? renderHtml(r) : renderJson(r);
      await emit(values, text);
      return EXIT_OK;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof ReportError) {
        reportError('report', e.message);
        return EXIT_FAIL;
      }
      return fail(values, 'report', e);
    }
  },
};
