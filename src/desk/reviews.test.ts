import { describe, expect, it } from 'vitest';
import type { ReportEvent, ReportEventSource } from '../report/model.js';
import { applyOverrides, checkCorrection, reviewReport, splitId, type Override } from './reviews.js';

// Hand-built events (invented): two reports of one shelling, one report of a protest.
function source(documentId: string, start: number, outlet: string, best: number | null, day: string): ReportEventSource {
  return {
    documentId,
    outlet,
    published: day,
    start,
    end: start + 20,
    text: 'x'.repeat(20),
    sentence: { start, end: start + 40, text: 'y'.repeat(40) },
    said: [],
    certainty: 'reported',
    date: { start: day, end: day, precision: 1 },
    fatalities: best === null ? null : { low: best, best, high: best },
  };
}

function event(id: string, sources: ReportEventSource[], over: Partial<ReportEvent> = {}): ReportEvent {
  return {
    id,
    type: 'Explosions/Remote violence',
    subType: 'Shelling/artillery/missile attack',
    date: { start: '2024-05-11', end: '2024-05-11', precision: 1 },
    location: { name: 'El Fasher', lat: 13.63, lon: 25.35, country: 'SD', admin1: 'Northern Darfur', precision: 1 },
    actor1: { name: 'Rapid Support Forces', inter: 2 },
    actor2: { name: 'Civilians (Sudan)', inter: 7 },
    actors: [{ name: 'Rapid Support Forces', inter: 2 }, { name: 'Civilians (Sudan)', inter: 7 }],
    fatalities: { low: 14, best: 14, high: 16 },
    sources,
    corroboration: new Set(sources.map((s) => s.outlet)).size,
    outlets: [...new Set(sources.map((s) => s.outlet!))],
    certainty: 'reported',
    merged: [],
    review: null,
    ...over,
  };
}

const shelling = () => event('ev-a', [source('d1', 10, 'Nile Courier', 14, '2024-05-11'), source('d2', 30, 'Sahel Wire', 16, '2024-05-11'), source('d3', 0, 'Wire Three', 40, '2024-05-14')]);
const protest = () => event('ev-b', [source('d4', 5, 'Volta Post', null, '2024-04-13')], { type: 'Protests', subType: 'Peaceful protest', fatalities: { low: null, best: null, high: null } });

let n = 0;
function o(eventId: string, action: Override['action'], data: Record<string, unknown> = {}, anchor: Override['anchor'] = []): Override {
  return { id: ++n, eventId, action, data, anchor, account: 'amira', at: `2026-12-07T00:0${n % 10}:00Z`, why: `because ${n}` };
}

