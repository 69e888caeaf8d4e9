package network.omniphi.devnet.domain;

import java.util.List;
import java.util.Map;

/** Outcome of a tx: Cosmos code/codespace (0/"" on success), raw log, gas and emitted events. */
public record TxResult(int code, String codespace, String rawLog, long gasWanted, long gasUsed, List<Event> events) {

    /** An ABCI event with ordered attributes. */
    public record Event(String type, Map<String, String> attributes) {
    }

    public TxResult {
        events = List.copyOf(events);
    }

    public static TxResult ok(long gasWanted, long gasUsed, List<Event> events) {
        return new TxResult(0, "", "", gasWanted, gasUsed, events);
    }

    public static TxResult failed(ChainException e, long gasWanted, long gasUsed) {
        return new TxResult(e.error().code(), e.error().codespace(), e.rawLog(), gasWanted, gasUsed, List.of());
    }

    public boolean isOk() {
        return code == 0;
    }
}
