-- Wensenformulier: a victim's protection wishes per detention event, forwarded to the OM as a record.
CREATE TABLE victim_wishes (
  id                 text PRIMARY KEY,
  victim_id          text NOT NULL REFERENCES victims (id),
  event_id           text NOT NULL REFERENCES detention_events (id),
  team_id            text NOT NULL REFERENCES teams (id),
  contactverbod      boolean NOT NULL,
  gebiedsverbod      boolean NOT NULL,
  zone_description   text,
  remarks            text NOT NULL DEFAULT '',
  recorded_on        date NOT NULL,
  forwarded_to_om_on date NOT NULL,
  recorded_by        text NOT NULL REFERENCES users (id),
  version            bigint NOT NULL,
  UNIQUE (victim_id, event_id),
  CHECK (NOT gebiedsverbod OR zone_description IS NOT NULL)
);
