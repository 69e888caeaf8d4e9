package network.omniphi.chain.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import network.omniphi.chain.domain.model.JailBudget;
import network.omniphi.chain.domain.port.JailBudgetSink;

/**
 * Jail budgets of the tracked validators, refreshed by the validator tracker every round:
 * <ul>
 * <li>{@code omniphi_chain_jail_budget_validators{band="25|50|75"}}: how many tracked validators have used at least
 * that percentage of their x/slashing missed-block budget; the PrometheusRule alerts on each band (registered at
 * start-up, so the alert always has a series);</li>
 * </ul>
 * and per validator (tag {@code operator}), for dashboards and drill-down:
 * <ul>
 * <li>{@code omniphi_chain_jail_budget_used_ratio}: missed blocks in the x/slashing window / the misses allowed
 * (0..1; 1 = the next miss jails);</li>
 * <li>{@code omniphi_chain_jail_budget_missed_blocks} and {@code omniphi_chain_jail_budget_misses_left};</li>
 * <li>{@code omniphi_chain_jail_budget_seconds_left}: misses left x block time.</li>
 * </ul>
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class JailBudgetMeters implements JailBudgetSink {

    static final int[] BANDS = {25, 50, 75};

    private final MeterRegistry registry;
    private final Map<String, Values> byOperator = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> bands = new java.util.LinkedHashMap<>();

    private record Values(AtomicLong usedPerMille, AtomicLong missed, AtomicLong left, AtomicLong secondsLeft) {
    }

    public JailBudgetMeters(MeterRegistry registry) {
        this.registry = registry;
        for (int band : BANDS) {
            AtomicLong count = new AtomicLong();
            bands.put(band, count);
            Gauge.builder("omniphi.chain.jail.budget.validators", count, AtomicLong::get)
                    .tag("band", Integer.toString(band))
                    .description("Tracked validators that used at least this percentage of their missed-block budget")
                    .strongReference(true).register(registry);
        }
    }

    @Override
    public void record(String operatorAddress, JailBudget budget) {
        Values v = byOperator.computeIfAbsent(operatorAddress, this::register);
        long perMille = budget.maxMissedBlocks() == 0
                ? 1000
                : Math.min(1000, budget.missedBlocks() * 1000 / budget.maxMissedBlocks());
        v.usedPerMille().set(perMille);
        v.missed().set(budget.missedBlocks());
        v.left().set(budget.missesLeft());
        v.secondsLeft().set(budget.secondsLeft());
        bands.forEach((band, count) -> count.set(byOperator.values().stream()
                .filter(x -> x.usedPerMille().get() >= band * 10L).count()));
    }

    private Values register(String operator) {
        Values v = new Values(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
        Gauge.builder("omniphi.chain.jail.budget.used.ratio", v.usedPerMille(), a -> a.get() / 1000.0)
                .tag("operator", operator).description("Share of the x/slashing missed-block budget used (0..1)")
                .strongReference(true).register(registry);
        Gauge.builder("omniphi.chain.jail.budget.missed.blocks", v.missed(), AtomicLong::get)
                .tag("operator", operator).description("Missed blocks in the current signed-blocks window")
                .strongReference(true).register(registry);
        Gauge.builder("omniphi.chain.jail.budget.misses.left", v.left(), AtomicLong::get)
                .tag("operator", operator).description("Misses tolerated before the next one jails")
                .strongReference(true).register(registry);
        Gauge.builder("omniphi.chain.jail.budget.seconds.left", v.secondsLeft(), AtomicLong::get)
                .tag("operator", operator).description("Misses left x block time, in seconds")
                .strongReference(true).register(registry);
        return v;
    }
}
