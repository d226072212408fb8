/**
 * Reports kept for a while: the situation picture lives in the store (src/store/picture/) and reports read
 * slices of it, so nothing here is recomputed when a document arrives. A Snapshot stands for the picture
 * at one generation (the store counts every change to it, also those made by other processes such as
 * `sitrep watch` or workers); reports built from it are kept until the generation changes. The desk's event
 * view (./event-view.ts) keeps its own derived data per snapshot the same way.
 */
import { buildReport, type Report, type ReportOptions } from '../report/model.js';
import type { Store } from '../store/types.js';
import { HttpError } from './http.js';

const REPORTS_KEPT = 16;

export class Snapshot {
  private readonly reports = new Map<string, Promise<Report>>();

  constructor(
    readonly generation: string,
    private readonly store: Store,
  ) {}

  /** The report for these options (ReportError for an unknown --near place), read from the stored picture. */
  report(opts: ReportOptions): Promise<Report> {
    const key = JSON.stringify(opts);
    let r = this.reports.get(key);
    if (!r) {
      if (this.reports.size >= REPORTS_KEPT) this.reports.delete(this.reports.keys().next().value!);
      r = buildReport(this.store.picture(), opts);
      // A failed report (an unknown place) is not kept.
      r.catch(() => this.reports.delete(key));
      this.reports.set(key, r);
    }
    return r;
  }
}

export class Snapshots {
  private current: Snapshot | null = null;

  constructor(private readonly store: Store) {}

  /** The snapshot for the picture as it is now (503 when the picture must be rebuilt first). */
  async get(): Promise<Snapshot> {
    if ((await this.store.pictureState()) !== 'ok') {
      throw new HttpError(503, 'picture_stale', 'the situation picture in this store is not built yet: run `sitrep rebuild`');
    }
    const generation = await this.store.picture().generation();
    if (this.current?.generation !== generation) this.current = new Snapshot(generation, this.store);
    return this.current;
  }

  /** Forget the snapshot (after this process stored documents; the generation says so anyway). */
  invalidate(): void {
    this.current = null;
  }
}
