import { SP } from '../lexicon.js';
import { fixed, proposal, type Parser } from '../proposal.js';
import { anchoredAt, scan, wordAfter, wordBefore } from '../scan.js';

/**
 * The present, the past and the future as a whole (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF): "now",
 * "right now", "currently", "current" (as in "the current crisis"), "at present", "these days",
 * "nowadays", "at the moment", "recently", "recent", "the past", "in the past", "the future", "the
 * near future", "the short term". Not: "electric current", "current account", "now that" (a
 * conjunction), "the recent past" is one expression.
 */
const REF_RE = anchoredAt(
  new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:(?<present>(?:right${SP}|just${SP})?now|currently|nowadays|at${SP}present|presently|these${SP}days|at${SP}the${SP}moment|at${SP}this${SP}time|for${SP}the${SP}time${SP}being|to${SP}date)|(?<current>current)|(?<recent>(?:more${SP}|most${SP}|very${SP}|only${SP}|until${SP})?recently|recent)|(?<past>the${SP}(?:(?:recent|distant|immediate)${SP})?past)|(?<future>(?:the${SP}(?:(?:near|distant|foreseeable|immediate)${SP})?future|the${SP}(?:near|short)(?:er)?${SP}term(?!${SP}\\p{L}|-)|a${SP}later${SP}date|as${SP}soon${SP}as${SP}possible)))(?![\\p{L}\\p{N}]|-\\p{L})`,
    'giud',
  ),
  { reach: 24 },
);

/** Nouns after which "current" is electricity, money or water, not the present. */
const NOT_TIME_CURRENT = /^(?:account|accounts|affairs|flows?|flowing|carrying|sea|ocean|river|electric|electrical|jet|events)$/i;

export const reference: Parser = {
  name: 'reference',
  triggers: { words: ['possible', 'now', 'currently', 'nowadays', 'present', 'presently', 'days', 'moment', 'time', 'date', 'current', 'recently', 'recent', 'past', 'future', 'term'] },
  parse(input) {
    const text = input.text;
    return scan(REF_RE, input, (m) => {
      const g = m.groups!;
      const end = m.index + m[0].length;
      const after = wordAfter(text, end).toLowerCase();
      const before = wordBefore(text, m.index).toLowerCase();
      if (g.present) {
        // "now that …" is also the present, as TimeBank marks it.
        return proposal(m.index, end, 'DATE', fixed('PRESENT_REF'), 'reference:present');
      }
      if (g.current) {
        // "current" as an adjective before a noun ("the current crisis"), not "the current" of a river.
        if (!/^\s+\p{L}/u.test(text.slice(end, end + 3)) || NOT_TIME_CURRENT.test(after)) return null;
        if (/^(?:electric|electrical|alternating|direct|strong|swift|powerful|ocean|river)$/.test(before)) return null;
        // "the current swept the boat away": followed by a verb, "current" is the noun.
        if (/^(?:is|was|were|has|had|runs|ran|flows|carries|took|drove|swept|pulled|dragged|washed)$/.test(after) || /^\p{Ll}+ed$/u.test(after)) return null;
        // Rule "then-current": "the then current price" was current in the past.
        const then = /\bthen\s$/i.exec(text.slice(Math.max(0, m.index - 5), m.index));
        if (then) return proposal(m.index - then[0].length, end, 'DATE', fixed('PAST_REF'), 'reference:then-current');
        return proposal(m.index, end, 'DATE', fixed('PRESENT_REF'), 'reference:current');
      }
      if (g.recent) {
        const w = g.recent.toLowerCase();
        // "until recently": "until" is a preposition (a TimeML signal), not part of the expression.
        if (w.startsWith('until')) return proposal(m.index + g.recent.search(/recently$/i), end, 'DATE', fixed('PAST_REF'), 'reference:recent');
        if (w === 'recent') {
          // "recent" before a noun; "recent years/months" are the duration parser's (longer, preferred).
          if (!/^\s+\p{L}/u.test(text.slice(end, end + 3))) return null;
        }
        return proposal(m.index, end, 'DATE', fixed('PAST_REF'), 'reference:recent');
      }
      if (g.past) {
        // "the past" before a unit ("the past two years") is a duration, left to the duration parser.
        if (/^(?:few|two|three|four|five|six|seven|eight|nine|ten|several|\d+|year|years|month|months|week|weeks|day|days|decade|decades|century|hour|hours|quarter|quarters|weekend|couple|dozen)$/.test(after)) return null;
        return proposal(m.index, end, 'DATE', fixed('PAST_REF'), 'reference:past');
      }
      return proposal(m.index, end, 'DATE', fixed('FUTURE_REF'), 'reference:future');
    });
  },
};
