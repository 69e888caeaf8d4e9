package network.omniphi.chain.infra.db;

import java.time.Clock;

import network.omniphi.chain.domain.model.ValidatorChange;
import network.omniphi.commons.events.EventMetas;
import network.omniphi.proto.events.v1.ChainEvent;
import network.omniphi.proto.events.v1.TxConfirmed;
import network.omniphi.proto.events.v1.TxFailed;
import network.omniphi.proto.events.v1.TxSubmitted;
import network.omniphi.proto.events.v1.ValidatorBonded;
import network.omniphi.proto.events.v1.ValidatorJailed;
import network.omniphi.proto.events.v1.ValidatorUnbonded;
import network.omniphi.proto.events.v1.ValidatorUnjailed;
import network.omniphi.proto.events.v1.VotingPowerChanged;

/** Domain changes to ChainEvent protobuf messages (topic validator.chain.events, key = setup request id). */
final class ChainEventMapper {

    static final String PRODUCER = "chain-service";

    private ChainEventMapper() {
    }

    static ChainEvent toEvent(String setupRequestId, String operatorAddress, ValidatorChange change, Clock clock) {
        ChainEvent.Builder b = ChainEvent.newBuilder().setMeta(EventMetas.create(setupRequestId, PRODUCER, clock))
                .setSetupRequestId(setupRequestId).setOperatorAddress(operatorAddress);
        if (change instanceof ValidatorChange.TxSubmitted c) {
            b.setTxSubmitted(TxSubmitted.newBuilder().setTxHash(c.txHash()));
        } else if (change instanceof ValidatorChange.TxConfirmed c) {
            b.setTxConfirmed(TxConfirmed.newBuilder().setTxHash(c.txHash()).setHeight(c.height()));
        } else if (change instanceof ValidatorChange.TxFailed c) {
            b.setTxFailed(TxFailed.newBuilder().setTxHash(c.txHash()).setCode(c.code())
                    .setCodespace(nz(c.codespace())).setRawLog(nz(c.rawLog()))
                    .setErrorCode(nz(c.errorCode())));
        } else if (change instanceof ValidatorChange.Bonded c) {
            b.setBonded(ValidatorBonded.newBuilder().setVotingPower(c.votingPower()));
        } else if (change instanceof ValidatorChange.Unbonded c) {
            b.setUnbonded(ValidatorUnbonded.newBuilder().setReason(c.reason()));
        } else if (change instanceof ValidatorChange.Jailed c) {
            b.setJailed(ValidatorJailed.newBuilder().setHeight(c.height()));
        } else if (change instanceof ValidatorChange.Unjailed) {
            b.setUnjailed(ValidatorUnjailed.getDefaultInstance());
        } else if (change instanceof ValidatorChange.VotingPowerChanged c) {
            b.setVotingPowerChanged(VotingPowerChanged.newBuilder().setPreviousPower(c.previousPower())
                    .setVotingPower(c.votingPower()).setInActiveSet(c.inActiveSet()));
        }
        return b.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
