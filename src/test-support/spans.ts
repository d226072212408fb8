import { expect } from 'vitest';

/** The offsets contract: every item's text is exactly input.slice(start, end), within bounds, half-open. */
export function expectSpansMatch(input: string, items: readonly { start: number; end: number; text?: string }[]): void {
  for (const it of items) {
    expect(Number.isInteger(it.start) && Number.isInteger(it.end), `integer offsets ${JSON.stringify(it)}`).toBe(true);
    expect(it.start).toBeGreaterThanOrEqual(0);
    expect(it.end).toBeGreaterThanOrEqual(it.start);
    expect(it.end).toBeLessThanOrEqual(input.length);
    if (it.text !== undefined) expect(input.slice(it.start, it.end)).toBe(it.text);
  }
}
