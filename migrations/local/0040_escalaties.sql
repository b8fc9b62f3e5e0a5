-- Escalation decisions as the central API sends them (body is the full wire JSON with its trace).

CREATE TABLE escalation_decisions (
  id          TEXT PRIMARY KEY,
  claim_id    TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  step        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('ter_goedkeuring', 'vastgelegd', 'afgewezen')),
  decided_at  TEXT NOT NULL,
  body        TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 0,
  pending     INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

CREATE INDEX escalation_decisions_claim ON escalation_decisions (claim_id, decided_at);
CREATE INDEX escalation_decisions_status ON escalation_decisions (status, decided_at);
