package network.omniphi.heartbeat.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Use case: accept one signed heartbeat. Order of checks: freshness of the signed timestamp, signature, per-key rate
 * (only authentic heartbeats spend a key's tokens, so nobody can starve another node), then the durable conditional
 * write, which refuses keys that no live setup of the wallet links (403, nothing stored: DESIGN.md "Local mode key
 * link"), replays and keys bound to another wallet. The pending local setup the key is linked to is bound to it
 * before the heartbeat is answered.
 */
@ApplicationScoped
public class HeartbeatIngestService {

    private final HeartbeatStore store;
    private final SetupBinding binding;
    private final SignatureVerifier verifier;
    private final KeyRateLimiter rateLimiter;
    private final Duration window;
    private final Clock clock;

    public HeartbeatIngestService(HeartbeatStore store, SetupBinding binding, SignatureVerifier verifier,
            IngestPolicy policy, Clock clock) {
        this.store = store;
        this.binding = binding;
        this.verifier = verifier;
        this.rateLimiter = new KeyRateLimiter(policy.rateLimitBurst(), policy.rateLimitRefillEvery());
        this.window = policy.timestampWindow();
        this.clock = clock;
    }

    public Uni<HeartbeatReceipt> ingest(SignedHeartbeat heartbeat) {
        return Uni.createFrom().item(() -> authenticate(heartbeat))
                .flatMap(write -> store.store(write).flatMap(outcome -> settle(write, outcome)));
    }

    /** Drops rate-limit state of keys that have been quiet long enough to have a full bucket again. */
    public void evictIdleRateLimits() {
        rateLimiter.evictIdle(clock.instant());
    }

    private HeartbeatWrite authenticate(SignedHeartbeat hb) {
        Instant now = clock.instant();
        if (Duration.between(hb.timestamp(), now).abs().compareTo(window) > 0) {
            throw new HeartbeatException.TimestampOutsideWindow("The timestamp must be within " + window.toSeconds()
                    + " seconds of the server time (now " + now.truncatedTo(ChronoUnit.SECONDS) + ").");
        }
        if (!verifier.verify(hb.consensusKey(), hb.canonicalBytes(), hb.signature())) {
            throw new HeartbeatException.SignatureInvalid(
                    "The signature does not verify with consensusPubkey over the canonical heartbeat.");
        }
        if (rateLimiter.knownReplay(hb.consensusPubkey(), hb.timestamp())) {
            throw replayed();
        }
        Optional<Duration> wait = rateLimiter.tryAcquire(hb.consensusPubkey(), now);
        if (wait.isPresent()) {
            throw new HeartbeatException.RateLimited(wait.get());
        }
        return new HeartbeatWrite(hb.consensusPubkey(), hb.walletAddress(), now,
                hb.timestamp().truncatedTo(ChronoUnit.MICROS), hb.timestampText(), hb.blockHeight(), hb.uptimeSeconds(),
                hb.localRpcPort(), hb.localP2pPort());
    }

    private Uni<HeartbeatReceipt> settle(HeartbeatWrite write, StoreOutcome outcome) {
        return switch (outcome.status()) {
            case REPLAYED -> Uni.createFrom().failure(replayed());
            case KEY_BOUND_ELSEWHERE -> Uni.createFrom().failure(new HeartbeatException.KeyBoundElsewhere(
                    "This consensus key already reports for another wallet."));
            case NOT_LINKED -> Uni.createFrom().failure(new HeartbeatException.KeyNotLinked());
            case ACCEPTED -> accepted(write, outcome);
        };
    }

    private Uni<HeartbeatReceipt> accepted(HeartbeatWrite write, StoreOutcome outcome) {
        rateLimiter.accepted(write.consensusPubkey(), write.heartbeatTs());
        return outcome.bindingCandidate()
                ? binding.bindLinkedSetup(write)
                        .map(bound -> receipt(write, bound.orElse(null), bound.isPresent()))
                : Uni.createFrom().item(receipt(write, outcome.setupRequestId(), false));
    }

    private static HeartbeatException.Replayed replayed() {
        return new HeartbeatException.Replayed(
                "The timestamp is not newer than the last accepted heartbeat of this consensus key.");
    }

    private static HeartbeatReceipt receipt(HeartbeatWrite write, String setupRequestId, boolean firstSeen) {
        return new HeartbeatReceipt(write.walletAddress(), write.consensusPubkey(), setupRequestId, firstSeen,
                write.receivedAt());
    }
}
