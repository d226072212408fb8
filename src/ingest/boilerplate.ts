import type { Component } from '../core/pipeline.js';
import type { Boilerplate, BoilerplateKind } from '../core/layers.js';

/**
 * Lines that are page furniture rather than reporting: comment and share prompts, links to transcripts
 * or audio, bylines, photo credits. They stay in the text (offsets never move) but are excluded from
 * analysis. Rules are about the shape of such lines in news sites generally, matched on whole lines.
 */
const RULES: [BoilerplateKind, RegExp][] = [
  ['comment-prompt', /^(?:what do you think\??\s*)?(?:leave|post|add|join|read)\b.{0,30}\bcomments?\b.*$|^what do you think\?.*$|^\d*\s*comments?$/i],
  ['transcript-link', /^(?:read|see|view|show|download)\s+(?:the\s+)?(?:full\s+|complete\s+)?transcript\.?$/i],
  ['media-link', /^(?:listen(?:\s+to)?|watch|play|see)\s+(?:this|the|our|full)?\s*(?:segment|video|episode|audio|clip|podcast|story)\b.{0,20}$/i],
  ['share-prompt', /^(?:share|tweet|email|print|pin)(?:\s+(?:this|on|via)\b.{0,30})?$|^share\s+(?:this\s+)?(?:article|story|page)\b.*$|^(?:facebook|twitter|whatsapp|linkedin|email)(?:\s*[|·•,]\s*(?:facebook|twitter|whatsapp|linkedin|email|x|reddit))+$/i],
  ['subscribe-prompt', /^(?:sign up|subscribe|get)\b.{0,60}\b(?:newsletter|updates|alerts|inbox|briefing)\b.*$|^subscribe(?:\s+now)?\.?$/i],
  ['byline', /^by\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}(?:\s*(?:,|and)\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3})*(?:\s*,\s*(?:cnn|reuters|ap|afp|bbc|associated press|agence france-presse))?$/u],
  ['photo-credit', /^(?:photo|image|picture|file photo|video)(?:\s+(?:credit|by|courtesy(?:\s+of)?))?\s*[:/].{0,80}$|^\(?(?:photo|image)\s*:\s*.{0,60}\)?$|.{0,80}\/\s*(?:getty images|afp|reuters|ap(?: photo)?|epa)\)?$/iu],
  ['copyright', /^(?:©|\(c\)|copyright)\s*\d{0,4}.{0,80}$/iu],
];

export function findBoilerplate(text: string): Boilerplate[] {
  const out: Boilerplate[] = [];
  const re = /[^\r\n\u2028\u2029]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (!line || line.length > 160) continue;
    for (const [kind, rule] of RULES) {
      if (rule.test(line)) {
        out.push({ start: m.index + lead, end: m.index + lead + line.length, kind });
        break;
      }
    }
  }
  return out;
}

export const boilerplate: Component = {
  name: 'boilerplate',
  needs: [],
  adds: ['boilerplate'],
  run(doc) {
    doc.set('boilerplate', findBoilerplate(doc.text));
  },
};
