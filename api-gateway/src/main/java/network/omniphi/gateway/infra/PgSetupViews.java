package network.omniphi.gateway.infra;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.domain.ChainInfo;
import network.omniphi.gateway.domain.NodeStatus;
import network.omniphi.gateway.domain.RunMode;
import network.omniphi.gateway.domain.SetupRequest;
import network.omniphi.gateway.domain.SetupStatus;
import network.omniphi.gateway.domain.SetupView;
import network.omniphi.gateway.domain.SetupViews;
import network.omniphi.gateway.domain.ValidatorNode;
import network.omniphi.gateway.domain.WalletPage;

/**
 * {@link SetupViews} on the reactive PostgreSQL client: the setup row LEFT JOINed with its node and chain read models
 * (each unique per setup, so a setup is one row). Every join and filter column is a primary key or has an index
 * (V1: {@code validator_nodes.setup_request_id} unique, {@code validator_setup_requests_wallet_idx} on wallet and
 * {@code created_at DESC}). No Hibernate session: nothing to open, flush or hydrate for a read.
 */
@ApplicationScoped
public class PgSetupViews implements SetupViews {

    private static final String SELECT = "SELECT s.id, s.status, s.wallet_address, s.validator_name, s.website,"
            + " s.description, s.commission_rate, s.run_mode, s.provider, s.consensus_pubkey, s.operator_address,"
            + " s.tx_hash, s.created_at, s.updated_at, s.completed_at, s.failure_reason,"
            + " n.id AS node_id, n.node_name, n.status AS node_status, n.provider AS node_provider, n.rpc_endpoint,"
            + " n.p2p_endpoint, n.grpc_endpoint, n.logs_url, n.last_block_height, n.last_health_check,"
            + " c.setup_request_id AS chain_setup_request_id, c.operator_address AS chain_operator_address,"
            + " c.is_active_validator, c.voting_power, c.jailed, c.tx_hash AS chain_tx_hash,"
            + " c.updated_at AS chain_updated_at"
            + " FROM validator_setup_requests s"
            + " LEFT JOIN validator_nodes n ON n.setup_request_id = s.id"
            + " LEFT JOIN validator_chain_info c ON c.setup_request_id = s.id";
    static final String BY_ID = SELECT + " WHERE s.id = $1";
    static final String BY_WALLET = SELECT + " WHERE s.wallet_address = $1 ORDER BY s.created_at DESC";
    static final String BY_WALLET_FIRST_PAGE = SELECT
            + " WHERE s.wallet_address = $1 ORDER BY s.created_at DESC, s.id DESC LIMIT $2";
    static final String BY_WALLET_NEXT_PAGE = SELECT
            + " WHERE s.wallet_address = $1 AND (s.created_at, s.id) < ($2, $3)"
            + " ORDER BY s.created_at DESC, s.id DESC LIMIT $4";
    static final String OWNER = "SELECT wallet_address FROM validator_setup_requests WHERE id = $1";

    private final Pool pool;

    public PgSetupViews(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<SetupView> view(UUID id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> first(rows, PgSetupViews::toView));
    }

    @Override
    public Uni<List<SetupView>> byWallet(String walletAddress) {
        return pool.preparedQuery(BY_WALLET).execute(Tuple.of(walletAddress)).map(rows -> {
            List<SetupView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> views.add(toView(row)));
            return views;
        });
    }

    @Override
    public Uni<List<SetupView>> byWallet(String walletAddress, WalletPage.Cursor after, int limit) {
        Uni<RowSet<Row>> rows = after == null
                ? pool.preparedQuery(BY_WALLET_FIRST_PAGE).execute(Tuple.of(walletAddress, limit))
                : pool.preparedQuery(BY_WALLET_NEXT_PAGE).execute(Tuple.of(walletAddress,
                        after.createdAt().atOffset(java.time.ZoneOffset.UTC), after.id(), limit));
        return rows.map(rs -> {
            List<SetupView> views = new ArrayList<>(rs.size());
            rs.forEach(row -> views.add(toView(row)));
            return views;
        });
    }

    @Override
    public Uni<String> ownerOf(UUID id) {
        return pool.preparedQuery(OWNER).execute(Tuple.of(id)).map(rows -> first(rows, r -> r.getString(0)));
    }

    private static <T> T first(RowSet<Row> rows, Function<Row, T> map) {
        Iterator<Row> it = rows.iterator();
        return it.hasNext() ? map.apply(it.next()) : null;
    }

    static SetupView toView(Row r) {
        return new SetupView(setup(r), node(r), chainInfo(r));
    }

    private static SetupRequest setup(Row r) {
        return new SetupRequest(r.getUUID("id"), SetupStatus.fromWire(r.getString("status")),
                r.getString("wallet_address"), r.getString("validator_name"), r.getString("website"),
                r.getString("description"), r.getBigDecimal("commission_rate"),
                RunMode.fromWire(r.getString("run_mode")), r.getString("provider"), r.getString("consensus_pubkey"),
                r.getString("operator_address"), r.getString("tx_hash"), instant(r, "created_at"),
                instant(r, "updated_at"), instant(r, "completed_at"), r.getString("failure_reason"));
    }

    private static ValidatorNode node(Row r) {
        UUID id = r.getUUID("node_id");
        return id == null
                ? null
                : new ValidatorNode(id, r.getUUID("id"), r.getString("node_name"),
                        NodeStatus.fromWire(r.getString("node_status")), r.getString("node_provider"),
                        r.getString("rpc_endpoint"), r.getString("p2p_endpoint"), r.getString("grpc_endpoint"),
                        r.getString("logs_url"), r.getLong("last_block_height"), instant(r, "last_health_check"));
    }

    private static ChainInfo chainInfo(Row r) {
        return r.getUUID("chain_setup_request_id") == null
                ? null
                : new ChainInfo(r.getString("chain_operator_address"), r.getBoolean("is_active_validator"),
                        r.getLong("voting_power"), r.getBoolean("jailed"), r.getString("chain_tx_hash"),
                        instant(r, "chain_updated_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime at = r.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }
}
