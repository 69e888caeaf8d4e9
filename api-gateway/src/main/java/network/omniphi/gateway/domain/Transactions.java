package network.omniphi.gateway.domain;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/** Port: runs work in one database transaction (committed before the returned Uni completes). */
public interface Transactions {

    <T> Uni<T> inTransaction(Supplier<Uni<T>> work);

    /** Runs read-only work in a session (no transaction demarcation). */
    <T> Uni<T> inSession(Supplier<Uni<T>> work);
}
