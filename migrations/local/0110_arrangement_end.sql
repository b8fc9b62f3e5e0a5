-- Arrangements may now be beëindigd (ended, kept exactly or not). SQLite cannot change a CHECK
-- constraint in place, so the table is rebuilt with its rows and indexes.
CREATE TABLE arrangements_new (
  id           TEXT PRIMARY KEY,
  person_id    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('standaard', 'persoonlijk', 'noodstop', 'schuldhulp', 'afwijzing')),
  status       TEXT NOT NULL CHECK (status IN ('ter_goedkeuring', 'lopend', 'afgewezen', 'vastgelegd', 'beeindigd')),
  total_cents  INTEGER NOT NULL CHECK (total_cents >= 0),
  decided_at   TEXT NOT NULL,
  body         TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 0,
  pending      INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

INSERT INTO arrangements_new (id, person_id, kind, status, total_cents, decided_at, body, version, pending)
SELECT id, person_id, kind, status, total_cents, decided_at, body, version, pending FROM arrangements;

DROP TABLE arrangements;
ALTER TABLE arrangements_new RENAME TO arrangements;
CREATE INDEX arrangements_person ON arrangements (person_id, decided_at);
CREATE INDEX arrangements_status ON arrangements (status, decided_at);
