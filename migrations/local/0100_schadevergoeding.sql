-- The schadevergoedingsmaatregel per victim and the proposed voorschotten, as the central API sends
-- them (body is the full wire JSON; a voorschot's body carries its Dutch rule trace).

CREATE TABLE victim_compensations (
  id         TEXT PRIMARY KEY,
  victim_id  TEXT NOT NULL UNIQUE,
  body       TEXT NOT NULL CHECK (json_valid(body)),
  version    INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE voorschot_payments (
  id               TEXT PRIMARY KEY,
  compensation_id  TEXT NOT NULL,
  victim_id        TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('ter_goedkeuring', 'goedgekeurd', 'afgewezen')),
  proposed_at      TEXT NOT NULL,
  body             TEXT NOT NULL CHECK (json_valid(body)),
  version          INTEGER NOT NULL DEFAULT 0,
  pending          INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;

CREATE INDEX voorschot_payments_victim ON voorschot_payments (victim_id, proposed_at);
CREATE INDEX voorschot_payments_status ON voorschot_payments (status, proposed_at);
