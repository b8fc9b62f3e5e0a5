-- Protection wishes per victim and event, as recorded and forwarded to the OM.
CREATE TABLE victim_wishes (
  id         TEXT PRIMARY KEY,
  victim_id  TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  body       TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 0,
  pending    INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;
CREATE INDEX victim_wishes_victim ON victim_wishes (victim_id, event_id);
