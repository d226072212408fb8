import { describe, expect, it } from 'vitest';
import { headlineOf, outletOf } from './title.js';

describe('headlineOf', () => {
  it('takes a short first line set off by a blank line, past furniture and date lines', () => {
    expect(headlineOf('Troops retake Bartella\n\nIraqi forces advanced on Thursday.')).toBe('Troops retake Bartella');
    expect(headlineOf('Listen to this segment\n\nOn the road out of Mosul: an aid worker speaks\n\nHOST: Welcome.')).toBe('On the road out of Mosul: an aid worker speaks');
    expect(headlineOf('date 2016-10-20\n\nSpecial forces take Bartella\n\nBody.')).toBe('Special forces take Bartella');
  });
  it('finds none when the text opens with prose or a dateline', () => {
    expect(headlineOf(' date 2016-10-23 Around 30,000 troops are taking part.\nMore text.')).toBeNull();
    expect(headlineOf('Iraqi forces advanced on Thursday, officials said.\n\nMore.')).toBeNull();
    expect(headlineOf('BAGHDAD, Oct. 23 (Reuters) —\n\nBody.')).toBeNull();
    expect(headlineOf('A line that runs on\nwithout a blank line after it')).toBeNull();
    expect(headlineOf('')).toBeNull();
  });
});

describe('outletOf', () => {
  it('takes the agency of a wire dateline', () => {
    expect(outletOf('KIRKUK, Oct. 22 (Tigris Post) — Security forces hunted gunmen.')).toBe('Tigris Post');
    expect(outletOf('Headline\n\nNAIROBI, Kenya (AP) _\n\nBody.')).toBe('AP');
  });
  it('takes a byline affiliation only when it names a news organisation', () => {
    expect(outletOf('Headline\n\nBy Tomas Brandt, Meridian News\nPublished 3 November 2016\n\nBody.')).toBe('Meridian News');
    expect(outletOf('By Jane Roe, Erbil\n\nBody text here.')).toBeNull();
  });
  it('finds none in plain prose', () => {
    expect(outletOf('Iraqi forces advanced on Thursday, officials said, after a night of shelling on the plain.')).toBeNull();
    expect(outletOf('WASHINGTON — Officials said.')).toBeNull();
  });
});
