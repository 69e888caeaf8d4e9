-- Idempotency-Key of POST /api/v1/validators/setup-requests (draft-ietf-httpapi-idempotency-key-header): a retry with
-- the same key and the same body answers the setup the first request created. Written in the same transaction as the
-- setup it names, so a key is never recorded without its setup, nor a keyed setup without its key. At most one row
-- per setup, kept as long as the setup.
CREATE TABLE setup_idempotency_keys (
    wallet_address      varchar(128) NOT NULL,
    idempotency_key     varchar(255) NOT NULL,
    request_fingerprint char(64)     NOT NULL,
    setup_request_id    uuid         NOT NULL REFERENCES validator_setup_requests (id),
    created_at          timestamptz  NOT NULL,
    PRIMARY KEY (wallet_address, idempotency_key)
);
