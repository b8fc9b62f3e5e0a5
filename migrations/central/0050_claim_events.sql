-- The history of each claim: beschikking, aanmaningen with their verhogingen, payments, steps taken.

CREATE TABLE claim_events (
  id           text PRIMARY KEY,
  claim_id     text NOT NULL REFERENCES claims (id),
  team_id      text NOT NULL REFERENCES teams (id),
  kind         text NOT NULL CHECK (kind IN ('beschikking', 'eerste_aanmaning', 'tweede_aanmaning', 'betaling', 'stap',
                 'verhoging_kwijtgescholden')),
  occurred_on  date NOT NULL,
  amount_cents bigint NOT NULL,
  description  text NOT NULL,
  version      bigint NOT NULL
);
CREATE INDEX claim_events_claim ON claim_events (claim_id, occurred_on);
