/**
 * `/api/documents/:id.html`: one stored document, its text with every extracted span highlighted and
 * anchor-linkable (./highlight.ts), its metadata, and a list of what was extracted with links into the text.
 * No script; the only style is the page's own under a per-response nonce.
 */
import { escapeHtml as h, safeHttpUrl } from '../report/escape.js';
import type { StoredAnalysis } from '../store/types.js';
import { highlight, className, type MarkSpan } from './highlight.js';

/** Record fields that are not layers of spans. */
const NOT_LAYERS = new Set(['tokens']);

type Item = Record<string, unknown> & { start: number; end: number };

function isSpan(x: unknown): x is Item {
  return typeof x === 'object' && x !== null && Number.isInteger((x as Item).start) && Number.isInteger((x as Item).end);
}

const num = (x: unknown) => (typeof x === 'number' ? String(x) : null);

/** A one-line description of a layer item for its tooltip and the list under the text. */
export function describeItem(layer: string, it: Item): string {
  const s = (k: string) => (typeof it[k] === 'string' ? (it[k] as string) : null);
  switch (layer) {
    case 'times':
      return `time: ${[s('type'), s('value'), s('mod')].filter(Boolean).join(' ')}`;
    case 'places':
      return `place: ${s('name') ?? '?'}${s('country') ? ` (${s('country')}${s('admin1') ? `, ${s('admin1')}` : ''})` : ''}`;
    case 'quantities': {
      const v = num(it.best) ?? [num(it.low), num(it.high)].filter(Boolean).join('–');
      return `quantity: ${it.approx === true ? '~' : ''}${v || '?'}${s('what') ? ` ${s('what')}` : ''}`;
    }
    case 'events':
      return `event: ${s('type') ?? '?'}${s('subType') ? ` / ${s('subType')}` : ''}${typeof it.certainty === 'string' && it.certainty !== 'reported' ? ` (${it.certainty})` : ''}`;
    case 'sentences':
      return `sentence ${num(it.index) ?? ''}${s('kind') && s('kind') !== 'text' ? ` (${s('kind')})` : ''}`.trim();
    case 'boilerplate':
      return `boilerplate: ${s('kind') ?? ''}`.trim();
    default:
      return layer;
  }
}

/**
 * Every span of a record: each layer's items (any array of {start, end} objects, so a layer added later,
 * such as claims, is shown too) and the spans inside them (an event's sources, hedges and evidence, a
 * quantity's source). Sentences are anchors without a highlight; boilerplate is shown greyed.
 */
export function spansOf(record: StoredAnalysis): { spans: MarkSpan[]; items: { layer: string; item: Item; label: string }[] } {
  const spans: MarkSpan[] = [];
  const items: { layer: string; item: Item; label: string }[] = [];
  for (const [layer, value] of Object.entries(record)) {
    if (NOT_LAYERS.has(layer) || !Array.isArray(value)) continue;
    for (const it of value) {
      if (!isSpan(it)) continue;
      const label = describeItem(layer, it);
      const hl = layer === 'sentences' ? [] : ['hl'];
      spans.push({ start: it.start, end: it.end, classes: [...hl, layer], labels: layer === 'sentences' ? [] : [label] });
      if (layer !== 'sentences') items.push({ layer, item: it, label });
      for (const [prop, sub] of Object.entries(it)) {
        const subs = Array.isArray(sub) ? sub : [sub];
        for (const x of subs) {
          if (!isSpan(x) || (x.start === it.start && x.end === it.end)) continue;
          spans.push({ start: x.start, end: x.end, classes: ['hl', `${layer}-${prop}`], labels: [`${label} — ${prop}`] });
        }
      }
    }
  }
  return { spans, items };
}

/** `?hl=START-END` ranges given by the caller (checked against the text by the route). */
export interface ExtraRange {
  start: number;
  end: number;
}

const STYLE = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#fafaf8}
header,main{max-width:52em;margin:0 auto;padding:0 1em}
header{padding-top:1em}h1{font-size:1.35em;margin:.3em 0}.meta{color:#5b6570;font-size:.9em}
.text{white-space:pre-wrap;word-wrap:break-word;background:#fff;border:1px solid #ddd;padding:1em 1.2em;border-radius:4px}
.hl{border-bottom:2px solid #bbb}
.times{background:#e8f0ff;border-bottom-color:#5b8def}.places{background:#e7f6ea;border-bottom-color:#3c9a52}
.quantities{background:#fff3d6;border-bottom-color:#d29b12}.events{background:#fdeaea;border-bottom-color:#c94141}
.boilerplate{color:#9aa2aa;border-bottom:1px dotted #ccc}.extra{background:#ffe86b}
.events-sources,.quantities-source{font-style:italic}.events-hedges{text-decoration:underline wavy #c94141}
:target{outline:3px solid #e5a000;outline-offset:1px;background:#ffe58a}
.legend span{margin-right:1em;padding:0 .3em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:1em 0 3em}td,th{border-bottom:1px solid #e3e3e3;padding:.25em .4em;text-align:left;vertical-align:top}
a{color:#1f5fa8}`;

/** The page for one document. `nonce` is the style's CSP nonce; `extra` adds caller-given ranges. */
export function renderDocumentPage(a: StoredAnalysis, nonce: string, extra: readonly ExtraRange[] = []): string {
  const { spans, items } = spansOf(a);
  for (const r of extra) spans.push({ start: r.start, end: r.end, classes: ['hl', 'extra'], labels: ['linked range'] });
  const url = safeHttpUrl(a.url);
  const facts = [
    a.outlet ? h(a.outlet) : 'unknown outlet',
    a.published ? `published ${h(a.published)}${a.publishedFrom ? ` <span title="where the date comes from">(${h(a.publishedFrom)})</span>` : ''}` : 'undated',
    `id <code>${h(a.id)}</code>`,
    url ? `<a href="${h(url)}" rel="noopener noreferrer nofollow">${h(url)}</a>` : a.url ? h(a.url) : null,
    `<a href="${h(`/api/documents/${encodeURIComponent(a.id)}`)}">JSON</a>`,
  ].filter(Boolean);
  const layers = ['times', 'places', 'quantities', 'events'];
  const legend = layers.map((l) => `<span class="${l}">${l}</span>`).join('') + '<span class="boilerplate">boilerplate</span>';
  const rows = items
    .filter((x) => x.layer !== 'boilerplate')
    .sort((x, y) => x.item.start - y.item.start || y.item.end - x.item.end)
    .map(
      (x) =>
        `<tr><td><a href="#s-${x.item.start}-${x.item.end}">${x.item.start}–${x.item.end}</a></td><td class="${className(x.layer)}">${h(x.layer)}</td><td>${h(
          a.text.slice(x.item.start, x.item.end).slice(0, 160),
        )}</td><td>${h(x.label)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(a.title ?? a.id)} — sitrep</title>
<style nonce="${h(nonce)}">${STYLE}</style>
</head>
<body>
<header>
<p class="meta"><a href="/">situation report</a> · <a href="/api/documents">documents</a></p>
<h1>${h(a.title ?? a.id)}</h1>
<p class="meta">${facts.join(' · ')}</p>
<p class="meta legend">${legend}</p>
</header>
<main>
<div class="text">${highlight(a.text, spans)}</div>
<h2>Extracted</h2>
${rows ? `<table><thead><tr><th>span</th><th>layer</th><th>words</th><th>what</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="meta">Nothing was extracted from this document.</p>'}
</main>
</body>
</html>
`;
}
