-- Sync with the central API (DESIGN.md "Data and sync").

-- Small key/value state: client id, next command seq, pull cursor, last sync time.
CREATE TABLE sync_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

-- Commands waiting for the server. `pending`: not yet acknowledged; `applied`: the server applied
-- it and the entry stays until a pull page confirms the server state has arrived locally.
CREATE TABLE outbox (
  seq         INTEGER PRIMARY KEY,
  command_id  TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL,
  body        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
  created_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Commands the server rejected or found in conflict: the worker redoes or drops them.
CREATE TABLE command_reviews (
  command_id    TEXT PRIMARY KEY,
  seq           INTEGER NOT NULL,
  type          TEXT NOT NULL,
  body          TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('rejected', 'conflict')),
  reason        TEXT NOT NULL,
  server_state  TEXT,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE case_notes (
  id           TEXT PRIMARY KEY,
  claim_id     TEXT NOT NULL,
  author_name  TEXT NOT NULL,
  text         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 0,
  -- 1 while only the local outbox knows it; the pulled server row clears it.
  pending      INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

CREATE INDEX case_notes_claim ON case_notes (claim_id, created_at);
