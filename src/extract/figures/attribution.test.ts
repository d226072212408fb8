import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../test-support/spans.js';
import { findAttribution, findInterviewee, isGuestSpeaking, speakerAt, transcriptSpeakers } from './attribution.js';

function source(sentence: string, number: string): string | null {
  const at = sentence.indexOf(number);
  const r = findAttribution(sentence, { start: 0, end: sentence.length }, { start: at, end: at + number.length });
  if (r) expectSpansMatch(sentence, [r]);
  return r?.text ?? null;
}

describe('claim attribution', () => {
  it('finds the ordinary shapes of attribution', () => {
    expect(source('Up to 300 gunmen hold the bridge, a police spokesman said.', '300')).toBe('a police spokesman');
    expect(source('At least 12 people died, according to the Red Crescent.', '12')).toBe('the Red Crescent');
    expect(source('The health ministry said 45 people were wounded.', '45')).toBe('The health ministry');
    expect(source('Rebel commanders put the number at 900.', '900')).toBe('Rebel commanders');
    expect(source('We learned from the local council, that 60 homes burned.', '60')).toBe('the local council');
    expect(source('Some 80 soldiers were captured, said the army.', '80')).toBe('the army');
    expect(source('Gen. Omar Haddad, head of the northern command, said 20 fighters surrendered.', '20')).toBe('Gen. Omar Haddad, head of the northern command');
  });

  it('does not invent a source where none is given', () => {
    expect(source('About 400 families arrived at the camp on Monday.', '400')).toBeNull();
    expect(source('It is said that 30 houses burned.', '30')).toBeNull();
  });

  it('does not take a speaker who talks after the number as its source when they speak of something else', () => {
    // The verb of saying comes before the number, so the leading subject is the source.
    expect(source('Officials said 14 civilians had died in the strike.', '14')).toBe('Officials');
  });
});

describe('interview guests', () => {
  const intro = 'Joining me now is Samir Aziz, who leads the medical response for the International Medical Corps. Thank you for coming.';

  it('recognises the guest and their organisation', () => {
    const g = findInterviewee(intro)!;
    expect(g.name.text).toBe('Samir Aziz');
    expect(g.organisation?.text).toBe('the International Medical Corps');
    expectSpansMatch(intro, [g.name, g.organisation!]);
  });

  it('also finds "X joins the host to discuss"', () => {
    const t = 'Lena Park, a researcher at the Crisis Group, joins Tom Reed to discuss the siege.';
    expect(findInterviewee(t)?.name.text).toBe('Lena Park');
  });

  it('finds no guest in ordinary prose', () => {
    expect(findInterviewee('The army said on Monday that it had joined the offensive.')).toBeNull();
  });

  it('hears the guest in first-person statements, not in questions or in the host addressing them', () => {
    const g = findInterviewee(intro)!;
    expect(isGuestSpeaking('We have treated 200 patients this week.', g)).toBe(true);
    expect(isGuestSpeaking('Samir, we hear 300 people were hurt. Is that right?', g)).toBe(false);
    expect(isGuestSpeaking('How many patients have you treated?', g)).toBe(false);
    expect(isGuestSpeaking('The hospital treated 200 patients.', g)).toBe(false);
  });
});

describe('transcript speakers', () => {
  const t = ['HOST: How many people have come through?', 'OMAR FARES: We registered 900 families this week.', 'It is more than last week.', 'HOST: Thank you.'].join('\n');

  it('gives each line of a turn its labelled speaker, and no source to the host', () => {
    const sp = transcriptSpeakers(t);
    expect(sp.map((s) => s.text)).toEqual(['HOST', 'OMAR FARES', 'HOST']);
    expectSpansMatch(t, sp);
    expect(speakerAt(sp, t.indexOf('900'))?.text).toBe('OMAR FARES');
    expect(speakerAt(sp, t.indexOf('more than last'))?.text).toBe('OMAR FARES');
    expect(speakerAt(sp, t.indexOf('How many'))).toBeNull();
  });

  it('finds no speakers in prose with one labelled line', () => {
    expect(transcriptSpeakers('UPDATE: The death toll rose to 12.\nPolice said 12 people died.')).toEqual([]);
    expect(transcriptSpeakers('Officials said: 12 people died. Another said: 14.')).toEqual([]);
  });
});
