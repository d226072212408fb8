import type { BoilerplateKind } from '../core/layers.js';
import { dateAt } from './date-parse.js';

/**
 * Rules for lines that are page furniture rather than reporting. Each rule describes the shape such a
 * line has on news sites in general and must match the WHOLE line (trimmed): a prompt, a label or a credit
 * stands on a line of its own, while a sentence of reporting that happens to mention "comment", "share"
 * or "transcript" goes on with more words and does not match.
 */


const PLATFORM = '(?:facebook|twitter|x|whatsapp|linkedin|reddit|e-?mail|telegram|messenger|pinterest|flipboard|print|copy link|copy url|sms)';
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const PARTICLE = "(?:al|el|de|da|del|van|von|der|bin|ibn|abu|le|la|du|di)";
const NAME = `(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Late|Early|Nightfall|Midday|Noon|Dawn|Dusk)\\b)${NAME_WORD}(?:\\s+(?:${PARTICLE}[\\s-])?${NAME_WORD}){1,3}`;
const OUTLET = `(?:[Tt]he\\s+)?(?:Associated Press|ASSOCIATED PRESS|AP|Reuters|REUTERS|AFP|Agence France-Presse|CNN|BBC(?: News)?|Al Jazeera|[Ss]taff(?: [Ww]riter| [Rr]eporter)?|[Oo]ur (?:[Cc]orrespondent|[Rr]eporter)s?|${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}\\s+(?:[Ss]taff|[Cc]orrespondent|[Rr]eporter|[Dd]esk))`;
// ", CNN" ", Special Correspondent in Erbil" after the names.
const AFFILIATION = `(?:\\s*,\\s*${NAME_WORD}(?:\\s+(?:in\\s+|of\\s+)?${NAME_WORD}){0,4}){0,2}`;

