-- Victims (without contact data: that is read live from the central API with a reason and never
-- stored here), their offenders' detention events, and the notifications sent. Only the
-- victim-information role ever receives these rows.

CREATE TABLE victims (
  id                  TEXT PRIMARY KEY,
  offender_person_id  TEXT NOT NULL,
  body                TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX victims_offender ON victims (offender_person_id);

CREATE TABLE detention_events (
  id                  TEXT PRIMARY KEY,
  offender_person_id  TEXT NOT NULL,
  event_date          TEXT NOT NULL,
  body                TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX detention_events_offender ON detention_events (offender_person_id, event_date);

CREATE TABLE victim_notifications (
  id         TEXT PRIMARY KEY,
  victim_id  TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  body       TEXT NOT NULL,
  version    INTEGER NOT NULL DEFAULT 0,
  pending    INTEGER NOT NULL DEFAULT 0 CHECK (pending IN (0, 1))
) STRICT;
CREATE INDEX victim_notifications_victim ON victim_notifications (victim_id, event_id);
