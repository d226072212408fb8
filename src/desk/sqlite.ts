/** The desk's data in the SQLite store's own database (tables of migration 030). */
import type Database from 'better-sqlite3';
import { hashSecret, newSecret, newToken } from './tokens.js';
import type { NewOverride, Override } from './reviews.js';
import type { Account, AuditEntry, AuditQuery, DeskData, DeskView, NewAuditEntry, Role, Session } from './types.js';

type Row = Record<string, unknown>;

const account = (r: Row): Account => ({ id: Number(r.id), name: String(r.name), role: r.role as Role, createdAt: String(r.created_at) });

const auditEntry = (r: Row): AuditEntry => ({
  id: Number(r.id),
  at: String(r.at),
  account: (r.account as string | null) ?? null,
  action: String(r.action),
  target: (r.target as string | null) ?? null,
  detail: r.detail === null || r.detail === undefined ? null : JSON.parse(String(r.detail)),
  why: (r.why as string | null) ?? null,
  client: (r.client as string | null) ?? null,
});

const override = (r: Row): Override => ({
  id: Number(r.id),
  eventId: String(r.event_id),
  action: r.action as Override['action'],
  data: typeof r.data === 'string' ? JSON.parse(r.data) : (r.data as Record<string, unknown>),
  anchor: typeof r.anchor === 'string' ? JSON.parse(r.anchor) : (r.anchor as Override['anchor']),
  account: (r.account as string | null) ?? null,
  at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
  why: (r.why as string | null) ?? null,
});

const deskView = (r: Row): DeskView => ({
  id: String(r.id),
  name: String(r.name),
  description: (r.description as string | null) ?? null,
  query: String(r.query),
  createdBy: (r.created_by as string | null) ?? null,
  createdAt: r.created_at instanceof Date ? r.created_at.toISOString() : String(r.created_at),
  updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
});

export const rows = { override, deskView };

export const auditLimit = (n: number | undefined) => Math.min(1000, Math.max(1, Math.floor(n ?? 100)));

export class SqliteDeskData implements DeskData {
  constructor(private readonly db: Database.Database) {}

  async addAccount(name: string, role: Role): Promise<{ account: Account; token: string }> {
    const token = newToken();
    const r = this.db
      .prepare('INSERT INTO desk_accounts (name, role, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING *')
      .get(name, role, hashSecret(token), new Date().toISOString()) as Row;
    return { account: account(r), token };
  }

  async accounts(): Promise<Account[]> {
    return (this.db.prepare('SELECT * FROM desk_accounts ORDER BY name').all() as Row[]).map(account);
  }

  async accountByName(name: string): Promise<Account | null> {
    const r = this.db.prepare('SELECT * FROM desk_accounts WHERE name = ?').get(name) as Row | undefined;
    return r ? account(r) : null;
  }

  async accountByToken(token: string): Promise<Account | null> {
    const r = this.db.prepare('SELECT * FROM desk_accounts WHERE token_hash = ?').get(hashSecret(token)) as Row | undefined;
    return r ? account(r) : null;
  }

  async renewToken(name: string): Promise<string | null> {
    const token = newToken();
    const changed = this.db.transaction(() => {
      const n = this.db.prepare('UPDATE desk_accounts SET token_hash = ? WHERE name = ?').run(hashSecret(token), name).changes;
      // A new token also ends the account's browser sessions: renewing is what one does after a leak.
      if (n) this.db.prepare('DELETE FROM desk_sessions WHERE account_id = (SELECT id FROM desk_accounts WHERE name = ?)').run(name);
      return n;
    })();
    return changed ? token : null;
  }

  async setRole(name: string, role: Role): Promise<Account | null> {
    const r = this.db.prepare('UPDATE desk_accounts SET role = ? WHERE name = ? RETURNING *').get(role, name) as Row | undefined;
    return r ? account(r) : null;
  }

  async removeAccount(name: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM desk_accounts WHERE name = ?').run(name).changes > 0;
  }

