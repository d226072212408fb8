import type { Actor } from '../extract/events/types.js';
import type { ReportClaim, ReportEvent } from './model.js';

/** Plain-text formatting shared by the Markdown and HTML reports (callers escape the result). */

const num = new Intl.NumberFormat('en-US');

export function fmtNumber(n: number): string {
  return num.format(Math.round(n));
}

export function fmtDays(d: { start: string; end: string } | null | undefined): string {
  if (!d) return 'undated';
  return d.start === d.end ? d.start : `${d.start} – ${d.end}`;
}

export function fmtActors(a1: Actor | null, a2: Actor | null): string {
  if (a1 && a2) return `${a1.name} vs ${a2.name}`;
  return a1?.name ?? a2?.name ?? 'actors not named';
}

export function fmtFatalities(f: ReportEvent['fatalities']): string {
  if (f.best == null && f.low == null && f.high == null) return '–';
  const best = f.best ?? f.low ?? f.high!;
  const lo = f.low ?? best;
  const hi = f.high ?? best;
  return lo === hi ? fmtNumber(best) : `${fmtNumber(best)} (reports: ${fmtNumber(lo)}–${fmtNumber(hi)})`;
}

/** A claim's value with its hedge in symbols: "≤ 5,000", "> 50,000", "≈ 900", "10–15". */
export function fmtClaimValue(c: ReportClaim): string {
  const approx = c.approx ? '≈ ' : '';
  if (c.vague) return `${approx}${fmtNumber(c.value)} (magnitude only)`;
  if (c.low != null && c.high != null) return c.low === c.high ? `${approx}${fmtNumber(c.low)}` : `${fmtNumber(c.low)}–${fmtNumber(c.high)}`;
  if (c.low != null) return `≥ ${approx}${fmtNumber(c.low)}`;
  if (c.high != null) return `≤ ${approx}${fmtNumber(c.high)}`;
  return `${approx}${fmtNumber(c.value)}`;
}

export function fmtPlace(e: ReportEvent): string {
  if (!e.location) return 'place not given';
  // A village the gazetteer lacks: its name as written, and where it is shown.
  if (e.location.unresolved) return `${e.location.name} (not in the gazetteer; shown at ${e.location.area ?? 'its area'})`;
  const near = e.location.precision === 2 ? 'near ' : e.location.precision === 3 ? 'region of ' : '';
  return `${near}${e.location.name}`;
}

/** One sentence with runs of white space folded, for tables and tooltips. */
export function oneLine(s: string, max = 400): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export const TYPE_CLASS: Record<string, string> = {
  Battles: 't-battle',
  'Explosions/Remote violence': 't-explosion',
  'Violence against civilians': 't-civilians',
  Protests: 't-protest',
  Riots: 't-riot',
  'Strategic developments': 't-strategic',
};
