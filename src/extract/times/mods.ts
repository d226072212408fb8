/**
 * TIMEX3 modifiers. Hedges before a quantity of time ("more than two years") and position words before
 * a date ("early 2014", "the end of the month") are part of the expression in TimeML; their meaning goes
 * into `mod`, the value stays that of the bare expression.
 */

/**
 * Hedges before a duration or a count of units ago (case-insensitive). Focus particles ("only", "just",
 * "barely": "only five hours", "just a decade ago", "just over an hour") say nothing about the amount
 * and are not TIMEX3 modifiers: they stay outside the expression.
 */
export const AMOUNT_HEDGE =
  '(?:(?:well|slightly|a little|a bit)\\s+(?:over|under|more\\s+than|less\\s+than)|more\\s+than|less\\s+than|fewer\\s+than|over|under|about|around|some|roughly|approximately|nearly|almost|at\\s+least|at\\s+most|up\\s+to|no\\s+more\\s+than|no\\s+less\\s+than|not\\s+more\\s+than|close\\s+to|upwards\\s+of|in\\s+excess\\s+of)';

export function amountMod(hedge: string | undefined): string | undefined {
  if (!hedge) return undefined;
  const h = hedge.toLowerCase().replace(/\s+/g, ' ');
  if (/(?:over|more than|upwards of|in excess of)$/.test(h)) return 'MORE_THAN';
  if (/(?:under|less than|fewer than)$/.test(h)) return 'LESS_THAN';
  if (/^(?:nearly|almost|close to)$/.test(h)) return 'LESS_THAN';
  if (h === 'at least' || h === 'no less than') return 'EQUAL_OR_MORE';
  if (h === 'at most' || h === 'up to' || h === 'no more than' || h === 'not more than') return 'EQUAL_OR_LESS';
  if (/^(?:about|around|some|roughly|approximately)$/.test(h)) return 'APPROX';
  return undefined;
}

/** Position words before a date or period: "early", "mid-", "late", "the end of" (case-insensitive). */
export const EDGE =
  '(?:(?:the\\s+)?(?:very\\s+)?(?:early|earlier|late|later)(?:\\s+in|-(?=\\p{L}))?|(?:the\\s+)?mid-?|(?:the\\s+)?middle\\s+of|(?:the\\s+)?(?:beginning|start|end|close|turn)\\s+of)';

export function edgeMod(edge: string | undefined): string | undefined {
  if (!edge) return undefined;
  const e = edge.toLowerCase();
  if (/\bearly\b|beginning|start/.test(e)) return 'START';
  if (/\blate\b|end|close/.test(e)) return 'END';
  if (/mid|middle/.test(e)) return 'MID';
  return undefined;
}