describe('reviews laid over the picture', () => {
  it('confirms, corrects (keeping what the extractors said), rejects and restores', () => {
    const { events } = applyOverrides([shelling(), protest()], [
      o('ev-a', 'confirm'),
      o('ev-a', 'correct', { fatalities: { low: 14, best: 15, high: 16 }, actor1: { name: 'Unidentified Armed Group (Sudan)', inter: 3 } }),
      o('ev-b', 'reject'),
    ]);
    const a = events.find((e) => e.id === 'ev-a')!;
    expect(a.fatalities).toEqual({ low: 14, best: 15, high: 16 });
    expect(a.actor1!.name).toBe('Unidentified Armed Group (Sudan)');
    // The corrected actor replaces the coded one among the event's actors.
    expect(a.actors.map((x) => x.name)).toEqual(['Unidentified Armed Group (Sudan)', 'Civilians (Sudan)']);
    expect(a.review).toMatchObject({ status: 'corrected', by: 'amira', original: { fatalities: { low: 14, best: 14, high: 16 }, actor1: { name: 'Rapid Support Forces', inter: 2 } } });
    expect(a.review!.history.map((c) => c.action)).toEqual(['confirm', 'correct']);
    expect(events.find((e) => e.id === 'ev-b')!.review!.status).toBe('rejected');
    const restored = applyOverrides([shelling(), protest()], [o('ev-b', 'reject'), o('ev-b', 'restore')]).events.find((e) => e.id === 'ev-b')!;
    expect(restored.review!.status).toBe('confirmed');
  });

  it('splits reports off into an event of their own, with a stable id and its own dates and toll', () => {
    const moved = [{ documentId: 'd3', start: 0, end: 20 }];
    const { events } = applyOverrides([shelling(), protest()], [o('ev-a', 'split', { sources: moved, newId: splitId('ev-a', moved) })]);
    expect(events.map((e) => e.id)).toEqual(['ev-a', splitId('ev-a', moved), 'ev-b']);
    const [parent, child] = events;
    expect(parent!.sources.map((s) => s.documentId)).toEqual(['d1', 'd2']);
    expect(parent!.outlets).toEqual(['Nile Courier', 'Sahel Wire']);
    expect(parent!.corroboration).toBe(2);
    expect(parent!.fatalities.best).toBe(14);
    expect(child!.sources.map((s) => s.documentId)).toEqual(['d3']);
    expect(child!.date).toEqual({ start: '2024-05-14', end: '2024-05-14', precision: 1 });
    expect(child!.fatalities.best).toBe(40);
    expect(child!.review).toMatchObject({ status: 'split', splitFrom: 'ev-a' });
    expect(splitId('ev-a', moved)).toBe(splitId('ev-a', [...moved]));
    expect(splitId('ev-a', moved)).not.toBe(splitId('ev-b', moved));
  });

  it('merges one event into another: reports move, dates widen, the merged one is kept hidden with a pointer', () => {
    const other = event('ev-c', [source('d9', 3, 'Gulf Monitor', 12, '2024-05-12')], { date: { start: '2024-05-12', end: '2024-05-12', precision: 1 } });
    const { events } = applyOverrides([shelling(), other], [o('ev-c', 'merge', { into: 'ev-a' })]);
    const a = events.find((e) => e.id === 'ev-a')!;
    expect(a.sources.map((s) => s.documentId)).toEqual(['d1', 'd2', 'd3', 'd9']);
    expect(a.corroboration).toBe(4);
    expect(a.date).toEqual({ start: '2024-05-11', end: '2024-05-12', precision: 1 });
    expect(a.merged.at(-1)).toMatch(/^ev-c merged in by amira/);
    expect(events.find((e) => e.id === 'ev-c')!.review).toMatchObject({ status: 'merged', mergedInto: 'ev-a' });
    const report = reviewReport({ schema: 'sitrep-report/1', period: { since: null, until: null, latest: null }, near: null, documents: [], events: [shelling(), other], figures: [], places: [], latest: [] }, [o('ev-c', 'merge', { into: 'ev-a' })]);
    expect(report.events.map((e) => e.id)).toEqual(['ev-a']);
  });

  it('finds its event by the reports it anchored when a re-analysis gave the event another id, and keeps orphans apart', () => {
    const anchored = o('ev-old', 'correct', { fatalities: { low: 15, best: 15, high: 15 } }, [{ documentId: 'd2', start: 30, end: 50 }]);
    const { events, orphans } = applyOverrides([shelling(), protest()], [anchored, o('ev-gone', 'reject', {}, [{ documentId: 'nowhere', start: 0, end: 5 }])]);
    expect(events.find((e) => e.id === 'ev-a')!.fatalities.best).toBe(15);
    expect(orphans.map((x) => x.eventId)).toEqual(['ev-gone']);
  });

  it('checks corrections before they are stored', () => {
    expect(checkCorrection({})).toMatch(/at least one/);
    expect(checkCorrection({ colour: 'red' })).toMatch(/cannot correct/);
    expect(checkCorrection({ type: 'Skirmish' })).toMatch(/type must be/);
    expect(checkCorrection({ fatalities: { low: 5, best: 3, high: 9 } })).toMatch(/low is above best/);
    expect(checkCorrection({ fatalities: { low: null, best: -1, high: null } })).toMatch(/whole numbers/);
    expect(checkCorrection({ date: { start: '2024-05-12', end: '2024-05-11', precision: 1 } })).toMatch(/start first/);
    expect(checkCorrection({ location: { name: 'X', lat: 95, lon: 0, country: 'SD', precision: 1 } })).toMatch(/lat/);
    expect(checkCorrection({ location: { name: 'X', lat: 5, lon: 0, country: 'Sudan', precision: 1 } })).toMatch(/alpha-2/);
    expect(checkCorrection({ actor1: { name: 'A', inter: 12 } })).toMatch(/inter/);
    expect(checkCorrection({ actor2: null, fatalities: { low: null, best: 3, high: null } })).toBeNull();
  });
});
