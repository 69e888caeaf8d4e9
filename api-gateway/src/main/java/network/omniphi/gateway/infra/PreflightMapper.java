package network.omniphi.gateway.infra;

import java.util.LinkedHashMap;
import java.util.Map;

import network.omniphi.proto.chain.v1.Coin;
import network.omniphi.proto.chain.v1.Preflight;

/** The chain service's pre-flight report → a camelCase JSON object. */
final class PreflightMapper {

    private PreflightMapper() {
    }

    static Map<String, Object> toMap(Preflight p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chainId", p.getChainId());
        m.put("balance", coin(p.getBalance()));
        m.put("required", coin(p.getRequired()));
        m.put("balanceSufficient", p.getBalanceSufficient());
        m.put("minCommissionRate", p.getMinCommissionRate());
        m.put("consensusKeyFree", p.getConsensusKeyFree());
        m.put("operatorFree", p.getOperatorFree());
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("checked", p.getNodeSync().getChecked());
        sync.put("nodeHeight", p.getNodeSync().getNodeHeight());
        sync.put("chainHeight", p.getNodeSync().getChainHeight());
        sync.put("lagBlocks", p.getNodeSync().getLagBlocks());
        sync.put("maxLagBlocks", p.getNodeSync().getMaxLagBlocks());
        sync.put("inSync", p.getNodeSync().getInSync());
        m.put("nodeSync", sync);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("maxValidators", p.getActiveSet().getMaxValidators());
        set.put("bondedValidators", p.getActiveSet().getBondedValidators());
        set.put("seatPricePower", p.getActiveSet().getSeatPricePower());
        set.put("selfDelegationPower", p.getActiveSet().getSelfDelegationPower());
        set.put("entersActiveSet", p.getActiveSet().getEntersActiveSet());
        m.put("activeSet", set);
        Map<String, Object> slashing = new LinkedHashMap<>();
        slashing.put("signedBlocksWindow", p.getSlashing().getSignedBlocksWindow());
        slashing.put("minSignedPerWindow", p.getSlashing().getMinSignedPerWindow());
        slashing.put("maxMissedBlocks", p.getSlashing().getMaxMissedBlocks());
        slashing.put("blockTimeMillis", p.getSlashing().getBlockTimeMillis());
        slashing.put("maxDowntimeSeconds", p.getSlashing().getMaxDowntimeSeconds());
        m.put("slashing", slashing);
        m.put("warnings", p.getWarningsList());
        return m;
    }

    private static Map<String, String> coin(Coin c) {
        return Map.of("denom", c.getDenom(), "amount", c.getAmount());
    }
}
