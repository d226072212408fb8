import { mkdtempSync, writeFileSync, truncateSync, mkdirSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import net from 'node:net';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_READ_OPTIONS, ingestInfo, readBytes, readJsonl, readPath, readStream, type InputItem, type ReadOptions } from './read.js';

const execFileAsync = promisify(execFile);
const TESTDATA = path.resolve(__dirname, '../../testdata/ingest');
const td = (name: string) => path.join(TESTDATA, name);
const tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-read-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all(gen: AsyncIterable<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const it of gen) out.push(it);
  return out;
}
const errors = (items: InputItem[]) => items.filter((i) => i.error).map((i) => `${i.error!.origin}: ${i.error!.message}`);
const docs = (items: InputItem[]) => items.filter((i) => i.doc).map((i) => i.doc!);

describe('readPath: one file of each kind', () => {
  it('reads a plain text file, its id the file name, its date from the text', async () => {
    const [it] = await all(readPath(td('utf8-bom.txt')));
    expect(it!.doc!.meta).toMatchObject({ id: 'utf8-bom.txt', format: 'text', published: '2016-11-01', publishedFrom: 'text-date-line', origin: td('utf8-bom.txt') });
    expect(it!.doc!.text.startsWith('date 2016-11-01\n')).toBe(true);
    expect(it!.info).toMatchObject({ encoding: 'utf-8', bomRemoved: true, warnings: [], sourceMap: null });
    expect(ingestInfo(it!.doc!)).toBe(it!.info);
  });

  it('reads UTF-16 files with either byte order', async () => {
    for (const name of ['utf16le-bom.txt', 'utf16be-bom.txt']) {
      const [it] = await all(readPath(td(name)));
      expect(it!.doc!.text).toBe('Displaced families arrived at Debaga camp on Saturday, officials said.\nA second line with é and “quotes” and an emoji 😀.\n');
      expect(it!.info!.encoding).toBe(name.includes('le') ? 'utf-16le' : 'utf-16be');
    }
  });

  it('reads Windows-1252 and invalid UTF-8 with a warning, losing nothing', async () => {
    const [a] = await all(readPath(td('windows-1252.txt')));
    expect(a!.doc!.text).toContain('“We left with nothing,” said Um Ahmed');
    expect(a!.doc!.text).toContain('paid €200');
    expect(a!.info!.warnings).toEqual(['not valid UTF-8; read as Windows-1252']);
    const [b] = await all(readPath(td('invalid-utf8.txt')));
    expect(b!.doc!.text).toContain('Broken byte');
    expect(b!.info!.encoding).toBe('windows-1252');
  });

  it('reads an HTML page by its declared charset, and a page saved as .txt as HTML', async () => {
    const [a] = await all(readPath(td('latin1-declared.html')));
    expect(a!.doc!.text).toContain('“The road to Erbil is open again,” a police officer said on Tuesday — the first time');
    expect(a!.info).toMatchObject({ format: 'html', encoding: 'windows-1252', warnings: [] });
    const [b] = await all(readPath(td('saved-page.txt')));
    expect(b!.doc!.meta).toMatchObject({ format: 'html', published: '2016-11-13', publishedFrom: 'html-meta' });
    expect(b!.info!.sourceMap!.segments.length).toBeGreaterThan(0);
  });

  it('reads a file larger than the sniffed head whole', async () => {
    const file = path.join(tmp, 'long.txt');
    const body = 'Iraqi forces advanced on the city, officials said.\n'.repeat(3000);
    writeFileSync(file, body);
    const [it] = await all(readPath(file));
    expect(it!.doc!.text).toBe(body);
  });

  it('reads a text file named .html as text', async () => {
    const [it] = await all(readPath(td('plain-text.html')));
    expect(it!.doc!.meta.format).toBe('text');
  });

  it('reads feeds into one document per item, reporting items it cannot use', async () => {
    const items = await all(readPath(td('hostile-feed.xml')));
    expect(docs(items).map((d) => [d.meta.id, d.meta.format, d.meta.published, d.meta.publishedFrom, d.meta.url])).toEqual([
      ['javascript:alert(2)', 'feed', null, null, null],
      ['https://ok.example/2016/10/24/item', 'feed', '2016-10-24T08:00:00+00:00', 'feed', 'https://ok.example/2016/10/24/item'],
    ]);
    expect(items[0]!.info!.warnings[0]).toMatch(/item date is not a date/);
    expect(errors(items)).toEqual([`${td('hostile-feed.xml')}#3: feed item has no text (no title, description or content)`]);
    const atom = docs(await all(readPath(td('atom-feed.xml'))));
    expect(atom.map((d) => d.meta.author)).toEqual(['Sara Mahmoud', null, null]);
  });

  it('reads JSON Lines, reporting a broken line by its number and keeping the rest', async () => {
    const items = await all(readPath(td('broken-line.jsonl')));
    expect(docs(items).map((d) => [d.meta.id, d.meta.published, d.meta.source])).toEqual([
      ['ok-1', '2016-10-30', null],
      ['ok-2', '2016-10-31', 'Test Wire'],
    ]);
    expect(errors(items)).toEqual([expect.stringMatching(new RegExp(`^${td('broken-line.jsonl').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON`))]);
  });

  it('reads JSON arrays of records and single records', async () => {
    const file = path.join(tmp, 'records.json');
    writeFileSync(file, JSON.stringify([{ id: 'a', text: 'First record.' }, { text: 'Second record.', published: 'not a date' }, 7], null, 2));
    const items = await all(readPath(file));
    expect(docs(items).map((d) => [d.meta.id, d.meta.published])).toEqual([['a', null], ['records.json[1]', null]]);
    expect(items[1]!.info!.warnings[0]).toMatch(/"published" is not a date/);
    expect(errors(items)).toEqual([`${file}[2]: a record must be a JSON object with a "text" field`]);
  });
});

