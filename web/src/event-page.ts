/**
 * One event: every report with its sentence highlighted in its document, why the reports were merged, what
 * each source said side by side (date, dead, certainty), figures from those sentences, control changes,
 * and the history of changes; editors review it here (confirm, correct, split, merge, reject).
 */
import { ApiError, canEdit, get, send } from './api.js';
import { countryName, rememberCountries } from './desk-view.js';
import { clear, fmtDays, fmtDeaths, h, TYPE_COLOR, TYPES } from './dom.js';
import { pickerMap } from './map.js';
import type { Event, Facets, Source } from './types.js';

interface EventPage {
  event: Event;
  documents: { id: string; title: string | null; outlet: string | null; published: string | null; url: string | null }[];
  figures: { id: string; what: string; where: string | null; contested: boolean; claims: { value: number; low: number | null; high: number | null; source: string | null; outlet: string | null; text: string; documentId: string }[] }[];
  control: { place: string; date: { start: string; end: string } | null; holder: string | null; previous: string | null; how: string }[];
  history: { id: number; at: string; account: string | null; action: string; why: string | null; detail: unknown }[];
}

interface DocRecord {
  text: string;
  title: string | null;
}

const docCache = new Map<string, Promise<DocRecord>>();
const docOf = (id: string) => {
  let p = docCache.get(id);
  if (!p) {
    p = get<DocRecord>(`/api/documents/${encodeURIComponent(id)}`);
    docCache.set(id, p);
  }
  return p;
};

/** The sentence in its document: some text before and after, the sentence marked, the event's words within it marked too. */
async function inDocument(s: Source): Promise<HTMLElement> {
  const box = h('blockquote', { class: 'in-doc' });
  try {
    const doc = await docOf(s.documentId);
    const t = doc.text;
    const from = Math.max(0, t.lastIndexOf('\n', Math.max(0, s.sentence.start - 400)) + 1, s.sentence.start - 600);
    const to = Math.min(t.length, s.sentence.end + 600);
    const a = Math.max(s.sentence.start, Math.min(s.start, s.sentence.end));
    const b = Math.min(s.sentence.end, Math.max(s.end, a));
    box.append(
      from > 0 ? '… ' : '',
      t.slice(from, s.sentence.start),
      h('mark', { class: 'sentence' }, t.slice(s.sentence.start, a), h('mark', { class: 'span' }, t.slice(a, b)), t.slice(b, s.sentence.end)),
      t.slice(s.sentence.end, to),
      to < t.length ? ' …' : '',
    );
  } catch (e) {
    box.append(h('span', { class: 'muted' }, `the document could not be read: ${(e as Error).message}`));
  }
  return box;
}

