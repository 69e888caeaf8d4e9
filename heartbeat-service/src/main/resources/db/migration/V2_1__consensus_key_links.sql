-- Local mode key link (DESIGN.md): the gateway publishes ConsensusKeyLinked when a setup's owner links the node's
-- consensus key; only heartbeats of a linked key, carrying the owner's wallet, are stored. One row per key: the key's
-- current link, or its last one once released (a stop of the setup, or the setup re-linked to another key).
CREATE TABLE consensus_key_links (
    consensus_pubkey text        PRIMARY KEY,
    setup_request_id text        NOT NULL,
    wallet_address   text        NOT NULL,
    -- when the owner linked it (gateway time, from the event): a late, older link event never overrides a newer one
    linked_at        timestamptz NOT NULL DEFAULT now(),
    released_at      timestamptz
);
-- a setup holds at most one live key
CREATE UNIQUE INDEX consensus_key_links_one_live_per_setup ON consensus_key_links (setup_request_id)
    WHERE released_at IS NULL;
CREATE INDEX consensus_key_links_released_idx ON consensus_key_links (released_at) WHERE released_at IS NOT NULL;

-- Setups bound before links existed keep reporting: their key counts as linked (it may already be on chain).
INSERT INTO consensus_key_links (consensus_pubkey, setup_request_id, wallet_address, linked_at)
SELECT consensus_pubkey, setup_request_id, wallet_address, COALESCE(bound_at, requested_at)
FROM local_setups WHERE status = 'bound' AND consensus_pubkey IS NOT NULL
ON CONFLICT DO NOTHING;

-- Heartbeat rows of keys that no live setup links are purged: they were stored for anyone who sent one.
DELETE FROM local_validator_heartbeats h
WHERE NOT EXISTS (SELECT 1 FROM consensus_key_links l
                  WHERE l.consensus_pubkey = h.consensus_pubkey AND l.released_at IS NULL);

-- The signed timestamp exactly as sent (GET /api/v1/validators/heartbeat answers it as lastHeartbeatTimestamp).
ALTER TABLE local_validator_heartbeats ADD COLUMN heartbeat_ts_text text;
UPDATE local_validator_heartbeats
SET heartbeat_ts_text = to_char(heartbeat_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
ALTER TABLE local_validator_heartbeats ALTER COLUMN heartbeat_ts_text SET NOT NULL;
-- retention sweep: rows not heard from for long
CREATE INDEX local_validator_heartbeats_last_seen_idx ON local_validator_heartbeats (last_seen);
