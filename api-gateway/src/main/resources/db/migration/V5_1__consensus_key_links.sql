-- Local mode key link (DESIGN.md): a consensus key is linked to at most one live local setup at a time. The link is
-- the setup's consensus_pubkey, set by POST /api/v1/validators/setup-requests/{id}/consensus-key; a stopped or failed
-- setup releases its key (it leaves this partial index) and keeps it only as history. Cloud setups are not covered:
-- the provisioner generates each node's key and runs at most one pod per key (docs/adr).
CREATE UNIQUE INDEX validator_setup_requests_one_live_link_per_key
    ON validator_setup_requests (consensus_pubkey)
    WHERE run_mode = 'local' AND consensus_pubkey IS NOT NULL AND status NOT IN ('stopped', 'failed');
