import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzed } from '../test-support/doc.js';
import { toAnalysis } from './output.js';

const docPage = readFileSync(new URL('../../docs/analysis-v1.md', import.meta.url), 'utf8');

/**
 * Field names listed in the first column of the table under a heading of docs/analysis-v1.md; fields whose
 * description starts with "optional" are left out unless asked for.
 */
function documentedFields(heading: string, withOptional = false): string[] {
  const at = docPage.indexOf(heading);
  const section = docPage.slice(at, docPage.indexOf('\n#', at + heading.length));
  const names: string[] = [];
  for (const line of section.split('\n')) {
    const m = /^\| ((?:`[^`]+`(?:, )?)+) \| (.*)$/.exec(line);
    if (m && (withOptional || !/^optional/.test(m[2]!))) for (const f of m[1]!.matchAll(/`([^`]+)`/g)) names.push(f[1]!);
  }
  return names;
}

// Written for this test: a short wire-style report that exercises every layer.
const SAMPLE = [
  'date 2016-10-23',
  'ERBIL, Iraq — Iraqi troops retook the town of Bartella on Saturday after two days of clashes, an army officer said.',
  'At least 12 militants were killed and dozens of families fled toward Erbil, according to local officials.',
  'Reuters could not independently verify the account. 😀 Ünïcödé “quotes” stay intact.',
  'What do you think? Leave a respectful comment.',
].join('\n');

function* spansIn(value: unknown): Generator<{ start: number; end: number; text: string }> {
  if (Array.isArray(value)) for (const v of value) yield* spansIn(v);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') {
      yield o as { start: number; end: number; text: string };
    }
    for (const v of Object.values(o)) if (v && typeof v === 'object') yield* spansIn(v);
  }
}

describe('analysis v1 contract', () => {
  const record = toAnalysis(analyzed(SAMPLE, '2016-10-23'), { tokens: true });

  it('writes exactly the top-level fields the documentation lists', () => {
    expect(Object.keys(record).sort()).toEqual(documentedFields('## Output: one object per document').sort());
  });

  it('gives every event the fields the documentation lists', () => {
    const fields = documentedFields('### `events`').filter((f) => f !== 'evidence');
    expect(fields.length).toBeGreaterThan(8);
    expect(record.events.length).toBeGreaterThan(0);
    for (const ev of record.events) for (const f of fields) expect(ev).toHaveProperty(f);
  });

  it('documents every field an event can carry', () => {
    const documented = new Set(documentedFields('### `events`', true));
    for (const ev of record.events) for (const f of Object.keys(ev)) expect(documented, f).toContain(f);
  });

  it('keeps every span of every layer, nested ones included, on the input text', () => {
    let n = 0;
    for (const s of spansIn(record)) {
      expect(SAMPLE.slice(s.start, s.end)).toBe(s.text);
      n++;
    }
    expect(n).toBeGreaterThan(20);
  });

  it('survives as JSON', () => {
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });
});
