import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.js';
import { expectSpansMatch } from '../../test-support/spans.js';
import { modelForm, wordsOf } from './words.js';

describe('sitrep tokens to EWT-like words', () => {
  // Written for this test.
  const text = "I'm told Smith's men didn’t fire; “they’re gonna,” he said of al-Shabaab's 18-year-old recruits.";
  const { tokens } = tokenize(text);
  const words = wordsOf(text, tokens, 0, tokens.length);

  it('splits clitics and fused forms wink leaves whole, and keeps every offset', () => {
    const forms = words.map((w) => w.form);
    expect(forms.slice(0, 2)).toEqual(['I', "'m"]);
    expect(forms).toContain('Smith');
    expect(forms.filter((f) => f === "'s")).toHaveLength(2);
    expect(forms).toContain("n't");
    expect(forms).toContain('gon');
    expect(forms).toContain('na');
    for (const w of words) expect(text.slice(w.start, w.end).length).toBeGreaterThan(0);
    expectSpansMatch(text, words.map((w) => ({ start: w.start, end: w.end, text: text.slice(w.start, w.end) })));
  });

  it('straightens curly quotes and apostrophes for the models only', () => {
    expect(modelForm('“they’re”')).toBe('"they\'re"');
    const q = words.find((w) => w.form === '"');
    expect(q).toBeDefined();
    expect(text.slice(q!.start, q!.end)).toBe('“');
  });

  it('records the token each word came from', () => {
    expect(words[0]!.token).toBe(words[1]!.token);
    expect(text.slice(tokens[words[0]!.token]!.start, tokens[words[0]!.token]!.end)).toBe("I'm");
    const fire = words.find((w) => w.form === 'fire')!;
    expect(text.slice(tokens[fire.token]!.start, tokens[fire.token]!.end)).toBe('fire');
  });
});
