import { describe, expect, it } from 'vitest';
import { csv, csvField, parseCsv } from './csv.js';

describe('RFC 4180 CSV', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-73.25)).toBe('-73.25');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12 killed')).toBe("'-12 killed");
    expect(csvField(-12)).toBe('-12');
  });

  it('ends records with CRLF and reads back what it wrote', () => {
    const rows = [['x, y', 'He said "go"\r\nthen left', ''], ['1', '2', '3']];
    const text = csv(['a', 'b', 'c'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('a,b,c');
    expect(parseCsv(text)).toEqual([['a', 'b', 'c'], ...rows]);
  });
});
