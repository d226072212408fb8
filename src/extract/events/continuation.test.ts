import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { sentenceViews } from '../quantities/view.js';
import type { PlaceMention } from '../places/types.js';
import type { ActorRef } from './roles.js';
import { datesFit, placesFit, refersBack } from './continuation.js';
import { findAttributions } from '../claims/attribution.js';

function refers(text: string, named: ActorRef[] = [], known: ActorRef[] = [], withSources = false): boolean {
  const view = sentenceViews(prepared(text))[0]!;
  const sources = withSources ? findAttributions(text, view).flatMap((a) => [a.source, a.cue]) : [];
  return refersBack(view.toks, 0, view.toks.length, named, known, sources);
}

function actor(name: string, generic = false): ActorRef {
  return { name, inter: 2, cls: 'rebel', country: null, generic, start: 0, end: name.length };
}

function place(name: string, lat: number, lon: number, kind: PlaceMention['kind'] = 'city', country = 'ML', admin1: string | null = 'Mopti'): PlaceMention {
  return { name, lat, lon, country, admin1, geonameId: null, kind, start: 0, end: name.length, text: name };
}

const day = (d: string) => ({ start: d, end: d });

// Sentences and places made up for these tests.
describe('refersBack', () => {
  it('reads a definite noun of the occurrence, a pronoun subject or a named actor already told', () => {
    expect(refers('The gunmen fled on motorbikes.')).toBe(true);
    expect(refers('Its spokesman said four soldiers were hurt.')).toBe(true);
    expect(refers('They also burned two trucks.')).toBe(true);
    expect(refers('The Islamic State fighters withdrew at dusk.')).toBe(true);
    expect(refers('Rebels from the FLA denied it.', [actor('FLA')], [actor('FLA')])).toBe(true);
  });
  it('does not read a new place, a pronoun after the verb, a generic actor or an indefinite noun as referring back', () => {
    expect(refers('The village of Boni was attacked on Friday.')).toBe(false);
    expect(refers('Soldiers told them to leave.')).toBe(false);
    expect(refers('A bomb exploded near a market.')).toBe(false);
    expect(refers('Militants were seen nearby.', [actor('Militants', true)], [actor('Militants', true)])).toBe(false);
    expect(refers('Rebels from the FLA denied it.', [actor('FLA')], [actor('JNIM')])).toBe(false);
  });
});

describe('refersBack with the attribution set aside', () => {
  it('does not read the speaker of a trailing or leading attribution as referring back', () => {
    expect(refers('In the north, two nurses were shot dead in a clinic on Monday, the ministry said.', [], [], true)).toBe(false);
    expect(refers('Four herders died in clashes near the river, the agency reported.', [], [], true)).toBe(false);
    expect(refers('They said a bus was ambushed near the border.', [], [], true)).toBe(false);
  });
  it('still reads a definite noun or pronoun outside the attribution', () => {
    expect(refers('The attackers burned two shops, the ministry said.', [], [], true)).toBe(true);
    expect(refers('They fled towards the hills, the agency reported.', [], [], true)).toBe(true);
  });
});

describe('datesFit', () => {
  it('fits when either side is undated or a date overlaps one told', () => {
    expect(datesFit([], [day('2021-05-01')])).toBe(true);
    expect(datesFit([day('2021-05-01')], [])).toBe(true);
    expect(datesFit([day('2021-05-01')], [{ start: '2021-04-30', end: '2021-05-01' }])).toBe(true);
  });
  it('does not fit another day, nor a period much longer than the occurrence', () => {
    expect(datesFit([day('2021-05-03')], [day('2021-05-01')])).toBe(false);
    expect(datesFit([{ start: '2021-04-01', end: '2021-04-30' }], [day('2021-04-20')])).toBe(false);
  });
});

describe('placesFit', () => {
  const town = place('Konna', 14.95, -3.89);
  it('fits the same place, a region or country around it, and a place within 30 km', () => {
    expect(placesFit([], [town])).toBe(true);
    expect(placesFit([place('Konna', 14.95, -3.89)], [town])).toBe(true);
    expect(placesFit([place('Mopti', 14.5, -4.2, 'admin1')], [town])).toBe(true);
    expect(placesFit([place('Mali', 17, -4, 'country', 'ML', null)], [town])).toBe(true);
    expect(placesFit([place('Sarema', 14.99, -3.80)], [town])).toBe(true);
  });
  it('does not fit a town far away, nor another country', () => {
    expect(placesFit([place('Gao', 16.27, -0.04, 'city', 'ML', 'Gao')], [town])).toBe(false);
    expect(placesFit([place('Niger', 17, 8, 'country', 'NE', null)], [town])).toBe(false);
    // one far place among near ones is enough to tell another occurrence
    expect(placesFit([place('Konna', 14.95, -3.89), place('Gao', 16.27, -0.04, 'city', 'ML', 'Gao')], [town])).toBe(false);
  });
});
