import { dayNumber, dayFromNumber } from '../merge/dates.js';
import { escapeHtml as h } from './escape.js';
import { fmtDays, oneLine, TYPE_CLASS } from './format.js';
import type { SourceTable } from './html-sources.js';
import type { Report } from './model.js';

const WIDTH = 760;
const ROW = 26;
const LEFT = 170;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Tick {
  day: number;
  label: string;
}

/**
 * Tick marks between two day numbers at `pxPerDay`: the finest of 1, 2, 7 and 14 days, 1, 3 and 6 months,
 * 1, 2, 5, 10 and 20 years whose spacing leaves room for its widest label (10 px font, ~6 px a character).
 */
export function ticks(d0: number, d1: number, pxPerDay: number): Tick[] {
  const dayTicks = (n: number): Tick[] => {
    const out: Tick[] = [];
    for (let d = Math.ceil(d0 / n) * n; d <= d1; d += n) {
      const iso = dayFromNumber(d);
      out.push({ day: d, label: `${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}${out.length === 0 || iso.slice(5, 10) <= `01-${String(n).padStart(2, '0')}` ? ` ${iso.slice(0, 4)}` : ''}` });
    }
    return out;
  };
  const monthTicks = (n: number): Tick[] => {
    const out: Tick[] = [];
    const first = dayFromNumber(d0);
    let y = Number(first.slice(0, 4));
    let m = Math.ceil(Number(first.slice(5, 7)) / n) * n; // 1-based month index rounded up to the step
    for (;;) {
      if (m > 12) {
        y += Math.floor((m - 1) / 12);
        m = ((m - 1) % 12) + 1;
      }
      const iso = `${y}-${String(m).padStart(2, '0')}-01`;
      const d = dayNumber(iso);
      if (d > d1) break;
      if (d >= d0) out.push({ day: d, label: m === 1 || out.length === 0 ? `${MONTHS[m - 1]} ${y}` : MONTHS[m - 1]! });
      m += n;
    }
    return out;
  };
  const yearTicks = (n: number): Tick[] => {
    const out: Tick[] = [];
    for (let y = Math.ceil(Number(dayFromNumber(d0).slice(0, 4)) / n) * n; ; y += n) {
      const d = dayNumber(`${y}-01-01`);
      if (d > d1) break;
      if (d >= d0) out.push({ day: d, label: String(y) });
    }
    return out;
  };
  const options: [number, () => Tick[], number][] = [
    [1, () => dayTicks(1), 78],
    [2, () => dayTicks(2), 78],
    [7, () => dayTicks(7), 78],
    [14, () => dayTicks(14), 78],
    [30.4, () => monthTicks(1), 60],
    [91.3, () => monthTicks(3), 60],
    [182.6, () => monthTicks(6), 60],
    [365.25, () => yearTicks(1), 34],
    [730.5, () => yearTicks(2), 34],
    [1826, () => yearTicks(5), 34],
    [3652, () => yearTicks(10), 34],
    [7305, () => yearTicks(20), 34],
  ];
  for (const [days, make, width] of options) if (days * pxPerDay >= width) return make();
  return options[options.length - 1]![1]();
}

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
  // Ticks: the finest interval (days, weeks, months, quarters, years, decades) whose labels fit side by side,
  // so a timeline over eight years shows years and one over a fortnight days — never a strip of merged text.
  parts.push('<g class="axis">');
  for (const t of ticks(d0, d1, (WIDTH - LEFT - 10) / (d1 - d0))) {
    parts.push(`<line x1="${x(t.day).toFixed(1)}" x2="${x(t.day).toFixed(1)}" y1="18" y2="${height - 4}"/>`);
    parts.push(`<text x="${(x(t.day) + 2).toFixed(1)}" y="12">${h(t.label)}</text>`);
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
