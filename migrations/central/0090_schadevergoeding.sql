-- The schadevergoedingsmaatregel per victim (ordered, collected from the offender, paid out to the
-- victim, Schadefonds payments) and the voorschotten the state advances, each approved by a team
-- lead. In the victim compartment: scoped to the victim team, like the victims themselves.

CREATE TABLE victim_compensations (
  id                 text PRIMARY KEY,
  victim_id          text NOT NULL UNIQUE REFERENCES victims (id),
  team_id            text NOT NULL REFERENCES teams (id),
  claim_id           text NOT NULL REFERENCES claims (id),
  judgment_final_on  date NOT NULL,
  ordered_cents      bigint NOT NULL CHECK (ordered_cents >= 0),
  collected_cents    bigint NOT NULL CHECK (collected_cents >= 0),
  paid_out_cents     bigint NOT NULL CHECK (paid_out_cents >= 0),
  schadefonds_cents  bigint NOT NULL DEFAULT 0 CHECK (schadefonds_cents >= 0),
  version            bigint NOT NULL
);

CREATE TABLE voorschot_payments (
  id               text PRIMARY KEY,
  compensation_id  text NOT NULL REFERENCES victim_compensations (id),
  team_id          text NOT NULL REFERENCES teams (id),
  amount_cents     bigint NOT NULL CHECK (amount_cents > 0),
  status           text NOT NULL CHECK (status IN ('ter_goedkeuring', 'goedgekeurd', 'afgewezen')),
  proposed_by      text NOT NULL REFERENCES users (id),
  proposed_at      timestamptz NOT NULL,
  approved_by      text REFERENCES users (id),
  approval_note    text,
  trace            jsonb NOT NULL,
  version          bigint NOT NULL
);
-- At most one voorschot that is waiting or granted per maatregel.
CREATE UNIQUE INDEX voorschot_one_open ON voorschot_payments (compensation_id) WHERE status <> 'afgewezen';
