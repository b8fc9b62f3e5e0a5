-- Desktops hear that their change feed moved instead of asking every few seconds: every statement
-- that moves the feed notifies 'feed_moved' with the teams it touched (comma-separated). PostgreSQL
-- delivers it at commit, once per transaction and payload, to each API node that listens; the node
-- tells the desktops of those teams over their open event stream (src/central/sync/feed-events.ts).
-- A pull that only stores a change's payload (same version, same team) moves nothing and notifies nobody.
CREATE FUNCTION notify_feed_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  teams text;
BEGIN
  -- plpgsql plans a query when it first runs it: the INSERT trigger never reads `before`.
  IF TG_OP = 'INSERT' THEN
    teams := (SELECT string_agg(DISTINCT team_id, ',') FROM moved);
  ELSE
    teams := (
      SELECT string_agg(DISTINCT m.team_id, ',')
      FROM moved m JOIN before b USING (entity, entity_id)
      WHERE m.version <> b.version OR m.team_id <> b.team_id
    );
  END IF;
  IF teams IS NOT NULL THEN
    PERFORM pg_notify('feed_moved', teams);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER changes_notify_insert AFTER INSERT ON changes
  REFERENCING NEW TABLE AS moved FOR EACH STATEMENT EXECUTE FUNCTION notify_feed_moved();
CREATE TRIGGER changes_notify_update AFTER UPDATE ON changes
  REFERENCING OLD TABLE AS before NEW TABLE AS moved FOR EACH STATEMENT EXECUTE FUNCTION notify_feed_moved();
