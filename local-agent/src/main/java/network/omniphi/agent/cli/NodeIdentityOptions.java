package network.omniphi.agent.cli;

import network.omniphi.agent.infra.AgentState;

import picocli.CommandLine.Option;

/**
 * {@code --moniker} and {@code --chain-id}: who the node is and which chain it joins, set when a key is created or
 * restored and kept in the agent's state.
 */
public final class NodeIdentityOptions {

    @Option(names = "--moniker", defaultValue = "omniphi-local-node", description = "Node name (default: "
            + "${DEFAULT-VALUE}).")
    String moniker;

    @Option(names = "--chain-id", defaultValue = "omniphi-devnet-1", description = "Chain the node joins (default:"
            + " ${DEFAULT-VALUE}).")
    String chainId;

    /** Refuses a moniker the chain would refuse, before anything is asked or written. */
    void check() {
        Settings.checkMoniker(moniker);
    }

    /** The first state of a home whose key was just created or restored. */
    AgentState initialState() {
        return AgentState.initial(chainId, moniker);
    }
}
