-- The NVWA joins Betalingsregeling Rijk (beleidsregels 2024, Stcrt. 2023, 30505): a new claim kind.
-- SQLite cannot change a CHECK constraint, so the table is made again with the same columns, the
-- same rowids (the full-text index refers to them) and the same indexes and triggers. The tasks
-- triggers that read claims by name stay as they are (their order decides the queue counts): the
-- rename runs in legacy mode, which does not check or rewrite other tables' triggers.

CREATE TABLE claims_new (
  id                 TEXT PRIMARY KEY,
  person_id          TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('wahv', 'strafbeschikking', 'geldboetevonnis',
                       'schadevergoedingsmaatregel', 'cak', 'duo', 'uwv', 'rvo', 'nvwa')),
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

INSERT INTO claims_new (rowid, id, person_id, kind, phase, reference, original_cents, outstanding_cents,
                        administratiekosten_cents, due_date, version)
SELECT rowid, id, person_id, kind, phase, reference, original_cents, outstanding_cents,
       administratiekosten_cents, due_date, version
FROM claims;

DROP TABLE claims;
PRAGMA legacy_alter_table = ON;
ALTER TABLE claims_new RENAME TO claims;
PRAGMA legacy_alter_table = OFF;

CREATE INDEX claims_person ON claims (person_id);
CREATE INDEX claims_due_date ON claims (due_date);
CREATE INDEX claims_outstanding ON claims (outstanding_cents);
CREATE INDEX claims_kind_due_date ON claims (kind, due_date);
CREATE INDEX claims_phase_due_date ON claims (phase, due_date);

CREATE TRIGGER claims_queue_columns_insert AFTER INSERT ON claims BEGIN
  UPDATE tasks SET claim_kind = new.kind, phase = new.phase, outstanding_cents = new.outstanding_cents
  WHERE claim_id = new.id;
END;

CREATE TRIGGER claims_queue_columns_update AFTER UPDATE OF kind, phase, outstanding_cents ON claims BEGIN
  UPDATE tasks SET claim_kind = new.kind, phase = new.phase, outstanding_cents = new.outstanding_cents
  WHERE claim_id = new.id;
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
