-- The feed's JSON of each entity at its change version, kept with the change: a page of the feed is
-- then read as stored text instead of being built row by row. `payload_version` says which version
-- the payload shows; a change whose version moved on (any writer) is rebuilt at its next read.
ALTER TABLE changes ADD COLUMN payload json;
ALTER TABLE changes ADD COLUMN payload_version bigint;
