-- Ties in the sorted lists (claims, task queues) are broken by rowid instead of by the UUID text
-- id. Every index entry carries the rowid already, so these indexes give the same order without
-- the ~40-byte id in each entry: they are a third smaller and build a third faster at the initial
-- sync. The order among equal rows is the cache's own, stable from one page to the next.
-- IF EXISTS: an initial sync interrupted before this upgrade may have dropped them for a while.
DROP INDEX IF EXISTS tasks_person;
CREATE INDEX tasks_person ON tasks (person_id, status, due_date);
DROP INDEX IF EXISTS tasks_claim;
CREATE INDEX tasks_claim ON tasks (claim_id, status, due_date);
DROP INDEX IF EXISTS tasks_open_due;
CREATE INDEX tasks_open_due ON tasks (due_date) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_due;
CREATE INDEX tasks_open_assignee_due ON tasks (assignee_id, due_date) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_person;
CREATE INDEX tasks_open_person ON tasks (person_name) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_person;
CREATE INDEX tasks_open_assignee_person ON tasks (assignee_id, person_name) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_amount;
CREATE INDEX tasks_open_amount ON tasks (outstanding_cents) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_amount;
CREATE INDEX tasks_open_assignee_amount ON tasks (assignee_id, outstanding_cents) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_phase;
CREATE INDEX tasks_open_phase ON tasks (phase, due_date) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_phase;
CREATE INDEX tasks_open_assignee_phase ON tasks (assignee_id, phase, due_date) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_kind;
CREATE INDEX tasks_open_kind ON tasks (kind, due_date) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_kind;
CREATE INDEX tasks_open_assignee_kind ON tasks (assignee_id, kind, due_date) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_created;
CREATE INDEX tasks_open_created ON tasks (created_on) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_created;
CREATE INDEX tasks_open_assignee_created ON tasks (assignee_id, created_on) WHERE status = 'open';
DROP INDEX IF EXISTS claims_due_date;
CREATE INDEX claims_due_date ON claims (due_date);
DROP INDEX IF EXISTS claims_outstanding;
CREATE INDEX claims_outstanding ON claims (outstanding_cents);
DROP INDEX IF EXISTS claims_kind_due_date;
CREATE INDEX claims_kind_due_date ON claims (kind, due_date);
DROP INDEX IF EXISTS claims_phase_due_date;
CREATE INDEX claims_phase_due_date ON claims (phase, due_date);
