import { describe, expect, it } from 'vitest';
import { sideOf } from '../../merge/figure-side.js';
import { countedThing, isVague } from './counted-thing.js';

/** Split a sentence around the counted phrase and read what it counts. */
function thing(sentence: string, quantity: string, what: string | null) {
  const at = sentence.indexOf(quantity);
  return countedThing(what, sentence.slice(0, at), sentence.slice(at + quantity.length));
}

describe('counted things', () => {
  it('folds synonyms of fighters and reads what happened to them', () => {
    expect(thing('Up to 5,000 ISIS fighters are in the city, an official said.', 'Up to 5,000 ISIS fighters', 'ISIS fighters')?.key).toBe('fighters|present');
    expect(thing('At least 50 militants were killed in the assault.', 'At least 50 militants', 'militants')?.key).toBe('fighters|killed');
    expect(thing('The army killed about 900 insurgents last month.', 'about 900 insurgents', 'insurgents')?.key).toBe('fighters|killed');
  });

  it('makes "people fled", "residents were displaced" and "refugees" one thing', () => {
    expect(thing('As many as 48,000 people have fled the city.', 'As many as 48,000 people', 'people')?.key).toBe('people|displaced');
    expect(thing('Over 50,000 residents were displaced from the city.', 'Over 50,000 residents', 'residents')?.key).toBe('people|displaced');
    expect(thing('The camp holds 7,000 refugees.', '7,000 refugees', 'refugees')?.key).toBe('people|displaced');
  });

  it('keeps trying to flee apart from having fled, and the wounded apart from the dead', () => {
    expect(thing('Thousands of residents are trying to flee the city.', 'Thousands of residents', 'residents')?.key).toBe('civilians|trying to flee');
    expect(thing('Twelve soldiers were wounded.', 'Twelve soldiers', 'soldiers')?.key).toBe('troops|wounded');
    expect(thing('Twelve soldiers were killed.', 'Twelve soldiers', 'soldiers')?.key).toBe('troops|killed');
  });

  it('names the side when the report does, and not otherwise', () => {
    const a = sideOf(thing('About 3,000 Kurdish fighters are in the town.', 'About 3,000 Kurdish fighters', 'Kurdish fighters')!.what);
    const b = sideOf(thing('About 3,000 ISIS fighters are in the town.', 'About 3,000 ISIS fighters', 'ISIS fighters')!.what);
    const c = sideOf(thing('About 3,000 fighters are in the town.', 'About 3,000 fighters', 'fighters')!.what);
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(a).not.toBe(b);
    expect(c).toBeNull();
  });

  it('counts things as well as people, and gives up without a counted noun', () => {
    expect(thing('Troops destroyed more than 40 hideouts.', 'more than 40 hideouts', 'hideouts')?.key).toBe('hideout|destroyed');
    expect(thing('The number rose to 7,000.', '7,000', null)).toBeNull();
  });

  it('labels the figure in the report\'s words', () => {
    expect(thing('As many as 48,000 people have fled the city.', 'As many as 48,000 people', 'people')?.label).toBe('people displaced');
    expect(thing('Up to 5,000 ISIS fighters are in the city.', 'Up to 5,000 ISIS fighters', 'ISIS fighters')?.label).toBe('ISIS fighters');
  });

  it('tells magnitudes from counts', () => {
    expect(isVague('thousands of people')).toBe(true);
    expect(isVague('Hundreds')).toBe(true);
    expect(isVague('hundreds of 1,000-strong units')).toBe(false);
    expect(isVague('about 900 militants')).toBe(false);
    expect(isVague('a dozen soldiers')).toBe(false);
  });
});
