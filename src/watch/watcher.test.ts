import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultPipeline } from '../analyze/pipeline.js';
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../ingest/read.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { storeFiles, Watcher, type Counts } from './watcher.js';

// Fixtures in the project's own words: invented outlets and events.
const STORY_A = 'date 2016-11-14\n\nFighters attacked an army post near Tal Afar on Monday, killing three soldiers, a local commander said.\n';
const STORY_B = 'date 2016-11-15\n\nAbout 2,000 people fled villages south of Mosul on Tuesday as fighting moved closer, an aid worker said.\n';

function item(n: number, title: string, body: string, day: number): string {
  return `<item><guid>lakeside-${n}</guid><title>${title}</title><pubDate>${day} Nov 2016 09:00:00 +0300</pubDate><description>${body}</description></item>`;
}

const ITEMS = [
  item(1, 'Shelling hits market in Bashiqa', 'Mortar fire struck a market in Bashiqa on Wednesday, wounding six people, residents said.', 16),
  item(2, 'Bridge reopens in Qayyarah', 'Engineers reopened a bridge over the Tigris at Qayyarah on Wednesday, the provincial council said.', 16),
  item(3, 'Curfew lifted in Kirkuk', 'Authorities in Kirkuk lifted a night curfew on Thursday after a week without attacks, police said.', 17),
];

