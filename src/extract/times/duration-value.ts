/**
 * TIMEX3 duration values: `P2Y`, `P1M`, `PT24H`, `PXD` (an unknown number of days). Decades and
 * centuries count in years when the number is known ("two decades" P20Y), and in their own units when it
 * is not ("decades" PXDE); halves go into the next smaller unit, as TimeBank writes them ("2 1/2 years"
 * P2Y6M, "a minute and a half" PT1M30S).
 */
export type DurationUnit =
  | 'second'
  | 'minute'
  | 'hour'
  | 'day'
  | 'night'
  | 'week'
  | 'weekend'
  | 'fortnight'
  | 'month'
  | 'quarter'
  | 'year'
  | 'decade'
  | 'century'
  | 'millennium';

const LETTER: Record<DurationUnit, string> = {
  second: 'S', minute: 'M', hour: 'H', day: 'D', night: 'D', week: 'W', weekend: 'WE', fortnight: 'W', month: 'M',
  quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE', millennium: 'L',
};

const TIME_UNITS = new Set<DurationUnit>(['second', 'minute', 'hour']);

/** The next smaller unit and how many of it make one, for writing halves. */
const SMALLER: Partial<Record<DurationUnit, [DurationUnit, number]>> = {
  year: ['month', 12], month: ['day', 30], week: ['day', 7], day: ['hour', 24], hour: ['minute', 60], minute: ['second', 60],
};

export function unitOf(word: string): DurationUnit | null {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  const base = w === 'centuries' ? 'century' : w === 'millennia' ? 'millennium' : w.replace(/s$/, '');
  switch (base) {
    case 'second': case 'minute': case 'hour': case 'day': case 'night': case 'week': case 'weekend': case 'fortnight':
    case 'month': case 'quarter': case 'year': case 'decade': case 'century': case 'millennium':
      return base;
    case 'min': return 'minute';
    case 'hr': return 'hour';
    case 'yr': return 'year';
    case 'wk': return 'week';
    case 'mo': return 'month';
    default: return null;
  }
}

/** A duration of `n` units (null: unknown number), e.g. (2, 'year') → P2Y, (null, 'day') → PXD. */
export function durationValue(n: number | null, unit: DurationUnit): string {
  const t = TIME_UNITS.has(unit) ? 'T' : '';
  if (n === null) return `P${t}X${LETTER[unit]}`;
  let count = n;
  let u = unit;
  if (u === 'fortnight') count *= 2;
  if (u === 'decade') [count, u] = [count * 10, 'year'];
  else if (u === 'century') [count, u] = [count * 100, 'year'];
  else if (u === 'millennium') [count, u] = [count * 1000, 'year'];
  const whole = Math.floor(count + 1e-9);
  const frac = count - whole;
  if (frac > 1e-6) {
    const smaller = SMALLER[u];
    if (smaller) {
      const [su, k] = smaller;
      const rest = Math.round(frac * k);
      const t2 = TIME_UNITS.has(su) ? 'T' : '';
      const head = whole > 0 ? `${whole}${LETTER[u]}` : '';
      // Mixing date and time units needs the T between them (P1DT12H).
      if (t2 && !t) return `P${head}T${rest}${LETTER[su]}`;
      return `P${t}${head}${rest}${LETTER[su]}`;
    }
    return `P${t}${Number(count.toFixed(2))}${LETTER[u]}`;
  }
  return `P${t}${whole}${LETTER[u]}`;
}
