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

  it('ignores capitals that are not a dateline', () => {
    expect(dateline('Officials in BAGHDAD said nothing.')).toBeNull();
    expect(dateline('Mosul was quiet on Sunday.')).toBeNull();
  });
});
