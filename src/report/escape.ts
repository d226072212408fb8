/**
 * Escaping for everything article text can reach. Articles are untrusted input: a report built from a
 * hostile page must show its text, never run it.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text for HTML element content or a quoted attribute value. */
export function escapeHtml(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s).replace(/[&<>"'`]/g, (c) => HTML[c]!);
}

/**
 * JSON inside <script type="application/json">: no "<" (so no "</script>" or "<!--"), no ">" or "&", and
 * no U+2028/U+2029 line separators. JSON.parse reads the \u escapes back to the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A link target only if it is plain http(s); "javascript:", "data:" and the like are shown as text, never linked. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const t = url.trim();
  if (!/^https?:\/\//i.test(t)) return null;
  try {
    const u = new URL(t);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Markdown inline text: HTML-significant characters as entities (many renderers pass raw HTML through),
 * Markdown punctuation backslash-escaped, line breaks folded so a value cannot start a new block.
 */
export function escapeMarkdown(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
}
