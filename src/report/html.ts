import { createHash } from 'node:crypto';
import { escapeHtml as h, jsonForScript, safeHttpUrl } from './escape.js';
import { fmtActors, fmtClaimValue, fmtDays, fmtFatalities, fmtNumber, fmtPlace, oneLine, TYPE_CLASS } from './format.js';
import { CLIENT_SCRIPT } from './html-client.js';
import { SourceTable } from './html-sources.js';
import { STYLE } from './html-style.js';
import { renderMap } from './map-svg.js';
import type { Report, ReportSource } from './model.js';
import { renderTimeline } from './timeline-svg.js';
import { acledCountry } from '../export/acled-countries.js';

/** A fact in running text that shows its source sentence on click or hover. */
function fact(sources: SourceTable, list: readonly ReportSource[], text: string, label?: string): string {
  if (list.length === 0) return h(text);
  const tip = list.map((s) => `${s.outlet ?? 'unknown outlet'}: ${oneLine(s.sentence.text, 240)}`).join('\n');
  return `<span class="fact" tabindex="0" data-src="${sources.ids(list)}"${label ? ` data-label="${h(label)}"` : ''} title="${h(tip)}">${h(text)}</span>`;
}

function badge(text: string, cls = ''): string {
  return `<span class="badge ${h(cls)}">${h(text)}</span>`;
}

function legend(): string {
  return `<p class="legend">${Object.entries(TYPE_CLASS)
    .map(([t, c]) => `<span><i class="${c}"></i>${h(t)}</span>`)
    .join('')}<span>circle size: deaths and number of outlets</span></p>`;
}

export interface HtmlOptions {
  /**
   * The CSP nonce of the page's script. Default: a hash of the page's content (stable output for a given
   * report). A server should pass a fresh random nonce per response, and send `reportCsp(nonce)` as a header.
   */
  nonce?: string;
  /**
   * Where a host shows the whole document at a span (a same-origin path such as
   * `/api/documents/ID.html#s-START-END`, a fragment, or an http(s) URL); the source panel links to it.
   * Anything else is dropped.
   */
  documentHref?: (documentId: string, start: number, end: number) => string | null;
}

/**
 * The page's Content-Security-Policy: nothing may load or connect; only the page's own script (by nonce)
 * runs; inline style is allowed. The same string goes into the page's meta tag and may be sent as a header.
 */
export function reportCsp(nonce: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; img-src data:; connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'`;
}

/**
 * The situation report as one self-contained HTML page: inline style, inline script (under a CSP nonce),
 * inline SVG map and timeline, the data as an inert JSON block. A Content-Security-Policy forbids every
 * network request and every script but the page's own, so even text that slipped past escaping could not
 * run or fetch anything.
 */
