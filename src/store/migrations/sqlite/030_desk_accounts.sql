-- The desk (issue 13), part 1: accounts, browser sessions and the audit log of every write.
-- Tokens and session ids are kept only as SHA-256 hex digests: a copy of the database gives no credential.

CREATE TABLE desk_accounts (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL
);

CREATE TABLE desk_sessions (
  id_hash     TEXT PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES desk_accounts(id) ON DELETE CASCADE,
  csrf        TEXT NOT NULL,              -- the session's CSRF token, sent back in X-CSRF-Token on writes
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX desk_sessions_expires ON desk_sessions(expires_at);

-- One row per write, kept when the account is removed (the name is copied, not referenced).
CREATE TABLE desk_audit (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  account     TEXT,                       -- the account name; NULL for the command line without an account
  action      TEXT NOT NULL,              -- documents.add, review.correct, account.add, session.login …
  target      TEXT,                       -- what it acted on: an event id, a document id, an account name
  detail      TEXT,                       -- JSON
  why         TEXT,
  client      TEXT                        -- the remote address, or "cli"
);
CREATE INDEX desk_audit_target ON desk_audit(target, id);
CREATE INDEX desk_audit_account ON desk_audit(account, id);
