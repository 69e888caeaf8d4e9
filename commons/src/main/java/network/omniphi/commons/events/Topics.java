package network.omniphi.commons.events;

/** Kafka topic names of DESIGN.md, in one place. */
public final class Topics {
    public static final String SETUP_REQUESTED = "validator.setup.requested";
    public static final String STOP_REQUESTED = "validator.stop.requested";
    /** The owner linked a local setup's consensus key (api-gateway -> heartbeat-service). */
    public static final String CONSENSUS_KEY_LINKED = "validator.consensus-key.linked";
    public static final String NODE_EVENTS = "validator.node.events";
    public static final String CHAIN_EVENTS = "validator.chain.events";
    public static final String HEARTBEAT_EVENTS = "validator.heartbeat.events";

    /** Suffix of the dead-letter topic beside each topic the suite consumes. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** The dead-letter topic of {@code topic}: where events that can never be applied by its consumers go. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
