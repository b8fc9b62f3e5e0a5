-- Sign-in hardening.
-- * Lock-out per account and source address, counted in one statement (no read-modify-write
--   race): a stranger elsewhere cannot lock the rightful user out at their own desk.
-- * Sessions the server can end: sign-out, a deactivated user. Every access token names its
--   session and is refused once the session has ended.
-- * Access-token keys with ids, so a key can be rotated while tokens signed by the previous key
--   still verify; their secrets are sealed (AES-256-GCM) under a master key that is not in this
--   database.

ALTER TABLE users DROP COLUMN failed_attempts, DROP COLUMN locked_until;
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;

CREATE TABLE login_throttle (
  user_id          text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  source           text NOT NULL,
  failed_attempts  integer NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  PRIMARY KEY (user_id, source)
);

CREATE TABLE sessions (
  id          text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  ended_at    timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Refresh tokens from before belong to no session: those users sign in once more.
DELETE FROM refresh_tokens;
ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_user_id_fkey;
ALTER TABLE refresh_tokens ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
ALTER TABLE refresh_tokens ADD COLUMN session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE;

CREATE TABLE signing_keys (
  kid         text PRIMARY KEY,
  -- base64 of iv (12 bytes) + GCM tag (16 bytes) + the sealed 32-byte secret
  sealed      text NOT NULL,
  created_at  timestamptz NOT NULL,
  retired_at  timestamptz
);

DROP TABLE server_keys;
