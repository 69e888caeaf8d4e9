package network.omniphi.devnet.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import network.omniphi.devnet.config.DevnetConfig;
import network.omniphi.devnet.domain.Block;
import network.omniphi.devnet.domain.ChainEngine;

/**
 * The devnet's block loop (a loop driven by time, so infra, as provisioning's ReconcileLoop and chain's
 * TrackerScheduler): produces a block every {@code devnet.block-interval}; logs the chain's shape at start-up (never
 * keys).
 */
@ApplicationScoped
public class BlockProducer {

    private static final Logger LOG = Logger.getLogger(BlockProducer.class);

    private final ChainEngine engine;
    private final DevnetConfig config;

    public BlockProducer(ChainEngine engine, DevnetConfig config) {
        this.engine = engine;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("devnet %s started: %d validators, block interval %s, max validators %d, dev endpoints %s",
                engine.params().chainId(), engine.validators().size(), config.blockInterval(),
                engine.params().maxValidators(), config.devEndpoints() ? "on" : "off");
    }

    @Scheduled(identity = "devnet-block-producer", every = "${devnet.block-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void produce() {
        Block block = engine.produceBlock();
        if (!block.txs().isEmpty()) {
            LOG.debugf("block %d with %d txs", block.height(), block.txs().size());
        }
    }
}
