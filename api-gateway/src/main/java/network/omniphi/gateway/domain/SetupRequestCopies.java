package network.omniphi.gateway.domain;

import java.time.Instant;

/** Copy-with helpers for the immutable {@link SetupRequest}. */
public final class SetupRequestCopies {

    private SetupRequestCopies() {
    }

    public static SetupRequest withStatus(SetupRequest s, SetupStatus status, Instant now) {
        Instant completed = s.completedAt();
        if (completed == null && (status == SetupStatus.ACTIVE || status.isTerminal())) {
            completed = now;
        }
        return new SetupRequest(s.id(), status, s.walletAddress(), s.validatorName(), s.website(), s.description(),
                s.commissionRate(), s.runMode(), s.provider(), s.consensusPubkey(), s.operatorAddress(), s.txHash(),
                s.createdAt(), now, completed, s.failureReason());
    }

    public static SetupRequest withKey(SetupRequest s, String consensusPubkey) {
        return new SetupRequest(s.id(), s.status(), s.walletAddress(), s.validatorName(), s.website(), s.description(),
                s.commissionRate(), s.runMode(), s.provider(), consensusPubkey, s.operatorAddress(), s.txHash(),
                s.createdAt(), s.updatedAt(), s.completedAt(), s.failureReason());
    }

    public static SetupRequest withTx(SetupRequest s, String operatorAddress, String txHash) {
        return new SetupRequest(s.id(), s.status(), s.walletAddress(), s.validatorName(), s.website(), s.description(),
                s.commissionRate(), s.runMode(), s.provider(), s.consensusPubkey(),
                operatorAddress == null || operatorAddress.isEmpty() ? s.operatorAddress() : operatorAddress,
                txHash == null || txHash.isEmpty() ? s.txHash() : txHash, s.createdAt(), s.updatedAt(), s.completedAt(),
                s.failureReason());
    }

    public static SetupRequest withFailure(SetupRequest s, String reason) {
        return new SetupRequest(s.id(), s.status(), s.walletAddress(), s.validatorName(), s.website(), s.description(),
                s.commissionRate(), s.runMode(), s.provider(), s.consensusPubkey(), s.operatorAddress(), s.txHash(),
                s.createdAt(), s.updatedAt(), s.completedAt(), reason);
    }
}
