-- Access tokens revoked by logout (POST /api/v1/auth/logout), by their jti. A row is needed only until the token would
-- have expired anyway; the purge job deletes it after that. Replicas read new rows by revoked_at (see docs/auth.md).
CREATE TABLE revoked_tokens (
    jti            uuid         PRIMARY KEY,
    wallet_address varchar(128) NOT NULL,
    expires_at     timestamptz  NOT NULL,
    revoked_at     timestamptz  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX revoked_tokens_revoked_at_idx ON revoked_tokens (revoked_at);
CREATE INDEX revoked_tokens_expires_at_idx ON revoked_tokens (expires_at);
