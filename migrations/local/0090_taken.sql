-- Taken in the worker's queues (with the columns they sort on), the team's members (for assigning) and its saved views, and a
-- full-text index (FTS5) over persons and claims for the search box of the queues.

CREATE TABLE tasks (
  id                 TEXT PRIMARY KEY,
  person_id          TEXT NOT NULL,
  claim_id           TEXT,
  kind               TEXT NOT NULL CHECK (kind IN ('betalingsonmacht', 'escalatie', 'correspondentie')),
  priority           TEXT NOT NULL CHECK (priority IN ('normaal', 'urgent')),
  status             TEXT NOT NULL CHECK (status IN ('open', 'afgerond')),
  assignee_id        TEXT,
  created_on         TEXT NOT NULL,
  due_date           TEXT NOT NULL,
  completed_on       TEXT,
  version            INTEGER NOT NULL DEFAULT 0,
  pending            INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1)),
  -- Copies of the person's and claim's columns the queues sort and filter on, kept current by the
  -- triggers below: a queue page then reads one table through one index, also at 100,000 claims.
  person_name        TEXT NOT NULL DEFAULT '',
  claim_kind         TEXT,
  phase              TEXT,
  outstanding_cents  INTEGER
) STRICT;

-- With status and due date, so a search's matches are counted and ordered without reading the rows.
CREATE INDEX tasks_person ON tasks (person_id, status, due_date, id);
CREATE INDEX tasks_claim ON tasks (claim_id, status, due_date, id);
-- Open work only (partial indexes), per sort key, for "all open" and per assignee (Mijn werk,
-- Teamvoorraad = assignee IS NULL); the last one covers the counts with their filters.
CREATE INDEX tasks_open_due ON tasks (due_date, id) WHERE status = 'open';
CREATE INDEX tasks_open_assignee_due ON tasks (assignee_id, due_date, id) WHERE status = 'open';
CREATE INDEX tasks_open_person ON tasks (person_name, id) WHERE status = 'open';
CREATE INDEX tasks_open_assignee_person ON tasks (assignee_id, person_name, id) WHERE status = 'open';
CREATE INDEX tasks_open_amount ON tasks (outstanding_cents, id) WHERE status = 'open';
CREATE INDEX tasks_open_assignee_amount ON tasks (assignee_id, outstanding_cents, id) WHERE status = 'open';
-- Phase and kind sort with the due date second, so the same index serves "filter on X, by due date".
CREATE INDEX tasks_open_phase ON tasks (phase, due_date, id) WHERE status = 'open';
CREATE INDEX tasks_open_assignee_phase ON tasks (assignee_id, phase, due_date, id) WHERE status = 'open';
CREATE INDEX tasks_open_kind ON tasks (kind, due_date, id) WHERE status = 'open';
CREATE INDEX tasks_open_assignee_kind ON tasks (assignee_id, kind, due_date, id) WHERE status = 'open';
CREATE INDEX tasks_open_created ON tasks (created_on, id) WHERE status = 'open';
CREATE INDEX tasks_open_assignee_created ON tasks (assignee_id, created_on, id) WHERE status = 'open';
CREATE INDEX tasks_open_filters ON tasks (assignee_id, kind, claim_kind, phase) WHERE status = 'open';

CREATE TRIGGER tasks_queue_columns_insert AFTER INSERT ON tasks BEGIN
  UPDATE tasks SET
    person_name = coalesce((SELECT display_name FROM persons WHERE id = new.person_id), ''),
    claim_kind = (SELECT kind FROM claims WHERE id = new.claim_id),
    phase = (SELECT phase FROM claims WHERE id = new.claim_id),
    outstanding_cents = (SELECT outstanding_cents FROM claims WHERE id = new.claim_id)
  WHERE rowid = new.rowid;
END;
CREATE TRIGGER tasks_queue_columns_update AFTER UPDATE OF person_id, claim_id ON tasks BEGIN
  UPDATE tasks SET
    person_name = coalesce((SELECT display_name FROM persons WHERE id = new.person_id), ''),
    claim_kind = (SELECT kind FROM claims WHERE id = new.claim_id),
    phase = (SELECT phase FROM claims WHERE id = new.claim_id),
    outstanding_cents = (SELECT outstanding_cents FROM claims WHERE id = new.claim_id)
  WHERE rowid = new.rowid;
END;
CREATE TRIGGER persons_queue_columns_insert AFTER INSERT ON persons BEGIN
  UPDATE tasks SET person_name = new.display_name WHERE person_id = new.id;
END;
CREATE TRIGGER persons_queue_columns_update AFTER UPDATE OF display_name ON persons BEGIN
  UPDATE tasks SET person_name = new.display_name WHERE person_id = new.id;
END;
CREATE TRIGGER claims_queue_columns_insert AFTER INSERT ON claims BEGIN
  UPDATE tasks SET claim_kind = new.kind, phase = new.phase, outstanding_cents = new.outstanding_cents
  WHERE claim_id = new.id;
END;
CREATE TRIGGER claims_queue_columns_update AFTER UPDATE OF kind, phase, outstanding_cents ON claims BEGIN
  UPDATE tasks SET claim_kind = new.kind, phase = new.phase, outstanding_cents = new.outstanding_cents
  WHERE claim_id = new.id;
END;

CREATE TABLE team_members (
  id            TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE saved_views (
  id          TEXT PRIMARY KEY,
  owner_id    TEXT NOT NULL,
  owner_name  TEXT NOT NULL,
  name        TEXT NOT NULL,
  definition  TEXT NOT NULL CHECK (json_valid(definition)),
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  version     INTEGER NOT NULL DEFAULT 0,
  pending     INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

-- External-content FTS5 tables: the text lives in persons and claims, the index here, kept current
-- by triggers. During an initial sync the triggers are deferred and the index rebuilt once.
CREATE VIRTUAL TABLE persons_fts USING fts5(
  display_name, bsn, city, content = 'persons', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(reference, content = 'claims', content_rowid = 'rowid');

CREATE TRIGGER persons_fts_insert AFTER INSERT ON persons BEGIN
  INSERT INTO persons_fts (rowid, display_name, bsn, city) VALUES (new.rowid, new.display_name, new.bsn, new.city);
END;
CREATE TRIGGER persons_fts_delete AFTER DELETE ON persons BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, display_name, bsn, city)
  VALUES ('delete', old.rowid, old.display_name, old.bsn, old.city);
END;
CREATE TRIGGER persons_fts_update AFTER UPDATE OF display_name, bsn, city ON persons BEGIN
  INSERT INTO persons_fts (persons_fts, rowid, display_name, bsn, city)
  VALUES ('delete', old.rowid, old.display_name, old.bsn, old.city);
  INSERT INTO persons_fts (rowid, display_name, bsn, city) VALUES (new.rowid, new.display_name, new.bsn, new.city);
END;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, reference) VALUES (new.rowid, new.reference);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, reference) VALUES ('delete', old.rowid, old.reference);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF reference ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, reference) VALUES ('delete', old.rowid, old.reference);
  INSERT INTO claims_fts (rowid, reference) VALUES (new.rowid, new.reference);
END;

INSERT INTO persons_fts (persons_fts) VALUES ('rebuild');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
