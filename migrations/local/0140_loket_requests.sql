-- Requests for a betalingsregeling from the Digitaal Loket, as the change feed sends them to the
-- person's team: what the person declared and the list of their documents (the documents' content
-- is never cached; it is read from the central API when a worker opens one).
CREATE TABLE loket_requests (
  id            TEXT PRIMARY KEY,
  person_id     TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('automatisch_toegekend', 'in_behandeling', 'onbekende_persoon')),
  submitted_at  TEXT NOT NULL,
  body          TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX loket_requests_person ON loket_requests (person_id, submitted_at);
