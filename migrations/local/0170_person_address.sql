-- The person's postal address from the central (street and number, postcode), for decision letters.
ALTER TABLE persons ADD COLUMN street_address TEXT;
ALTER TABLE persons ADD COLUMN postcode TEXT;
