/**
 * What kind of input a file holds, judged by its content first and its name only to break ties: a page
 * saved as .txt is still HTML, and a feed saved as .html is still a feed.
 *
 * - `jsonl`: JSON Lines, one record an line (first line is a JSON object, or the name says .jsonl/.ndjson)
 * - `json`: one JSON value spread over several lines (an object, or an array of records)
 * - `feed`: RSS 2.0, RSS 1.0 (RDF) or Atom
 * - `html`: an HTML or XHTML page (or a fragment that starts with a tag)
 * - `xml`: some other XML, which sitrep does not read
 * - `text`: anything else
 */
export type Sniffed = 'jsonl' | 'json' | 'feed' | 'html' | 'xml' | 'text';

/** Skip leading whitespace, XML declarations, comments and doctypes to find the first real token. */
function skipProlog(s: string): { rest: string; doctype: string | null; xmlDecl: boolean } {
  let rest = s.replace(/^\uFEFF/, '');
  let doctype: string | null = null;
  let xmlDecl = false;
  for (let guard = 0; guard < 50; guard++) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) {
      if (/^<\?xml\b/i.test(rest)) xmlDecl = true;
      const end = rest.indexOf('?>');
      if (end < 0) break;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) break;
      rest = rest.slice(end + 3);
    } else if (/^<!doctype\b/i.test(rest)) {
      // A doctype may hold an internal subset in brackets: skip to the matching close.
      const m = /^<!doctype\s+([^\s>[]+)/i.exec(rest);
      doctype = m ? m[1]!.toLowerCase() : '';
      const bracket = rest.indexOf('[');
      const gt = rest.indexOf('>');
      let end = gt;
      if (bracket >= 0 && bracket < gt) {
        const close = rest.indexOf(']', bracket);
        end = close < 0 ? -1 : rest.indexOf('>', close);
      }
      if (end < 0) break;
      rest = rest.slice(end + 1);
    } else break;
  }
  return { rest, doctype, xmlDecl };
}

const HTML_TAG = /<(?:html|head|body|meta|title|p|div|article|section|main|h[1-6]|ul|ol|table|span|a|br|link|script|style|header|nav|b|i|em|strong)\b/i;

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl < 0 ? s : s.slice(0, nl)).trim();
}

function isJsonObject(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

/**
 * @param head the first kilobytes of the decoded input (enough to hold a prolog and the root tag)
 * @param name the file name, or '' when reading standard input
 */
export function sniffFormat(head: string, name = ''): Sniffed {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    if (ext === 'jsonl' || ext === 'ndjson' || isJsonObject(firstLine(start))) return 'jsonl';
    return ext === 'json' || /^\{\s*(?:"|\}|$)/.test(start) ? 'json' : 'text';
  }
  if (start.startsWith('[') && (ext === 'json' || /^\[\s*(?:\{|\]|$)/.test(start))) return 'json';
  if (!start.startsWith('<')) return ext === 'jsonl' || ext === 'ndjson' ? 'jsonl' : 'text';
  const { rest, doctype, xmlDecl } = skipProlog(start);
  const root = /^<([A-Za-z][\w:.-]*)/.exec(rest)?.[1]?.toLowerCase() ?? '';
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root.endsWith(':rss') || root.endsWith(':feed')) return 'feed';
  if (root === 'html' || doctype === 'html') return 'html';
  if (xmlDecl && root && !HTML_TAG.test(`<${root}>`)) return 'xml';
  if (HTML_TAG.test(rest.slice(0, 4096)) || /^<[a-z][\w-]*[\s/>]/i.test(rest)) return 'html';
  return 'text';
}
