-- Taken in the worker's queues, the team's members (for assigning) and its saved views, and a
-- full-text index (FTS5) over persons and claims for the search box of the queues.

CREATE TABLE tasks (
  id            TEXT PRIMARY KEY,
  person_id     TEXT NOT NULL,
  claim_id      TEXT,
  kind          TEXT NOT NULL CHECK (kind IN ('betalingsonmacht', 'escalatie', 'correspondentie')),
  priority      TEXT NOT NULL CHECK (priority IN ('normaal', 'urgent')),
  status        TEXT NOT NULL CHECK (status IN ('open', 'afgerond')),
  assignee_id   TEXT,
  created_on    TEXT NOT NULL,
  due_date      TEXT NOT NULL,
  completed_on  TEXT,
  version       INTEGER NOT NULL DEFAULT 0,
  pending       INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

CREATE INDEX tasks_status_due ON tasks (status, due_date, id);
CREATE INDEX tasks_assignee_due ON tasks (assignee_id, status, due_date, id);
CREATE INDEX tasks_person ON tasks (person_id);
CREATE INDEX tasks_claim ON tasks (claim_id);

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
