-- The server's newest row of a task, held back while a move this desktop made on that task is unsent
-- (the optimistic row stays on screen). When the move's outcome arrives the held row takes its place:
-- a refused move must not leave the worker's version standing once the feed has moved past the change.
CREATE TABLE task_server_rows (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body))
) STRICT;