export async function renderEvent(root: HTMLElement, id: string, navigate: (url: string) => void): Promise<void> {
  let page: EventPage;
  try {
    [page] = await Promise.all([get<EventPage>(`/api/events/${encodeURIComponent(id)}`), get<Facets>('/api/facets').then(rememberCountries)]);
  } catch (e) {
    clear(root);
    root.append(h('main', { class: 'page' }, h('h1', {}, e instanceof ApiError && e.status === 404 ? 'No such event' : 'The event could not be loaded'), h('p', {}, (e as Error).message), h('p', {}, h('a', { href: '/', 'data-link': '' }, 'Back to the desk'))));
    return;
  }
  const e = page.event;
  clear(root);
  const chip = h('i', { class: 'swatch' });
  chip.style.background = TYPE_COLOR[e.type] ?? '#555';
  const place = e.location ? `${e.location.name}${e.location.admin1 && e.location.admin1 !== e.location.name ? `, ${e.location.admin1}` : ''}, ${countryName(e.location.country)}` : 'place not known';
  const main = h(
    'main',
    { class: 'page event-page' },
    h('p', {}, h('a', { href: `/${sessionStorage.getItem('sitrep-last-query') ?? ''}`, 'data-link': '' }, '← Back to the desk')),
    h('h1', {}, chip, `${e.type}: ${e.subType}`),
    h(
      'p',
      { class: 'lead' },
      `${place} · ${fmtDays(e.date?.start ?? null, e.date?.end ?? null)}${e.date ? ` (precision ${e.date.precision})` : ''} · deaths ${fmtDeaths(e.fatalities)} · ${e.corroboration} outlet${e.corroboration === 1 ? '' : 's'} · ${e.certainty}`,
      e.review ? h('span', { class: `badge ${e.review.status}` }, `${e.review.status}${e.review.by ? ` by ${e.review.by}` : ''}`) : null,
    ),
    h('p', {}, 'Actors: ', [e.actor1, e.actor2].filter(Boolean).map((a) => `${a!.name} (inter ${a!.inter})`).join(' against ') || 'not named'),
    e.review?.mergedInto ? h('p', { class: 'note' }, 'Merged into ', h('a', { href: `/events/${encodeURIComponent(e.review.mergedInto)}`, 'data-link': '' }, e.review.mergedInto)) : null,
    e.review?.splitFrom ? h('p', { class: 'note' }, 'Split from ', h('a', { href: `/events/${encodeURIComponent(e.review.splitFrom)}`, 'data-link': '' }, e.review.splitFrom)) : null,
  );
  root.append(main);

  // What each source said, side by side.
  main.append(
    h('h2', {}, 'What each report says'),
    h(
      'table',
      { class: 'side-by-side' },
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Outlet'), h('th', {}, 'Published'), h('th', {}, 'Attributed to'), h('th', {}, 'Date given'), h('th', {}, 'Deaths given'), h('th', {}, 'Certainty'))),
      h(
        'tbody',
        {},
        e.sources.map((s, i) =>
          h('tr', {}, h('td', {}, h('a', { href: `#report-${i + 1}` }, String(i + 1))), h('td', {}, s.outlet ?? 'unknown'), h('td', {}, s.published ?? '—'), h('td', {}, s.said.join('; ') || '—'), h('td', {}, fmtDays(s.date?.start ?? null, s.date?.end ?? null)), h('td', { class: 'num' }, fmtDeaths(s.fatalities)), h('td', {}, s.certainty)),
        ),
      ),
    ),
  );
  if (Object.keys(e.review?.original ?? {}).length) {
    main.append(h('h3', {}, 'Coded by sitrep before review'), h('pre', { class: 'original' }, JSON.stringify(e.review!.original, null, 2)));
  }

  main.append(h('h2', {}, 'Reports in their documents'));
  const reports = h('ol', { class: 'reports' });
  main.append(reports);
  for (const [i, s] of e.sources.entries()) {
    const doc = page.documents.find((d) => d.id === s.documentId);
    const li = h(
      'li',
      { id: `report-${i + 1}` },
      h('p', {}, h('strong', {}, s.outlet ?? 'unknown outlet'), ` · ${s.published ?? 'undated'} · `, doc?.title ?? s.documentId, ' · ', h('a', { href: `/api/documents/${encodeURIComponent(s.documentId)}.html?hl=${s.start}-${s.end}#s-${s.start}-${s.end}` }, 'whole document'), doc?.url && /^https?:/i.test(doc.url) ? [' · ', h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null),
    );
    reports.append(li);
    void inDocument(s).then((q) => li.append(q));
  }

  main.append(h('h2', {}, 'Why these reports are one event'), e.merged.length ? h('ul', {}, e.merged.map((m) => h('li', {}, m))) : h('p', { class: 'muted' }, 'One report: nothing was merged.'));
  if (page.figures.length) {
    main.append(
      h('h2', {}, 'Figures in these reports'),
      ...page.figures.map((f) =>
        h(
          'div',
          {},
          h('h3', {}, f.what, f.where ? ` — ${f.where}` : '', f.contested ? h('span', { class: 'badge disputed' }, 'contested') : null),
          h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Claim'), h('th', {}, 'As written'), h('th', {}, 'Source'), h('th', {}, 'Outlet'))), h('tbody', {}, f.claims.map((c) => h('tr', {}, h('td', { class: 'num' }, String(c.value)), h('td', {}, c.text), h('td', {}, c.source ?? 'unattributed'), h('td', {}, c.outlet ?? ''))))),
        ),
      ),
    );
  }
  if (page.control.length) {
    main.append(h('h2', {}, 'Control changes'), h('ul', {}, page.control.map((c) => h('li', {}, `${c.place}: ${c.how}${c.holder ? `, now held by ${c.holder}` : ''}${c.previous ? ` (before: ${c.previous})` : ''}, ${fmtDays(c.date?.start ?? null, c.date?.end ?? null)}`))));
  }
  main.append(
    h('h2', {}, 'History of changes'),
    page.history.length
      ? h('table', { class: 'history' }, h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'Who'), h('th', {}, 'What'), h('th', {}, 'Why'), h('th', {}, 'Details'))), h('tbody', {}, page.history.map((x) => h('tr', {}, h('td', {}, x.at.replace('T', ' ').slice(0, 19)), h('td', {}, x.account ?? 'command line'), h('td', {}, x.action), h('td', {}, x.why ?? ''), h('td', {}, h('code', {}, x.detail === null ? '' : JSON.stringify(x.detail)))))))
      : h('p', { class: 'muted' }, 'No changes: as coded by sitrep.'),
  );
  if (canEdit()) main.append(await reviewPanel(e, navigate));
  else main.append(h('p', { class: 'muted' }, h('a', { href: `/login?next=${encodeURIComponent(location.pathname)}` }, 'Sign in'), ' as an editor to review this event.'));
}

