import { describe, expect, it } from 'vitest';
import { analyzed } from '../../test-support/doc.js';
import { codedFatalities, hasSizeTag, leadingLabel, noteSpans } from './acled-notes.js';

// Notes written for these tests.
describe('leadingLabel', () => {
  it('reads the sub-event type a label gives', () => {
    expect(leadingLabel('Agreement: On 5 March, 30 fighters surrendered.')?.coding.subType).toBe('Agreement');
    expect(leadingLabel('Change to armed group: On 2 March, 47 soldiers defected.')?.coding.subType).toBe('Change to group/activity');
    expect(leadingLabel('Detonation: on 8 March, a bomb went off early.')?.coding.subType).toBe('Disrupted weapons use');
    expect(leadingLabel('Non-violent activity: On 7 March, 92 civilians were freed.')?.coding.subType).toBe('Other');
    expect(leadingLabel('Looting: On 10 January, cattle were taken.')?.coding.subType).toBe('Looting/property destruction');
    expect(leadingLabel('Mob violence: On 4 June, a crowd beat a thief.')?.coding).toEqual({ type: 'Riots', subType: 'Mob violence' });
  });
  it('reads no label from an ordinary opening', () => {
    expect(leadingLabel('On 5 March, 30 fighters surrendered: a first.')).toBeNull();
    expect(leadingLabel('Kabul: gunmen attacked a post.')).toBeNull();
  });
});

describe('codedFatalities', () => {
  it('lets the last coding note win', () => {
    expect(codedFatalities('3 soldiers were killed. Fatalities coded as 0 (VoJ reported 3 fatalities).')).toBe(0);
    expect(codedFatalities('5 died. Total fatalities coded as 5.')).toBe(5);
    expect(codedFatalities('10 died. Fatalities are split across 3 events (4).')).toBe(4);
    expect(codedFatalities('Fatalities coded as 0. In a third attack 6 died. Fatalities coded as 6 (VoJ also reported 6).')).toBe(6);
  });
  it('finds no note in plain text', () => {
    expect(codedFatalities('3 soldiers were killed; the fatalities were buried on Monday.')).toBeNull();
  });
});

describe('noteSpans and hasSizeTag', () => {
  it('finds coding notes and crowd-size tags', () => {
    const t = 'Residents protested. [size=dozens] Fatalities coded as 0 (VoJ reported 1).';
    expect(noteSpans(t).map((s) => t.slice(s.start, s.end))).toEqual(['[size=dozens]', 'Fatalities coded as 0 (VoJ reported 1).']);
    expect(hasSizeTag(t)).toBe(true);
    expect(hasSizeTag('Residents protested.')).toBe(false);
  });
});

describe('ACLED labels that code a note with no act word in it', () => {
  it('codes "Movement of forces:" as a change to group/activity', () => {
    const e = analyzed('Movement of forces: On 1 May 2021, soldiers deployed with armoured vehicles in Kandi, Benin.', '2021-05-02').get('events');
    expect(e.map((x) => `${x.type} / ${x.subType}`)).toEqual(['Strategic developments / Change to group/activity']);
  });
});
