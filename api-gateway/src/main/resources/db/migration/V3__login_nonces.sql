-- Single-use login challenges (ADR-036 wallet login). A row is deleted when it is used (atomically, by the login
-- that consumes it) or by the purge job once expired; a nonce can therefore never be used twice.
CREATE TABLE login_nonces (
    nonce          char(32)      PRIMARY KEY,
    wallet_address varchar(128)  NOT NULL,
    message        varchar(2048) NOT NULL,
    created_at     timestamptz   NOT NULL,
    expires_at     timestamptz   NOT NULL
);
CREATE INDEX login_nonces_expires_idx ON login_nonces (expires_at);
