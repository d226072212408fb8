/**
 * Building the page: every text goes in through textContent (or an attribute), never as HTML, so nothing
 * an article says can become markup — the escaping rule of the whole app lives here.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'href' || k === 'src') el.setAttribute(k, safeUrl(String(v)));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Links go to this server, fragments, or plain http(s): `javascript:` and the like become inert. */
export function safeUrl(u: string): string {
  if (u.startsWith('/') && !u.startsWith('//')) return u;
  if (u.startsWith('#') || u.startsWith('?')) return u;
  return /^https?:\/\//i.test(u) ? u : '#';
}

export const svgNS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export const TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Protests', 'Riots', 'Strategic developments'] as const;

export const TYPE_COLOR: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2980b9',
  Riots: '#16a085',
  'Strategic developments': '#5d6d7e',
};

export function fmtDays(start: string | null, end: string | null): string {
  if (!start) return 'undated';
  return !end || end === start ? start : `${start} – ${end}`;
}

export function fmtDeaths(f: { low: number | null; best: number | null; high: number | null } | null): string {
  if (!f || f.best === null) return '—';
  if (f.low !== null && f.high !== null && (f.low !== f.best || f.high !== f.best)) return `${f.best} (${f.low}–${f.high})`;
  if (f.high !== null && f.high !== f.best) return `${f.best}–${f.high}`;
  return String(f.best);
}
