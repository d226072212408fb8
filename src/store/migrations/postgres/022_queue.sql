-- The durable queue `sitrep worker` processes drain (src/store/queue.ts, docs/store.md "Workers").
-- A document waits here until a worker has analysed it and stored it: the row is deleted in the
-- transaction that stores the document and its part of the picture, so a document is done exactly once.
-- A worker takes a row for a lease; a worker that dies (kill -9) leaves its lease to expire, and another
-- worker takes the row again.
CREATE TABLE doc_queue (
  qid         bigserial PRIMARY KEY,
  -- The content hash (src/store/hash.ts): the same document queued twice waits once.
  hash        text NOT NULL UNIQUE,
  doc         json NOT NULL,
  queued_at   timestamptz NOT NULL DEFAULT now(),
  -- 'queued', or 'failed' (analysis or storage failed `attempts` times; `error` says why).
  state       text NOT NULL DEFAULT 'queued',
  attempts    integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  worker      text,
  error       text
);
CREATE INDEX doc_queue_ready ON doc_queue (state, qid);

-- Workers say they are alive every few seconds; `sitrep ingest` enqueues instead of analysing when some are.
CREATE TABLE queue_workers (
  name      text PRIMARY KEY,
  host      text,
  pid       integer,
  started   timestamptz NOT NULL DEFAULT now(),
  seen      timestamptz NOT NULL DEFAULT now(),
  done      bigint NOT NULL DEFAULT 0
);
