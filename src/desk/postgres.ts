/** The desk's data in the PostgreSQL store's own database (tables of migration 030). */
import type pg from 'pg';
import type { NewOverride, Override } from './reviews.js';
import { auditLimit, rows } from './sqlite.js';
import { hashSecret, newSecret, newToken } from './tokens.js';
import type { Account, AuditEntry, AuditQuery, DeskData, DeskView, NewAuditEntry, Role, Session } from './types.js';

type Row = Record<string, unknown>;

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const account = (r: Row): Account => ({ id: Number(r.id), name: String(r.name), role: r.role as Role, createdAt: iso(r.created_at) });

const auditEntry = (r: Row): AuditEntry => ({
  id: Number(r.id),
  at: iso(r.at),
  account: (r.account as string | null) ?? null,
  action: String(r.action),
  target: (r.target as string | null) ?? null,
  detail: r.detail ?? null,
  why: (r.why as string | null) ?? null,
  client: (r.client as string | null) ?? null,
});

export class PostgresDeskData implements DeskData {
  constructor(private readonly pool: pg.Pool) {}

  private async one(sql: string, params: unknown[]): Promise<Row | null> {
    return ((await this.pool.query(sql, params)).rows[0] as Row | undefined) ?? null;
  }

  async addAccount(name: string, role: Role): Promise<{ account: Account; token: string }> {
    const token = newToken();
    const r = await this.one('INSERT INTO desk_accounts (name, role, token_hash) VALUES ($1, $2, $3) RETURNING *', [name, role, hashSecret(token)]);
    return { account: account(r!), token };
  }

  async accounts(): Promise<Account[]> {
    return (await this.pool.query('SELECT * FROM desk_accounts ORDER BY name')).rows.map(account);
  }

  async accountByName(name: string): Promise<Account | null> {
    const r = await this.one('SELECT * FROM desk_accounts WHERE name = $1', [name]);
    return r ? account(r) : null;
  }

  async accountByToken(token: string): Promise<Account | null> {
    const r = await this.one('SELECT * FROM desk_accounts WHERE token_hash = $1', [hashSecret(token)]);
    return r ? account(r) : null;
  }

  async renewToken(name: string): Promise<string | null> {
    const token = newToken();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const r = await client.query('UPDATE desk_accounts SET token_hash = $1 WHERE name = $2 RETURNING id', [hashSecret(token), name]);
      if (r.rowCount) await client.query('DELETE FROM desk_sessions WHERE account_id = $1', [r.rows[0].id]);
      await client.query('COMMIT');
      return r.rowCount ? token : null;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async setRole(name: string, role: Role): Promise<Account | null> {
    const r = await this.one('UPDATE desk_accounts SET role = $1 WHERE name = $2 RETURNING *', [role, name]);
    return r ? account(r) : null;
  }

  async removeAccount(name: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM desk_accounts WHERE name = $1', [name])).rowCount ?? 0) > 0;
  }

  async createSession(accountId: number, ttlMs: number): Promise<{ id: string; csrf: string; expiresAt: string }> {
    const id = newSecret();
    const csrf = newSecret(24);
    const expiresAt = new Date(Date.now() + ttlMs).toISOString();
    await this.pool.query('DELETE FROM desk_sessions WHERE expires_at < now()');
    await this.pool.query('INSERT INTO desk_sessions (id_hash, account_id, csrf, expires_at) VALUES ($1, $2, $3, $4)', [hashSecret(id), accountId, csrf, expiresAt]);
    return { id, csrf, expiresAt };
  }

  async session(id: string): Promise<Session | null> {
    const r = await this.one(
      `SELECT a.*, s.csrf, s.expires_at FROM desk_sessions s JOIN desk_accounts a ON a.id = s.account_id
       WHERE s.id_hash = $1 AND s.expires_at > now()`,
      [hashSecret(id)],
    );
    return r ? { account: account(r), csrf: String(r.csrf), expiresAt: iso(r.expires_at) } : null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.pool.query('DELETE FROM desk_sessions WHERE id_hash = $1', [hashSecret(id)]);
  }

  async addOverride(o: NewOverride): Promise<Override> {
    const r = await this.one('INSERT INTO desk_overrides (event_id, action, data, anchor, account, why) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
      o.eventId,
      o.action,
      JSON.stringify(o.data),
      JSON.stringify(o.anchor),
      o.account,
      o.why,
    ]);
    return rows.override(r!);
  }

  async overrides(): Promise<Override[]> {
    return (await this.pool.query('SELECT * FROM desk_overrides ORDER BY id')).rows.map(rows.override);
  }

  async overridesFor(eventId: string): Promise<Override[]> {
    return (await this.pool.query('SELECT * FROM desk_overrides WHERE event_id = $1 ORDER BY id', [eventId])).rows.map(rows.override);
  }

  async overridesVersion(): Promise<number> {
    return Number((await this.one('SELECT coalesce(max(id), 0) AS v FROM desk_overrides', []))!.v);
  }

  async saveDesk(d: { id: string; name: string; description: string | null; query: string; by: string | null }): Promise<DeskView> {
    const r = await this.one(
      `INSERT INTO desk_views (id, name, description, query, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, query = excluded.query, updated_at = now()
       RETURNING *`,
      [d.id, d.name, d.description, d.query, d.by],
    );
    return rows.deskView(r!);
  }

  async desks(): Promise<DeskView[]> {
    return (await this.pool.query('SELECT * FROM desk_views ORDER BY name, id')).rows.map(rows.deskView);
  }

  async desk(id: string): Promise<DeskView | null> {
    const r = await this.one('SELECT * FROM desk_views WHERE id = $1', [id]);
    return r ? rows.deskView(r) : null;
  }

  async deleteDesk(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM desk_views WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async audit(e: NewAuditEntry): Promise<AuditEntry> {
    const r = await this.one('INSERT INTO desk_audit (account, action, target, detail, why, client) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
      e.account,
      e.action,
      e.target,
      e.detail === undefined || e.detail === null ? null : JSON.stringify(e.detail),
      e.why,
      e.client,
    ]);
    return auditEntry(r!);
  }

  async auditLog(q: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, v: unknown) => {
      params.push(v);
      where.push(cond.replace('?', `$${params.length}`));
    };
    if (q.before !== undefined) add('id < ?', q.before);
    if (q.target !== undefined) add('target = ?', q.target);
    if (q.account !== undefined) add('account = ?', q.account);
    if (q.action !== undefined) add('action = ?', q.action);
    params.push(auditLimit(q.limit));
    const rows = (await this.pool.query(`SELECT * FROM desk_audit ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT $${params.length}`, params)).rows;
    return rows.map(auditEntry);
  }
}