export function renderHtml(r: Report, opts: HtmlOptions = {}): string {
  const sources = new SourceTable(r, opts.documentHref);
  const mapSvg = renderMap(r, sources);
  const timelineSvg = renderTimeline(r, sources);
  const outlets = new Set(r.documents.map((d) => d.outlet ?? '(unknown)'));
  const period = r.period.since || r.period.until ? `${r.period.since ?? '…'} to ${r.period.until ?? '…'}` : 'all dates';
  const sections: string[] = [];

  sections.push(`<section id="map"><h2>Map</h2>${mapSvg}${legend()}</section>`);

  const latest = r.latest
    .map((l) => {
      const ev = r.events.find((e) => e.id === l.eventId);
      const others = l.sources.filter((s) => !(s.documentId === l.quote.documentId && s.start === l.quote.start));
      return `<li data-ev="${h(l.eventId)}">${fact(sources, [l.quote], l.text)} <span class="muted">— ${h(l.outlets.join('; '))}</span>${
        others.length ? ` ${fact(sources, others, `+${others.length} other report${others.length > 1 ? 's' : ''}`)}` : ''
      }${ev && ev.certainty !== 'reported' ? ' ' + badge(ev.certainty, ev.certainty) : ''}</li>`;
    })
    .join('');
  sections.push(
    `<section id="latest"><h2>Latest developments${r.period.latest ? ` <span class="muted">(${h(fmtDays(r.period.latest))})</span>` : ''}</h2>${
      latest ? `<ol class="latest">${latest}</ol>` : '<p class="muted">No events reported for the last day of reporting.</p>'
    }</section>`,
  );

  sections.push(`<section id="timeline"><h2>Timeline</h2>${timelineSvg}</section>`);

  const contested = r.figures.filter((f) => f.contested);
  const agreeing = r.figures.filter((f) => !f.contested && f.claims.length > 1);
  const figureTable = (f: (typeof r.figures)[number]) =>
    `<h3>${h(f.what)}${f.where ? ` — ${h(f.where)}` : ''} <span class="muted">(${h(fmtDays(f.when))})</span>${f.contested ? badge('contested', 'contested') : ''}</h3>` +
    `<table><thead><tr><th>claim</th><th>as written</th><th>source</th><th>outlet</th></tr></thead><tbody>${f.claims
      .map((c) => {
        const ref: ReportSource = { documentId: c.documentId, outlet: c.outlet, published: c.published, start: c.start, end: c.end, text: c.text, sentence: c.sentence };
        return `<tr><td>${h(fmtClaimValue(c))}</td><td>${fact(sources, [ref], oneLine(c.text, 120))}</td><td>${h(c.source ?? 'unattributed')}</td><td>${h(c.outlet ?? '')}</td></tr>`;
      })
      .join('')}</tbody></table>`;
  sections.push(
    `<section id="figures"><h2>Contested figures</h2>${contested.length ? contested.map(figureTable).join('') : '<p class="muted">No figure is contested between sources.</p>'}${
      agreeing.length ? `<details><summary>Figures several sources agree on (${agreeing.length})</summary>${agreeing.map(figureTable).join('')}</details>` : ''
    }</section>`,
  );

  const unverified = r.events.filter((e) => e.certainty === 'unverified' || e.certainty === 'disputed' || e.certainty === 'denied');
  sections.push(
    `<section id="unverified"><h2>Unverified claims</h2>${
      unverified.length
        ? `<ul>${unverified
            .map((e) => `<li data-ev="${h(e.id)}">${badge(e.certainty, e.certainty)} ${h(e.type)} / ${h(e.subType)}, ${h(fmtPlace(e))}, ${h(fmtDays(e.date))}: ${fact(sources, e.sources, oneLine(e.sources[0]!.sentence.text, 240))}</li>`)
            .join('')}</ul>`
        : '<p class="muted">None: every event is reported without a caveat from its outlet.</p>'
    }</section>`,
  );

  // Events grouped by country (the most eventful first), so a desk following several crises reads each apart.
  const byCountry = new Map<string, typeof r.events>();
  for (const e of r.events) {
    const k = e.location?.country ?? '';
    byCountry.set(k, [...(byCountry.get(k) ?? []), e]);
  }
  const countryName = (code: string) => (code ? (acledCountry(code)?.name ?? code) : 'Place not known');
  const groups = [...byCountry].sort((a, b) => b[1].length - a[1].length || countryName(a[0]).localeCompare(countryName(b[0])));
  const eventRow = (e: (typeof r.events)[number]) =>
    `<tr data-ev="${h(e.id)}"><td>${h(fmtDays(e.date))}</td><td>${h(e.type)}<br><span class="muted">${h(e.subType)}</span>${e.certainty !== 'reported' ? ' ' + badge(e.certainty, e.certainty) : ''}${
      e.review ? ' ' + badge(`reviewed: ${e.review.status}`, 'reviewed') : ''
    }</td><td>${h(fmtPlace(e))}</td><td>${h(fmtActors(e.actor1, e.actor2))}</td><td>${h(fmtFatalities(e.fatalities))}</td><td>${e.corroboration} <span class="muted">${h(e.outlets.join('; '))}</span></td><td>${e.sources
      .map((s, i) => fact(sources, [s], `${i + 1}`, `${s.outlet ?? 'unknown outlet'}${s.said.length ? ', per ' + s.said.join('; ') : ''}`))
      .join(' ')}${e.merged.length ? `<details><summary class="muted">why merged</summary><ul>${e.merged.map((m) => `<li>${h(m)}</li>`).join('')}</ul></details>` : ''}${
      e.review ? `<details><summary class="muted">review</summary><ul>${e.review.history.map((c) => `<li>${h(`${c.action} by ${c.by ?? 'command line'}, ${c.at.slice(0, 10)}${c.why ? `: ${c.why}` : ''}`)}</li>`).join('')}</ul></details>` : ''
    }</td></tr>`;
  sections.push(
    `<section id="events"><h2>Events <span class="muted">(${r.events.length}${groups.length > 1 ? ` in ${groups.length} countries` : ''})</span></h2>${
      r.events.length
        ? groups
            .map(
              ([code, evs]) =>
                `<h3 class="country" id="events-${h(code || 'unknown')}">${h(countryName(code))} <span class="muted">(${evs.length})</span></h3><table><thead><tr><th>date</th><th>event</th><th>place</th><th>actors</th><th>deaths</th><th>outlets</th><th>sources</th></tr></thead><tbody>${evs.map(eventRow).join('')}</tbody></table>`,
            )
            .join('')
        : '<p class="muted">No events.</p>'
    }</section>`,
  );

  const withControl = r.places.filter((p) => p.control.length > 0);
  sections.push(
    `<section id="control"><h2>Control of places</h2>${
      withControl.length
        ? withControl
            .map(
              (p) =>
                `<h3>${h(p.name)}</h3><table><thead><tr><th>date</th><th>change</th><th>held by</th><th>before</th></tr></thead><tbody>${p.control
                  .map(
                    (c) =>
                      `<tr${c.eventId ? ` data-ev="${h(c.eventId)}"` : ''}><td>${h(fmtDays(c.date))}</td><td>${fact(sources, c.sources, c.how)}${c.part ? ' <span class="muted">(part)</span>' : ''}</td><td>${h(c.holder ?? 'not named')}</td><td>${h(c.previous ?? '')}</td></tr>`,
                  )
                  .join('')}</tbody></table>`,
            )
            .join('')
        : '<p class="muted">No territory changes reported.</p>'
    }</section>`,
  );

  sections.push(
    `<section id="places"><h2>Places <span class="muted">(${r.places.length})</span></h2>${
      r.places.length
        ? `<table><thead><tr><th>place</th><th>country</th><th>mentions</th><th>documents</th><th>events</th></tr></thead><tbody>${r.places
            .map((p) => {
              const refs: ReportSource[] = p.mentions.slice(0, 12).map((m) => {
                const doc = r.documents.find((d) => d.id === m.documentId);
                return { documentId: m.documentId, outlet: m.outlet, published: doc?.published ?? null, start: m.start, end: m.end, text: m.text, sentence: { start: m.start, end: m.end, text: m.text } };
              });
              return `<tr><td>${h(p.name)}</td><td>${h(p.country)}</td><td>${fact(sources, refs, fmtNumber(p.mentions.length))} <span class="muted">${h([...new Set(p.mentions.map((m) => m.text))].join(', '))}</span></td><td>${h(p.documents.length)}</td><td>${h(p.events.length)}</td></tr>`;
            })
            .join('')}</tbody></table>`
        : '<p class="muted">No places.</p>'
    }</section>`,
  );

  sections.push(
    `<section id="documents"><h2>Documents <span class="muted">(${r.documents.length})</span></h2>${
      r.documents.length
        ? `<table><thead><tr><th>document</th><th>published</th><th>outlet</th><th>title</th><th>events</th></tr></thead><tbody>${r.documents
            .map((d) => {
              const url = safeHttpUrl(d.url);
              const title = h(d.title ?? '');
              return `<tr><td>${h(d.id)}</td><td>${h(d.published ? `${d.published} (${d.publishedFrom ?? '?'})` : 'undated')}</td><td>${h(d.outlet ?? '')}</td><td>${
                url ? `<a href="${h(url)}" rel="noopener noreferrer nofollow" target="_blank">${title || h(url)}</a>` : title || `<span class="muted">${h(d.url ?? '')}</span>`
              }</td><td>${d.layers.events}</td></tr>`;
            })
            .join('')}</tbody></table>`
        : '<p class="muted">The store holds no documents for this period.</p>'
    }</section>`,
  );

  const data = jsonForScript({ sources: sources.list });
  const nonce =
    opts.nonce && /^[A-Za-z0-9+/=_-]{8,}$/.test(opts.nonce)
      ? opts.nonce
      : createHash('sha256').update(data).update(sections.join('')).digest('base64').slice(0, 24);
  const csp = reportCsp(nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Situation report — ${h(period)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Situation report</h1>
<p class="meta">${h(period)}${r.near ? ` · within ${h(r.near.radiusKm)} km of ${h(r.near.name)}` : ''} · ${r.documents.length} documents from ${outlets.size} outlets · ${r.events.length} events · ${contested.length} contested figures · computed from the store's contents when the report was made</p>
<nav><a href="#map">Map</a><a href="#latest">Latest</a><a href="#timeline">Timeline</a><a href="#figures">Contested figures</a><a href="#unverified">Unverified</a><a href="#events">Events</a><a href="#control">Control</a><a href="#places">Places</a><a href="#documents">Documents</a></nav>
</header>
<div class="layout">
<main>
${sections.join('\n')}
</main>
<aside id="source-panel" aria-live="polite"><h2>Source <button id="pin" type="button">pin</button></h2><div id="source-body"><p class="muted">Click or hover over any fact (a marker, a bar, an underlined value) to see the sentence it comes from, with its document and outlet.</p></div></aside>
</div>
<script type="application/json" id="sitrep-data">${data}</script>
<script nonce="${nonce}">${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
