-- Betalingsonmacht decisions and payment arrangements, with the assessment they rest on
-- (inputs, parameter sets and the Dutch rule trace) kept with them for later objections.

CREATE TABLE arrangements (
  id               text PRIMARY KEY,
  person_id        text NOT NULL REFERENCES persons (id),
  team_id          text NOT NULL REFERENCES teams (id),
  kind             text NOT NULL CHECK (kind IN ('standaard', 'persoonlijk', 'noodstop', 'schuldhulp', 'afwijzing')),
  status           text NOT NULL CHECK (status IN ('ter_goedkeuring', 'lopend', 'afgewezen', 'vastgelegd')),
  total_cents      bigint NOT NULL CHECK (total_cents >= 0),
  pause_until      date,
  motivation       text NOT NULL,
  decided_by       text NOT NULL REFERENCES users (id),
  decided_at       timestamptz NOT NULL,
  approved_by      text REFERENCES users (id),
  approval_note    text,
  bvv_input        jsonb NOT NULL,
  assessment       jsonb NOT NULL,
  version          bigint NOT NULL,
  CHECK (approved_by IS NULL OR approved_by <> decided_by)
);
CREATE INDEX arrangements_person ON arrangements (person_id);

CREATE TABLE arrangement_instalments (
  arrangement_id  text NOT NULL REFERENCES arrangements (id),
  number          integer NOT NULL,
  due_date        date NOT NULL,
  amount_cents    bigint NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (arrangement_id, number)
);
