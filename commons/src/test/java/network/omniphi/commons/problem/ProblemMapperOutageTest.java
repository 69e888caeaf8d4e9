package network.omniphi.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class ProblemMapperOutageTest {

    final ProblemMapper mapper = new ProblemMapper();

    @Test
    void postgresShuttingDownOrStartingUpIsAnOutage() {
        assertThat(ProblemMapper.isDependencyOutage(new CompletionException(
                new PgException("the database system is shutting down", "FATAL", "57P01", null)))).isTrue();
        assertThat(ProblemMapper.isDependencyOutage(
                new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
        assertThat(ProblemMapper.isDependencyOutage(new IllegalStateException("pool",
                new ConnectException("Connection refused")))).isTrue();
    }

    @Test
    void aQueryErrorOrABugIsNotAnOutage() {
        assertThat(ProblemMapper.isDependencyOutage(
                new PgException("relation \"x\" does not exist", "ERROR", "42P01", null))).isFalse();
        assertThat(ProblemMapper.isDependencyOutage(new NullPointerException())).isFalse();
    }

    @Test
    void anOutageAnswers503WithRetryAfterAndAProblem() {
        Response r = mapper.unexpected(new PgException("shutting down", "FATAL", "57P01", null), null, null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) r.getEntity()).code()).isEqualTo("service-unavailable");
    }

    @Test
    void anythingElseIsStill500() {
        Response r = mapper.unexpected(new IllegalStateException("bug"), null, null);
        assertThat(r.getStatus()).isEqualTo(500);
    }
}
