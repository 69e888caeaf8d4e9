package network.omniphi.chain.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cosmos result codes to the domain errors the gateway shows (issue 15 item 5), at CheckTx and for a tx that failed in
 * the block. Codes as cosmos-sdk v0.50 registers them: {@code types/errors/errors.go} (sdk 4 ErrUnauthorized, 5
 * ErrInsufficientFunds, 8 ErrInvalidPubKey, 11 ErrOutOfGas, 13 ErrInsufficientFee, 19 ErrTxInMempoolCache, 20
 * ErrMempoolIsFull, 32 ErrWrongSequence), {@code x/staking/types/errors.go} (4 ErrValidatorOwnerExists, 5
 * ErrValidatorPubKeyExists, 6 ErrValidatorPubKeyTypeNotSupported), {@code x/slashing/types/errors.go} (4
 * ErrValidatorJailed, 5 ErrValidatorNotJailed).
 */
class CheckTxErrorsTest {

    @ParameterizedTest
    @CsvSource({"sdk,5,INSUFFICIENT_BALANCE", "sdk,11,OUT_OF_GAS", "sdk,13,INSUFFICIENT_FEE", "sdk,20,MEMPOOL_FULL",
            "sdk,4,SIGNATURE_INVALID", "sdk,8,SIGNATURE_INVALID", "sdk,32,SEQUENCE_MISMATCH", "sdk,2,TX_REJECTED",
            "staking,4,VALIDATOR_EXISTS", "staking,5,CONSENSUS_KEY_TAKEN", "staking,6,CONSENSUS_KEY_TYPE_UNSUPPORTED",
            "slashing,4,STILL_JAILED", "slashing,5,VALIDATOR_NOT_JAILED", "wasm,4,TX_REJECTED"})
    void checkTxCodes(String codespace, int code, ChainError expected) {
        assertThat(CheckTxErrors.checkTx(codespace, code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"sdk,5,INSUFFICIENT_BALANCE", "sdk,11,OUT_OF_GAS", "sdk,13,INSUFFICIENT_FEE",
            "staking,4,VALIDATOR_EXISTS", "staking,5,CONSENSUS_KEY_TAKEN", "staking,6,CONSENSUS_KEY_TYPE_UNSUPPORTED",
            "slashing,4,STILL_JAILED", "slashing,5,VALIDATOR_NOT_JAILED", "staking,16,TX_FAILED_IN_BLOCK",
            "sdk,4,TX_FAILED_IN_BLOCK"})
    void blockTimeCodes(String codespace, int code, ChainError expected) {
        assertThat(CheckTxErrors.inBlock(codespace, code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"sdk,13,INSUFFICIENT_FEE", "sdk,20,MEMPOOL_FULL", "staking,5,CONSENSUS_KEY_TAKEN"})
    void aRefusalCarriesTheCodeAndTheRawLog(String codespace, int code, ChainError expected) {
        ChainException e = CheckTxErrors.toException(new network.omniphi.chain.domain.model.BroadcastResult("AB", code,
                codespace, 0, "the raw log"));
        assertThat(e.error()).isEqualTo(expected);
        assertThat(e.getMessage()).contains("codespace " + codespace + ", code " + code).endsWith("the raw log");
    }
}
