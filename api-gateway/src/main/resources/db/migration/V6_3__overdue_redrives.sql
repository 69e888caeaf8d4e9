-- Overdue sweep (docs/adr/0007-overdue-setup-sweep.md): how often the gateway has re-driven a setup that stays too
-- long in a transitional status, in which status, and when last. Written only by the sweep, under the row lock it
-- takes with FOR UPDATE SKIP LOCKED, so several gateway replicas never re-drive the same setup twice in one interval.
ALTER TABLE validator_setup_requests
    ADD COLUMN redrives        integer     NOT NULL DEFAULT 0,
    ADD COLUMN redrive_status  varchar(32),
    ADD COLUMN last_redrive_at timestamptz;

-- the sweep's scan: transitional setups by status and age
CREATE INDEX validator_setup_requests_transitional_idx ON validator_setup_requests (status, updated_at)
    WHERE status IN ('pending', 'provisioning', 'tx_submitted', 'stopping');
