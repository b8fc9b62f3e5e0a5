-- The person's postal address, for the letters the law wants addressed (Awb 3:41: a decision is
-- sent to the person it concerns). Nullable: a source that does not send it leaves it empty, and
-- no letter is made until it is known.
ALTER TABLE persons ADD COLUMN street_address text CHECK (length(street_address) BETWEEN 1 AND 200);
ALTER TABLE persons ADD COLUMN postcode text CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$');
