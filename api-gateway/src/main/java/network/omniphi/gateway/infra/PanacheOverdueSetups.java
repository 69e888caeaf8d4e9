package network.omniphi.gateway.infra;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.OverdueDeadlines;
import network.omniphi.gateway.domain.OverdueSetup;
import network.omniphi.gateway.domain.OverdueSetups;
import network.omniphi.gateway.domain.SetupStatus;

/**
 * {@link OverdueSetups} in the Hibernate Reactive session of the caller's transaction (so the re-drive's outbox
 * events commit with it). The claim is {@code SELECT ... FOR UPDATE SKIP LOCKED}: two gateway replicas sweeping at the
 * same moment get disjoint rows, and a row whose event is being applied is left for the next round. The re-drive
 * bookkeeping columns ({@code V6_3}) are not mapped by the entity, so entity updates never overwrite them; a re-drive
 * count belongs to one stay in one status: it counts only while {@code redrive_status} is the current status and the
 * setup has not changed since the last re-drive ({@code updated_at <= last_redrive_at}).
 */
@ApplicationScoped
public class PanacheOverdueSetups implements OverdueSetups {

    /** Past the status' deadline; pending only for cloud setups (local ones wait for their owner). */
    private static final String OVERDUE = "((status = 'pending' AND run_mode = 'cloud' AND updated_at < :pending)"
            + " OR (status = 'provisioning' AND updated_at < :provisioning)"
            + " OR (status = 'tx_submitted' AND updated_at < :txSubmitted)"
            + " OR (status = 'stopping' AND updated_at < :stopping))";
    private static final String SAME_STAY = "COALESCE(redrive_status = status AND last_redrive_at >= updated_at,"
            + " false)";
    private static final String CLAIM = "SELECT id, CASE WHEN " + SAME_STAY + " THEN redrives ELSE 0 END"
            + " FROM validator_setup_requests WHERE " + OVERDUE
            + " AND (NOT " + SAME_STAY + " OR last_redrive_at <= :redriveBefore)"
            + " ORDER BY updated_at LIMIT :batch FOR UPDATE SKIP LOCKED";
    private static final String COUNT = "SELECT status, count(*) FROM validator_setup_requests WHERE " + OVERDUE
            + " GROUP BY status";
    private static final String REDRIVEN = "UPDATE validator_setup_requests SET redrives = :attempt,"
            + " redrive_status = :status, last_redrive_at = :at WHERE id = :id";

    @Override
    public Uni<List<OverdueSetup>> claim(OverdueDeadlines deadlines, Instant now) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(CLAIM, Object[].class);
            cutoffs(deadlines, now).forEach(query::setParameter);
            query.setParameter("redriveBefore", utc(now.minus(deadlines.redriveInterval())));
            query.setParameter("batch", deadlines.batch());
            return query.getResultList();
        }).flatMap(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> SetupRequestEntity
                        .<SetupRequestEntity>findById(row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString()))
                        .map(e -> new OverdueSetup(EntityMapper.toDomain(e), ((Number) row[1]).intValue())))
                .collect().asList());
    }

    @Override
    public Uni<Void> redriven(UUID id, SetupStatus status, int attempt, Instant at) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(REDRIVEN)
                .setParameter("attempt", attempt).setParameter("status", status.wire())
                .setParameter("at", utc(at)).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    @Override
    public Uni<Map<SetupStatus, Long>> countOverdue(OverdueDeadlines deadlines, Instant now) {
        return Panache.getSession().flatMap(session -> {
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(COUNT, Object[].class);
            cutoffs(deadlines, now).forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> {
            Map<SetupStatus, Long> counts = new EnumMap<>(SetupStatus.class);
            rows.forEach(r -> counts.put(SetupStatus.fromWire((String) r[0]), ((Number) r[1]).longValue()));
            return counts;
        });
    }

    private static Map<String, OffsetDateTime> cutoffs(OverdueDeadlines d, Instant now) {
        return Map.of("pending", utc(now.minus(d.pending())), "provisioning", utc(now.minus(d.provisioning())),
                "txSubmitted", utc(now.minus(d.txSubmitted())), "stopping", utc(now.minus(d.stopping())));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
