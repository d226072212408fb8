import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { sentenceViews } from '../quantities/view.js';
import { findActors } from './actors.js';

function actors(text: string) {
  const doc = prepared(text);
  const v = sentenceViews(doc)[0]!;
  const { actors: a, countries } = findActors(doc.text, v);
  const spans = a.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) }));
  expectSpansMatch(text, spans);
  return { list: a.map((m) => [text.slice(m.start, m.end), m.entry.inter, m.country?.code ?? null]), countries };
}

// Sentences written for these tests.
describe('findActors', () => {
  it('joins a named group with the generic noun after it', () => {
    expect(actors('Taliban militants attacked.').list).toEqual([['Taliban militants', 2, 'AF']]);
    expect(actors('IS fighters surrendered.').list).toEqual([['IS fighters', 2, null]]);
    expect(actors('al-Shabaab fighters fled.').list).toEqual([['al-Shabaab fighters', 2, 'SO']]);
  });
  it('gives generic state forces the country of an adjective before them', () => {
    expect(actors('Afghan forces repulsed them.').list).toEqual([['Afghan forces', 1, 'AF']]);
    expect(actors("Iraq's security forces advanced.").list).toEqual([["Iraq's security forces", 1, 'IQ']]);
    expect(actors('Afghan military special forces raided it.').list).toEqual([['Afghan military special forces', 1, 'AF']]);
    expect(actors('The police arrived.').list).toEqual([['police', 1, null]]);
  });
  it('lets the stronger word win when two are written together', () => {
    expect(actors('A Christian paramilitary group fought.').list).toEqual([['Christian paramilitary group', 3, null]]);
    expect(actors('Unknown gunmen shot a former soldier.').list).toEqual([['Unknown gunmen', 3, null], ['former soldier', 7, null]]);
  });
  it('folds the sentence the same whatever its characters: curly quotes, dashes, letters beyond Latin-1', () => {
    // Latin-1 sentences and wider ones are folded by two paths; offsets map back to the text either way.
    expect(actors("Afghan forces\u2019 convoy was hit \u2014 Taliban militants said so.").list).toEqual([['Afghan forces', 1, 'AF'], ['Taliban militants', 2, 'AF']]);
    expect(actors('Afghan forces near \u0416ovtnevo were hit \u2014 Taliban militants said so.').list).toEqual([['Afghan forces', 1, 'AF'], ['Taliban militants', 2, 'AF']]);
    expect(actors('This is what \u0130S wants; US troops left.').list).toEqual([['US troops', 1, 'US']]);
  });
  it('needs capitals for capital-letter aliases', () => {
    expect(actors('This is what IS wants.').list).toEqual([['IS', 2, null]]);
    expect(actors('This is what it is.').list).toEqual([]);
    expect(actors('Let us go.').countries).toEqual([]);
    expect(actors('US troops left.').list).toEqual([['US troops', 1, 'US']]);
  });
  it('reads a country code in capitals only, and a force naming a thing as no actor', () => {
    expect(actors('They hit back with suicide car bombs.').countries).toEqual([]);
    expect(actors('Fighting in the CAR went on.').countries.map((c) => c.country.code)).toEqual(['CF']);
    expect(actors('Gunmen stormed government buildings and the police station.').list).toEqual([['Gunmen', 3, null]]);
  });
  it('does not read "force" in "by force" as an actor', () => {
    expect(actors('They took it by force.').list).toEqual([]);
  });
});

describe('findActors memo', () => {
  it('reads a sentence once, and again when asked about another text', () => {
    const doc = prepared('Rebel fighters of the Zarvan Front attacked the town.');
    const v = sentenceViews(doc)[0]!;
    const first = findActors(doc.text, v);
    expect(findActors(doc.text, v)).toBe(first);
    // The same view laid over a text of the same length with other words: read afresh, not taken from the memo.
    const other = 'Police officers of the Zarvan Front attacked the town.'.padEnd(doc.text.length, ' ');
    const again = findActors(other, v);
    expect(again).not.toBe(first);
    expect(again.actors.map((m) => other.slice(m.start, m.end))).toContain('Police officers');
  });
});
