/**
 * The situation picture is computed from everything in the store (docs/report.md): expensive, and the same
 * until a document is added. The server keeps one snapshot — every stored analysis and, once asked for, the
 * situation built from them — and rebuilds it when the store's document count changes (a POST, or another
 * process such as `sitrep watch` ingesting into the same database). Reports for a few recent parameter
 * sets are kept with it. Documents are never updated in place (docs/store.md), so the count is enough to
 * notice new ones; a document deleted by hand while another is added would go unnoticed until the next
 * change (or a restart).
 */
import type { SituationDoc } from '../merge/input.js';
import { buildSituation, type Situation } from '../merge/situation.js';
import { MemoryReader } from '../merge/memory-reader.js';
import { situationFromStore } from '../report/load.js';
import { buildReport, type Report, type ReportOptions } from '../report/model.js';
import type { Store } from '../store/types.js';

const REPORTS_KEPT = 16;

export class Snapshot {
  private situation: Situation | null = null;
  private readonly reports = new Map<string, Report>();

  constructor(
    readonly count: number,
    readonly docs: readonly SituationDoc[],
  ) {}

  /** The report for these options (ReportError for an unknown --near place). */
  async report(opts: ReportOptions): Promise<Report> {
    const key = JSON.stringify([opts.since ?? null, opts.until ?? null, opts.near ?? null, opts.radiusKm ?? null]);
    let r = this.reports.get(key);
    if (!r) {
      this.situation ??= buildSituation(this.docs);
      r = await buildReport(new MemoryReader(this.situation), opts);
      if (this.reports.size >= REPORTS_KEPT) this.reports.delete(this.reports.keys().next().value!);
      this.reports.set(key, r);
    }
    return r;
  }
}

export class Snapshots {
  private current: Snapshot | null = null;
  private building: { count: number; promise: Promise<Snapshot> } | null = null;

  constructor(private readonly store: Store) {}

  /** The snapshot for the store as it is now; concurrent requests share one rebuild. */
  async get(): Promise<Snapshot> {
    const count = (await this.store.stats()).documents;
    if (this.current?.count === count) return this.current;
    if (this.building?.count === count) return this.building.promise;
    const promise = situationFromStore(this.store).then((docs) => new Snapshot(count, docs));
    const b = { count, promise };
    this.building = b;
    try {
      const snap = await promise;
      if (this.building === b) this.current = snap;
      return snap;
    } finally {
      if (this.building === b) this.building = null;
    }
  }

  /** Forget the snapshot (after this process stored documents). */
  invalidate(): void {
    this.current = null;
  }
}
