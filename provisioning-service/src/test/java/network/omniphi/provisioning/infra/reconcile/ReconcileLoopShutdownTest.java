package network.omniphi.provisioning.infra.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;

import network.omniphi.provisioning.domain.LeaderGate;

/**
 * The loop stops with the application's ShutdownEvent, before Quarkus closes the database pool: a consumer that commits
 * a command and kicks the loop while the service stops is not failed by it, and neither a kick nor a scheduled tick
 * starts a pass any more.
 */
class ReconcileLoopShutdownTest {

    @Test
    void aKickWhileTheServiceStopsIsDroppedNotThrown() {
        AtomicInteger asked = new AtomicInteger();
        LeaderGate leader = new LeaderGate() {
            @Override
            public boolean isLeader() {
                asked.incrementAndGet();
                return false;
            }

            @Override
            public String identity() {
                return "test";
            }
        };
        // no pass runs after the stop, so the loop's stores and runtime are never touched
        ReconcileLoop loop = new ReconcileLoop(null, null, null, null, leader, Clock.systemUTC());

        loop.stopOnShutdown(new ShutdownEvent());

        assertThatCode(loop::kick).doesNotThrowAnyException();
        assertThatCode(() -> loop.kick("3f1c2a9e-4b7d-4f43-9d55-0c1c2b0a9e11")).doesNotThrowAnyException();
        // a scheduled tick does nothing either (it would reach the null runtime otherwise)
        assertThatCode(loop::tick).doesNotThrowAnyException();
        assertThat(asked).as("the kick thread is stopped: no pass asked for leadership").hasValue(0);
    }
}
