/**
 * The desk's own data, next to the documents and the picture: accounts (who may write), browser sessions,
 * and the audit log of every write. One interface, implemented for SQLite and PostgreSQL on the store's own
 * connection (./open.ts), tested by one contract suite (./contract.test-support.ts).
 */

import type { NewOverride, Override } from './reviews.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** viewer < editor < admin: an admin may do everything an editor may. */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

export interface Account {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
}

export interface Session {
  account: Account;
  /** Sent back by the client in X-CSRF-Token on every write made with this session's cookie. */
  csrf: string;
  expiresAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  /** Account name, or null (the command line acting without an account). */
  account: string | null;
  /** What was done: documents.add, review.correct, account.add, session.login … */
  action: string;
  /** What it was done to: an event id, a document id, an account name. */
  target: string | null;
  detail: unknown;
  why: string | null;
  /** The remote address of the request, or "cli". */
  client: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditQuery {
  /** Entries with an id below this (paging backwards from the newest). */
  before?: number;
  limit?: number;
  target?: string;
  account?: string;
  action?: string;
}

/** A saved view of one crisis. */
export interface DeskView {
  /** A slug: lower-case letters, digits and dashes. */
  id: string;
  name: string;
  description: string | null;
  /** Its filters as URL query parameters (src/desk/filter.ts). */
  query: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DeskData {
  /** Create an account; returns it with its token, shown once (only its hash is kept). */
  addAccount(name: string, role: Role): Promise<{ account: Account; token: string }>;
  accounts(): Promise<Account[]>;
  accountByName(name: string): Promise<Account | null>;
  /** The account a token belongs to, or null. */
  accountByToken(token: string): Promise<Account | null>;
  /** A fresh token for the account; the old one stops working. Null when there is no such account. */
  renewToken(name: string): Promise<string | null>;
  setRole(name: string, role: Role): Promise<Account | null>;
  /** Remove the account and its sessions; its audit entries stay. False when there was none. */
  removeAccount(name: string): Promise<boolean>;

  /** A browser session for the account, valid for `ttlMs`; returns the cookie value (kept only hashed). */
  createSession(accountId: number, ttlMs: number): Promise<{ id: string; csrf: string; expiresAt: string }>;
  /** The live session with this cookie value, or null (unknown or expired). */
  session(id: string): Promise<Session | null>;
  deleteSession(id: string): Promise<void>;

  /** Store one review (src/desk/reviews.ts). */
  addOverride(o: NewOverride): Promise<Override>;
  /** Every review, oldest first. */
  overrides(): Promise<Override[]>;
  /** The reviews of one event id, oldest first. */
  overridesFor(eventId: string): Promise<Override[]>;
  /** Changes whenever a review is added: the id of the last one (0 when none). */
  overridesVersion(): Promise<number>;

  /** Create or replace a desk. */
  saveDesk(d: { id: string; name: string; description: string | null; query: string; by: string | null }): Promise<DeskView>;
  desks(): Promise<DeskView[]>;
  desk(id: string): Promise<DeskView | null>;
  deleteDesk(id: string): Promise<boolean>;

  audit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  auditLog(q?: AuditQuery): Promise<AuditEntry[]>;
}
