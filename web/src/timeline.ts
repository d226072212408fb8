/**
 * The timeline: one row per event type, each event a bar over the days its reports allow. Zoom with the
 * wheel, the +/− buttons or the keyboard (+, −, arrows to pan, 0 to reset); drag across it to brush a period,
 * which becomes the view's since/until (so the map and the list follow, and the URL keeps it). Tick
 * intervals are chosen so labels never run into each other, at every zoom.
 */
import { clear, h, s, TYPE_COLOR, TYPES } from './dom.js';
import type { Point } from './types.js';

const DAY = 86_400_000;
const LEFT = 170;
const ROW = 22;
const AXIS = 22;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayMs = (d: string) => Date.parse(d + 'T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Step {
  /** The next tick after t (UTC ms, on a boundary). */
  next(t: number): number;
  floor(t: number): number;
  label(t: number, first: boolean): string;
  /** Label width in px (generous: what the longest label of the kind takes at 11 px). */
  width: number;
}

function dayStep(n: number): Step {
  return {
    floor: (t) => Math.floor(t / (n * DAY)) * n * DAY,
    next: (t) => t + n * DAY,
    label: (t, first) => {
      const d = new Date(t);
      return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${first || (d.getUTCMonth() === 0 && d.getUTCDate() <= n) ? ` ${d.getUTCFullYear()}` : ''}`;
    },
    width: 78,
  };
}

function monthStep(n: number): Step {
  return {
    floor: (t) => {
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / n) * n, 1);
    },
    next: (t) => {
      const d = new Date(t);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1);
    },
    label: (t, first) => {
      const d = new Date(t);
      return d.getUTCMonth() === 0 || first ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : MONTHS[d.getUTCMonth()]!;
    },
    width: 72,
  };
}

function yearStep(n: number): Step {
  return {
    floor: (t) => Date.UTC(Math.floor(new Date(t).getUTCFullYear() / n) * n, 0, 1),
    next: (t) => Date.UTC(new Date(t).getUTCFullYear() + n, 0, 1),
    label: (t) => String(new Date(t).getUTCFullYear()),
    width: 44,
  };
}

const STEPS: { span: number; step: Step }[] = [
  ...[1, 2, 7, 14].map((n) => ({ span: n * DAY, step: dayStep(n) })),
  ...[1, 2, 3, 6].map((n) => ({ span: n * 30.4 * DAY, step: monthStep(n) })),
  ...[1, 2, 5, 10, 20, 50].map((n) => ({ span: n * 365.25 * DAY, step: yearStep(n) })),
];

/** The finest tick interval whose labels fit `px` pixels per `ms`. */
export function chooseStep(msPerPx: number): Step {
  for (const c of STEPS) if (c.span / msPerPx >= c.step.width + 8) return c.step;
  return STEPS[STEPS.length - 1]!.step;
}

export interface TimelineHandlers {
  select(id: string): void;
  open(id: string): void;
  brush(since: string | null, until: string | null): void;
}

export class Timeline {
  private points: Point[] = [];
  private full: [number, number] = [0, 1];
  private domain: [number, number] = [0, 1];
  private brushed: [number, number] | null = null;
  private selected: string | null = null;
  private readonly svgHost: HTMLElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly on: TimelineHandlers,
  ) {
    const zoom = (f: number) => () => this.zoom(f);
    const tools = h(
      'div',
      { class: 'timeline-tools' },
      h('button', { type: 'button', onclick: zoom(0.5), 'aria-label': 'Zoom in on the timeline', title: 'Zoom in (+)' }, '+'),
      h('button', { type: 'button', onclick: zoom(2), 'aria-label': 'Zoom out of the timeline', title: 'Zoom out (−)' }, '−'),
      h('button', { type: 'button', onclick: () => this.reset(), title: 'Show everything (0)' }, 'All'),
      h('button', { type: 'button', onclick: () => this.on.brush(null, null), title: 'Clear the period' }, 'Clear period'),
    );
    this.status = h('span', { class: 'muted timeline-status', 'aria-live': 'polite' });
    tools.appendChild(this.status);
    this.svgHost = h('div', { class: 'timeline-svg', tabindex: 0, role: 'group', 'aria-label': 'Timeline: + and − zoom, arrows pan, 0 shows everything; drag to choose a period' });
    root.append(tools, this.svgHost);
    this.svgHost.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = this.svgHost.getBoundingClientRect();
      this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.timeAt(e.clientX - rect.left));
    }, { passive: false });
    this.svgHost.addEventListener('keydown', (e) => {
      const span = this.domain[1] - this.domain[0];
      if (e.key === '+' || e.key === '=') this.zoom(0.5);
      else if (e.key === '-' || e.key === '_') this.zoom(2);
      else if (e.key === '0') this.reset();
      else if (e.key === 'ArrowLeft') this.setDomain([this.domain[0] - span / 5, this.domain[1] - span / 5]);
      else if (e.key === 'ArrowRight') this.setDomain([this.domain[0] + span / 5, this.domain[1] + span / 5]);
      else return;
      e.preventDefault();
    });
    new ResizeObserver(() => this.render()).observe(this.svgHost);
  }

  private width(): number {
    return Math.max(320, this.svgHost.clientWidth || 800);
  }

  private x(t: number): number {
    return LEFT + ((t - this.domain[0]) / (this.domain[1] - this.domain[0])) * (this.width() - LEFT - 12);
  }

  private timeAt(px: number): number {
    return this.domain[0] + ((px - LEFT) / (this.width() - LEFT - 12)) * (this.domain[1] - this.domain[0]);
  }

  /** Events to draw (every type's row), the period brushed (since/until of the view), keeping zoom unless told. */
  setData(points: Point[], since: string | null, until: string | null, refit: boolean): void {
    this.points = points.filter((p) => p.start);
    const starts = this.points.map((p) => dayMs(p.start!));
    const ends = this.points.map((p) => dayMs(p.end ?? p.start!) + DAY);
    let a = starts.length ? Math.min(...starts) : Date.now() - 30 * DAY;
    let b = ends.length ? Math.max(...ends) : Date.now();
    const pad = Math.max((b - a) * 0.03, 2 * DAY);
    a -= pad;
    b += pad;
    this.full = [a, b];
    this.brushed = since || until ? [since ? dayMs(since) : a, until ? dayMs(until) + DAY : b] : null;
    if (refit || this.domain[1] - this.domain[0] <= 1) this.domain = [...this.full];
    this.render();
  }

  zoom(f: number, at = (this.domain[0] + this.domain[1]) / 2): void {
    const span = Math.max(3 * DAY, Math.min((this.full[1] - this.full[0]) * 4, (this.domain[1] - this.domain[0]) * f));
    const k = (at - this.domain[0]) / (this.domain[1] - this.domain[0]);
    this.setDomain([at - k * span, at - k * span + span]);
  }

  reset(): void {
    this.setDomain([...this.full]);
  }

  private setDomain(d: [number, number]): void {
    this.domain = d;
    this.render();
  }

  highlight(id: string | null): void {
    this.selected = id;
    for (const el of this.svgHost.querySelectorAll('[data-ev]')) el.classList.toggle('selected', el.getAttribute('data-ev') === id);
  }

  render(): void {
    clear(this.svgHost);
    const w = this.width();
    const types = TYPES.filter((t) => this.points.some((p) => p.type === t));
    const height = AXIS + Math.max(1, types.length) * ROW + 6;
    const svg = s('svg', { width: w, height, viewBox: `0 0 ${w} ${height}`, class: 'timeline', role: 'img', 'aria-label': `Timeline of ${this.points.length} events` });
    const msPerPx = (this.domain[1] - this.domain[0]) / (w - LEFT - 12);
    const step = chooseStep(msPerPx);
    const axis = s('g', { class: 'axis' });
    let first = true;
    for (let t = step.floor(this.domain[0]); t <= this.domain[1]; t = step.next(t)) {
      const x = this.x(t);
      if (x < LEFT) continue;
      axis.append(s('line', { x1: x, x2: x, y1: AXIS - 6, y2: height }), s('text', { x: x + 3, y: 12, class: 'tick' }, step.label(t, first)));
      first = false;
    }
    svg.append(axis);
    const clip = s('clipPath', { id: 'tl-clip' }, s('rect', { x: LEFT, y: 0, width: w - LEFT, height }));
    svg.append(clip);
    const plot = s('g', { 'clip-path': 'url(#tl-clip)' });
    types.forEach((t, i) => {
      const y = AXIS + i * ROW;
      svg.append(s('text', { x: 4, y: y + 15, class: 'row-label' }, t));
      for (const p of this.points) {
        if (p.type !== t) continue;
        const a = this.x(dayMs(p.start!));
        const b = this.x(dayMs(p.end ?? p.start!) + DAY);
        if (b < LEFT || a > w) continue;
        const r = s('rect', { x: a.toFixed(1), y: y + 3, width: Math.max(4, b - a - 1).toFixed(1), height: ROW - 7, rx: 2, fill: TYPE_COLOR[t] ?? '#555', 'data-ev': p.id, class: `ev${p.id === this.selected ? ' selected' : ''}` });
        r.append(s('title', {}, `${p.start}${p.end && p.end !== p.start ? ` – ${p.end}` : ''} · ${p.subType} · ${p.place ?? 'place not given'}${p.deaths !== null ? ` · ${p.deaths} killed` : ''}`));
        r.addEventListener('click', (e) => {
          e.stopPropagation();
          this.on.select(p.id);
        });
        r.addEventListener('dblclick', () => this.on.open(p.id));
        plot.append(r);
      }
    });
    svg.append(plot);
    if (this.brushed) {
      const a = Math.max(LEFT, this.x(this.brushed[0]));
      const b = Math.min(w, this.x(this.brushed[1]));
      if (b > a) svg.append(s('rect', { x: a, y: AXIS - 4, width: b - a, height: height - AXIS + 4, class: 'brush' }));
    }
    this.attachBrush(svg, height);
    this.svgHost.append(svg);
    const from = iso(this.domain[0]);
    const to = iso(this.domain[1] - 1);
    this.status.textContent = ` ${from} to ${to}${this.brushed ? ` · period ${iso(this.brushed[0])} to ${iso(this.brushed[1] - DAY)}` : ''}`;
  }

  private attachBrush(svg: SVGSVGElement, height: number): void {
    let start: number | null = null;
    let rect: SVGRectElement | null = null;
    svg.addEventListener('pointerdown', (e) => {
      const px = e.clientX - svg.getBoundingClientRect().left;
      if (px < LEFT || (e.target as Element).getAttribute('data-ev')) return;
      start = px;
      rect = s('rect', { x: px, y: AXIS - 4, width: 0, height: height - AXIS + 4, class: 'brush active' });
      svg.append(rect);
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener('pointermove', (e) => {
      if (start === null || !rect) return;
      const px = e.clientX - svg.getBoundingClientRect().left;
      rect.setAttribute('x', String(Math.min(start, px)));
      rect.setAttribute('width', String(Math.abs(px - start)));
    });
    svg.addEventListener('pointerup', (e) => {
      if (start === null) return;
      const px = e.clientX - svg.getBoundingClientRect().left;
      const a = Math.min(start, px);
      const b = Math.max(start, px);
      start = null;
      rect?.remove();
      if (b - a < 4) return;
      this.on.brush(iso(this.timeAt(a)), iso(this.timeAt(b)));
    });
  }
}
