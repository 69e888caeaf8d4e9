-- Validator nodes owned by the provisioner (one row per setup request: a retried request finds its row).
CREATE TABLE validator_nodes (
    setup_request_id  text        PRIMARY KEY,
    node_name         text        NOT NULL UNIQUE,
    moniker           text        NOT NULL,
    chain_id          text        NOT NULL,
    provider          text        NOT NULL,
    desired_running   boolean     NOT NULL,
    status            text        NOT NULL,
    consensus_pubkey  text,
    rpc_endpoint      text,
    p2p_endpoint      text,
    grpc_endpoint     text,
    latest_height     bigint      NOT NULL DEFAULT 0,
    last_health_check timestamptz,
    failure_reason    text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint      NOT NULL DEFAULT 0
);
CREATE INDEX validator_nodes_active_idx ON validator_nodes (status) WHERE status NOT IN ('STOPPED', 'FAILED');

-- Local runtime: one row per node process; ports are unique so two nodes never share one.
CREATE TABLE local_node_processes (
    node_name    text        PRIMARY KEY,
    rpc_port     integer     NOT NULL UNIQUE,
    p2p_port     integer     NOT NULL UNIQUE,
    grpc_port    integer     NOT NULL UNIQUE,
    home_dir     text        NOT NULL,
    pid          bigint,
    restarts     integer     NOT NULL DEFAULT 0,
    last_start   timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Leadership for runtimes without a Kubernetes Lease (local mode): one holder at a time, renewed by heartbeat.
CREATE TABLE runtime_leases (
    name        text        PRIMARY KEY,
    holder      text        NOT NULL,
    expires_at  timestamptz NOT NULL
);
