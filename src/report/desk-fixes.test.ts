/**
 * The static report on crises far apart (issue 13): the map frames every event, labels do not print over
 * each other, the timeline's tick labels fit side by side at any span, events are grouped by country, and
 * reviewed events say so.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { dayNumber } from '../merge/dates.js';
import type { Report, ReportEvent } from './model.js';
import { ticks } from './timeline-svg.js';

// Invented events in real places on three continents.
const PLACES: [string, number, number, string][] = [
  ['El Fasher', 13.63, 25.35, 'SD'],
  ['Goma', -1.68, 29.22, 'CD'],
  ['Kharkiv', 49.99, 36.23, 'UA'],
  ['Culiacan', 24.8, -107.39, 'MX'],
  ['Sagaing', 21.88, 95.98, 'MM'],
  ['Port-au-Prince', 18.54, -72.34, 'HT'],
];

function report(): Report {
  const events: ReportEvent[] = PLACES.map(([name, lat, lon, country], i) => ({
    id: `ev-${i}`,
    type: 'Battles',
    subType: 'Armed clash',
    date: { start: `${2016 + i}-03-0${i + 1}`, end: `${2016 + i}-03-0${i + 1}`, precision: 1 },
    location: { name, lat, lon, country, admin1: null, precision: 1 },
    actor1: null,
    actor2: null,
    actors: [],
    fatalities: { low: null, best: i, high: null },
    sources: [{ documentId: `d${i}`, outlet: 'Wire', published: null, start: 0, end: 5, text: 'Clash', sentence: { start: 0, end: 20, text: `Clashes near ${name}.` }, said: [], certainty: 'reported', date: null, fatalities: null }],
    corroboration: 1,
    outlets: ['Wire'],
    certainty: 'reported',
    merged: [],
    review: i === 0 ? { status: 'corrected', by: 'amira', at: '2026-12-07T00:00:00Z', why: 'ministry figure', mergedInto: null, splitFrom: null, original: {}, history: [{ id: 1, action: 'correct', by: 'amira', at: '2026-12-07T00:00:00Z', why: 'ministry figure', data: {} }] } : null,
  }));
  const places = PLACES.map(([name, lat, lon, country], i) => ({ id: `p${i}`, name, lat, lon, country, admin1: null, kind: 'city', mentions: [], documents: [], events: [`ev-${i}`], control: [] }));
  return { schema: 'sitrep-report/1', period: { since: null, until: null, latest: null }, near: null, documents: [], events, figures: [], places, latest: [] };
}

describe('the static report on crises far apart', () => {
  it('frames every event, on every continent, and keeps place labels apart', () => {
    const { document } = parseHTML(renderHtml(report()));
    const svg = document.getElementById('map-svg')!;
    const [, , w, hgt] = svg.getAttribute('viewBox')!.split(' ').map(Number);
    const circles = [...svg.querySelectorAll('circle.ev')];
    expect(circles).toHaveLength(PLACES.length);
    for (const c of circles) {
      const x = Number(c.getAttribute('cx'));
      const y = Number(c.getAttribute('cy'));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(w!);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(hgt!);
    }
    const labels = [...svg.querySelectorAll('text.label')].map((t) => ({ x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')), w: t.textContent!.length * 6 }));
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!;
        const b = labels[j]!;
        expect(a.x < b.x + b.w && b.x < a.x + a.w && Math.abs(a.y - b.y) < 13, 'labels overlap').toBe(false);
      }
  });

  it('groups events by country and marks reviewed ones', () => {
    const { document } = parseHTML(renderHtml(report()));
    const heads = [...document.querySelectorAll('#events h3.country')].map((h) => h.textContent);
    expect(heads).toHaveLength(PLACES.length);
    expect(heads).toEqual(expect.arrayContaining(['Sudan (1)', 'Ukraine (1)', 'Mexico (1)']));
    expect(document.querySelector('tr[data-ev="ev-0"] .badge.reviewed')!.textContent).toBe('reviewed: corrected');
    expect(document.querySelector('tr[data-ev="ev-1"] .badge.reviewed')).toBeNull();
  });

  it('picks tick steps whose labels fit, from days to decades', () => {
    const width = 580;
    for (const [from, to] of [['2024-05-01', '2024-05-06'], ['2024-05-01', '2024-06-01'], ['2024-01-01', '2024-09-01'], ['2016-01-01', '2024-12-31'], ['1950-01-01', '2024-01-01']]) {
      const d0 = dayNumber(from!);
      const d1 = dayNumber(to!);
      const t = ticks(d0, d1, width / (d1 - d0));
      expect(t.length, `${from}–${to}`).toBeGreaterThan(0);
      for (let i = 1; i < t.length; i++) {
        const gap = ((t[i]!.day - t[i - 1]!.day) * width) / (d1 - d0);
        expect(gap, `${from}–${to}: ${t[i - 1]!.label} / ${t[i]!.label}`).toBeGreaterThanOrEqual(t[i - 1]!.label.length * 6 + 4);
      }
    }
    expect(ticks(dayNumber('2016-01-01'), dayNumber('2024-12-31'), 580 / 3287).map((t) => t.label)).toEqual(['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
  });
});
