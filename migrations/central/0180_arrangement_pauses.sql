-- Aflossingspauzes (the pauzeknop of Betalingsregeling Rijk): per arrangement, the first instalment
-- paused and for how many months; the instalments themselves are moved in arrangement_instalments.
CREATE TABLE arrangement_pauses (
  arrangement_id  text NOT NULL REFERENCES arrangements (id),
  from_date       date NOT NULL,
  months          integer NOT NULL CHECK (months BETWEEN 1 AND 12),
  reason          text NOT NULL,
  recorded_by     text NOT NULL REFERENCES users (id),
  recorded_at     timestamptz NOT NULL,
  PRIMARY KEY (arrangement_id, from_date)
);
