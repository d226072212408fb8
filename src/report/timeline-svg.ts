import { dayNumber, dayFromNumber } from '../merge/dates.js';
import { escapeHtml as h } from './escape.js';
import { fmtDays, oneLine, TYPE_CLASS } from './format.js';
import type { SourceTable } from './html-sources.js';
import type { Report } from './model.js';

const WIDTH = 760;
const ROW = 26;
const LEFT = 170;

/** The timeline: one row per event type, each event a bar over the days its reports allow. */
export function renderTimeline(r: Report, sources: SourceTable): string {
  const dated = r.events.filter((e) => e.date);
  const types = [...new Set(dated.map((e) => e.type))].sort();
  const height = 40 + Math.max(1, types.length) * ROW;
  const parts: string[] = [`<svg id="timeline-svg" class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Timeline of events">`];
  if (dated.length === 0) {
    parts.push(`<text class="axis" x="10" y="24">No dated events.</text></svg>`);
    return parts.join('');
  }
  let d0 = Math.min(...dated.map((e) => dayNumber(e.date!.start)));
  let d1 = Math.max(...dated.map((e) => dayNumber(e.date!.end))) + 1;
  if (d1 - d0 < 7) {
    const pad = Math.ceil((7 - (d1 - d0)) / 2);
    d0 -= pad;
    d1 += pad;
  }
  const x = (d: number) => LEFT + ((d - d0) / (d1 - d0)) * (WIDTH - LEFT - 10);
  // Ticks: days for a fortnight or less, weeks up to a few months, else months.
  const span = d1 - d0;
  const step = span <= 16 ? 1 : span <= 120 ? 7 : 30;
  parts.push('<g class="axis">');
  for (let d = d0; d <= d1; d += step) {
    const day = dayFromNumber(d);
    parts.push(`<line x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="18" y2="${height - 4}"/>`);
    parts.push(`<text x="${(x(d) + 2).toFixed(1)}" y="12">${h(step >= 30 ? day.slice(0, 7) : day.slice(5))}</text>`);
  }
  parts.push('</g>');
  types.forEach((t, i) => {
    const y = 24 + i * ROW;
    parts.push(`<text class="row-label" x="4" y="${y + 15}">${h(t)}</text>`);
    const rowEvents = dated.filter((e) => e.type === t);
    for (const e of rowEvents) {
      const a = x(dayNumber(e.date!.start));
      const b = x(dayNumber(e.date!.end) + 1);
      const tip = `${fmtDays(e.date)} · ${e.subType} · ${e.location?.name ?? 'place not given'} — ${oneLine(e.sources[0]!.sentence.text, 200)}`;
      parts.push(
        `<rect class="ev ${TYPE_CLASS[t] ?? ''}" x="${a.toFixed(1)}" y="${y + 3}" width="${Math.max(5, b - a - 1).toFixed(1)}" height="${ROW - 8}" rx="3" tabindex="0" data-ev="${h(e.id)}" data-src="${sources.ids(e.sources)}"><title>${h(tip)}</title></rect>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
