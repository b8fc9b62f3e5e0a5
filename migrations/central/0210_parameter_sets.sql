-- Parameter sets (BVV norms, verhogingen, terms, thresholds, voorschot) that a functioneel beheerder
-- enters with a start date and a second beheerder approves or rejects (four eyes). Approved sets
-- reach every app through the change feed (team '*': everyone) and every API node from this table;
-- the values are checked per domain by the API before they are stored.
CREATE TABLE parameter_sets (
  id             text PRIMARY KEY,
  domain         text NOT NULL CHECK (domain IN ('bvv', 'regeling', 'escalatie', 'rijksincasso', 'slachtoffer', 'voorschot')),
  valid_from     date NOT NULL,
  body           jsonb NOT NULL,
  reason         text NOT NULL,
  status         text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'goedgekeurd', 'afgewezen')),
  proposed_by    text NOT NULL REFERENCES users (id),
  proposed_at    timestamptz NOT NULL,
  decided_by     text REFERENCES users (id),
  decided_at     timestamptz,
  decision_note  text,
  version        bigint NOT NULL DEFAULT 0,
  CHECK ((status = 'voorgesteld') = (decided_by IS NULL)),
  CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
  CHECK (decided_by IS NULL OR decided_by <> proposed_by)
);
CREATE INDEX parameter_sets_approved ON parameter_sets (decided_at) WHERE status = 'goedgekeurd';
