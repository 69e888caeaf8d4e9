-- A node that failed while provisioning is now scaled down (zero replicas / process ended, volume and key kept) and
-- then marked desired_running = false, after which it is no longer reconciled. Failed nodes from before this change
-- are scaled down by the next reconcile pass, except those refused as invalid setup requests: nothing was ever
-- created for them.
UPDATE validator_nodes SET desired_running = false
    WHERE status = 'FAILED' AND failure_reason LIKE 'invalid setup request:%';

DROP INDEX validator_nodes_active_idx;
CREATE INDEX validator_nodes_active_idx ON validator_nodes (status)
    WHERE status <> 'STOPPED' AND (status <> 'FAILED' OR desired_running);
