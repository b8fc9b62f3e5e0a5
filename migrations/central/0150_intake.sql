-- Bulk intake by source systems (src/central/intake): who may deliver, and every batch delivered,
-- so that a batch sent twice is taken in once.
CREATE TABLE intake_sources (
  id            text PRIMARY KEY,
  display_name  text NOT NULL,
  -- sha256 of the source's key (a random 32-byte secret): the key itself is never stored.
  key_hash      text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz
);

CREATE TABLE intake_batches (
  source_id    text NOT NULL REFERENCES intake_sources (id),
  batch_id     uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('claims', 'payments')),
  received_at  timestamptz NOT NULL DEFAULT now(),
  result       jsonb NOT NULL,
  PRIMARY KEY (source_id, batch_id)
);

-- Intake finds a person by BSN and a payment's claim by its reference.
CREATE INDEX persons_bsn ON persons (bsn);
CREATE INDEX claims_reference ON claims (reference);
