/**
 * The desk: filters (left), the map and the timeline (top), the events grouped by country (below). The
 * filters are the URL's query; every change pushes a new URL and reloads the data, so the back button and
 * a shared link give the same view. Selecting an event on the map, the timeline or the list highlights it
 * in all three.
 */
import { canEdit, get, send } from './api.js';
import { clear, fmtDays, fmtDeaths, h, TYPE_COLOR, TYPES } from './dom.js';
import { EventMap } from './map.js';
import { listOf, query, readFilters, toggle, type FilterKey, type Filters } from './state.js';
import { Timeline } from './timeline.js';
import type { ControlPlace, Desk, Event, Facet, Facets, Point } from './types.js';

export interface DeskContext {
  navigate(url: string, replace?: boolean): void;
  desk: Desk | null;
}

const CERTAINTY = ['reported', 'confirmed', 'unverified', 'disputed', 'denied'];
const REVIEW = [
  ['', 'all but rejected and merged'],
  ['all', 'everything'],
  ['unreviewed', 'not reviewed yet'],
  ['reviewed', 'reviewed'],
  ['confirmed', 'confirmed'],
  ['corrected', 'corrected'],
  ['rejected', 'rejected'],
] as const;

const countryNames = new Map<string, string>();
export function rememberCountries(f: Facets): void {
  for (const c of f.facets.country ?? []) countryNames.set(c.value, c.label);
}
export const countryName = (code: string | null | undefined) => (code ? (countryNames.get(code) ?? code) : 'Place unknown');

export async function renderDesk(root: HTMLElement, ctx: DeskContext, previous: Filters | null): Promise<void> {
  const f = readFilters();
  const q = query(f);
  const withoutPeriod = query({ ...f, since: undefined, until: undefined });
  const [facets, points, timelinePoints, control, list] = await Promise.all([
    get<Facets>(`/api/facets${q}`),
    get<{ total: number; truncated: boolean; points: Point[] }>(`/api/events/points${q}`),
    get<{ points: Point[] }>(`/api/events/points${withoutPeriod}`),
    get<{ places: ControlPlace[] }>(`/api/control${q}`),
    get<{ total: number; totalExact?: boolean; next: string | null; events: Event[] }>(`/api/events${query(f, { sort: '-date', limit: '300' })}`),
  ]);
  rememberCountries(facets);

  clear(root);
  const set = (next: Filters) => ctx.navigate(`${location.pathname}${query(next)}`);
  const sidebar = filtersPanel(f, facets, set, ctx);
  const mapEl = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'Map of events' });
  const tlEl = h('div', { id: 'timeline', class: 'timeline-box', role: 'region', 'aria-label': 'Timeline' });
  const listEl = h('section', { id: 'events', class: 'events', 'aria-label': 'Events by country' });
  const summary = h('p', { class: 'summary', 'aria-live': 'polite' }, `${points.total} events`, points.truncated ? ` (map shows the first ${points.points.length})` : '', control.places.length ? ` · ${control.places.length} places changed hands` : '', ' · ', exportLinks(q));
  root.append(h('div', { class: 'desk' }, sidebar, h('div', { class: 'main' }, ctx.desk ? deskHeader(ctx.desk) : null, summary, mapEl, legend(), tlEl, listEl)));

  let selected: string | null = null;
  const select = (id: string, from: 'map' | 'timeline' | 'list') => {
    selected = id;
    map.highlight(id);
    timeline.highlight(id);
    if (from !== 'map') map.reveal(id);
    for (const row of listEl.querySelectorAll('[data-ev]')) row.classList.toggle('selected', row.getAttribute('data-ev') === id);
    if (from !== 'list') {
      const row = listEl.querySelector(`[data-ev="${CSS.escape(id)}"]`) as HTMLElement | null;
      if (row) {
        const d = row.closest('details');
        if (d) d.open = true;
        row.scrollIntoView({ block: 'nearest' });
      }
    }
  };
  const open = (id: string) => ctx.navigate(`/events/${encodeURIComponent(id)}`);
  const map = new EventMap(mapEl, { select: (id) => select(id, 'map'), open });
  // Frame the data when the set of places changed (not when only the period or the text changed).
  const refit = !previous || ['country', 'admin1', 'bbox', 'type', 'subType', 'actor', 'outlet'].some((k) => previous[k as FilterKey] !== f[k as FilterKey]);
  map.setData(points.points, control.places, true);
  void refit;
  const timeline = new Timeline(tlEl, {
    select: (id) => select(id, 'timeline'),
    open,
    brush: (since, until) => set({ ...f, since: since ?? undefined, until: until ?? undefined }),
  });
  timeline.setData(timelinePoints.points, f.since ?? null, f.until ?? null, true);
  renderList(listEl, list.events, list.total, list.totalExact !== false, list.next, (id) => select(id, 'list'));
  void selected;
}

