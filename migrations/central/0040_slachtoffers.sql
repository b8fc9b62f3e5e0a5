-- Slachtofferinformatie, in its own compartment: victims of the offenders in the debtor tables,
-- their contact data in a separate table that only the victim-information role can read (each
-- read audited with a reason), the offenders' detention events, and the notifications sent.

CREATE TABLE victims (
  id                  text PRIMARY KEY,
  team_id             text NOT NULL REFERENCES teams (id),
  offender_person_id  text NOT NULL REFERENCES persons (id),
  display_name        text NOT NULL,
  is_natural_person   boolean NOT NULL DEFAULT true,
  opted_in            boolean NOT NULL,
  wants_information   boolean NOT NULL DEFAULT true,
  preferred_channel   text NOT NULL CHECK (preferred_channel IN ('brief', 'telefoon', 'email')),
  representative      text,
  offence_category    text NOT NULL,
  is_test_data        boolean NOT NULL DEFAULT true,
  version             bigint NOT NULL
);
CREATE INDEX victims_offender ON victims (offender_person_id);

-- Never in the change feed; read one victim at a time through /victims/{id}/contact with a reason.
CREATE TABLE victim_contacts (
  victim_id          text PRIMARY KEY REFERENCES victims (id),
  street             text NOT NULL,
  house_number       text NOT NULL,
  postal_code        text NOT NULL,
  city               text NOT NULL,
  phone              text,
  email              text,
  domicilie_address  text
);

CREATE TABLE detention_events (
  id                  text PRIMARY KEY,
  offender_person_id  text NOT NULL REFERENCES persons (id),
  kind                text NOT NULL CHECK (kind IN ('kortdurend_reintegratieverlof', 'langdurend_reintegratieverlof',
                        'extramurale_arbeid', 'incidenteel_verlof', 'vi_beslissing', 'invrijheidstelling', 'ontvluchting')),
  event_date          date NOT NULL,
  reported_on         date NOT NULL,
  version             bigint NOT NULL
);
CREATE INDEX detention_events_offender ON detention_events (offender_person_id);

CREATE TABLE victim_notifications (
  id            text PRIMARY KEY,
  victim_id     text NOT NULL REFERENCES victims (id),
  event_id      text NOT NULL REFERENCES detention_events (id),
  channel       text NOT NULL CHECK (channel IN ('brief', 'telefoon', 'email')),
  content       text NOT NULL,
  notified_on   date NOT NULL,
  deadline      date NOT NULL,
  late          boolean NOT NULL,
  notified_by   text NOT NULL REFERENCES users (id),
  version       bigint NOT NULL,
  UNIQUE (victim_id, event_id)
);
