package network.omniphi.devnet.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import network.omniphi.devnet.domain.crypto.Ed25519;
import network.omniphi.devnet.domain.state.ChainState;
import network.omniphi.devnet.domain.state.Validator;

/**
 * x/slashing liveness as cosmos-sdk v0.50 {@code x/slashing/keeper/infractions.go} HandleValidatorSignature runs it at
 * every block for every bonded validator: a sliding window of {@code signed_blocks_window} blocks (missed bitmap at
 * {@code index_offset % window}), jailed for {@code downtime_jail_duration} once the missed counter exceeds
 * {@code window - round(window x min_signed_per_window)} and the validator has been tracked for a whole window; the
 * counter, offset and bitmap are reset at jailing. A block counts as signed when the validator's node sent a vote
 * (dev-node's signed precommit) for a recent height; the validators the devnet plays itself always sign.
 */
public final class Liveness {

    /** Votes for heights at most this far behind the block still count (poll and block timing slack). */
    static final long VOTE_SLACK_BLOCKS = 3;

    /** ValidatorSigningInfo of one validator (by consensus key). */
    public record SigningInfo(byte[] consensusAddress, long startHeight, long indexOffset, Instant jailedUntil,
            boolean tombstoned, long missedBlocksCounter) {
    }

    private static final class Info {
        long startHeight;
        long indexOffset;
        Instant jailedUntil = Instant.EPOCH;
        boolean tombstoned;
        long missed;
        final BitSet bitmap = new BitSet();
    }

    /**
     * {@code VOTES}: only votes count; {@code SEEN} (default): as VOTES once the validator's node has voted at least
     * once, signing before that (tools that create validators without a node process are not jailed); {@code OFF}:
     * every validator always signs.
     */
    public enum Mode {
        VOTES, SEEN, OFF;

        public static Mode parse(String text) {
            return switch (text == null ? "" : text.strip()) {
                case "votes" -> VOTES;
                case "seen" -> SEEN;
                case "off" -> OFF;
                default -> throw new IllegalArgumentException("devnet.slashing.liveness must be votes, seen or off");
            };
        }
    }

    private final ChainParams params;
    private final Mode mode;
    private final Map<String, Info> infos = new HashMap<>();
    private final Map<String, Long> lastVote = new HashMap<>();

    Liveness(ChainParams params, Mode mode) {
        this.params = params;
        this.mode = mode;
    }

    void vote(byte[] consensusKey, long height) {
        lastVote.merge(Addresses.hex(consensusKey), height, Math::max);
    }

    long maxMissed() {
        long window = params.signedBlocksWindow();
        // LegacyDec RoundInt64 (chopPrecisionAndRound) rounds half to even, as MinSignedPerWindowInt does
        long minSigned = params.minSignedPerWindow().multiply(BigDecimal.valueOf(window))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return window - minSigned;
    }

    /** End of block {@code height}: counts each bonded validator's signature; returns the validators to jail. */
    List<Validator> endBlock(ChainState state, long height, Instant time, List<Validator> alwaysSigning) {
        long window = params.signedBlocksWindow();
        return state.validators().stream()
                .filter(v -> v.status() == network.omniphi.devnet.domain.state.BondStatus.BONDED
                        && !v.jailed())
                .filter(v -> {
                    Info info = infos.computeIfAbsent(Addresses.hex(v.consensusKey()), k -> fresh(height));
                    String key = Addresses.hex(v.consensusKey());
                    boolean signed = mode == Mode.OFF
                            || alwaysSigning.stream().anyMatch(a -> java.util.Arrays.equals(a.consensusKey(),
                                    v.consensusKey()))
                            || mode == Mode.SEEN && !lastVote.containsKey(key)
                            || lastVote.getOrDefault(key, -1L) >= height - VOTE_SLACK_BLOCKS;
                    int index = (int) (info.indexOffset % window);
                    info.indexOffset++;
                    boolean previous = info.bitmap.get(index);
                    if (!previous && !signed) {
                        info.bitmap.set(index);
                        info.missed++;
                    } else if (previous && signed) {
                        info.bitmap.clear(index);
                        info.missed--;
                    }
                    if (height > info.startHeight + window && info.missed > maxMissed()) {
                        info.jailedUntil = time.plus(params.downtimeJailDuration());
                        info.missed = 0;
                        info.indexOffset = 0;
                        info.bitmap.clear();
                        return true;
                    }
                    return false;
                }).toList();
    }

    /** A jail applied from outside the liveness rule (dev admin): the jail period starts now. */
    void jailedAt(byte[] consensusKey, long height, Instant time) {
        Info info = infos.computeIfAbsent(Addresses.hex(consensusKey), k -> fresh(height));
        info.jailedUntil = time.plus(params.downtimeJailDuration());
    }

    /** Marks the key tombstoned (double sign): it can never be unjailed. */
    void tombstone(byte[] consensusKey, long height) {
        Info info = infos.computeIfAbsent(Addresses.hex(consensusKey), k -> fresh(height));
        info.tombstoned = true;
        info.jailedUntil = Instant.parse("9999-12-31T23:59:59.999999999Z");
    }

    Optional<SigningInfo> signingInfo(byte[] consensusKey) {
        Info info = infos.get(Addresses.hex(consensusKey));
        return Optional.ofNullable(info).map(i -> new SigningInfo(Ed25519.consensusAddress(consensusKey),
                i.startHeight, i.indexOffset, i.jailedUntil, i.tombstoned, i.missed));
    }

    private static Info fresh(long height) {
        Info info = new Info();
        info.startHeight = height;
        return info;
    }
}