function deskHeader(d: Desk): HTMLElement {
  return h('div', { class: 'desk-header' }, h('h2', {}, d.name), d.description ? h('p', { class: 'muted' }, d.description) : null);
}

function exportLinks(q: string): HTMLElement {
  return h(
    'span',
    { class: 'exports' },
    h('a', { href: `/report${q}` }, 'Report'),
    ' · ',
    h('a', { href: `/api/export.csv${q}` }, 'ACLED CSV'),
    ' · ',
    h('a', { href: `/api/export.geojson${q}` }, 'GeoJSON'),
    ' · ',
    h('a', { href: `/api/feed.atom${q}` }, 'Feed'),
  );
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    TYPES.map((t) => {
      const i = h('i');
      i.style.background = TYPE_COLOR[t]!;
      return h('span', {}, i, t);
    }),
    h('span', {}, h('b', { class: 'flag' }, '⚑'), ' control changed'),
    h('span', { class: 'muted' }, 'filled circle: one event, sized and numbered by deaths · ringed: several events, numbered by count (click to zoom)'),
  );
}

function checkboxes(name: FilterKey, label: string, values: Facet[], f: Filters, set: (f: Filters) => void, colour = false): HTMLElement {
  const chosen = listOf(f, name);
  const shown = [...values];
  for (const c of chosen) if (!shown.some((v) => v.value === c)) shown.push({ value: c, label: name === 'country' ? countryName(c) : c, count: 0 });
  const box = h('fieldset', { class: 'facet', 'data-facet': name }, h('legend', {}, label));
  if (!shown.length) box.append(h('p', { class: 'muted' }, 'none'));
  for (const v of shown.slice(0, 40)) {
    const id = `f-${name}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const input = h('input', { type: 'checkbox', id, checked: chosen.includes(v.value), onchange: () => set(toggle(f, name, v.value)) });
    const sw = colour ? h('i', { class: 'swatch' }) : null;
    if (sw) sw.style.background = TYPE_COLOR[v.value] ?? '#555';
    box.append(h('div', { class: 'check' }, input, h('label', { for: id }, sw, v.label, h('span', { class: 'count' }, String(v.count)))));
  }
  return box;
}

function filtersPanel(f: Filters, facets: Facets, set: (f: Filters) => void, ctx: DeskContext): HTMLElement {
  const fc = facets.facets;
  const text = (name: FilterKey, label: string, attrs: Record<string, string> = {}) => {
    const id = `f-${name}`;
    const input = h('input', { id, name, value: f[name] ?? '', ...attrs });
    input.addEventListener('change', () => set({ ...f, [name]: input.value.trim() || undefined }));
    return h('div', { class: 'field' }, h('label', { for: id }, label), input);
  };
  const actorList = h('datalist', { id: 'actors' }, (fc.actor ?? []).map((a) => h('option', { value: a.value })));
  const reviewSel = h('select', { id: 'f-review' }, REVIEW.map(([v, l]) => h('option', { value: v, selected: (f.review ?? '') === v }, l)));
  reviewSel.addEventListener('change', () => set({ ...f, review: reviewSel.value || undefined }));
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filters', onsubmit: (e: globalThis.Event) => e.preventDefault() },
    h('h2', {}, 'Filters'),
    text('q', 'Full text', { type: 'search', placeholder: 'words in the reports' }),
    h('div', { class: 'field two' }, text('since', 'From', { type: 'date' }), text('until', 'To', { type: 'date' })),
    checkboxes('country', 'Country', fc.country ?? [], f, set),
    (fc.admin1 ?? []).length ? checkboxes('admin1', 'Admin area', fc.admin1 ?? [], f, set) : null,
    checkboxes('type', 'Event type', fc.type ?? [], f, set, true),
    (fc.subType ?? []).length ? checkboxes('subType', 'Sub-type', fc.subType ?? [], f, set) : null,
    text('actor', 'Actor', { list: 'actors', placeholder: 'a name or part of one' }),
    actorList,
    checkboxes('outlet', 'Outlet', fc.outlet ?? [], f, set),
    checkboxes('certainty', 'Certainty', (fc.certainty ?? []).length ? fc.certainty! : CERTAINTY.map((c) => ({ value: c, label: c, count: 0 })), f, set),
    text('minOutlets', 'Corroborated by at least (outlets)', { type: 'number', min: '1', max: '50' }),
    h('div', { class: 'field' }, h('label', { for: 'f-review' }, 'Review'), reviewSel),
    h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => set({}) }, 'Clear all')),
    canEdit() ? saveDesk(f, ctx) : null,
  );
  return h('aside', { class: 'sidebar' }, form);
}

function saveDesk(f: Filters, ctx: DeskContext): HTMLElement {
  const name = h('input', { id: 'desk-name', placeholder: 'e.g. Sudan war', value: ctx.desk?.name ?? '' });
  const msg = h('p', { class: 'muted', 'aria-live': 'polite' });
  const save = async () => {
    if (!name.value.trim()) {
      msg.textContent = 'Give the desk a name.';
      return;
    }
    try {
      const body = { name: name.value.trim(), query: query(f).slice(1) };
      const d = ctx.desk ? await send<Desk>('PUT', `/api/desks/${ctx.desk.id}`, body) : await send<Desk>('POST', '/api/desks', body);
      ctx.navigate(d.links.app);
    } catch (e) {
      msg.textContent = (e as Error).message;
    }
  };
  return h('details', { class: 'save-desk' }, h('summary', {}, ctx.desk ? 'Update this desk' : 'Save as a desk'), h('label', { for: 'desk-name' }, 'Name'), name, h('button', { type: 'button', onclick: save }, 'Save'), msg);
}

function renderList(el: HTMLElement, events: Event[], total: number, exact: boolean, next: string | null, select: (id: string) => void): void {
  clear(el);
  // A broad filter's count stops at a bound (the API's totalExact): "1000+".
  const shown = events.length < total || !exact ? `, newest ${events.length} shown` : '';
  el.append(h('h2', {}, `Events by country `, h('span', { class: 'muted' }, `(${total}${exact ? '' : '+'}${shown})`)));
  const groups = new Map<string, Event[]>();
  for (const e of events) {
    const k = e.location?.country ?? '';
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const order = [...groups].sort((a, b) => b[1].length - a[1].length || countryName(a[0]).localeCompare(countryName(b[0])));
  for (const [code, evs] of order) {
    const table = h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'Event'), h('th', {}, 'Place'), h('th', {}, 'Actors'), h('th', {}, 'Deaths'), h('th', {}, 'Outlets'), h('th', {}, 'Review'))),
      h(
        'tbody',
        {},
        evs.map((e) => {
          const chip = h('i', { class: 'swatch' });
          chip.style.background = TYPE_COLOR[e.type] ?? '#555';
          const link = h('a', { href: `/events/${encodeURIComponent(e.id)}`, 'data-link': '' }, e.subType);
          const row = h(
            'tr',
            { 'data-ev': e.id, class: e.review?.status === 'rejected' ? 'rejected' : '' },
            h('td', {}, fmtDays(e.date?.start ?? null, e.date?.end ?? null)),
            h('td', {}, chip, e.type, h('br'), link),
            h('td', {}, e.location ? `${e.location.name}${e.location.admin1 && e.location.admin1 !== e.location.name ? `, ${e.location.admin1}` : ''}` : '—'),
            h('td', {}, [e.actor1?.name, e.actor2?.name].filter(Boolean).join(' v. ') || '—'),
            h('td', { class: 'num' }, fmtDeaths(e.fatalities)),
            h('td', { class: 'num', title: e.outlets.join('; ') }, String(e.corroboration)),
            h('td', {}, e.review ? h('span', { class: `badge ${e.review.status}` }, e.review.status) : ''),
          );
          row.addEventListener('click', (ev) => {
            if ((ev.target as Element).closest('a')) return;
            select(e.id);
          });
          return row;
        }),
      ),
    );
    el.append(h('details', { open: true, class: 'country-group', 'data-country': code }, h('summary', {}, h('strong', {}, countryName(code)), ` ${evs.length} event${evs.length === 1 ? '' : 's'}`), table));
  }
  if (next) {
    el.append(
      h(
        'button',
        {
          type: 'button',
          class: 'more',
          onclick: async () => {
            const page = await get<{ total: number; totalExact?: boolean; next: string | null; events: Event[] }>(next);
            const more = [...events, ...page.events];
            // Counted again past this page: exact once the bound lies beyond the matches.
            renderList(el, more, Math.max(total, page.total), page.totalExact !== false || !page.next, page.next, select);
          },
        },
        'Show more',
      ),
    );
  }
}
