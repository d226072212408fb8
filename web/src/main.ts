/**
 * The desk web app: a page served by `sitrep serve` at /, /events/ID and /desks[/ID], talking to the API of
 * the same server (nothing else: the page's policy allows no other origin). History-API navigation: links
 * marked data-link stay in the app.
 */
import { canEdit, currentSession, get, loadSession, send, signOut } from './api.js';
import { renderDesk } from './desk-view.js';
import { clear, h } from './dom.js';
import { renderEvent } from './event-page.js';
import { readFilters, type Filters } from './state.js';
import type { Desk } from './types.js';

const app = document.getElementById('app')!;
const header = h('header', { class: 'top' });
const content = h('div', { id: 'content', tabindex: -1 });
let lastFilters: Filters | null = null;
let lastPath = '';

function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void route();
}

function renderHeader(desks: Desk[]): void {
  clear(header);
  const s = currentSession();
  const deskSel = h('select', { id: 'desk-select', 'aria-label': 'Desk' }, h('option', { value: '' }, 'All events'), desks.map((d) => h('option', { value: d.id, selected: location.pathname === `/desks/${d.id}` }, d.name)));
  deskSel.addEventListener('change', () => navigate(deskSel.value ? `/desks/${deskSel.value}` : '/'));
  const account = s?.account
    ? h('span', { class: 'account' }, `${s.account.name} (${s.account.role}) `, s.via === 'session' ? h('button', { type: 'button', id: 'sign-out', onclick: async () => { await signOut(); await route(); } }, 'Sign out') : null)
    : h('a', { id: 'sign-in', href: `/login?next=${encodeURIComponent(location.pathname + location.search)}` }, 'Sign in');
  header.append(h('a', { class: 'brand', href: '/', 'data-link': '' }, 'sitrep desk'), deskSel, h('nav', {}, h('a', { href: '/desks', 'data-link': '' }, 'Desks'), h('a', { href: '/report' }, 'Static report'), h('a', { href: '/api' }, 'API')), account);
}

async function desksPage(desks: Desk[]): Promise<void> {
  clear(content);
  const main = h('main', { class: 'page' }, h('h1', {}, 'Desks'), h('p', { class: 'muted' }, 'A desk is a saved view of one crisis: its filters, with its own report, feed and exports. Save one from the filters of the main view.'));
  if (!desks.length) main.append(h('p', {}, 'No desk yet.'));
  for (const d of desks) {
    main.append(
      h(
        'section',
        { class: 'desk-card' },
        h('h2', {}, h('a', { href: d.links.app!, 'data-link': '' }, d.name)),
        d.description ? h('p', {}, d.description) : null,
        h('p', { class: 'muted' }, d.query ? decodeURIComponent(d.query.replace(/&/g, ' · ')) : 'every event'),
        h('p', {}, h('a', { href: d.links.report! }, 'Report'), ' · ', h('a', { href: d.links.feed! }, 'Feed'), ' · ', h('a', { href: d.links.csv! }, 'ACLED CSV'), ' · ', h('a', { href: d.links.geojson! }, 'GeoJSON')),
        canEdit()
          ? h('button', { type: 'button', class: 'danger', onclick: async () => { await send('DELETE', `/api/desks/${d.id}`); navigate('/desks'); } }, 'Delete desk')
          : null,
      ),
    );
  }
  content.append(main);
}

let routing = 0;

async function route(): Promise<void> {
  const path = location.pathname;
  const mine = ++routing;
  // Busy while loading: assistive technology (and tests) know when the view is complete.
  content.setAttribute('aria-busy', 'true');
  try {
    await loadSession();
    const desks = (await get<{ desks: Desk[] }>('/api/desks')).desks;
    renderHeader(desks);
    if (path === '/' || path.startsWith('/desks/')) {
      let desk: Desk | null = null;
      if (path.startsWith('/desks/')) {
        desk = desks.find((d) => d.links.app === path) ?? null;
        if (!desk) throw new Error(`no desk ${path.slice(7)}`);
        // A desk's filters are the starting point: the URL's own parameters, when there are any, refine them.
        if (!location.search && desk.query) history.replaceState(null, '', `${path}?${desk.query}`);
      }
      sessionStorage.setItem('sitrep-last-query', location.pathname === '/' ? location.search : `${location.pathname.slice(1)}${location.search}`);
      await renderDesk(content, { navigate, desk }, path === lastPath ? lastFilters : null);
      lastFilters = readFilters();
    } else if (path.startsWith('/events/')) {
      await renderEvent(content, decodeURIComponent(path.slice('/events/'.length)), navigate);
      content.focus();
    } else if (path === '/desks') {
      await desksPage(desks);
    } else {
      clear(content);
      content.append(h('main', { class: 'page' }, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '/', 'data-link': '' }, 'Back to the desk'))));
    }
    lastPath = path;
    if (mine === routing) content.setAttribute('aria-busy', 'false');
    document.title = `${path.startsWith('/events/') ? 'Event' : path.startsWith('/desks') ? 'Desks' : 'Desk'} — sitrep`;
  } catch (e) {
    if (mine === routing) content.setAttribute('aria-busy', 'false');
    clear(content);
    content.append(h('main', { class: 'page' }, h('h1', {}, 'Something went wrong'), h('p', { role: 'alert' }, (e as Error).message), h('p', {}, h('a', { href: '/', 'data-link': '' }, 'Back to the desk'))));
  }
}

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  navigate(a.getAttribute('href')!);
});
window.addEventListener('popstate', () => void route());

clear(app);
app.append(header, content);
void route();
