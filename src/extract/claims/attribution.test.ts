import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { sentenceViews } from '../quantities/view.js';
import { attributionFor, findAttributions } from './attribution.js';

function sources(text: string): string[] {
  const doc = prepared(text);
  const out: string[] = [];
  for (const v of sentenceViews(doc)) {
    const atts = findAttributions(doc.text, v);
    expectSpansMatch(text, atts.map((a) => a.source));
    out.push(...atts.map((a) => a.source.text));
  }
  return out;
}

// Sentences written for these tests.
describe('findAttributions', () => {
  it('reads the subject of a reporting verb, as written', () => {
    expect(sources('Militants shot dozens of men, an Iraqi intelligence source told CNN.')).toEqual(['an Iraqi intelligence source']);
    expect(sources('The official said the village was abandoned.')).toEqual(['The official']);
    expect(sources('Iraq officials claimed that some 200 fighters died.')).toEqual(['Iraq officials']);
    expect(sources("Iraq's government says its forces took two districts.")).toEqual(["Iraq's government"]);
    expect(sources('Fighting will go on, several officials have said.')).toEqual(['several officials']);
  });
  it('reads "according to", "put the number at", "released by" and "understand from"', () => {
    expect(sources('According to the defense ministry, 40 hideouts were hit.')).toEqual(['the defense ministry']);
    expect(sources("The group's supporters put the number at 7,000.")).toEqual(["The group's supporters"]);
    expect(sources('Footage released today by the interior ministry shows the raid.')).toEqual(['the interior ministry']);
    expect(sources('We understand from the World Health Organization that 48,000 fled.')).toEqual(['the World Health Organization']);
  });
  it('keeps an appositive with its name and reads postposed subjects', () => {
    expect(sources('Gen. Ali Hassan, commander of the 9th division, said 50 died.')).toEqual(['Gen. Ali Hassan, commander of the 9th division']);
    expect(sources('"We are ready," said the spokesman.')).toEqual(['the spokesman']);
    expect(sources('"We are ready," he said.')).toEqual(['he']);
  });
  it('extends the source over a prepositional phrase and keeps a participle or relative clause out', () => {
    expect(sources('Nurses at the district hospital said 9 people died.')).toEqual(['Nurses at the district hospital']);
    expect(sources('A farmer reached by phone said the gunmen left at dawn.')).toEqual(['A farmer']);
    expect(sources('A charity that runs clinics in the capital said 40 were hurt.')).toEqual(['A charity']);
    expect(sources('The Kigali-based agency said 12 died.')).toEqual(['The Kigali-based agency']);
  });
  it('does not take "no group" as a source', () => {
    expect(sources('No group has claimed the bombing.')).toEqual([]);
    expect(sources('The group has claimed the bombing.')).toEqual(['The group']);
  });
  it('does not take passive or relative uses for attributions', () => {
    expect(sources('The killings were said to have taken place on Saturday.')).toEqual([]);
    expect(sources('No casualties were reported.')).toEqual([]);
    expect(sources('The man who said nothing was freed.')).toEqual([]);
    expect(sources('The reports of fighting were vague.')).toEqual([]);
  });
  it('scopes a parenthetical attribution to its parenthesis', () => {
    const doc = prepared('3 policemen (2 according to Taliban sources) were killed.');
    const v = sentenceViews(doc)[0]!;
    const atts = findAttributions(doc.text, v);
    const two = doc.text.indexOf('2');
    const three = doc.text.indexOf('3');
    expect(attributionFor(atts, { start: two, end: two + 1 })?.source.text).toBe('Taliban sources');
    expect(attributionFor(atts, { start: three, end: three + 1 })).toBeNull();
  });
});

// Sentences written for these tests.
describe('findAttributions: subjects set apart from their verb', () => {
  it('reads a subject before a relative clause, without the clause', () => {
    expect(sources('A nurse who treated the wounded put the toll at more than 20.')).toEqual(['A nurse']);
    expect(sources('The farmer who found the bodies said six men had been shot.')).toEqual(['The farmer']);
  });
  it('reads a trailing say-word the tagger takes for a noun, and "there" after the subject', () => {
    expect(sources('Nearly 3 million people have fled their homes, the agency estimates.')).toEqual(['the agency']);
    expect(sources('Two boys died in the fire on Friday, officials there said.')).toEqual(['officials']);
  });
  it('does not read a possessive noun phrase or a clause without a say-word as a source', () => {
    expect(sources('The camp, which the agency runs, holds 3,000 people.')).toEqual([]);
    expect(sources('Aid arrived late, according to the figures in the agency\'s estimates.')).not.toContain('the agency');
    expect(sources('The man who fled the town returned on Monday.')).toEqual([]);
  });
});

// The shapes the figures reader once read with its own regular expressions: one component reads them all.
describe('findAttributions: one component for events and figures', () => {
  const at = (text: string, number: string): string | null => {
    const doc = prepared(text);
    const i = doc.text.indexOf(number);
    for (const v of sentenceViews(doc)) {
      if (i < v.start || i >= v.end) continue;
      const a = attributionFor(findAttributions(doc.text, v), { start: i, end: i + number.length });
      return a?.source.text ?? null;
    }
    return null;
  };
  it('reads the ordinary shapes of attribution around a number', () => {
    expect(at('Up to 300 gunmen hold the bridge, a police spokesman said.', '300')).toBe('a police spokesman');
    expect(at('At least 12 people died, according to the Red Crescent.', '12')).toBe('the Red Crescent');
    expect(at('The health ministry said 45 people were wounded.', '45')).toBe('The health ministry');
    expect(at('Some 80 soldiers were captured, said the army.', '80')).toBe('the army');
    expect(at('Meanwhile, the military said on Sunday that 30 of its soldiers were wounded.', '30')).toBe('the military');
    expect(at('Aid workers report that 25 families lost their homes.', '25')).toBe('Aid workers');
    expect(at('A local reporter counted 14 bodies near the river.', '14')).toBe('A local reporter');
    expect(at('The floods destroyed 70 homes, per the district council.', '70')).toBe('the district council');
    expect(at('A nurse who treated the wounded put the toll at 16.', '16')).toBe('A nurse');
  });
  it('never takes a day, a date or a rate for a source, nor a noun after "a" for a verb', () => {
    expect(at('On Sunday the rescue agency said 6 people were hurt.', '6')).toBe('the rescue agency');
    expect(at('On March 3 the rescue agency said 6 people were hurt.', '6')).toBe('the rescue agency');
    expect(at('Prices rose 4 per cent in May, traders said.', '4')).toBe('traders');
    expect(at('The fighting displaced 900 people per Monday figures.', '900')).toBeNull();
    expect(at('A police report that 40 rifles went missing was leaked.', '40')).toBeNull();
    expect(at('The town of Eastford witnessed 3 days of shelling, residents said.', '3')).toBe('residents');
    expect(sources('The hamlet witnessed heavy fighting.')).toEqual([]);
    expect(sources('A shepherd witnessed the raid.')).toEqual(['A shepherd']);
  });
  it('does not invent a source where none is given', () => {
    expect(at('About 400 families arrived at the camp on Monday.', '400')).toBeNull();
    expect(at('It is said that 30 houses burned.', '30')).toBeNull();
  });
});

