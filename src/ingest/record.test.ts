import { describe, expect, it } from 'vitest';
import { docFromRecord, InputError, makeDoc } from './record.js';

describe('docFromRecord', () => {
  it('uses the given publication date, normalised, with publishedFrom "input"', () => {
    const d = docFromRecord({ id: 'x', text: 'Troops advanced.', published: '2016-11-12' }, 'in:1', 'jsonl');
    expect(d.meta).toMatchObject({ id: 'x', published: '2016-11-12', publishedFrom: 'input', format: 'jsonl', origin: 'in:1' });
  });
  it('finds the date in the text when none is given, and says where it came from', () => {
    const d = docFromRecord({ text: ' date 2016-10-23 Around 30,000 troops advanced.' }, 'in:2', 'jsonl');
    expect(d.meta).toMatchObject({ id: 'in:2', published: '2016-10-23', publishedFrom: 'text-date-line' });
  });
  it('leaves an undated document undated: never today, never a guess', () => {
    const d = docFromRecord({ text: 'Iraqi forces advanced on Saturday, officials said.' }, 'in:3', 'jsonl');
    expect(d.meta.published).toBeNull();
    expect(d.meta.publishedFrom).toBeNull();
  });
  it('keeps a document whose date is not a date, with a warning, looking in the text instead', () => {
    const warnings: string[] = [];
    const d = docFromRecord({ text: 'March 22, 2013\n\nGunmen attacked.', published: 'last week' }, 'in:4', 'jsonl', {}, warnings);
    expect(d.meta).toMatchObject({ published: '2013-03-22', publishedFrom: 'dateline' });
    expect(warnings).toEqual(['"published" is not a date ("last week"); looking for the date in the text instead']);
  });
  it('refuses records without usable text', () => {
    expect(() => docFromRecord({ id: 'x' }, 'in:5', 'jsonl')).toThrow(InputError);
    expect(() => docFromRecord({ text: ' \n ' }, 'in:6', 'jsonl')).toThrow(/empty document/);
    expect(() => docFromRecord({ text: 42 }, 'in:7', 'jsonl')).toThrow(/"text" field/);
  });
  it('ignores fields of the wrong type rather than failing', () => {
    const d = docFromRecord({ id: { a: 1 }, text: 'x y z.', title: 3, url: ['u'], source: '  CNN ' }, 'in:8', 'jsonl');
    expect(d.meta).toMatchObject({ id: 'in:8', title: null, url: null, source: 'CNN' });
  });
});

describe('makeDoc', () => {
  it('keeps a date found upstream with its origin, and fills title and outlet from the text', () => {
    const d = makeDoc({ id: 'a', text: 'Troops retake Bartella\n\nBARTELLA, Iraq (Gulf Wire) — Troops advanced.', origin: 'a', format: 'html', published: '2016-10-21', publishedFrom: 'html-meta' });
    expect(d.meta).toMatchObject({ published: '2016-10-21', publishedFrom: 'html-meta', title: 'Troops retake Bartella', source: 'Gulf Wire' });
  });
  it('uses the URL to date a yearless dateline', () => {
    const d = makeDoc({ id: 'a', text: 'BAGHDAD, Oct. 23 (Wire) - Troops advanced.', origin: 'a', format: 'html', url: 'https://x.example/2016/10/23/story' });
    expect(d.meta).toMatchObject({ published: '2016-10-23', publishedFrom: 'dateline' });
  });
});
