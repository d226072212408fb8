import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { expectSpansMatch } from '../test-support/spans.js';
import { className, highlight, type MarkSpan } from './highlight.js';

function render(text: string, spans: MarkSpan[]) {
  const html = highlight(text, spans);
  const { document } = parseHTML(`<!doctype html><html><body><div id="t">${html}</div></body></html>`);
  return { html, document, root: document.getElementById('t')! };
}

const span = (text: string, word: string, layer: string, from = 0): MarkSpan => {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`"${word}" not in the text`);
  return { start, end: start + word.length, classes: ['hl', layer], labels: [`${layer}: ${word}`] };
};

describe('highlight', () => {
  it('keeps the text exactly and marks nested spans as nested elements, each with its own anchor', () => {
    const text = 'Police said 12 people died in Basra on Monday.\nA second line.';
    const spans = [span(text, 'Police said 12 people died in Basra on Monday.', 'events'), span(text, '12 people', 'quantities'), span(text, 'Basra', 'places'), span(text, 'Monday', 'times')];
    expectSpansMatch(text, spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })));
    const { root } = render(text, spans);
    expect(root.textContent).toBe(text);
    for (const s of spans) {
      const el = root.querySelector(`#s-${s.start}-${s.end}`)!;
      expect(el.textContent).toBe(text.slice(s.start, s.end));
      expect(el.getAttribute('class')).toContain(s.classes[1]!);
    }
    // The place is inside the event's element.
    const ev = spans[0]!;
    expect(root.querySelector(`#s-${ev.start}-${ev.end} #s-${spans[2]!.start}-${spans[2]!.end}`)).not.toBeNull();
  });

  it('splits a span that crosses an earlier one into fragments: one anchor, every character still marked', () => {
    const text = 'alpha beta gamma delta';
    // "alpha beta" and "beta gamma" cross.
    const a = span(text, 'alpha beta', 'times');
    const b = span(text, 'beta gamma', 'places');
    const { root, html } = render(text, [a, b]);
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll(`#s-${b.start}-${b.end}`).length).toBe(1);
    const fragments = [...root.querySelectorAll('.places')].map((e) => e.textContent);
    expect(fragments.join('')).toBe('beta gamma');
    expect(root.querySelectorAll('.places.cont').length).toBe(1);
    expect(html.match(/<span/g)!.length).toBe(html.match(/<\/span>/g)!.length);
  });

  it('does not split spans that merely touch or share an end', () => {
    const text = 'one two three';
    const { root } = render(text, [span(text, 'one two', 'events'), span(text, 'two', 'places'), span(text, ' three', 'times')]);
    expect(root.querySelectorAll('.cont').length).toBe(0);
    expect(root.textContent).toBe(text);
  });

  it('gives a range marked by two layers one element with both classes and both labels', () => {
    const text = 'the officer said';
    const a = span(text, 'the officer', 'events-sources');
    const b = span(text, 'the officer', 'quantities-source');
    const { root } = render(text, [a, b]);
    const els = root.querySelectorAll(`#s-${a.start}-${a.end}`);
    expect(els.length).toBe(1);
    expect(els[0]!.getAttribute('class')).toBe('hl events-sources quantities-source');
    expect(els[0]!.getAttribute('title')).toBe('events-sources: the officer\nquantities-source: the officer');
  });

  it('escapes the text and the labels: markup in an article is shown, never parsed', () => {
    const text = 'Ahmed wrote <script>alert(1)</script> & "quoted" </span><b onmouseover=x>bold</b>';
    const s: MarkSpan = { start: 0, end: 5, classes: ['hl', 'places'], labels: ['place: <img src=x onerror=alert(2)>'] };
    const { root, html } = render(text, [s, span(text, '<script>', 'times')]);
    expect(root.textContent).toBe(text);
    expect(root.querySelectorAll('script, b, img').length).toBe(0);
    expect(html).not.toMatch(/<script|<b |<img/);
    expect(root.querySelector('#s-0-5')!.getAttribute('title')).toBe('place: <img src=x onerror=alert(2)>');
  });

  it('makes class names of layer names, whatever they hold', () => {
    expect(className('places')).toBe('places');
    expect(className('events-sources')).toBe('events-sources');
    expect(className('a" onclick="x')).toBe('a-onclick-x');
    expect(className('<<>>')).toBe('span');
  });

  it('ignores spans outside the text or reversed, and keeps empty ones as anchors', () => {
    const text = 'short';
    const { root } = render(text, [
      { start: 2, end: 99, classes: ['places'], labels: [] },
      { start: 4, end: 1, classes: ['places'], labels: [] },
      { start: 3, end: 3, classes: ['times'], labels: [] },
    ]);
    expect(root.textContent).toBe(text);
    expect(root.querySelector('#s-2-99')).toBeNull();
    expect(root.querySelector('#s-4-1')).toBeNull();
    expect(root.querySelector('#s-3-3')!.textContent).toBe('');
  });

  it('keeps text with surrogate pairs and right-to-left script intact', () => {
    const text = 'مقتل ٣ أشخاص 🙂 in Mosul';
    const { root } = render(text, [span(text, 'Mosul', 'places'), span(text, '🙂', 'times')]);
    expect(root.textContent).toBe(text);
    expect(root.querySelector(`#s-${text.indexOf('🙂')}-${text.indexOf('🙂') + 2}`)!.textContent).toBe('🙂');
  });
});
