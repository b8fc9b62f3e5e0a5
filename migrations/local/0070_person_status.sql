-- Death and breed moratorium, as the central API sends them with the person.
ALTER TABLE persons ADD COLUMN deceased_on TEXT;
ALTER TABLE persons ADD COLUMN moratorium_until TEXT;
