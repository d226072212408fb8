import { escapeMarkdown as md } from './escape.js';
import { fmtActors, fmtClaimValue, fmtDays, fmtFatalities, fmtPlace, oneLine } from './format.js';
import type { Report, ReportSource } from './model.js';

function cite(s: ReportSource): string {
  return `${md(s.outlet ?? 'unknown outlet')}, ${md(s.documentId)} [${s.start}–${s.end}]`;
}

function quote(s: ReportSource): string {
  return `“${md(oneLine(s.sentence.text, 300))}”`;
}

/** The situation report in Markdown: every fact followed by where it came from. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  const outlets = new Set(r.documents.map((d) => d.outlet ?? '(unknown)'));
  out.push('# Situation report', '');
  const period = r.period.since || r.period.until ? `${r.period.since ?? '…'} to ${r.period.until ?? '…'}` : 'all dates';
  out.push(`Period: ${md(period)}${r.near ? ` · within ${r.near.radiusKm} km of ${md(r.near.name)}` : ''} · ${r.documents.length} documents from ${outlets.size} outlets · ${r.events.length} events · ${r.figures.filter((f) => f.contested).length} contested figures`, '');

  out.push(`## Latest developments${r.period.latest ? ` (${md(fmtDays(r.period.latest))})` : ''}`, '');
  if (r.latest.length === 0) out.push('No events reported for the last day of reporting.', '');
  for (const l of r.latest) {
    out.push(`- ${md(l.text)} — ${md(l.outlets.join('; '))} (${md(l.quote.documentId)}; event ${md(l.eventId)})`);
  }
  if (r.latest.length) out.push('');

  const contested = r.figures.filter((f) => f.contested);
  out.push('## Contested figures', '');
  if (contested.length === 0) out.push('No figure is contested between sources.', '');
  for (const f of contested) {
    out.push(`### ${md(f.what)}${f.where ? ` — ${md(f.where)}` : ''} (${md(fmtDays(f.when))})`, '');
    out.push('| claim | as written | source | outlet | document |', '|---|---|---|---|---|');
    for (const c of f.claims) {
      out.push(`| ${md(fmtClaimValue(c))} | ${md(oneLine(c.text, 120))} | ${md(c.source ?? 'unattributed')} | ${md(c.outlet ?? '')} | ${md(c.documentId)} [${c.start}–${c.end}] |`);
    }
    out.push('');
  }

  const unverified = r.events.filter((e) => e.certainty !== 'reported' && e.certainty !== 'confirmed');
  out.push('## Unverified and disputed claims', '');
  if (unverified.length === 0) out.push('None.', '');
  for (const e of unverified) {
    out.push(`- **${md(e.certainty)}**: ${md(e.type)} / ${md(e.subType)}, ${md(fmtPlace(e))}, ${md(fmtDays(e.date))} — ${quote(e.sources[0]!)} (${cite(e.sources[0]!)})`);
  }
  if (unverified.length) out.push('');

  out.push('## Events', '');
  if (r.events.length === 0) out.push('No events.', '');
  for (const e of r.events) {
    out.push(
      `- **${md(fmtDays(e.date))} · ${md(e.type)} / ${md(e.subType)} · ${md(fmtPlace(e))}** — ${md(fmtActors(e.actor1, e.actor2))}; fatalities ${md(fmtFatalities(e.fatalities))}; ${e.corroboration} outlet${e.corroboration === 1 ? '' : 's'}; ${md(e.certainty)}${e.review ? `; reviewed: ${md(e.review.status)} by ${md(e.review.by ?? 'the command line')} on ${md(e.review.at.slice(0, 10))}${e.review.why ? ` (${md(e.review.why)})` : ''}` : ''} (${md(e.id)})`,
    );
    for (const s of e.sources) out.push(`  - ${cite(s)}${s.said.length ? `, per ${md(s.said.join('; '))}` : ''}: ${quote(s)}`);
  }
  if (r.events.length) out.push('');

  const withControl = r.places.filter((p) => p.control.length > 0);
  out.push('## Control of places', '');
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

  const otherFigures = r.figures.filter((f) => !f.contested && f.claims.length > 1);
  if (otherFigures.length) {
    out.push('## Figures reported by several sources (agreeing)', '');
    for (const f of otherFigures) {
      out.push(`- ${md(f.what)}${f.where ? `, ${md(f.where)}` : ''}: ${f.claims.map((c) => `${md(fmtClaimValue(c))} (${md(c.source ?? c.outlet ?? 'unattributed')})`).join('; ')}`);
    }
    out.push('');
  }

  out.push('## Places', '');
  if (r.places.length === 0) out.push('No places.', '');
  else {
    out.push('| place | country | coordinates | mentions | documents |', '|---|---|---|---|---|');
    for (const p of r.places) {
      out.push(`| ${md(p.name)} | ${md(p.country)} | ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)} | ${p.mentions.length} | ${md(p.documents.join(', '))} |`);
    }
    out.push('');
  }

  out.push('## Documents', '');
  if (r.documents.length === 0) out.push('The store holds no documents for this period.', '');
  else {
    out.push('| document | published | outlet | title | sentences | times | places | quantities | events |', '|---|---|---|---|---|---|---|---|---|');
    for (const d of r.documents) {
      const pub = d.published ? `${d.published} (${d.publishedFrom ?? '?'})` : 'undated';
      out.push(
        `| ${md(d.id)} | ${md(pub)} | ${md(d.outlet ?? '')} | ${md(d.title ?? '')} | ${d.layers.sentences} | ${d.layers.times} | ${d.layers.places} | ${d.layers.quantities} | ${d.layers.events} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
