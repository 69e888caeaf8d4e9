-- What tracking needs when the node keeps no tx index (issue 15 item 3): the signer's account and the sequence the
-- tx uses (settled once the account sequence moves past it) and the tx's timeout_height (not included after it).
-- Rows recorded before keep NULL / 0 and fall back to the inclusion timeout.
ALTER TABLE tracked_txs ADD COLUMN wallet_address text;
ALTER TABLE tracked_txs ADD COLUMN sequence bigint NOT NULL DEFAULT 0;
ALTER TABLE tracked_txs ADD COLUMN timeout_height bigint NOT NULL DEFAULT 0;
ALTER TABLE tracked_txs ADD COLUMN error_code text;

-- MsgUnjail (issue 15 item 11) is tracked and prepared like MsgCreateValidator. A setup keeps at most one live
-- MsgCreateValidator (submitted or confirmed) and at most one submitted MsgUnjail (it may be jailed and unjailed
-- many times).
ALTER TABLE tracked_txs ADD COLUMN kind text NOT NULL DEFAULT 'create_validator'
    CHECK (kind IN ('create_validator', 'unjail'));
ALTER TABLE prepared_txs ADD COLUMN kind text NOT NULL DEFAULT 'create_validator'
    CHECK (kind IN ('create_validator', 'unjail'));
DROP INDEX tracked_txs_live_uq;
CREATE UNIQUE INDEX tracked_txs_live_create_uq ON tracked_txs (setup_request_id)
    WHERE kind = 'create_validator' AND status IN ('submitted', 'confirmed');
CREATE UNIQUE INDEX tracked_txs_live_unjail_uq ON tracked_txs (setup_request_id)
    WHERE kind = 'unjail' AND status = 'submitted';
