package network.omniphi.commons.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

class ApplyRetryTest {

    @Test
    void aFailingApplyIsRunAgainUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> apply = Uni.createFrom().item(() -> {
            if (attempts.incrementAndGet() < 4) {
                throw new IllegalStateException("database restarting");
            }
            return "applied";
        });

        String result = ApplyRetry.untilApplied(apply, Logger.getLogger(ApplyRetryTest.class), () -> "applying x")
                .await().atMost(Duration.ofSeconds(30));

        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aPermanentFailureIsNotRetriedButHandedOn() {
        AtomicInteger attempts = new AtomicInteger();
        Uni<String> apply = Uni.createFrom().item(() -> {
            attempts.incrementAndGet();
            throw new PoisonEvent("setup id is not a UUID");
        });

        String outcome = ApplyRetry.untilApplied(apply, Logger.getLogger(ApplyRetryTest.class), () -> "applying y")
                .onFailure(PoisonEvent.class).recoverWithItem(Throwable::getMessage)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(outcome).isEqualTo("setup id is not a UUID");
        assertThat(attempts).hasValue(1);
        assertThat(PoisonEvent.isPermanent(new IllegalStateException("wrapped", new PoisonEvent("x")))).isTrue();
        assertThat(PoisonEvent.isPermanent(new IllegalStateException("database restarting"))).isFalse();
    }
}
