import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';

// Short incident notes in the style of conflict-data coders, written for these tests.
const first = (text: string) => analyzed(text, '2022-06-01').get('events')[0]!;

describe('note style: dropped auxiliaries and counts of the dead', () => {
  it('reads "2 fighters killed." after an event as its dead (a passive without "were")', () => {
    const e = first('On 30 May 2022, rebels shelled army positions north of Goma. 2 soldiers killed.');
    expect(e.fatalities?.best).toBe(2);
  });
  it('reads an absolute phrase ", with N civilians killed across the region" as the dead, and only them', () => {
    const e = first("On 30 May 2022, fighting between Chad's army and rebels went on for a third day, with at least 14 civilians killed across the region.");
    expect(e.fatalities?.best).toBe(14);
  });
  it('keeps an active verb with its object: "2 gunmen killed 3 guards" kills 3', () => {
    const e = first('On 30 May 2022, 2 gunmen killed 3 guards at a mine near Bunia.');
    expect(e.fatalities?.best).toBe(3);
  });
  it('counts "N fatalities" and "dozens of fatalities", reported or not', () => {
    expect(first('On 30 May 2022, militias clashed near Bunia. 7 fatalities reported.').fatalities?.best).toBe(7);
    expect(first('On 30 May 2022, militias clashed near Bunia. Dozens of fatalities.').fatalities?.best).toBe(12);
  });
  it('does not count fatalities that are denied or absent', () => {
    expect(first('On 30 May 2022, militias clashed near Bunia. No fatalities were reported.').fatalities?.best ?? 0).toBe(0);
  });
  it('does not take "the fatalities" as the source of a report', () => {
    const e = first('On 30 May 2022, militias clashed near Bunia. 7 fatalities reported.');
    expect(e.sources.map((s) => s.text)).toEqual([]);
  });
});

describe('note style: arrests in a raid, two forces in one subject', () => {
  it('codes arrests made during a raid as arrests', () => {
    const e = first('On 30 May 2022, police arrested 9 students in Harare during a raid on a hostel.');
    expect(`${e.type} / ${e.subType}`).toBe('Strategic developments / Arrests');
  });
  it('keeps a raid that kills as violence', () => {
    const e = first('On 30 May 2022, police killed 2 men and arrested 9 students in Harare during a raid on a hostel.');
    expect(e.type).not.toBe('Strategic developments');
  });
  it('reads "A and B forces clashed" as both sides, the first named first', () => {
    const e = first('On 30 May 2022, Eritrean and Ethiopian troops clashed near Badme. 3 soldiers were killed.');
    expect(e.actor1?.name).toBe('Military Forces of Eritrea');
    expect(e.actor2?.name).toBe('Military Forces of Ethiopia');
  });
  it('does not split one force named with two words joined by "and"', () => {
    const e = first('On 30 May 2022, army and police units clashed with rebels near Goma.');
    expect(e.actor2?.name).not.toBe(e.actor1?.name);
  });
});
