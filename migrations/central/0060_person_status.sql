-- Facts about the person that stop or pause collection: death (from the BRP) and a breed moratorium
-- imposed by the court under debt-help law.
ALTER TABLE persons ADD COLUMN deceased_on date;
ALTER TABLE persons ADD COLUMN moratorium_until date;
