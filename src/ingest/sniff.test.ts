import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff.js';

describe('sniffFormat', () => {
  it('tells JSON Lines by a first line that is a JSON object, whatever the name', () => {
    expect(sniffFormat('{"id": "a", "text": "x"}\n{"id": "b"', 'docs.txt')).toBe('jsonl');
    expect(sniffFormat('{"id": "a", "text": "x"}\n', '')).toBe('jsonl');
  });
  it('trusts a .jsonl name even when the first line is broken (its errors are reported line by line)', () => {
    expect(sniffFormat('{"id": "a", "te\n{"id": "b"}', 'docs.jsonl')).toBe('jsonl');
  });
  it('tells a JSON document (an array, or one object over several lines)', () => {
    expect(sniffFormat('[\n  {"text": "a"}\n]', 'x.json')).toBe('json');
    expect(sniffFormat('[{"text": "a"}]', '')).toBe('json');
    expect(sniffFormat('{\n  "text": "a"\n}', '')).toBe('json');
  });
  it('tells RSS, RDF and Atom feeds by their root element, past prologs, comments and doctypes', () => {
    expect(sniffFormat('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel>', 'feed.html')).toBe('feed');
    expect(sniffFormat('\uFEFF<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', '')).toBe('feed');
    expect(sniffFormat('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', '')).toBe('feed');
    expect(sniffFormat('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss>', '')).toBe('feed');
  });
  it('tells HTML pages and fragments, even saved as .txt', () => {
    expect(sniffFormat('<!DOCTYPE html><html><head>', 'page.txt')).toBe('html');
    expect(sniffFormat('  <html lang="en">', '')).toBe('html');
    expect(sniffFormat('<p>A fragment</p>', '')).toBe('html');
    expect(sniffFormat('<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">', '')).toBe('html');
  });
  it('calls other XML xml, and everything else text, even named .html', () => {
    expect(sniffFormat('<?xml version="1.0"?><urlset xmlns="x"><url>', 'sitemap.xml')).toBe('xml');
    expect(sniffFormat('Iraqi forces said on Friday …', 'story.html')).toBe('text');
    expect(sniffFormat('{Editor\'s note: this story was updated}', '')).toBe('text');
    expect(sniffFormat('<<< BREAKING >>> Iraqi forces enter Mosul', '')).toBe('text');
    expect(sniffFormat('', '')).toBe('text');
  });
});
