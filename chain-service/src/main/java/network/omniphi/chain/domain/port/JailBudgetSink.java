package network.omniphi.chain.domain.port;

import network.omniphi.chain.domain.model.JailBudget;

/** Where the trackers publish each tracked validator's latest jail budget (metrics). */
public interface JailBudgetSink {

    void record(String operatorAddress, JailBudget budget);
}
