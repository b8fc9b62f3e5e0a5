-- Attempts on a user name that does not exist are counted and locked out like those on one that
-- does (per name and source), so a 423 after five tries tells nobody which user names exist. The
-- name is kept only as a hash.
CREATE TABLE login_throttle_unknown (
  name_hash        text NOT NULL,
  source           text NOT NULL,
  failed_attempts  integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  PRIMARY KEY (name_hash, source)
);
