import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from '../watch/fetch-feed.js';
import { addressKind } from './address.js';
import { GuardError, guardedGet } from './guarded-get.js';

describe('addressKind', () => {
  it('tells public addresses from loopback, private, link-local, multicast and reserved ones (IPv4 and IPv6)', () => {
    const cases: [string, string][] = [
      ['8.8.8.8', 'public'], ['93.184.216.34', 'public'], ['127.0.0.1', 'loopback'], ['127.8.9.1', 'loopback'],
      ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['172.32.0.1', 'public'],
      ['192.168.1.1', 'private'], ['100.64.0.1', 'private'], ['169.254.169.254', 'link-local'], ['224.0.0.1', 'multicast'],
      ['0.0.0.0', 'unspecified'], ['255.255.255.255', 'reserved'], ['240.0.0.1', 'reserved'], ['192.0.2.1', 'reserved'],
      ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'link-local'], ['fd00::1', 'private'], ['ff02::1', 'multicast'],
      ['::ffff:127.0.0.1', 'loopback'], ['::ffff:169.254.169.254', 'link-local'], ['::ffff:7f00:1', 'loopback'],
      ['64:ff9b::a9fe:a9fe', 'link-local'], ['2002:7f00:1::', 'loopback'], ['2001:db8::1', 'reserved'],
      ['2606:4700:4700::1111', 'public'], ['[::1]', 'loopback'], ['not-an-ip', 'reserved'],
    ];
    for (const [ip, kind] of cases) expect(addressKind(ip), ip).toBe(kind);
  });
});

describe('guarded fetching: redirects cannot reach non-public addresses', () => {
  let secret: Server;
  let feed: Server;
  let secretPort = 0;
  let feedUrl = '';
  const seen: string[] = [];
  beforeAll(async () => {
    // An internal page the watcher must never fetch on a feed's say-so.
    secret = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('<rss><channel><item><title>internal</title><description>secret token 1234</description></item></channel></rss>');
    });
    await new Promise<void>((r) => secret.listen(0, '127.0.0.1', r));
    secretPort = (secret.address() as AddressInfo).port;
    feed = createServer((req, res) => {
      const to: Record<string, string> = {
        '/to-localhost': `http://localhost:${secretPort}/a`,
        '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
        '/to-mapped': `http://[::ffff:127.0.0.1]:${secretPort}/b`,
        '/to-file': 'file:///etc/passwd',
        '/loop': '/loop',
        '/to-self': '/gz',
      };
      if (req.url === '/gz') {
        res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'application/rss+xml' });
        res.end(gzipSync('<rss><channel><item><title>public</title></item></channel></rss>'));
        return;
      }
      res.writeHead(302, { Location: to[req.url ?? ''] ?? '/' });
      res.end();
    });
    await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
    feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    secret?.close();
    feed?.close();
  });

  const opts = { timeoutMs: 5000, maxBytes: 1_000_000 };

  it('refuses a redirect to loopback by name, to link-local, to an IPv4-mapped loopback, and to another scheme', async () => {
    await expect(fetchFeed(`${feedUrl}/to-localhost`, {}, opts)).rejects.toThrow(/localhost resolves to a loopback address/);
    await expect(fetchFeed(`${feedUrl}/to-metadata`, {}, opts)).rejects.toThrow(/169\.254\.169\.254 is a link-local address/);
    await expect(fetchFeed(`${feedUrl}/to-mapped`, {}, opts)).rejects.toThrow(/loopback/);
    await expect(fetchFeed(`${feedUrl}/to-file`, {}, opts)).rejects.toThrow(/file: URLs are not fetched/);
    expect(seen).toEqual([]);
  });

  it('limits redirects', async () => {
    await expect(guardedGet(`${feedUrl}/loop`, {}, { explicitHosts: ['127.0.0.1'], maxRedirects: 3 })).rejects.toThrow(GuardError);
  });

  it('follows a redirect on the host the user gave, and decompresses', async () => {
    const r = await fetchFeed(`${feedUrl}/to-self`, {}, opts);
    expect(r.kind === 'body' && r.bytes.toString()).toContain('<title>public</title>');
  });

  it('follows them all with allowPrivate (--allow-private)', async () => {
    const r = await fetchFeed(`${feedUrl}/to-localhost`, {}, { ...opts, allowPrivate: true });
    expect(r.kind === 'body' && r.bytes.toString()).toContain('secret token');
    expect(seen).toEqual(['/a']);
  });
});
