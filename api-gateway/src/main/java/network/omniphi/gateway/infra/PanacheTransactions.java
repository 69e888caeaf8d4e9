package network.omniphi.gateway.infra;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import network.omniphi.gateway.domain.Transactions;

@ApplicationScoped
public class PanacheTransactions implements Transactions {

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work::get);
    }

    @Override
    public <T> Uni<T> inSession(Supplier<Uni<T>> work) {
        return Panache.withSession(work::get);
    }
}
