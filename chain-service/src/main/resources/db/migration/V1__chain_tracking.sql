-- chain-service state: what was built per setup, broadcast txs until inclusion, last seen validator state.
CREATE TABLE prepared_txs (
    setup_request_id text PRIMARY KEY,
    wallet_address   text        NOT NULL,
    signer_pubkey    bytea       NOT NULL,
    chain_id         text        NOT NULL,
    account_number   bigint      NOT NULL,
    -- cosmos.staking.v1beta1.MsgCreateValidator protobuf bytes as built
    msg_bytes        bytea       NOT NULL,
    created_at       timestamptz NOT NULL
);

CREATE TABLE tracked_txs (
    tx_hash          text PRIMARY KEY,
    setup_request_id text        NOT NULL,
    operator_address text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('submitted', 'confirmed', 'failed')),
    height           bigint,
    code             integer,
    codespace        text,
    raw_log          text,
    submitted_at     timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX tracked_txs_pending_idx ON tracked_txs (submitted_at) WHERE status = 'submitted';
-- at most one live (submitted or confirmed) tx per setup
CREATE UNIQUE INDEX tracked_txs_live_uq ON tracked_txs (setup_request_id) WHERE status IN ('submitted', 'confirmed');

CREATE TABLE validator_states (
    setup_request_id text PRIMARY KEY,
    operator_address text        NOT NULL,
    found            boolean     NOT NULL,
    status           text        NOT NULL,
    jailed           boolean     NOT NULL,
    voting_power     bigint      NOT NULL,
    updated_at       timestamptz NOT NULL
);
