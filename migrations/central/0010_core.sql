-- Central store of the reference API: teams and users, persons and vorderingen, case notes,
-- the change feed, applied commands per client, and the audit log.

CREATE TABLE teams (
  id    text PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE users (
  id               text PRIMARY KEY,
  username         text NOT NULL UNIQUE,
  display_name     text NOT NULL,
  role             text NOT NULL CHECK (role IN ('medewerker_inning', 'medewerker_slachtofferinformatie',
                     'teamleider', 'functioneel_beheerder')),
  team_id          text NOT NULL REFERENCES teams (id),
  password_hash    text NOT NULL,
  failed_attempts  integer NOT NULL DEFAULT 0,
  locked_until     timestamptz
);

CREATE TABLE refresh_tokens (
  token_hash  text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id),
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);

-- Signing key for access tokens, kept in the database so tokens survive a server restart.
CREATE TABLE server_keys (
  name   text PRIMARY KEY,
  value  text NOT NULL
);

-- One global, gap-free-in-commit-order version for every change (writers serialise on an
-- advisory lock, so versions commit in the order they are taken).
CREATE SEQUENCE change_version;

CREATE TABLE persons (
  id            text PRIMARY KEY,
  team_id       text NOT NULL REFERENCES teams (id),
  bsn           text NOT NULL,
  display_name  text NOT NULL,
  birth_date    date NOT NULL,
  city          text NOT NULL,
  is_test_data  boolean NOT NULL DEFAULT true,
  version       bigint NOT NULL
);

CREATE TABLE claims (
  id                 text PRIMARY KEY,
  person_id          text NOT NULL REFERENCES persons (id),
  team_id            text NOT NULL REFERENCES teams (id),
  kind               text NOT NULL CHECK (kind IN ('wahv', 'strafbeschikking', 'geldboetevonnis',
                       'schadevergoedingsmaatregel', 'cak', 'duo', 'uwv', 'rvo')),
  phase              text NOT NULL CHECK (phase IN ('beschikking', 'eerste_aanmaning', 'tweede_aanmaning',
                       'regeling', 'verhaal', 'deurwaarder', 'dwangmiddel', 'betaald', 'gestopt')),
  reference          text NOT NULL,
  original_cents     bigint NOT NULL CHECK (original_cents >= 0),
  outstanding_cents  bigint NOT NULL CHECK (outstanding_cents >= 0),
  -- Flat handling fee, charged once and never increased; not part of `outstanding_cents`.
  administratiekosten_cents bigint NOT NULL DEFAULT 0 CHECK (administratiekosten_cents >= 0),
  due_date           date NOT NULL,
  version            bigint NOT NULL
);
CREATE INDEX claims_person ON claims (person_id);

CREATE TABLE case_notes (
  id          text PRIMARY KEY,
  claim_id    text NOT NULL REFERENCES claims (id),
  team_id     text NOT NULL REFERENCES teams (id),
  author_id   text NOT NULL REFERENCES users (id),
  text        text NOT NULL,
  created_at  timestamptz NOT NULL,
  version     bigint NOT NULL
);

-- The change feed: one row per entity at its latest version, scoped to a team.
CREATE TABLE changes (
  entity     text NOT NULL,
  entity_id  text NOT NULL,
  team_id    text NOT NULL,
  version    bigint NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX changes_team_version ON changes (team_id, version);

-- Exactly-once: a client's commands by seq, with their stored outcome.
CREATE TABLE clients (
  client_id  text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id),
  last_seq   bigint NOT NULL DEFAULT 0
);

CREATE TABLE commands (
  client_id   text NOT NULL REFERENCES clients (client_id),
  seq         bigint NOT NULL,
  command_id  text NOT NULL UNIQUE,
  type        text NOT NULL,
  user_id     text NOT NULL REFERENCES users (id),
  status      text NOT NULL CHECK (status IN ('applied', 'rejected', 'conflict')),
  reason      text,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, seq)
);

-- Append-only audit log in the shape of "Logboek Dataverwerkingen": who, when, what, why.
CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   text,
  action     text NOT NULL CHECK (action IN ('read', 'create', 'update', 'delete', 'login', 'login_failed', 'disclose')),
  entity     text NOT NULL,
  entity_id  text,
  reason     text,
  detail     jsonb
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
