-- The history of each cached claim, as the central API sends it.

CREATE TABLE claim_events (
  id           TEXT PRIMARY KEY,
  claim_id     TEXT NOT NULL,
  kind         TEXT NOT NULL,
  occurred_on  TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  description  TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX claim_events_claim ON claim_events (claim_id, occurred_on);
