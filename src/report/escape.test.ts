import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, jsonForScript, safeHttpUrl } from './escape.js';

describe('escaping untrusted text', () => {
  it('escapes HTML in content and attributes', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">')).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(escapeHtml("it's `a` & b")).toBe('it&#39;s &#96;a&#96; &amp; b');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml('plain text')).toBe('plain text');
  });

  it('keeps JSON in a script element from closing it, and reads back unchanged', () => {
    const v = { t: '</script><script>alert(1)</script> <!-- & \u2028' };
    const s = jsonForScript(v);
    expect(s).not.toMatch(/</);
    expect(s).not.toMatch(/>/);
    expect(s).not.toMatch(/\u2028/);
    expect(JSON.parse(s)).toEqual(v);
  });

  it('links only http(s) URLs', () => {
    expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('http://')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });

  it('escapes Markdown and the HTML a renderer would pass through', () => {
    expect(escapeMarkdown('<script>x</script> *bold* [a](b) | c\n# h')).toBe('&lt;script&gt;x&lt;/script&gt; \\*bold\\* \\[a\\]\\(b\\) \\| c \\# h');
    expect(escapeMarkdown('Mosul')).toBe('Mosul');
  });
});