const feed = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Lakeside Radio</title>${ITEMS.slice(0, n).join('')}</channel></rss>\n`;

let tmp: string;
let store: Store;
const pipeline = defaultPipeline();
let problems: { where: string; message: string }[];
let stored: { where: string; counts: Omit<Counts, 'queued'> }[];

function watcher(targets: string[], read: ReadOptions = DEFAULT_READ_OPTIONS, extra: Partial<ConstructorParameters<typeof Watcher>[0]> = {}) {
  return new Watcher({
    store,
    pipeline,
    targets,
    read,
    feedIntervalMs: 0,
    fetchTimeoutMs: 5000,
    settleMs: 20,
    reporter: {
      problem: (where, message) => problems.push({ where, message }),
      stored: (where, counts) => stored.push({ where, counts: { new: counts.new, existing: counts.existing, failed: counts.failed } }),
    },
    ...extra,
  });
}

/** Give a file a modification time of its own, so a rewrite within the same millisecond still counts as a change. */
function touch(file: string, secondsAgo: number): void {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(file, t, t);
}

beforeEach(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'sitrep-watch-'));
  store = await openStore(':memory:');
  problems = [];
  stored = [];
});

afterEach(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('watching folders', () => {
  it('reads what is there at the start, then skips unchanged files without reading them', async () => {
    const dir = path.join(tmp, 'in');
    mkdirSync(path.join(dir, 'radio'), { recursive: true });
    writeFileSync(path.join(dir, 'story-a.txt'), STORY_A);
    writeFileSync(path.join(dir, 'radio', 'lakeside.xml'), feed(2));
    writeFileSync(path.join(dir, 'README.md'), 'Notes about this folder, not a document.');
    writeFileSync(path.join(dir, '.hidden.txt'), STORY_B);
    writeFileSync(path.join(dir, 'draft.txt.part'), STORY_B);
    const w = watcher([dir]);
    expect(await w.pass()).toEqual({ new: 3, existing: 0, failed: 0, queued: 0 });
    expect(stored).toEqual([
      { where: path.join(dir, 'radio', 'lakeside.xml'), counts: { new: 2, existing: 0, failed: 0 } },
      { where: path.join(dir, 'story-a.txt'), counts: { new: 1, existing: 0, failed: 0 } },
    ]);
    expect(problems).toEqual([]);
    // Ids as `sitrep ingest FOLDER` gives them: the path inside the folder; feed items by their guid.
    expect((await store.analyses()).map((a) => a.id).sort()).toEqual(['lakeside-1', 'lakeside-2', 'story-a.txt']);
    // Unchanged: not read at all (a re-read would count the documents as already stored).
    expect(await w.pass()).toEqual({ new: 0, existing: 0, failed: 0, queued: 0 });
  });

  it('picks up a new file once it rests, and a new feed item: only the new item is analysed', async () => {
    const dir = path.join(tmp, 'in');
    mkdirSync(dir);
    const feedFile = path.join(dir, 'lakeside.xml');
    writeFileSync(feedFile, feed(2));
    const w = watcher([dir]);
    await w.pass();
    writeFileSync(path.join(dir, 'story-b.txt'), STORY_B);
    writeFileSync(feedFile, feed(3));
    touch(feedFile, 1);
    // Seen for the first time (or changed) at this poll: it may still be being written.
    expect(await w.pass()).toEqual({ new: 0, existing: 0, failed: 0, queued: 0 });
    // Same size and time at the next poll: read.
    expect(await w.pass()).toEqual({ new: 2, existing: 2, failed: 0, queued: 0 });
    expect(stored.slice(-2)).toEqual([
      { where: feedFile, counts: { new: 1, existing: 2, failed: 0 } },
      { where: path.join(dir, 'story-b.txt'), counts: { new: 1, existing: 0, failed: 0 } },
    ]);
    expect((await store.stats()).documents).toBe(4);
  });

  it('does not read a file still being written when the watch starts: two looks first, then it is stored whole', async () => {
    const dir = path.join(tmp, 'start');
    mkdirSync(dir);
    const file = path.join(dir, 'growing.txt');
    const half = STORY_A.length >> 1;
    writeFileSync(file, STORY_A.slice(0, half));
    touch(file, 5);
    // The writer goes on between the watcher's two looks at the start.
    const w = watcher([dir], DEFAULT_READ_OPTIONS, { settleMs: 1500 });
    const finishing = new Promise<void>((resolve) =>
      setTimeout(() => {
        appendFileSync(file, STORY_A.slice(half));
        resolve();
      }, 500),
    );
    const first = await w.pass();
    await finishing;
    expect(first.new).toBe(0);
    // Its second look (at the end of the first pass) saw it grow; the next pass finds it as it was then.
    expect((await w.pass()).new).toBe(1);
    expect((await w.pass()).new).toBe(0);
    expect((await store.analyses()).map((a) => a.text)).toEqual([STORY_A]);
  });

  it('does not follow a file swapped for a link out of the folder between the listing and the read', async () => {
    const dir = path.join(tmp, 'swap');
    mkdirSync(dir);
    // Outside the folder, with the size and time of the file listed: only its real path tells them apart.
    const secret = path.join(tmp, 'secret.txt');
    writeFileSync(secret, 'x'.repeat(STORY_A.length));
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, STORY_A);
    const t = Math.floor(Date.now() / 1000) - 60;
    utimesSync(file, t, t);
    utimesSync(secret, t, t);
    // Swapped between the watcher's two looks at the start: the second look (following the link) sees the
    // same size and time, so the file is read, and only the check of its real path stops it.
    const w = watcher([dir], DEFAULT_READ_OPTIONS, { settleMs: 600 });
    const swapped = new Promise<void>((resolve) =>
      setTimeout(() => {
        const link = path.join(dir, 'link.tmp');
        symlinkSync(secret, link);
        renameSync(link, file);
        resolve();
      }, 200),
    );
    const first = await w.pass();
    await swapped;
    expect(first.new).toBe(0);
    expect(first.failed).toBe(1);
    expect(problems).toEqual([{ where: file, message: 'a symbolic link to outside the folder: not followed' }]);
    expect(await store.analyses()).toEqual([]);
  });

  it('waits while a file is being written and stores it whole', async () => {
    const dir = path.join(tmp, 'in');
    mkdirSync(dir);
    const w = watcher([dir]);
    await w.pass();
    const file = path.join(dir, 'growing.txt');
    const half = STORY_B.length >> 1;
    writeFileSync(file, STORY_B.slice(0, half));
    expect((await w.pass()).new).toBe(0);
    appendFileSync(file, STORY_B.slice(half));
    expect((await w.pass()).new).toBe(0);
    expect((await w.pass()).new).toBe(1);
    const [a] = await store.analyses();
    expect(a!.text).toBe(STORY_B);
  });

  it('reports a broken file once, goes on with the others, and reads it again when it is fixed', async () => {
    const dir = path.join(tmp, 'in');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a-broken.jsonl'), '{"id": "x1", "text": "Protesters marched in Basra on Friday."}\n{"id": "x2", "text": \n');
    writeFileSync(path.join(dir, 'b-binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    writeFileSync(path.join(dir, 'c-story.txt'), STORY_A);
    const w = watcher([dir]);
    expect(await w.pass()).toEqual({ new: 2, existing: 0, failed: 2, queued: 0 });
    expect(problems).toEqual([
      { where: `${path.join(dir, 'a-broken.jsonl')}:2`, message: expect.stringMatching(/^invalid JSON/) },
      { where: path.join(dir, 'b-binary.txt'), message: expect.stringMatching(/^binary file/) },
    ]);
    await w.pass();
    await w.pass();
    expect(problems.length).toBe(2);
    writeFileSync(path.join(dir, 'a-broken.jsonl'), '{"id": "x1", "text": "Protesters marched in Basra on Friday."}\n{"id": "x2", "text": "Police closed the road to Erbil airport on Friday."}\n');
    touch(path.join(dir, 'a-broken.jsonl'), 1);
    await w.pass();
    expect(await w.pass()).toEqual({ new: 1, existing: 1, failed: 0, queued: 0 });
    expect(problems.length).toBe(2);
  });

  it('reads a file again after it was deleted and put back (and finds it stored)', async () => {
    const file = path.join(tmp, 'story.txt');
    writeFileSync(file, STORY_A);
    const w = watcher([file]);
    expect((await w.pass()).new).toBe(1);
    rmSync(file);
    await w.pass();
    writeFileSync(file, STORY_A);
    await w.pass();
    expect(await w.pass()).toEqual({ new: 0, existing: 1, failed: 0, queued: 0 });
  });

  it('reports a missing path once and picks it up when it appears', async () => {
    const dir = path.join(tmp, 'later');
    const w = watcher([dir]);
    expect((await w.pass()).failed).toBe(1);
    await w.pass();
    expect(problems).toEqual([{ where: dir, message: 'no such file or directory' }]);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'story.txt'), STORY_A);
    await w.pass();
    expect((await w.pass()).new).toBe(1);
  });

  it('never reads the store’s own database files in a watched folder', async () => {
    const db = path.join(tmp, 'desk.db');
    const fileStore = await openStore(db);
    try {
      writeFileSync(path.join(tmp, 'story.txt'), STORY_A);
      const w = watcher([tmp], DEFAULT_READ_OPTIONS, { store: fileStore, exclude: storeFiles(db) });
      expect(await w.pass()).toEqual({ new: 1, existing: 0, failed: 0, queued: 0 });
      expect(problems).toEqual([]);
    } finally {
      await fileStore.close();
    }
  });
});

describe('watching feed URLs', () => {
  let server: Server;
  let url: string;
  let items = 2;
  let mode: 'ok' | 'error' | 'silent' = 'ok';
  const seen: { ifNoneMatch?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push({ ifNoneMatch: req.headers['if-none-match'] });
      if (mode === 'silent') return; // never answers
      if (mode === 'error') {
        res.writeHead(503).end('busy');
        return;
      }
      const etag = `"v${items}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: etag }).end(feed(items));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  beforeEach(() => {
    items = 2;
    mode = 'ok';
    seen.length = 0;
  });

  it('stores the items, asks again with the ETag, and analyses only a new item', async () => {
    const w = watcher([url]);
    expect(await w.pass()).toEqual({ new: 2, existing: 0, failed: 0, queued: 0 });
    expect(await w.pass()).toEqual({ new: 0, existing: 0, failed: 0, queued: 0 });
    expect(seen[1]!.ifNoneMatch).toBe('"v2"');
    items = 3;
    expect(await w.pass()).toEqual({ new: 1, existing: 2, failed: 0, queued: 0 });
    expect(stored.map((s) => s.where)).toEqual([url, url]);
  });

  it('fetches a URL no more often than the feed interval', async () => {
    let now = 1_000_000;
    const w = watcher([url], DEFAULT_READ_OPTIONS, { feedIntervalMs: 60_000, now: () => now });
    await w.pass();
    now += 30_000;
    await w.pass();
    expect(seen.length).toBe(1);
    now += 30_000;
    await w.pass();
    expect(seen.length).toBe(2);
  });

  it('reports an HTTP error, a timeout and an oversized feed as one line each, and recovers', async () => {
    mode = 'error';
    const w = watcher([url]);
    expect((await w.pass()).failed).toBe(1);
    await w.pass();
    expect(problems).toEqual([{ where: url, message: 'HTTP 503 Service Unavailable' }]);
    mode = 'ok';
    expect((await w.pass()).new).toBe(2);

    mode = 'silent';
    const slow = watcher([url], DEFAULT_READ_OPTIONS, { fetchTimeoutMs: 300 });
    expect((await slow.pass()).failed).toBe(1);
    expect(problems[1]).toEqual({ where: url, message: 'no answer within 0.3 s' });

    mode = 'ok';
    const small = watcher([url], { ...DEFAULT_READ_OPTIONS, maxBytes: 200 });
    expect((await small.pass()).failed).toBe(1);
    expect(problems[2]!.message).toMatch(/^feed too large/);
  });
});
