-- Betalingsonmacht decisions and payment arrangements, as the central API sends them (body is the
-- full wire JSON, including the stored rule trace), and drafts of interrupted assessments.

CREATE TABLE arrangements (
  id           TEXT PRIMARY KEY,
  person_id    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('standaard', 'persoonlijk', 'noodstop', 'schuldhulp', 'afwijzing')),
  status       TEXT NOT NULL CHECK (status IN ('ter_goedkeuring', 'lopend', 'afgewezen', 'vastgelegd')),
  total_cents  INTEGER NOT NULL CHECK (total_cents >= 0),
  decided_at   TEXT NOT NULL,
  body         TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 0,
  -- 1 while only the local outbox knows this state; the pulled server row clears it.
  pending      INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

CREATE INDEX arrangements_person ON arrangements (person_id, decided_at);
CREATE INDEX arrangements_status ON arrangements (status, decided_at);

CREATE TABLE assessment_drafts (
  person_id   TEXT PRIMARY KEY,
  body        TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
