/**
 * The desk data contract: one suite run against the SQLite and the PostgreSQL store (./sqlite.test.ts,
 * ./postgres.test.ts). `open` gives a fresh, empty store each time.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../store/types.js';
import { deskData } from './open.js';
import { hashSecret } from './tokens.js';

export function deskDataContract(name: string, open: () => Promise<Store>): void {
  async function withDesk(fn: (store: Store) => Promise<void>) {
    const store = await open();
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  }

  describe(`desk data contract: ${name}`, () => {
    it('adds accounts with a token shown once and kept only hashed', () =>
      withDesk(async (store) => {
        const d = deskData(store);
        const { account, token } = await d.addAccount('amira', 'editor');
        expect(account).toMatchObject({ name: 'amira', role: 'editor' });
        expect(token).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/);
        expect(await d.accountByToken(token)).toEqual(account);
        expect(await d.accountByToken(token + 'x')).toBeNull();
        expect(await d.accountByToken('')).toBeNull();
        // Not in the database as given.
        const raw = JSON.stringify(await rawAccounts(store));
        expect(raw).not.toContain(token);
        expect(raw).toContain(hashSecret(token));
        await expect(d.addAccount('amira', 'viewer')).rejects.toThrow();
        await d.addAccount('bo', 'viewer');
        expect((await d.accounts()).map((a) => a.name)).toEqual(['amira', 'bo']);
      }));

    it('renews a token (the old one stops working, sessions end), changes roles, removes accounts', () =>
      withDesk(async (store) => {
        const d = deskData(store);
        const { account, token } = await d.addAccount('cy', 'viewer');
        const s = await d.createSession(account.id, 60_000);
        const fresh = await d.renewToken('cy');
        expect(fresh).not.toBeNull();
        expect(await d.accountByToken(token)).toBeNull();
        expect((await d.accountByToken(fresh!))?.name).toBe('cy');
        expect(await d.session(s.id)).toBeNull();
        expect(await d.renewToken('nobody')).toBeNull();
        expect((await d.setRole('cy', 'admin'))?.role).toBe('admin');
        expect(await d.setRole('nobody', 'admin')).toBeNull();
        await d.audit({ account: 'cy', action: 'test.write', target: 'x', detail: null, why: null, client: 'cli' });
        expect(await d.removeAccount('cy')).toBe(true);
        expect(await d.removeAccount('cy')).toBe(false);
        expect(await d.accountByToken(fresh!)).toBeNull();
        // The log keeps what the removed account did.
        expect((await d.auditLog({ account: 'cy' })).map((e) => e.action)).toEqual(['test.write']);
      }));

    it('keeps sessions until they expire or end', () =>
      withDesk(async (store) => {
        const d = deskData(store);
        const { account } = await d.addAccount('dee', 'editor');
        const s = await d.createSession(account.id, 60_000);
        const got = await d.session(s.id);
        expect(got?.account.name).toBe('dee');
        expect(got?.csrf).toBe(s.csrf);
        expect(await d.session(s.id + 'x')).toBeNull();
        await d.deleteSession(s.id);
        expect(await d.session(s.id)).toBeNull();
        const gone = await d.createSession(account.id, -1);
        expect(await d.session(gone.id)).toBeNull();
      }));

    it('keeps reviews in order with their anchors, and saved desks', () =>
      withDesk(async (store) => {
        const d = deskData(store);
        expect(await d.overridesVersion()).toBe(0);
        const a = await d.addOverride({ eventId: 'ev-1', action: 'correct', data: { fatalities: { low: 3, best: 3, high: 5 } }, anchor: [{ documentId: 'doc/1', start: 10, end: 40 }], account: 'amira', why: 'the ministry\'s count' });
        const b = await d.addOverride({ eventId: 'ev-2', action: 'reject', data: {}, anchor: [], account: 'amira', why: null });
        await d.addOverride({ eventId: 'ev-1', action: 'confirm', data: {}, anchor: [], account: 'bo', why: null });
        expect(b.id).toBeGreaterThan(a.id);
        expect(a).toMatchObject({ eventId: 'ev-1', action: 'correct', data: { fatalities: { low: 3, best: 3, high: 5 } }, anchor: [{ documentId: 'doc/1', start: 10, end: 40 }], account: 'amira', why: "the ministry's count" });
        expect(Number.isNaN(Date.parse(a.at))).toBe(false);
        expect((await d.overrides()).map((o) => o.action)).toEqual(['correct', 'reject', 'confirm']);
        expect((await d.overridesFor('ev-1')).map((o) => o.account)).toEqual(['amira', 'bo']);
        expect(await d.overridesVersion()).toBeGreaterThan(b.id);
        const v = await d.saveDesk({ id: 'sudan', name: 'Sudan', description: null, query: 'country=SD', by: 'amira' });
        expect(v).toMatchObject({ id: 'sudan', name: 'Sudan', query: 'country=SD', createdBy: 'amira' });
        await d.saveDesk({ id: 'sudan', name: 'Sudan war', description: 'Darfur and Khartoum', query: 'country=SD&since=2023-04-15', by: 'bo' });
        expect(await d.desk('sudan')).toMatchObject({ name: 'Sudan war', description: 'Darfur and Khartoum', query: 'country=SD&since=2023-04-15', createdBy: 'amira' });
        await d.saveDesk({ id: 'sahel', name: 'Sahel', description: null, query: 'country=ML,BF', by: null });
        expect((await d.desks()).map((x) => x.id)).toEqual(['sahel', 'sudan']);
        expect(await d.deleteDesk('sahel')).toBe(true);
        expect(await d.deleteDesk('sahel')).toBe(false);
        expect(await d.desk('sahel')).toBeNull();
      }));

    it('logs writes newest first, by target, account and action, in pages', () =>
      withDesk(async (store) => {
        const d = deskData(store);
        for (let i = 0; i < 5; i++) {
          await d.audit({ account: i % 2 ? 'a' : 'b', action: i < 3 ? 'review.confirm' : 'documents.add', target: `ev-${i % 2}`, detail: { i, words: 'ünïcode <b>' }, why: i === 0 ? 'checked the wire' : null, client: '127.0.0.1' });
        }
        const all = await d.auditLog();
        expect(all.map((e) => (e.detail as { i: number }).i)).toEqual([4, 3, 2, 1, 0]);
        expect(all[4]).toMatchObject({ account: 'b', action: 'review.confirm', target: 'ev-0', why: 'checked the wire', client: '127.0.0.1', detail: { i: 0, words: 'ünïcode <b>' } });
        expect(Number.isNaN(Date.parse(all[0]!.at))).toBe(false);
        expect((await d.auditLog({ target: 'ev-1' })).map((e) => (e.detail as { i: number }).i)).toEqual([3, 1]);
        expect((await d.auditLog({ account: 'b', action: 'review.confirm' })).length).toBe(2);
        const page = await d.auditLog({ limit: 2 });
        expect((await d.auditLog({ before: page[1]!.id, limit: 2 })).map((e) => (e.detail as { i: number }).i)).toEqual([2, 1]);
      }));
  });
}

async function rawAccounts(store: Store): Promise<unknown[]> {
  const s = store as unknown as { db?: { prepare(sql: string): { all(): unknown[] } }; pool?: { query(sql: string): Promise<{ rows: unknown[] }> } };
  if (s.db) return s.db.prepare('SELECT * FROM desk_accounts').all();
  return (await s.pool!.query('SELECT * FROM desk_accounts')).rows;
}
