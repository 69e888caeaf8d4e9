package network.omniphi.heartbeat.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Heartbeat service settings ({@code omniphi.heartbeat.*}). */
@ConfigMapping(prefix = "omniphi.heartbeat")
public interface HeartbeatConfig {

    /** How far a heartbeat's signed timestamp may be from the server clock, in either direction. */
    @WithDefault("PT60S")
    Duration timestampWindow();

    /** A node without heartbeats for this long is stale. */
    @WithDefault("PT2M")
    Duration staleAfter();

    /**
     * Heartbeat rows of keys that no live setup links (released by a stop or a re-link) are deleted once their last
     * heartbeat is this old, together with released links; the liveness loop sweeps them.
     */
    @WithDefault("P7D")
    Duration unlinkedRetention();

    /** Rate limit per consensus key. */
    RateLimit rateLimit();

    /** Group commit of heartbeat writes. */
    Flush flush();

    /** Liveness loop. */
    Liveness liveness();

    /** CometBFT RPC base URL of a chain node; {@code /status} gives the chain height. */
    @WithDefault("http://127.0.0.1:26657")
    String chainRpc();

    interface RateLimit {
        /** Heartbeats a key may send back to back. */
        @WithDefault("5")
        int burst();

        /** One more heartbeat is allowed per this interval once the burst is used. */
        @WithDefault("PT2S")
        Duration refillEvery();
    }

    interface Flush {
        /** Longest time a heartbeat waits in the queue before its batch is written. */
        @WithDefault("PT0.002S")
        Duration maxDelay();

        /** Most heartbeats per multi-row upsert. */
        @WithDefault("256")
        int maxBatch();

        /** Batches written concurrently (each holds one database connection). */
        @WithDefault("4")
        int maxInFlight();

        /** A heartbeat whose write is not confirmed within this time is answered 503. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Liveness {
        /** Whether the scheduled loop runs (tests drive it by hand). */
        @WithDefault("true")
        boolean enabled();

        /** Period of the loop, scheduler syntax (e.g. {@code 5s}). */
        @WithDefault("5s")
        String interval();

        /** Height unchanged for this long while the chain advances = height stalled. */
        @WithDefault("PT1M")
        Duration heightStallAfter();

        /** Blocks a node may lag behind the chain before its unchanged height counts as stalled. */
        @WithDefault("2")
        long heightLagTolerance();

        /** Most nodes changed per transition and round. */
        @WithDefault("500")
        int batchSize();

        /** Timeout of the chain status call. */
        @WithDefault("PT2S")
        Duration chainTimeout();
    }
}
