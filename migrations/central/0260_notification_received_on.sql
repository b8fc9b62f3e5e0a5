-- A victim notification keeps two dates: the day the worker says the victim was told (notified_on,
-- never before the event was reported nor in the future) and the day the central received it
-- (received_on, the server's own date). Lateness is judged on the later of the two.
ALTER TABLE victim_notifications ADD COLUMN received_on date;
UPDATE victim_notifications SET received_on = notified_on;
ALTER TABLE victim_notifications ALTER COLUMN received_on SET NOT NULL;
