import { escapeMarkdown as md } from './escape.js';
import { fmtActors, fmtClaimValue, fmtDays, fmtFatalities, fmtPlace, oneLine } from './format.js';
import type { Report, ReportDocument, ReportEvent, ReportFigure, ReportLatest, ReportPlace, ReportSource } from './model.js';

/*
 * The report's Markdown, one piece at a time: renderMarkdown writes a whole Report with them, and
 * ./markdown-stream.ts writes the same bytes while it reads the picture page by page.
 */

function cite(s: ReportSource): string {
  return `${md(s.outlet ?? 'unknown outlet')}, ${md(s.documentId)} [${s.start}–${s.end}]`;
}

function quote(s: ReportSource): string {
  return `“${md(oneLine(s.sentence.text, 300))}”`;
}

/** What the report's first lines count. */
export interface MarkdownCounts {
  documents: number;
  outlets: number;
  events: number;
  contested: number;
}

export function headerLines(period: Report['period'], near: Report['near'], n: MarkdownCounts): string[] {
  const p = period.since || period.until ? `${period.since ?? '…'} to ${period.until ?? '…'}` : 'all dates';
  return [
    '# Situation report',
    '',
    `Period: ${md(p)}${near ? ` · within ${near.radiusKm} km of ${md(near.name)}` : ''} · ${n.documents} documents from ${n.outlets} outlets · ${n.events} events · ${n.contested} contested figures`,
    '',
  ];
}

export function latestLines(period: Report['period'], latest: readonly ReportLatest[]): string[] {
  const out = [`## Latest developments${period.latest ? ` (${md(fmtDays(period.latest))})` : ''}`, ''];
  if (latest.length === 0) out.push('No events reported for the last day of reporting.', '');
  for (const l of latest) out.push(`- ${md(l.text)} — ${md(l.outlets.join('; '))} (${md(l.quote.documentId)}; event ${md(l.eventId)})`);
  if (latest.length) out.push('');
  return out;
}

export function contestedFigureLines(f: ReportFigure): string[] {
  const out = [`### ${md(f.what)}${f.where ? ` — ${md(f.where)}` : ''} (${md(fmtDays(f.when))})`, '', '| claim | as written | source | outlet | document |', '|---|---|---|---|---|'];
  for (const c of f.claims) {
    out.push(`| ${md(fmtClaimValue(c))} | ${md(oneLine(c.text, 120))} | ${md(c.source ?? 'unattributed')} | ${md(c.outlet ?? '')} | ${md(c.documentId)} [${c.start}–${c.end}] |`);
  }
  out.push('');
  return out;
}

export function isUnverified(e: ReportEvent): boolean {
  return e.certainty !== 'reported' && e.certainty !== 'confirmed';
}

export function unverifiedLine(e: ReportEvent): string {
  return `- **${md(e.certainty)}**: ${md(e.type)} / ${md(e.subType)}, ${md(fmtPlace(e))}, ${md(fmtDays(e.date))} — ${quote(e.sources[0]!)} (${cite(e.sources[0]!)})`;
}

export function eventLines(e: ReportEvent): string[] {
  const out = [
    `- **${md(fmtDays(e.date))} · ${md(e.type)} / ${md(e.subType)} · ${md(fmtPlace(e))}** — ${md(fmtActors(e.actor1, e.actor2))}; fatalities ${md(fmtFatalities(e.fatalities))}; ${e.corroboration} outlet${e.corroboration === 1 ? '' : 's'}; ${md(e.certainty)}${e.review ? `; reviewed: ${md(e.review.status)} by ${md(e.review.by ?? 'the command line')} on ${md(e.review.at.slice(0, 10))}${e.review.why ? ` (${md(e.review.why)})` : ''}` : ''} (${md(e.id)})`,
  ];
  for (const s of e.sources) out.push(`  - ${cite(s)}${s.said.length ? `, per ${md(s.said.join('; '))}` : ''}: ${quote(s)}`);
  return out;
}

