-- The local cache of the persons and vorderingen in this worker's queues.
-- `version` is the central API's version of the row, used by sync (see DESIGN.md "Data and sync").
-- No foreign key from claims to persons: the cache mirrors the server, which enforces references,
-- and a change-feed page may carry a claim before the latest version of its person.

CREATE TABLE persons (
  id            TEXT PRIMARY KEY,
  bsn           TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  birth_date    TEXT NOT NULL,
  city          TEXT NOT NULL,
  is_test_data  INTEGER NOT NULL DEFAULT 1 CHECK (is_test_data IN (0, 1)),
  version       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX persons_display_name ON persons (display_name, id);

CREATE TABLE claims (
  id                 TEXT PRIMARY KEY,
  person_id          TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('wahv', 'strafbeschikking', 'geldboetevonnis',
                       'schadevergoedingsmaatregel', 'cak', 'duo', 'uwv', 'rvo')),
  phase              TEXT NOT NULL CHECK (phase IN ('beschikking', 'eerste_aanmaning', 'tweede_aanmaning',
                       'regeling', 'verhaal', 'deurwaarder', 'dwangmiddel', 'betaald', 'gestopt')),
  reference          TEXT NOT NULL,
  original_cents     INTEGER NOT NULL CHECK (original_cents >= 0),
  outstanding_cents  INTEGER NOT NULL CHECK (outstanding_cents >= 0),
  -- Flat handling fee, charged once and never increased; not part of outstanding_cents.
  administratiekosten_cents INTEGER NOT NULL DEFAULT 0 CHECK (administratiekosten_cents >= 0),
  due_date           TEXT NOT NULL,
  version            INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX claims_person ON claims (person_id);
CREATE INDEX claims_due_date ON claims (due_date, id);
CREATE INDEX claims_outstanding ON claims (outstanding_cents, id);
CREATE INDEX claims_kind_due_date ON claims (kind, due_date, id);
CREATE INDEX claims_phase_due_date ON claims (phase, due_date, id);
