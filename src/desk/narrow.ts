/**
 * A report cut to a desk's filter (countries, types, actors …): its events, and what relates to them — the
 * latest developments about them, the places where they happened or whose control changed there, the
 * documents that report them and the figures those documents give.
 */
import type { Matcher } from './filter.js';
import type { Report } from '../report/model.js';

export function narrowReport(r: Report, keep: Matcher): Report {
  const events = r.events.filter((e) => keep(e));
  const ids = new Set(events.map((e) => e.id));
  const docs = new Set(events.flatMap((e) => e.sources.map((s) => s.documentId)));
  const countries = new Set(events.map((e) => e.location?.country).filter(Boolean));
  return {
    ...r,
    events,
    latest: r.latest.filter((l) => ids.has(l.eventId)),
    documents: r.documents.filter((d) => docs.has(d.id)),
    figures: r.figures.filter((f) => f.claims.some((c) => docs.has(c.documentId))),
    places: r.places
      .map((p) => ({ ...p, events: p.events.filter((id) => ids.has(id)) }))
      .filter((p) => p.events.length > 0 || (p.control.length > 0 && countries.has(p.country) && p.documents.some((d) => docs.has(d)))),
  };
}