async function reviewPanel(e: Event, navigate: (url: string) => void): Promise<HTMLElement> {
  const facets = await get<Facets>('/api/facets');
  const msg = h('p', { class: 'review-msg', role: 'status', 'aria-live': 'polite' });
  const why = h('textarea', { id: 'review-why', rows: 2, placeholder: 'why (kept in the audit log)' });
  const act = async (body: Record<string, unknown>, then?: (r: { event: Event; related: Event | null }) => string) => {
    msg.textContent = 'Saving…';
    try {
      const r = await send<{ event: Event; related: Event | null }>('POST', `/api/events/${encodeURIComponent(e.id)}/review`, { ...body, why: why.value.trim() || undefined });
      navigate(then ? then(r) : `/events/${encodeURIComponent(e.id)}`);
    } catch (err) {
      msg.textContent = (err as Error).message;
    }
  };
  const rejected = e.review?.status === 'rejected' || e.review?.status === 'merged';
  const quick = h(
    'div',
    { class: 'buttons' },
    h('button', { type: 'button', id: 'confirm', onclick: () => act({ action: 'confirm' }) }, 'Confirm'),
    rejected ? h('button', { type: 'button', id: 'restore', onclick: () => act({ action: 'restore' }) }, 'Restore') : h('button', { type: 'button', id: 'reject', class: 'danger', onclick: () => act({ action: 'reject' }) }, 'Reject'),
  );

  // Correct.
  const typeSel = h('select', { id: 'c-type' }, TYPES.map((t) => h('option', { value: t, selected: t === e.type }, t)));
  const subSel = h('select', { id: 'c-subtype' });
  const fillSub = () => {
    clear(subSel);
    for (const st of facets.subTypes[typeSel.value] ?? []) subSel.append(h('option', { value: st, selected: st === e.subType }, st));
  };
  fillSub();
  typeSel.addEventListener('change', fillSub);
  const actor = (n: 1 | 2) => {
    const a = n === 1 ? e.actor1 : e.actor2;
    return { name: h('input', { id: `c-actor${n}`, value: a?.name ?? '', list: 'actors-all' }), inter: h('input', { id: `c-inter${n}`, type: 'number', min: '0', max: '8', value: String(a?.inter ?? 0) }) };
  };
  const a1 = actor(1);
  const a2 = actor(2);
  const dStart = h('input', { id: 'c-start', type: 'date', value: e.date?.start ?? '' });
  const dEnd = h('input', { id: 'c-end', type: 'date', value: e.date?.end ?? '' });
  const dPrec = h('select', { id: 'c-dprec' }, [1, 2, 3].map((p) => h('option', { value: String(p), selected: (e.date?.precision ?? 1) === p }, String(p))));
  const fLow = h('input', { id: 'c-low', type: 'number', min: '0', value: e.fatalities.low === null ? '' : String(e.fatalities.low) });
  const fBest = h('input', { id: 'c-best', type: 'number', min: '0', value: e.fatalities.best === null ? '' : String(e.fatalities.best) });
  const fHigh = h('input', { id: 'c-high', type: 'number', min: '0', value: e.fatalities.high === null ? '' : String(e.fatalities.high) });
  let loc = e.location ? { ...e.location } : null;
  const locLabel = h('span', { id: 'c-place-label' }, loc ? `${loc.name} (${loc.lat}, ${loc.lon}, ${loc.country})` : 'no place');
  const placeQ = h('input', { id: 'c-place', type: 'search', placeholder: 'search a place by name' });
  const hits = h('ul', { class: 'place-hits' });
  type Hit = { name: string; lat: number; lon: number; country: string; admin1: string | null; precision: 1 | 2 | 3; kind: string };
  const choose = (p: Hit) => {
    loc = { name: p.name, lat: p.lat, lon: p.lon, country: p.country, admin1: p.admin1, precision: p.precision };
    locLabel.textContent = `${p.name} (${p.lat}, ${p.lon}, ${p.country})`;
    clear(hits);
  };
  const showHits = (list: Hit[]) => {
    clear(hits);
    for (const p of list) hits.append(h('li', {}, h('button', { type: 'button', onclick: () => choose(p) }, `${p.name}${p.admin1 ? `, ${p.admin1}` : ''}, ${p.country} (${p.kind})`)));
    if (!list.length) hits.append(h('li', { class: 'muted' }, 'no such place'));
  };
  placeQ.addEventListener('change', async () => {
    if (placeQ.value.trim()) showHits((await get<{ places: Hit[] }>(`/api/gazetteer?q=${encodeURIComponent(placeQ.value.trim())}`)).places);
  });
  const pick = h('div', { class: 'picker', id: 'place-picker', 'aria-label': 'Click the map to choose the place' });
  const num = (i: HTMLInputElement) => (i.value.trim() === '' ? null : Number(i.value));
  const correct = async () => {
    const changes: Record<string, unknown> = {};
    if (typeSel.value !== e.type) changes.type = typeSel.value;
    if (subSel.value !== e.subType || changes.type) changes.subType = subSel.value;
    for (const [k, a, old] of [['actor1', a1, e.actor1], ['actor2', a2, e.actor2]] as const) {
      const name = a.name.value.trim();
      const next = name ? { name, inter: Number(a.inter.value) || 0 } : null;
      if (JSON.stringify(next) !== JSON.stringify(old ? { name: old.name, inter: old.inter } : null)) changes[k] = next;
    }
    if (dStart.value && (dStart.value !== e.date?.start || dEnd.value !== e.date?.end || Number(dPrec.value) !== e.date?.precision)) changes.date = { start: dStart.value, end: dEnd.value || dStart.value, precision: Number(dPrec.value) };
    const fat = { low: num(fLow), best: num(fBest), high: num(fHigh) };
    if (JSON.stringify(fat) !== JSON.stringify(e.fatalities)) changes.fatalities = fat;
    if (loc && JSON.stringify(loc) !== JSON.stringify(e.location)) changes.location = loc;
    if (!Object.keys(changes).length) {
      msg.textContent = 'Nothing changed.';
      return;
    }
    await act({ action: 'correct', changes });
  };
  const field = (label: string, ...els: HTMLElement[]) => h('div', { class: 'field' }, h('label', { for: els[0]!.id }, label), ...els);
  const correctForm = h(
    'details',
    { class: 'correct', id: 'correct-form' },
    h('summary', {}, 'Correct'),
    field('Type', typeSel),
    field('Sub-type', subSel),
    field('Actor 1', a1.name, a1.inter),
    field('Actor 2', a2.name, a2.inter),
    h('datalist', { id: 'actors-all' }, (facets.facets.actor ?? []).map((a) => h('option', { value: a.value }))),
    field('Date from', dStart),
    field('Date to', dEnd),
    field('Date precision', dPrec),
    field('Deaths (low, best, high)', fLow, fBest, fHigh),
    h('div', { class: 'field' }, h('label', { for: 'c-place' }, 'Place'), locLabel, placeQ, hits, h('p', { class: 'muted' }, 'or click the map:'), pick),
    h('button', { type: 'button', id: 'save-correction', onclick: correct }, 'Save correction'),
  );
  correctForm.addEventListener('toggle', () => {
    if (!correctForm.open || pick.dataset.ready) return;
    pick.dataset.ready = '1';
    pickerMap(pick, e.location ? [e.location.lat, e.location.lon] : null, async (lat, lon) => {
      const near = (await get<{ places: Hit[] }>(`/api/gazetteer?lat=${lat}&lon=${lon}`)).places;
      if (near[0]) choose(near[0]);
      else {
        loc = { name: `${lat}, ${lon}`, lat, lon, country: loc?.country ?? 'XX', admin1: null, precision: 1 };
        locLabel.textContent = `${lat}, ${lon}`;
      }
    });
  });

  // Split: choose the reports that tell another incident.
  const splitBoxes = e.sources.map((s, i) => h('input', { type: 'checkbox', id: `split-${i}`, 'data-i': String(i) }));
  const splitForm =
    e.sources.length > 1
      ? h(
          'details',
          { class: 'split', id: 'split-form' },
          h('summary', {}, 'Split'),
          h('p', { class: 'muted' }, 'Tick the reports that tell another incident: they become an event of their own.'),
          e.sources.map((s, i) => h('div', { class: 'check' }, splitBoxes[i]!, h('label', { for: `split-${i}` }, `${i + 1}. ${s.outlet ?? 'unknown'}: ${s.sentence.text.slice(0, 160)}`))),
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                const chosen = splitBoxes.filter((b) => b.checked).map((b) => e.sources[Number(b.dataset.i)]!);
                if (!chosen.length) return void (msg.textContent = 'Tick at least one report.');
                void act({ action: 'split', sources: chosen.map((s) => ({ documentId: s.documentId, start: s.start, end: s.end })) }, (r) => `/events/${encodeURIComponent(r.related?.id ?? e.id)}`);
              },
            },
            'Split off',
          ),
        )
      : null;

  // Merge: into an event nearby in place and time, or any id.
  const into = h('input', { id: 'merge-into', placeholder: 'event id (ev-…)', list: 'merge-candidates' });
  const candidates = h('datalist', { id: 'merge-candidates' });
  const mergeForm = h(
    'details',
    { class: 'merge', id: 'merge-form' },
    h('summary', {}, 'Merge into another event'),
    h('label', { for: 'merge-into' }, 'Event to keep'),
    into,
    candidates,
    h('ul', { class: 'candidates' }),
    h('button', { type: 'button', onclick: () => (into.value.trim() ? act({ action: 'merge', into: into.value.trim() }, () => `/events/${encodeURIComponent(into.value.trim())}`) : void (msg.textContent = 'Give the id of the event to keep.')) }, 'Merge'),
  );
  mergeForm.addEventListener('toggle', async () => {
    if (!mergeForm.open || mergeForm.dataset.ready) return;
    mergeForm.dataset.ready = '1';
    const q = new URLSearchParams();
    if (e.location) q.set('country', e.location.country);
    if (e.date) {
      const d = (x: string, n: number) => new Date(Date.parse(x) + n * 86_400_000).toISOString().slice(0, 10);
      q.set('since', d(e.date.start, -7));
      q.set('until', d(e.date.end, 7));
    }
    q.set('limit', '20');
    const near = (await get<{ events: Event[] }>(`/api/events?${q}`)).events.filter((x) => x.id !== e.id);
    const ul = mergeForm.querySelector('ul')!;
    for (const x of near) {
      candidates.append(h('option', { value: x.id }, `${x.type} ${x.location?.name ?? ''} ${x.date?.start ?? ''}`));
      ul.append(h('li', {}, h('button', { type: 'button', onclick: () => (into.value = x.id) }, `${x.id}: ${x.subType}, ${x.location?.name ?? 'no place'}, ${fmtDays(x.date?.start ?? null, x.date?.end ?? null)}, deaths ${fmtDeaths(x.fatalities)}`)));
    }
    if (!near.length) ul.append(h('li', { class: 'muted' }, 'No event within a week in the same country.'));
  });

  return h('section', { class: 'review', 'aria-label': 'Review' }, h('h2', {}, 'Review'), h('label', { for: 'review-why' }, 'Why'), why, quick, correctForm, splitForm, mergeForm, msg);
}
