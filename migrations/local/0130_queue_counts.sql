-- Queues at a million claims (about 290,000 open tasks): counting a queue and filtering a sorted
-- queue must not read every open task.
--
-- 1. task_queue_counts holds how many open tasks there are per assignee, task kind, claim kind and
--    phase (a few hundred rows), kept exact by the triggers below. A queue's count with any filter
--    is then a sum over that small table instead of a count over the tasks.
-- 2. Every sort index of the open tasks carries the three filter columns after its sort columns, so
--    a filtered queue is read from the sort index alone, in order, without a lookup per task.
--    The tie-break within equal sort keys becomes (filter columns, rowid): still one stable order.
-- '' stands for "none" (no assignee, a task without a claim): a primary key cannot hold NULL.

CREATE TABLE task_queue_counts (
  assignee_id  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  claim_kind   TEXT NOT NULL,
  phase        TEXT NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (assignee_id, kind, claim_kind, phase)
) STRICT, WITHOUT ROWID;

INSERT INTO task_queue_counts (assignee_id, kind, claim_kind, phase, n)
SELECT coalesce(assignee_id, ''), kind, coalesce(claim_kind, ''), coalesce(phase, ''), count(*)
FROM tasks WHERE status = 'open'
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER tasks_queue_counts_insert AFTER INSERT ON tasks WHEN new.status = 'open' BEGIN
  INSERT INTO task_queue_counts (assignee_id, kind, claim_kind, phase, n)
  VALUES (coalesce(new.assignee_id, ''), new.kind, coalesce(new.claim_kind, ''), coalesce(new.phase, ''), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tasks_queue_counts_delete AFTER DELETE ON tasks WHEN old.status = 'open' BEGIN
  UPDATE task_queue_counts SET n = n - 1
  WHERE assignee_id = coalesce(old.assignee_id, '') AND kind = old.kind
    AND claim_kind = coalesce(old.claim_kind, '') AND phase = coalesce(old.phase, '');
END;
-- An update moves the task from its old group to its new one (either may be "not open").
CREATE TRIGGER tasks_queue_counts_update AFTER UPDATE OF status, assignee_id, kind, claim_kind, phase ON tasks BEGIN
  UPDATE task_queue_counts SET n = n - 1
  WHERE old.status = 'open' AND assignee_id = coalesce(old.assignee_id, '') AND kind = old.kind
    AND claim_kind = coalesce(old.claim_kind, '') AND phase = coalesce(old.phase, '');
  INSERT INTO task_queue_counts (assignee_id, kind, claim_kind, phase, n)
  SELECT coalesce(new.assignee_id, ''), new.kind, coalesce(new.claim_kind, ''), coalesce(new.phase, ''), 1
  WHERE new.status = 'open'
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The counts replace the index that covered them.
DROP INDEX IF EXISTS tasks_open_filters;

DROP INDEX IF EXISTS tasks_open_due;
CREATE INDEX tasks_open_due ON tasks (due_date, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_due;
CREATE INDEX tasks_open_assignee_due ON tasks (assignee_id, due_date, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_person;
CREATE INDEX tasks_open_person ON tasks (person_name, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_person;
CREATE INDEX tasks_open_assignee_person ON tasks (assignee_id, person_name, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_amount;
CREATE INDEX tasks_open_amount ON tasks (outstanding_cents, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_amount;
CREATE INDEX tasks_open_assignee_amount ON tasks (assignee_id, outstanding_cents, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_phase;
CREATE INDEX tasks_open_phase ON tasks (phase, due_date, kind, claim_kind) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_phase;
CREATE INDEX tasks_open_assignee_phase ON tasks (assignee_id, phase, due_date, kind, claim_kind) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_kind;
CREATE INDEX tasks_open_kind ON tasks (kind, due_date, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_kind;
CREATE INDEX tasks_open_assignee_kind ON tasks (assignee_id, kind, due_date, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_created;
CREATE INDEX tasks_open_created ON tasks (created_on, kind, claim_kind, phase) WHERE status = 'open';
DROP INDEX IF EXISTS tasks_open_assignee_created;
CREATE INDEX tasks_open_assignee_created ON tasks (assignee_id, created_on, kind, claim_kind, phase) WHERE status = 'open';
