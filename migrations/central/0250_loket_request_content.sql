-- The SHA-256 of each Loket request as received: the same request id sent again with other content
-- is refused (409), not answered with the first request's outcome. Requests from before have none.
ALTER TABLE loket_requests ADD COLUMN content_sha256 text CHECK (content_sha256 ~ '^[0-9a-f]{64}$');
