-- The API runs as cjib_api, not as the owner of the tables. It may read and write the case data,
-- but on audit_log it may only INSERT and SELECT: no UPDATE, DELETE or TRUNCATE, and as it owns
-- nothing it cannot drop or disable the append-only trigger either. Migrations run as the owner.
-- On PostgreSQL a login role that is a member of cjib_api connects (DATABASE_URL), the owner
-- migrates (MIGRATION_DATABASE_URL); see README.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cjib_api') THEN
    CREATE ROLE cjib_api NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on this server created it at the same moment
END $$;

GRANT USAGE ON SCHEMA public TO cjib_api;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cjib_api;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO cjib_api;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cjib_api;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_version FROM cjib_api;
-- Tables and sequences later migrations create get the same rights (audit-like tables revoke).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cjib_api;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO cjib_api;
