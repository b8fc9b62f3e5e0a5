-- The creditors a Betalingsregeling Rijk was decided over, with what each was owed on the day of
-- the decision ([{ "creditor": "CAK", "owedCents": 41250 }, …]): the letter and the division of
-- each instalment rest on it, also after payments have changed what is still open.
ALTER TABLE arrangements ADD COLUMN creditors jsonb NOT NULL DEFAULT '[]'::jsonb;
