-- Setup requests (the seed's columns plus the design's), the node read model and the chain read model.
CREATE TABLE validator_setup_requests (
    id               uuid PRIMARY KEY,
    wallet_address   varchar(128)   NOT NULL,
    validator_name   varchar(256)   NOT NULL,
    website          varchar(256)   NOT NULL DEFAULT '',
    description      varchar(1024)  NOT NULL DEFAULT '',
    commission_rate  numeric(21, 18) NOT NULL CHECK (commission_rate >= 0 AND commission_rate <= 1),
    run_mode         varchar(16)    NOT NULL CHECK (run_mode IN ('cloud', 'local')),
    provider         varchar(64)    NOT NULL,
    status           varchar(32)    NOT NULL,
    consensus_pubkey varchar(64),
    operator_address varchar(128),
    tx_hash          varchar(64),
    failure_reason   varchar(2048),
    created_at       timestamptz    NOT NULL,
    updated_at       timestamptz    NOT NULL,
    completed_at     timestamptz,
    version          bigint         NOT NULL DEFAULT 0
);
-- by-wallet query: newest first
CREATE INDEX validator_setup_requests_wallet_idx ON validator_setup_requests (wallet_address, created_at DESC);
-- a wallet is one operator, and an operator can have one validator: one live setup per wallet
CREATE UNIQUE INDEX validator_setup_requests_one_live_per_wallet
    ON validator_setup_requests (wallet_address) WHERE status NOT IN ('stopped', 'failed');
CREATE INDEX validator_setup_requests_status_idx ON validator_setup_requests (status);

CREATE TABLE validator_nodes (
    id                uuid PRIMARY KEY,
    setup_request_id  uuid         NOT NULL UNIQUE REFERENCES validator_setup_requests (id),
    node_name         varchar(253),
    status            varchar(32)  NOT NULL,
    provider          varchar(64)  NOT NULL,
    rpc_endpoint      varchar(512),
    p2p_endpoint      varchar(512),
    grpc_endpoint     varchar(512),
    logs_url          varchar(512),
    last_block_height bigint,
    last_health_check timestamptz,
    last_event_at     timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

CREATE TABLE validator_chain_info (
    setup_request_id    uuid PRIMARY KEY REFERENCES validator_setup_requests (id),
    operator_address    varchar(128),
    is_active_validator boolean     NOT NULL DEFAULT false,
    voting_power        bigint      NOT NULL DEFAULT 0,
    jailed              boolean     NOT NULL DEFAULT false,
    tx_hash             varchar(64),
    last_event_at       timestamptz,
    updated_at          timestamptz NOT NULL
);
