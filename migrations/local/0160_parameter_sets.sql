-- Parameter sets a functioneel beheerder entered and a second one approved, as the change feed
-- sends them to every app: the rules of this app (and its previews) use them next to the coded sets.
CREATE TABLE parameter_sets (
  id           TEXT PRIMARY KEY,
  domain       TEXT NOT NULL CHECK (domain IN ('bvv', 'regeling', 'escalatie', 'rijksincasso', 'slachtoffer', 'voorschot')),
  valid_from   TEXT NOT NULL,
  approved_at  TEXT NOT NULL,
  body         TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 0
) STRICT;