  async createSession(accountId: number, ttlMs: number): Promise<{ id: string; csrf: string; expiresAt: string }> {
    const id = newSecret();
    const csrf = newSecret(24);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM desk_sessions WHERE expires_at < ?').run(now.toISOString());
      this.db.prepare('INSERT INTO desk_sessions (id_hash, account_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(hashSecret(id), accountId, csrf, now.toISOString(), expiresAt);
    })();
    return { id, csrf, expiresAt };
  }

  async session(id: string): Promise<Session | null> {
    const r = this.db
      .prepare(
        `SELECT a.*, s.csrf, s.expires_at FROM desk_sessions s JOIN desk_accounts a ON a.id = s.account_id
         WHERE s.id_hash = ? AND s.expires_at > ?`,
      )
      .get(hashSecret(id), new Date().toISOString()) as Row | undefined;
    return r ? { account: account(r), csrf: String(r.csrf), expiresAt: String(r.expires_at) } : null;
  }

  async deleteSession(id: string): Promise<void> {
    this.db.prepare('DELETE FROM desk_sessions WHERE id_hash = ?').run(hashSecret(id));
  }

  async addOverride(o: NewOverride): Promise<Override> {
    const r = this.db
      .prepare('INSERT INTO desk_overrides (event_id, action, data, anchor, account, at, why) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *')
      .get(o.eventId, o.action, JSON.stringify(o.data), JSON.stringify(o.anchor), o.account, new Date().toISOString(), o.why) as Row;
    return override(r);
  }

  async overrides(): Promise<Override[]> {
    return (this.db.prepare('SELECT * FROM desk_overrides ORDER BY id').all() as Row[]).map(override);
  }

  async overridesFor(eventId: string): Promise<Override[]> {
    return (this.db.prepare('SELECT * FROM desk_overrides WHERE event_id = ? ORDER BY id').all(eventId) as Row[]).map(override);
  }

  async overridesVersion(): Promise<number> {
    return (this.db.prepare('SELECT coalesce(max(id), 0) AS v FROM desk_overrides').get() as { v: number }).v;
  }

  async saveDesk(d: { id: string; name: string; description: string | null; query: string; by: string | null }): Promise<DeskView> {
    const now = new Date().toISOString();
    const r = this.db
      .prepare(
        `INSERT INTO desk_views (id, name, description, query, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, query = excluded.query, updated_at = excluded.updated_at
         RETURNING *`,
      )
      .get(d.id, d.name, d.description, d.query, d.by, now, now) as Row;
    return deskView(r);
  }

  async desks(): Promise<DeskView[]> {
    return (this.db.prepare('SELECT * FROM desk_views ORDER BY name, id').all() as Row[]).map(deskView);
  }

  async desk(id: string): Promise<DeskView | null> {
    const r = this.db.prepare('SELECT * FROM desk_views WHERE id = ?').get(id) as Row | undefined;
    return r ? deskView(r) : null;
  }

  async deleteDesk(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM desk_views WHERE id = ?').run(id).changes > 0;
  }

  async audit(e: NewAuditEntry): Promise<AuditEntry> {
    const r = this.db
      .prepare('INSERT INTO desk_audit (at, account, action, target, detail, why, client) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *')
      .get(new Date().toISOString(), e.account, e.action, e.target, e.detail === undefined || e.detail === null ? null : JSON.stringify(e.detail), e.why, e.client) as Row;
    return auditEntry(r);
  }

  async auditLog(q: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, v: unknown) => {
      where.push(cond);
      params.push(v);
    };
    if (q.before !== undefined) add('id < ?', q.before);
    if (q.target !== undefined) add('target = ?', q.target);
    if (q.account !== undefined) add('account = ?', q.account);
    if (q.action !== undefined) add('action = ?', q.action);
    const rows = this.db
      .prepare(`SELECT * FROM desk_audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`)
      .all(...params, auditLimit(q.limit)) as Row[];
    return rows.map(auditEntry);
  }
}
