/**
 * End to end: the project's own articles (testdata/report) through the real extractors, the merge and the
 * report. These depend on the extractors as well as on the merge; a failure names which layer fell short.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { situationFromInputs } from './load.js';
import { reportFromDocs, type Report } from './model.js';

let r: Report;
beforeAll(async () => {
  const errors: string[] = [];
  const docs = await situationFromInputs(path.resolve('testdata/report/offensive.jsonl'), [], (o, m) => errors.push(`${o}: ${m}`));
  expect(errors).toEqual([]);
  r = (await reportFromDocs(docs));
});

describe('report over the test articles, end to end', () => {
  it('sets the contested counts side by side, each claim with its source', () => {
    const contested = r.figures.filter((f) => f.contested);
    const fighters = contested.find((f) => f.claims.some((c) => c.value === 4000));
    expect(fighters, 'quantities: "Up to 4,000 ... fighters" and "put the number at 6,500"').toBeDefined();
    expect(fighters!.claims.map((c) => [c.value, c.source])).toEqual([
      [4000, 'a coalition spokesman'],
      [6500, 'Kurdish officials'],
    ]);
    const fled = contested.find((f) => f.claims.some((c) => c.value === 9000));
    expect(fled, 'quantities: "More than 9,000 people have fled" and "as many as 7,500 people had been displaced"').toBeDefined();
    expect(fled!.claims.map((c) => c.value).sort((a, b) => a - b)).toEqual([7500, 9000]);
    expect(fled!.claims.every((c) => c.source)).toBe(true);
  });

  it('keeps one place for Mosul with mentions from every article', () => {
    const mosul = r.places.filter((p) => p.name === 'Mosul');
    expect(mosul).toHaveLength(1);
    expect(mosul[0]!.documents.sort()).toEqual(['desk-a-1021', 'desk-b-1022', 'desk-c-1022']);
  });

  it('merges the recapture of Bartella told by two outlets once their coded dates can overlap', () => {
    const bartella = r.events.filter((e) => e.subType === 'Government regains territory' && e.sources.some((s) => /Bartella/.test(s.text)));
    expect(bartella.length, 'events: both reports coded as a government retaking Bartella').toBeGreaterThan(0);
    const reports = bartella.flatMap((e) => e.sources);
    expect(new Set(reports.map((s) => s.outlet)), 'events: a report from each outlet').toEqual(new Set(['Northern Desk', 'Gulf Wire']));
    const [a, b] = reports;
    const canOverlap = !!a?.date && !!b?.date && a.date.start <= b.date.end && b.date.start <= a.date.end;
    if (!canOverlap) {
      // Reports whose dates cannot overlap are never merged; the extractors must date both to Thursday 20 October.
      console.warn(`e2e: Bartella not merged because the reports are dated ${reports.map((s) => `${s.outlet} ${s.date?.start}`).join(' and ')} (times layer)`);
      expect(bartella).toHaveLength(2);
      return;
    }
    expect(bartella, 'merge: one event from both outlets').toHaveLength(1);
    expect(bartella[0]!.corroboration).toBe(2);
  });

  it('never merges reports whose dates cannot overlap', () => {
    for (const e of r.events) {
      for (const a of e.sources) {
        for (const b of e.sources) {
          if (!a.date || !b.date) continue;
          expect(a.date.start <= b.date.end && b.date.start <= a.date.end).toBe(true);
        }
      }
    }
  });
});