describe('readPath: bad inputs, each a clear one-line error naming the input', () => {
  const cases: [string, RegExp][] = [
    ['empty.txt', /^empty file$/],
    ['whitespace-only.txt', /^no text \(only whitespace\)$/],
    ['tiny.png', /^binary file \(looks like PNG image\)$/],
    ['unknown.bin', /^binary file \(contains NUL bytes\)$/],
    ['no-such-file.txt', /^no such file or directory$/],
  ];
  for (const [name, message] of cases) {
    it(name, async () => {
      const items = await all(readPath(td(name)));
      expect(items).toHaveLength(1);
      expect(items[0]!.error!.origin).toBe(td(name));
      expect(items[0]!.error!.message).toMatch(message);
      expect(items[0]!.error!.message).not.toContain('\n');
    });
  }

  it('a PDF', async () => {
    const file = path.join(tmp, 'report.txt');
    writeFileSync(file, '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>');
    expect(errors(await all(readPath(file)))).toEqual([`${file}: binary file (looks like PDF)`]);
  });

  it('a 100 MB file is refused by its size, before it is read', async () => {
    const file = path.join(tmp, 'huge.txt');
    writeFileSync(file, 'Iraqi forces advanced on Mosul, officials said. '.repeat(2000));
    truncateSync(file, 100_000_000); // the rest is a sparse hole: nothing real to read
    expect(errors(await all(readPath(file)))).toEqual([`${file}: file too large (100.0 MB; limit 20.0 MB, see --max-bytes)`]);
  });

  it('limits are options: --max-bytes and --max-chars', async () => {
    const file = path.join(tmp, 'medium.txt');
    writeFileSync(file, 'word '.repeat(400));
    const small: ReadOptions = { ...DEFAULT_READ_OPTIONS, maxBytes: 1000 };
    expect(errors(await all(readPath(file, small)))).toEqual([`${file}: file too large (2.0 kB; limit 1.0 kB, see --max-bytes)`]);
    const fewChars: ReadOptions = { ...DEFAULT_READ_OPTIONS, maxChars: 100 };
    expect(errors(await all(readPath(file, fewChars)))).toEqual([`${file}: document too large (2000 characters; limit 100, see --max-chars)`]);
  });

  it('a JSON Lines file of any size streams; one overlong line is refused without stopping the rest', async () => {
    const file = path.join(tmp, 'long-line.jsonl');
    writeFileSync(file, [JSON.stringify({ id: 'a', text: 'short' }), JSON.stringify({ id: 'b', text: 'x'.repeat(5000) }), JSON.stringify({ id: 'c', text: 'also short' })].join('\n'));
    const items = await all(readPath(file, { ...DEFAULT_READ_OPTIONS, maxBytes: 1000 }));
    expect(docs(items).map((d) => d.meta.id)).toEqual(['a', 'c']);
    expect(errors(items)).toEqual([`${file}:2: line too long (5.0 kB; limit 1.0 kB, see --max-bytes)`]);
  });

  it('a JSON Lines file with no records, or records without text', async () => {
    const empty = path.join(tmp, 'blank.jsonl');
    writeFileSync(empty, '\n\n');
    expect(errors(await all(readPath(empty)))).toEqual([`${empty}: no documents (the JSON Lines input is empty)`]);
    const notext = path.join(tmp, 'notext.jsonl');
    writeFileSync(notext, '{"id": "x"}\n{"id": "y", "text": "   "}\n[1, 2]\n');
    expect(errors(await all(readPath(notext)))).toEqual([
      `${notext}:1 (id x): no "text" field (a string is required)`,
      `${notext}:2 (id y): empty document (no text)`,
      `${notext}:3: a record must be a JSON object with a "text" field`,
    ]);
  });

  it('other XML', async () => {
    const file = path.join(tmp, 'sitemap.xml');
    writeFileSync(file, '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    expect(errors(await all(readPath(file)))).toEqual([`${file}: XML that is neither an RSS or Atom feed nor an XHTML page`]);
  });

  it('an HTML page without any text', async () => {
    const file = path.join(tmp, 'blank.html');
    writeFileSync(file, '<html><head><script>x()</script></head><body><img src="a.png"></body></html>');
    expect(errors(await all(readPath(file)))).toEqual([`${file}: no readable text in the HTML page`]);
  });
});

describe('readPath: folders', () => {
  it('reads a folder with mixed files in name order, skipping hidden files and README', async () => {
    const items = await all(readPath(td('mixed')));
    expect(items.map((i) => (i.doc ? `doc ${i.doc.meta.id} ${i.doc.meta.format}` : `error ${path.basename(i.error!.origin)}: ${i.error!.message}`))).toEqual([
      'doc a-report.txt text',
      'doc b-page.html html',
      'error c-image.png: binary file (looks like PNG image)',
      'error d-empty.txt: empty file',
    ]);
  });

  it('names documents in subfolders by their relative path and survives a symlink loop', async () => {
    const dir = path.join(tmp, 'tree');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'sub', 'x.txt'), 'Troops advanced on Sunday.');
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    const items = await all(readPath(dir));
    expect(docs(items).map((d) => d.meta.id)).toEqual(['sub/x.txt']);
  });

  it('skips named pipes and sockets in a folder, and reads a pipe given by name', async () => {
    const dir = path.join(tmp, 'with-pipe');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'story.txt'), 'Troops advanced on Sunday.');
    const fifo = path.join(dir, 'a.pipe');
    execFileSync('mkfifo', [fifo]);
    const server = net.createServer().listen(path.join(dir, 'b.sock'));
    await new Promise((r) => server.once('listening', r));
    try {
      expect((await all(readPath(dir))).map((i) => i.doc?.meta.id ?? i.error?.message)).toEqual(['story.txt']);
      const writer = execFileAsync('sh', ['-c', `printf 'Text through a pipe.' > '${fifo}'`]);
      const [it] = await all(readPath(fifo));
      await writer;
      expect(it!.doc!.text).toBe('Text through a pipe.');
      expect(errors(await all(readPath(path.join(dir, 'b.sock'))))).toEqual([`${path.join(dir, 'b.sock')}: not a regular file`]);
    } finally {
      server.close();
    }
  });

  it('the whole testdata folder reads without throwing', async () => {
    const items = await all(readPath(TESTDATA));
    expect(docs(items).length).toBeGreaterThan(10);
    for (const e of errors(items)) expect(e).not.toContain('\n');
  });
});

