-- An arrangement ends (beëindigd): paid in full, or stopped because the person did not keep to it.
-- Whether it was kept exactly decides whether a new standard arrangement may follow within 12 months.
ALTER TABLE arrangements DROP CONSTRAINT arrangements_status_check;
ALTER TABLE arrangements ADD CONSTRAINT arrangements_status_check
  CHECK (status IN ('ter_goedkeuring', 'lopend', 'afgewezen', 'vastgelegd', 'beeindigd'));
ALTER TABLE arrangements ADD COLUMN ended_on date;
ALTER TABLE arrangements ADD COLUMN honoured_exactly boolean;
ALTER TABLE arrangements ADD CONSTRAINT arrangements_ended_check
  CHECK ((status = 'beeindigd') = (ended_on IS NOT NULL AND honoured_exactly IS NOT NULL));
