-- Payments under a Betalingsregeling Rijk: the person pays one kenmerk (the arrangement's payment
-- reference) and the payment is allocated over the creditors and their claims. Each allocation is
-- kept here (what each creditor got, and what was paid beyond everything owed, to be refunded);
-- the claims' history holds a 'betaling' per claim.
ALTER TABLE arrangements ADD COLUMN payment_reference text;
-- The same kenmerk as arrangementPaymentReference in src/shared/domain/betalingsregeling-rijk.ts.
UPDATE arrangements SET payment_reference = 'BR' || upper(right(regexp_replace(id, '[^0-9A-Za-z]', '', 'g'), 10));
CREATE UNIQUE INDEX arrangements_payment_reference ON arrangements (payment_reference);

CREATE TABLE arrangement_payments (
  -- The source and its payment id: a payment delivered twice is allocated once.
  payment_id      text PRIMARY KEY,
  arrangement_id  text NOT NULL REFERENCES arrangements (id),
  paid_on         date NOT NULL,
  amount_cents    bigint NOT NULL CHECK (amount_cents > 0),
  -- [{ "creditor": "CAK", "cents": 2307 }, …]
  allocation      jsonb NOT NULL,
  surplus_cents   bigint NOT NULL CHECK (surplus_cents >= 0)
);
CREATE INDEX arrangement_payments_arrangement ON arrangement_payments (arrangement_id);
