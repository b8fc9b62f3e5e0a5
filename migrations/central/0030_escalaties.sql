-- Escalation decisions: the chosen next step for a claim, its motivation and rule trace, and
-- the team lead's approval for the heavy ones.

CREATE TABLE escalation_decisions (
  id             text PRIMARY KEY,
  claim_id       text NOT NULL REFERENCES claims (id),
  person_id      text NOT NULL REFERENCES persons (id),
  team_id        text NOT NULL REFERENCES teams (id),
  step           text NOT NULL,
  status         text NOT NULL CHECK (status IN ('ter_goedkeuring', 'vastgelegd', 'afgewezen')),
  facts          jsonb NOT NULL,
  motivation     text NOT NULL,
  trace          jsonb NOT NULL,
  decided_by     text NOT NULL REFERENCES users (id),
  decided_at     timestamptz NOT NULL,
  approved_by    text REFERENCES users (id),
  approval_note  text,
  version        bigint NOT NULL,
  CHECK (approved_by IS NULL OR approved_by <> decided_by)
);
CREATE INDEX escalation_decisions_claim ON escalation_decisions (claim_id);