describe('readStream (standard input)', () => {
  const stream = (...chunks: (string | Buffer)[]) => Readable.from(chunks);

  it('streams JSON Lines, line numbers across chunk boundaries', async () => {
    const items = await all(readStream(stream('{"id":"a","text":"One."}\n{"id":"b",', '"text":"Two."}\n', 'broken\n'), 'stdin'));
    expect(docs(items).map((d) => d.meta.id)).toEqual(['a', 'b']);
    expect(errors(items)).toEqual([expect.stringMatching(/^stdin:3: invalid JSON/)]);
  });

  it('reads one HTML page or text from standard input', async () => {
    const [it] = await all(readStream(stream('<html><body><p>Troops entered Gogjali on Tuesday.</p></body></html>'), 'stdin'));
    expect(it!.doc!.meta).toMatchObject({ id: 'stdin', format: 'html' });
    const [t] = await all(readStream(stream(Buffer.from('Plain text from a pipe.')), 'stdin'));
    expect(t!.doc!.text).toBe('Plain text from a pipe.');
  });

  it('refuses empty, binary and oversized input', async () => {
    expect(errors(await all(readStream(stream(), 'stdin')))).toEqual(['stdin: no input (standard input is empty)']);
    expect(errors(await all(readStream(stream(Buffer.from('%PDF-1.5 ...')), 'stdin')))).toEqual(['stdin: binary file (looks like PDF)']);
    const big = Array.from({ length: 40 }, () => Buffer.alloc(70_000, 0x61));
    expect(errors(await all(readStream(stream(...big), 'stdin', { ...DEFAULT_READ_OPTIONS, maxBytes: 1_000_000 })))).toEqual(['stdin: input too large (more than 1.0 MB, see --max-bytes)']);
  });
});

describe('readJsonl (lines already decoded)', () => {
  it('keeps its old contract: one item per non-empty line, errors by line number', async () => {
    async function* lines() {
      yield '{"id": "a", "text": "Troops advanced.", "published": "2016-10-23"}';
      yield '';
      yield '{oops';
    }
    const items = await all(readJsonl(lines(), 'in.jsonl', DEFAULT_READ_OPTIONS));
    expect(docs(items).map((d) => [d.meta.id, d.meta.publishedFrom])).toEqual([['a', 'input']]);
    expect(errors(items)).toEqual([expect.stringMatching(/^in\.jsonl:3: invalid JSON/)]);
  });
});

describe('readBytes', () => {
  it('honours a forced format', () => {
    const items = readBytes(Buffer.from('<p>Shown as markup</p>'), { name: 'x', id: 'x' }, { ...DEFAULT_READ_OPTIONS, format: 'text' });
    expect(items[0]!.doc!.text).toBe('<p>Shown as markup</p>');
  });
});
