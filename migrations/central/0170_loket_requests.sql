-- Requests for a betalingsregeling from the Digitaal Loket (src/central/loket). The Loket signs in
-- as an intake source allowed to submit requests; each request is kept once by the Loket's id for
-- it, so a request sent twice is taken in once.
-- The Loket delivers no claims and no payments: its key may have no claim kinds at all.
ALTER TABLE intake_sources ADD COLUMN submits_requests boolean NOT NULL DEFAULT false;
ALTER TABLE intake_sources DROP CONSTRAINT intake_sources_claim_kinds;
ALTER TABLE intake_sources
  ADD CONSTRAINT intake_sources_claim_kinds CHECK (
    (cardinality(claim_kinds) > 0 OR submits_requests)
    AND claim_kinds <@ ARRAY['wahv', 'strafbeschikking', 'geldboetevonnis', 'schadevergoedingsmaatregel',
                             'cak', 'duo', 'uwv', 'rvo']::text[]
  );

CREATE TABLE loket_requests (
  id              uuid PRIMARY KEY,
  source_id       text NOT NULL REFERENCES intake_sources (id),
  -- No person when the BSN is not known: then nothing else about the request is kept.
  person_id       text REFERENCES persons (id),
  team_id         text REFERENCES teams (id),
  kind            text NOT NULL CHECK (kind IN ('standaard', 'maatwerk')),
  submitted_at    timestamptz NOT NULL,
  received_at     timestamptz NOT NULL DEFAULT now(),
  -- What the person declared (household, income): the assessment form's input, without corrections.
  declared        jsonb,
  explanation     text,
  outcome         text NOT NULL CHECK (outcome IN ('automatisch_toegekend', 'in_behandeling', 'onbekende_persoon')),
  -- Why a worker must look at it (the rule that stopped an automatic decision), in Dutch.
  outcome_reason  text,
  arrangement_id  text REFERENCES arrangements (id),
  task_id         text REFERENCES tasks (id),
  result          jsonb NOT NULL,
  version         bigint,
  CHECK ((person_id IS NULL) = (outcome = 'onbekende_persoon')),
  CHECK ((arrangement_id IS NOT NULL) = (outcome = 'automatisch_toegekend'))
);
CREATE INDEX loket_requests_person ON loket_requests (person_id);

-- The documents with a request (PDF or JPEG, checked by their first bytes and size on the way in).
CREATE TABLE loket_documents (
  request_id  uuid NOT NULL REFERENCES loket_requests (id),
  number      integer NOT NULL CHECK (number BETWEEN 1 AND 10),
  file_name   text NOT NULL,
  media_type  text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg')),
  size_bytes  integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256      text NOT NULL,
  content     bytea NOT NULL,
  PRIMARY KEY (request_id, number)
);

-- A decision the system took on a Loket request has no worker behind it: decided_by stays empty and
-- decided_by_system names the channel. Exactly one of the two is set.
ALTER TABLE arrangements ALTER COLUMN decided_by DROP NOT NULL;
ALTER TABLE arrangements ADD COLUMN decided_by_system text CHECK (decided_by_system IN ('digitaal_loket'));
ALTER TABLE arrangements ADD CONSTRAINT arrangements_one_decider
  CHECK ((decided_by IS NULL) <> (decided_by_system IS NULL));
