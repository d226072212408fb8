import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args.js';

const options = { clients: { type: 'string', default: '20' }, json: { type: 'boolean' } } as const;

describe('bench options', () => {
  it('parses known options with their defaults', () => {
    expect(parseBenchArgs(['--json'], options)).toEqual({ values: { clients: '20', json: true } });
    expect(parseBenchArgs(['--clients', '4'], options)).toEqual({ values: { clients: '4' } });
  });

  it('refuses an unknown option or a stray argument with a message, not an exception', () => {
    const unknown = parseBenchArgs(['--bogus'], options);
    expect('error' in unknown && unknown.error).toMatch(/bogus/);
    expect('error' in parseBenchArgs(['extra'], options)).toBe(true);
    expect('error' in parseBenchArgs(['--clients'], options)).toBe(true);
  });

  it('asks for the usage on --help or -h', () => {
    expect(parseBenchArgs(['--help'], options)).toEqual({ help: true });
    expect(parseBenchArgs(['-h'], {})).toEqual({ help: true });
  });
});
