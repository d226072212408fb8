import { describe, expect, it } from 'vitest';
import { prepared } from '../../test-support/doc.js';
import { docPlaces } from './details.js';
import { places } from './index.js';

const dateline = (text: string) => docPlaces(prepared(text, null, places))!.dateline?.mention.text ?? null;

describe('dateline', () => {
  it('reads the capitalised place that opens a wire story', () => {
    expect(dateline('BAGHDAD (Wire) - Two bombs exploded on Sunday.')).toBe('BAGHDAD');
    expect(dateline('ERBIL, Iraq — Aid arrived by road.')).toBe('ERBIL');
    expect(dateline('Bombs hit the capital.\n\nCHARLESTON, W.Va. -- A man was charged.')).toBe('CHARLESTON');
  });

  it('reads a title-case dateline when the date, the agency or a dash follows it, after a syndicator tag too', () => {
    expect(dateline('Lagos, May 2 (Wire) A bus caught fire on the bridge.')).toBe('Lagos');
    expect(dateline('(FEEDCO- Wire) Lagos, May 2 (Wire) A bus caught fire on the bridge.')).toBe('Lagos');
    expect(dateline('Nairobi, Kenya (Wire) — Teachers marched to parliament.')).toBe('Nairobi');
    expect(dateline('Nairobi — Teachers marched to parliament.')).toBe('Nairobi');
  });

  it('ignores capitals that are not a dateline', () => {
    expect(dateline('Lagos, the biggest city, was quiet.')).toBeNull();
    expect(dateline('Nairobi (the capital) was quiet.')).toBeNull();
    expect(dateline('Officials in BAGHDAD said nothing.')).toBeNull();
    expect(dateline('Mosul was quiet on Sunday.')).toBeNull();
  });
});