/** kind, whole-line pattern, and the longest line the rule may match (default 200 characters). */
const RULES: [BoilerplateKind, RegExp, number?][] = [
  // "What do you think? Leave a respectful comment." "Leave a comment" "View 12 comments" "Comments (4)"
  ['comment-prompt', /^what do you think\??(?:\s+(?:leave|post|add|share|tell us|let us know|join)\b.{0,60})?$/i],
  ['comment-prompt', /^(?:leave|post|add|write|submit|join|view|show|see|read|load|hide|open)\s+(?:a\s+|an\s+|your\s+|the\s+|all\s+|our\s+)?(?:respectful\s+|new\s+|reader\s+)?(?:\d[\d,]*\s+)?(?:comments?|replies|reply|conversation|discussion)\b[\s.!:]*(?:\(\d[\d,]*\))?\s*$/i],
  ['comment-prompt', /^(?:\d[\d,]*\s+)?(?:comments?|responses?|replies)(?:\s*\(\d[\d,]*\))?[\s.:]*$/i],
  ['comment-prompt', /^(?:comments? (?:are|is) (?:now\s+)?(?:closed|disabled|open)|be the first to comment|comment on this (?:story|article|report)|have your say|join the debate)[.!]?$/i],

  // "Read the Full Transcript" "Full transcript" "Transcript" "Show transcript"
  ['transcript-link', /^(?:(?:read|see|view|show|hide|download|get|print)\s+)?(?:the\s+|a\s+)?(?:full\s+|complete\s+|edited\s+)?transcript(?:\s*\((?:pdf|text|html)\))?[.:]?$/i],

  // "Listen to this Segment" "Watch the full interview" "Watch video" "Video: Iraqi troops enter Bartella"
  ['media-link', /^(?:listen|watch|play|hear|replay)(?:\s+(?:to|now|live|again))?(?:\s+(?:this|the|our|full|a|an))?(?:\s+(?:full|complete|live|related|latest))?(?:\s+(?:segment|video|episode|audio|clip|podcast|interview|report|broadcast|story|program|programme|show)s?)?[.:]?$/i],
  ['media-link', /^(?:watch|video|listen|audio|podcast|photos|in pictures|gallery|slideshow|live updates|live blog)\s*:\s*\S.{0,150}$/i],
  ['media-link', /^(?:duration\s*:?\s*)?\d{1,2}:\d{2}(?::\d{2})?$/i],

  // "Share" "Share this article" "Share on Facebook" "Facebook | Twitter | Email"
  ['share-prompt', new RegExp(`^(?:share|tweet|e-?mail|print|pin|save|bookmark|copy link|copy url)(?:\\s+(?:this|the)\\s+(?:article|story|page|post|video|report))?(?:\\s+(?:on|via|to|with|by)\\s+(?:${PLATFORM}|a friend))?[.:!]?$`, 'i')],
  ['share-prompt', new RegExp(`^(?:share(?:\\s+(?:this|on|via))?(?:\\s+(?:article|story|page))?\\s*:?\\s*)?${PLATFORM}(?:\\s*[|·•,/]\\s*|\\s+)${PLATFORM}(?:(?:\\s*[|·•,/]\\s*|\\s+)${PLATFORM})*$`, 'i')],

  // "Sign up for our newsletter" "Get the latest updates in your inbox" "Subscribe now"
  ['subscribe-prompt', /^(?!.*\b(?:said|says|told|according)\b)(?:sign up|subscribe|register|get|receive|join|never miss)\b.{0,80}\b(?:newsletters?|updates|alerts|inbox|briefings?|digest|notifications|e-?mails?|mailing list)\b.{0,40}$/i],
  ['subscribe-prompt', /^(?:subscribe|sign up|sign in|log in|register|support (?:our|independent) journalism|donate)(?:\s+(?:now|today|here|for free|to continue reading))?[.!]?$/i],
  ['subscribe-prompt', /^already (?:a subscriber|have an account)\??.{0,40}$/i],

  // "By Jane Roe and John Doe, CNN" "By the Associated Press" "(Reporting by …; Editing by …)"
  ['byline', new RegExp(`^(?:[Bb]y|BY|[Ww]ritten by|[Ss]tory by|[Ww]ords by|[Aa]uthor:|[Rr]eporter:)\\s+(?:${OUTLET}|${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*${AFFILIATION})(?:\\s*[|·•–—]\\s*[^.!?]{0,60})?$`, 'u')],
  ['byline', /^\(?(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|translated)\s+by\b[^()]{0,250}\)?$/i, 300],

  // "Photo: Jane Roe/Agency" "Credit: …" "A man walks past rubble. (AP Photo/Jane Roe)" "… Jane Roe/AFP via Getty Images"
  ['photo-credit', /^(?:photo(?:graph)?|image|picture|file photo|illustration|graphic|map|credit|photo credit|image credit|top image)(?:\s+(?:credit|by|courtesy(?:\s+of)?|source))?\s*[:/]\s*\S.{0,100}$/i],
  // A caption is as long as a sentence can be: the credit that ends it marks the whole line.
  ['photo-credit', /^.{0,480}\((?:[\p{Lu}]{2,5}\s+)?(?:photo|photograph|image|file photo|picture)s?\s*(?:\/|\bby\b|:)\s*[^()]{1,80}\)\.?$/iu, 500],
  ['photo-credit', /^.{0,480}\/\s*(?:getty images|afp(?:\s+via\s+getty images)?|reuters|ap(?: photo)?|epa(?:-efe)?|anadolu(?: agency)?|shutterstock|sipa|alamy|xinhua)\)?\.?$/i, 500],
  // "Mourners carry a coffin through the town. (AP)": an agency's name alone in brackets after a full stop.
  ['photo-credit', /^.{20,480}[.!?"”']\s*\((?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|Xinhua|XINHUA|Getty Images|Anadolu|AA|File|File photo|Photo)\)\.?$/u, 500],
  // "Pilgrims light candles at the memorial. [Photo/Agency] |"
  ['photo-credit', /^.{0,480}\[(?:photo|image|picture|file photo)s?\s*(?:\/|:|\bby\b)\s*[^\]]{1,60}\]\s*\|?\s*$/iu, 500],
  // "... in the hills above the townImage source, Agency": a caption with its credit run together.
  ['photo-credit', /^.{0,400}(?:image|photo|picture)\s+(?:source|credit)\s*[,:]\s*[^.!?]{1,60}$/iu, 500],
  // "Image caption," on a line of its own: the caption follows on the next line (boilerplate.ts).
  ['photo-credit', /^(?:image|photo|picture|video)?\s*caption\s*[,:]?$/i],
  ['photo-credit', /^.{0,300}\b(?:photo(?:graph)?|picture|image|credit)s?(?:\s+(?:by|credit))?\s*:\s*[^.!?:]{1,60}$/iu],
  ['photo-credit', /^\(?(?:getty images|afp\/getty images|ap photo|reuters\/\p{L}+|file photo)\)?\.?$/iu],

  // "© 2016 Reuters" "Copyright 2016 The Associated Press. All rights reserved."
  ['copyright', /^(?:©|\(c\))\s*.{0,120}$|^copyright\s*(?:©|\(c\)|\d{4}\b|by\b).{0,120}$/i],
  ['copyright', /^(?:all rights reserved|this (?:material|article|story|content) may not be (?:published|reproduced|copied)\b.{0,140})\.?$/i],

  // "Advertisement" "Story continues below advertisement" "Sponsored content"
  ['advertisement', /^(?:advertisement|advertising|ad|advert|sponsored(?:\s+(?:content|links?|stories))?|paid (?:content|post|partner content)|promoted(?:\s+(?:content|stories))?|story continues below(?:\s+(?:this\s+)?(?:advertisement|advert|ad))?|article continues (?:below|after (?:this\s+)?(?:advertisement|advert|ad))|continue reading (?:the main story|below|this article|the article)|skip (?:ad|advert|advertisement))[.:]?$/i],

  // "Related: …" "Read more: …" "See also: …" "Most read" "Next article"
  ['related-link', /^(?:related|read more|more|see also|also read|read also|also see|recommended|more on this(?: story| topic)?|more from [\p{L} .'’-]{1,40}|you may also like|you might also like|what to read next|further reading|next|previous|up next|related (?:coverage|stories|articles|content|videos?|topics|links|reading))\s*[:>»›|]\s*\S.{0,150}$/iu],
  ['related-link', /^(?:related|read more|see also|related (?:coverage|stories|articles|content|videos?|topics|links|reading)|more (?:stories|news|coverage|on this story|on this topic|from this section)|most (?:read|popular|viewed|shared|watched)|trending(?: now| stories)?|top stories|recommended(?: for you| stories)?|editor'?s picks|next (?:article|story)|previous (?:article|story)|(?:read|see) (?:more|all)(?: stories)?)[.:»›>]?$/i],

  // "We use cookies to …" "Accept all cookies" "Cookie settings"
  ['cookie-notice', /^(?:we use cookies|we and our partners use cookies|this (?:web)?site uses cookies|by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:web)?site|cookies? (?:settings|policy|preferences|notice|consent)|accept (?:all )?cookies|reject (?:all|non-essential)(?: cookies)?|manage (?:cookies|cookie settings|preferences|consent))\b.{0,400}$/i, 450],

  // "Skip to main content" "Back to top" "Home > World > Middle East"
  ['navigation', /^(?:skip to (?:main )?content|skip (?:to )?navigation|back to top|jump to (?:content|navigation)|menu|main menu|toggle navigation|open menu|close menu|search|home|sections)[.]?$/i],
  ['navigation', /^(?:home|news|world)\s*(?:[>»›|/]\s*[\p{L} &'’-]{1,30}\s*){1,6}$/iu],
];

// "Published 12 November 2016" "Updated: 10:32 AM ET, Sun October 23, 2016" "Posted 3 hours ago"
const STAMP_LABEL = /^(?:(?:first\s+|originally\s+)?published|posted|updated|last\s+updated|last\s+modified|modified|publication date|date published)(?:\s+on)?\s*[:\-–—]?\s*/i;
const STAMP_TIME = /(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\b/iy;
const STAMP_AGO = /\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\b/iy;

/** A publication or update stamp standing on its own line. */
export function isDateStamp(line: string): boolean {
  const m = STAMP_LABEL.exec(line);
  if (!m || line.length > m[0].length + 80) return false;
  const at = m[0].length;
  if (dateAt(line, at)) return true;
  STAMP_TIME.lastIndex = at;
  STAMP_AGO.lastIndex = at;
  return STAMP_TIME.test(line) || STAMP_AGO.test(line);
}

/** The boilerplate kind of one trimmed line, or null if it may be reporting. */
export function classifyLine(line: string): BoilerplateKind | null {
  if (!line || line.length > 500) return null;
  if (isDateStamp(line)) return 'date-line';
  for (const [kind, rule, maxLength = 200] of RULES) {
    if (line.length <= maxLength && rule.test(line)) return kind;
  }
  return null;
}

/** A caption label standing alone ("Image caption,"): the line after it is the caption. */
export function isCaptionLabel(line: string): boolean {
  return /^(?:image|photo|picture|video)?\s*caption\s*[,:]?$/i.test(line);
}
