-- The desk (issue 13), part 1: accounts, browser sessions and the audit log of every write.
-- Tokens and session ids are kept only as SHA-256 hex digests: a copy of the database gives no credential.

CREATE TABLE desk_accounts (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  role        text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE desk_sessions (
  id_hash     text PRIMARY KEY,
  account_id  bigint NOT NULL REFERENCES desk_accounts(id) ON DELETE CASCADE,
  csrf        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX desk_sessions_expires ON desk_sessions(expires_at);

CREATE TABLE desk_audit (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  account     text,
  action      text NOT NULL,
  target      text,
  detail      jsonb,
  why         text,
  client      text
);
CREATE INDEX desk_audit_target ON desk_audit(target, id);
CREATE INDEX desk_audit_account ON desk_audit(account, id);
