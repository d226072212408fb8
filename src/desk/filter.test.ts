import { describe, expect, it } from 'vitest';
import type { ReportEvent } from '../report/model.js';
import { filterQuery, FilterError, matcher, parseFilter } from './filter.js';

function ev(over: Partial<ReportEvent>): ReportEvent {
  return {
    id: 'ev-1',
    type: 'Battles',
    subType: 'Armed clash',
    date: { start: '2024-03-15', end: '2024-03-15', precision: 1 },
    location: { name: 'Sake', lat: -1.57, lon: 29.04, country: 'CD', admin1: 'North Kivu', precision: 1 },
    actor1: { name: 'Military Forces of Democratic Republic of Congo', inter: 1 },
    actor2: { name: 'M23: March 23 Movement', inter: 2 },
    actors: [
      { name: 'Military Forces of Democratic Republic of Congo', inter: 1 },
      { name: 'M23: March 23 Movement', inter: 2 },
    ],
    fatalities: { low: 11, best: 11, high: 11 },
    sources: [{ documentId: 'd', outlet: 'Great Lakes Daily', published: '2024-03-18', start: 0, end: 10, text: 'x', sentence: { start: 0, end: 60, text: 'Fighting broke out near the town of Sakė on Friday.' }, said: [], certainty: 'reported', date: null, fatalities: null }],
    corroboration: 1,
    outlets: ['Great Lakes Daily'],
    certainty: 'reported',
    merged: [],
    review: null,
    ...over,
  };
}

describe('desk filters', () => {
  it('reads lists, words, numbers, periods and boxes, and names the parameter that is wrong', () => {
    expect(parseFilter({ country: 'cd, sd', type: 'Battles', q: ' fighting ', minOutlets: '2', since: '2024-01-01', bbox: '20,-5,35,5' })).toEqual({
      country: ['CD', 'SD'],
      type: ['Battles'],
      q: 'fighting',
      minOutlets: 2,
      since: '2024-01-01',
      bbox: [20, -5, 35, 5],
    });
    for (const [p, msg] of [
      [{ since: '2024-02-30' }, /since must be a date/],
      [{ since: '2024-03-02', until: '2024-03-01' }, /after until/],
      [{ minOutlets: '0' }, /minOutlets/],
      [{ bbox: '1,2,3' }, /bbox/],
      [{ bbox: '0,50,10,40' }, /bbox/],
      [{ review: 'maybe' }, /review must be/],
    ] as const) {
      expect(() => parseFilter(p), JSON.stringify(p)).toThrow(FilterError);
      expect(() => parseFilter(p)).toThrow(msg);
    }
    expect(filterQuery(parseFilter({ country: 'SD,SS', q: 'market' })).toString()).toBe('country=SD%2CSS&q=market');
  });

  it('matches every filter, accents and case aside, and hides rejected and merged events by default', () => {
    const e = ev({});
    const m = (p: Record<string, string>) => matcher(parseFilter(p))(e);
    expect(m({})).toBe(true);
    expect(m({ country: 'cd' })).toBe(true);
    expect(m({ country: 'SD' })).toBe(false);
    expect(m({ admin1: 'north kivu' })).toBe(true);
    expect(m({ type: 'Protests,Battles', subType: 'Armed clash' })).toBe(true);
    expect(m({ outlet: 'great lakes daily' })).toBe(true);
    expect(m({ certainty: 'unverified' })).toBe(false);
    expect(m({ actor: 'm23' })).toBe(true);
    expect(m({ actor: 'rapid support' })).toBe(false);
    expect(m({ q: 'SAKE fighting' })).toBe(true);
    expect(m({ q: 'sake market' })).toBe(false);
    expect(m({ minOutlets: '2' })).toBe(false);
    expect(m({ since: '2024-03-15', until: '2024-03-15' })).toBe(true);
    expect(m({ since: '2024-03-16' })).toBe(false);
    expect(m({ bbox: '28,-2,30,0' })).toBe(true);
    expect(m({ bbox: '170,-10,-170,10' })).toBe(false);
    expect(matcher(parseFilter({ bbox: '170,-10,-170,10' }))(ev({ location: { ...e.location!, lon: 179 } }))).toBe(true);
    const rejected = ev({ review: { status: 'rejected', by: 'a', at: '2026-01-01', why: null, mergedInto: null, splitFrom: null, original: {}, history: [] } });
    expect(matcher({})(rejected)).toBe(false);
    expect(matcher({ review: 'rejected' })(rejected)).toBe(true);
    expect(matcher({ review: 'all' })(rejected)).toBe(true);
    expect(matcher({ review: 'unreviewed' })(rejected)).toBe(false);
    expect(matcher({ review: 'unreviewed' })(e)).toBe(true);
    // One facet's own filter left out: what choosing another value would give.
    expect(matcher(parseFilter({ country: 'SD' }), 'country')(e)).toBe(true);
  });
});