export function controlLines(places: readonly ReportPlace[]): string[] {
  const withControl = places.filter((p) => p.control.length > 0);
  const out = ['## Control of places', ''];
  if (withControl.length === 0) out.push('No territory changes reported.', '');
  for (const p of withControl) {
    out.push(`### ${md(p.name)}`, '');
    for (const c of p.control) {
      const who = c.holder ? `held by ${md(c.holder)}` : 'holder not named';
      const before = c.previous ? ` (before: ${md(c.previous)})` : '';
      out.push(`- ${md(fmtDays(c.date))}: ${md(c.how)}${c.part ? ' (part of it)' : ''} — ${who}${before} — ${quote(c.sources[0]!)} (${cite(c.sources[0]!)}${c.sources.length > 1 ? ` and ${c.sources.length - 1} more` : ''})`);
    }
    out.push('');
  }
  return out;
}

/** A figure told by several sources that agree (not contested). */
export function isAgreeing(f: ReportFigure): boolean {
  return !f.contested && f.claims.length > 1;
}

export function agreeingLine(f: ReportFigure): string {
  return `- ${md(f.what)}${f.where ? `, ${md(f.where)}` : ''}: ${f.claims.map((c) => `${md(fmtClaimValue(c))} (${md(c.source ?? c.outlet ?? 'unattributed')})`).join('; ')}`;
}

export function placesLines(places: readonly ReportPlace[]): string[] {
  const out = ['## Places', ''];
  if (places.length === 0) out.push('No places.', '');
  else {
    out.push('| place | country | coordinates | mentions | documents |', '|---|---|---|---|---|');
    for (const p of places) {
      out.push(`| ${md(p.name)} | ${md(p.country)} | ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)} | ${p.mentions.length} | ${md(p.documents.join(', '))} |`);
    }
    out.push('');
  }
  return out;
}

export const DOCUMENTS_HEAD = ['| document | published | outlet | title | sentences | times | places | quantities | events |', '|---|---|---|---|---|---|---|---|---|'];

export function documentLine(d: ReportDocument): string {
  const pub = d.published ? `${d.published} (${d.publishedFrom ?? '?'})` : 'undated';
  return `| ${md(d.id)} | ${md(pub)} | ${md(d.outlet ?? '')} | ${md(d.title ?? '')} | ${d.layers.sentences} | ${d.layers.times} | ${d.layers.places} | ${d.layers.quantities} | ${d.layers.events} |`;
}

/** The situation report in Markdown: every fact followed by where it came from. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  const outlets = new Set(r.documents.map((d) => d.outlet ?? '(unknown)'));
  const contested = r.figures.filter((f) => f.contested);
  out.push(...headerLines(r.period, r.near, { documents: r.documents.length, outlets: outlets.size, events: r.events.length, contested: contested.length }));
  out.push(...latestLines(r.period, r.latest));

  out.push('## Contested figures', '');
  if (contested.length === 0) out.push('No figure is contested between sources.', '');
  for (const f of contested) out.push(...contestedFigureLines(f));

  const unverified = r.events.filter(isUnverified);
  out.push('## Unverified and disputed claims', '');
  if (unverified.length === 0) out.push('None.', '');
  for (const e of unverified) out.push(unverifiedLine(e));
  if (unverified.length) out.push('');

  out.push('## Events', '');
  if (r.events.length === 0) out.push('No events.', '');
  for (const e of r.events) out.push(...eventLines(e));
  if (r.events.length) out.push('');

  out.push(...controlLines(r.places));

  const otherFigures = r.figures.filter(isAgreeing);
  if (otherFigures.length) {
    out.push('## Figures reported by several sources (agreeing)', '');
    for (const f of otherFigures) out.push(agreeingLine(f));
    out.push('');
  }

  out.push(...placesLines(r.places));

  out.push('## Documents', '');
  if (r.documents.length === 0) out.push('The store holds no documents for this period.', '');
  else {
    out.push(...DOCUMENTS_HEAD);
    for (const d of r.documents) out.push(documentLine(d));
    out.push('');
  }
  return out.join('\n');
}
