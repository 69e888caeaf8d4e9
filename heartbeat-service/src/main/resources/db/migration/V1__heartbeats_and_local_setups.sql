-- One row per (wallet, consensus key); a consensus key belongs to exactly one wallet (primary key), so the pair is
-- unique as well. Rows are updated in place, last write wins by the node-signed heartbeat timestamp.
CREATE TABLE local_validator_heartbeats (
    consensus_pubkey  text        PRIMARY KEY,
    wallet_address    text        NOT NULL,
    setup_request_id  text,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    -- the signed timestamp of the last accepted heartbeat: the replay guard (strictly increasing per key)
    heartbeat_ts      timestamptz NOT NULL,
    block_height      bigint      NOT NULL,
    uptime_seconds    bigint      NOT NULL,
    local_rpc_port    integer     NOT NULL,
    local_p2p_port    integer     NOT NULL,
    -- when block_height last changed (server time): drives height-stall detection
    height_changed_at timestamptz NOT NULL,
    stale             boolean     NOT NULL DEFAULT false,
    height_stalled    boolean     NOT NULL DEFAULT false,
    CONSTRAINT local_validator_heartbeats_wallet_key UNIQUE (wallet_address, consensus_pubkey)
);
CREATE INDEX local_validator_heartbeats_setup_idx ON local_validator_heartbeats (setup_request_id)
    WHERE setup_request_id IS NOT NULL;
CREATE INDEX local_validator_heartbeats_live_idx ON local_validator_heartbeats (last_seen) WHERE stale = false;

-- Local-mode setups learnt from validator.setup.requested / validator.stop.requested.
CREATE TABLE local_setups (
    setup_request_id text        PRIMARY KEY,
    wallet_address   text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'bound', 'stopped')),
    consensus_pubkey text,
    requested_at     timestamptz NOT NULL,
    bound_at         timestamptz,
    stopped_at       timestamptz
);
CREATE INDEX local_setups_pending_idx ON local_setups (wallet_address, requested_at) WHERE status = 'pending';
