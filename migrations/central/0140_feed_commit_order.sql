-- The change feed without a writer lock: each change names the transaction that wrote it, and the
-- feed is read in (tx, version) order up to the oldest transaction still running (see
-- src/central/sync/change-feed.ts). Changes from before this migration keep tx 0, so a cursor
-- a client already holds (a plain version) still names the same place.
ALTER TABLE changes ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
ALTER TABLE changes ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
CREATE INDEX changes_team_feed ON changes (team_id, tx, version);
DROP INDEX changes_team_version;

-- A change whose version moves on (by recordChange, or by any other UPDATE, such as a repair
-- script) moves to its writer's place in the feed.
CREATE FUNCTION changes_take_writer_tx() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version IS DISTINCT FROM OLD.version THEN
    NEW.tx := pg_current_xact_id();
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER changes_writer_tx BEFORE UPDATE ON changes
  FOR EACH ROW EXECUTE FUNCTION changes_take_writer_tx();
