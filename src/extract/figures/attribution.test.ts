import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../../test-support/spans.js';
import { findInterviewee, isGuestSpeaking, speakerAt, transcriptSpeakers } from './attribution.js';

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
