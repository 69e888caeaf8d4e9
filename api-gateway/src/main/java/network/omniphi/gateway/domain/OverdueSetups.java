package network.omniphi.gateway.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Persistence port of the overdue sweep. Call inside a transaction. */
public interface OverdueSetups {

    /**
     * Locks and returns up to {@code deadlines.batch()} setups that are past their status' deadline at {@code now}
     * and due for a re-drive (never re-driven in this status, or last re-driven at least one re-drive interval ago).
     * Rows another transaction holds (another replica's sweep, an event being applied) are skipped, not waited for.
     */
    Uni<List<OverdueSetup>> claim(OverdueDeadlines deadlines, Instant now);

    /** Records that the setup was re-driven for the {@code attempt}-th time in {@code status}. */
    Uni<Void> redriven(UUID id, SetupStatus status, int attempt, Instant at);

    /** How many setups are past their status' deadline at {@code now}, per transitional status (metrics). */
    Uni<Map<SetupStatus, Long>> countOverdue(OverdueDeadlines deadlines, Instant now);
}
