package network.omniphi.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Breaking-change check of the schemas we own (STYLE 16): every message field and enum value recorded in the committed
 * baseline must still exist with the same number, name and type. Adding fields is fine; renaming, renumbering,
 * retyping or removing fails. After adding fields, refresh the baseline with {@code -Dproto.baseline.update=true}.
 */
class SchemaCompatibilityTest {

    private static final Path BASELINE = Path.of("src/test/resources/schema-baseline.txt");
    private static final List<FileDescriptor> OWNED = List.of(
            network.omniphi.proto.events.v1.Common.getDescriptor(),
            network.omniphi.proto.events.v1.Setup.getDescriptor(),
            network.omniphi.proto.events.v1.Node.getDescriptor(), network.omniphi.proto.events.v1.Chain.getDescriptor(),
            network.omniphi.proto.events.v1.Heartbeat.getDescriptor(),
            network.omniphi.proto.chain.v1.ChainServiceOuterClass.getDescriptor());

    @Test
    void noRecordedFieldOrEnumValueChanged() throws IOException {
        Set<String> current = current();
        if (Boolean.getBoolean("proto.baseline.update")) {
            Files.write(BASELINE, String.join("\n", current).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> baseline = Files.readAllLines(BASELINE).stream().filter(l -> !l.isBlank()).toList();
        assertThat(baseline).as("baseline is recorded").isNotEmpty();
        assertThat(current).as("fields and enum values of the baseline (never rename, renumber or reuse)")
                .containsAll(baseline);
    }

    private static Set<String> current() {
        Set<String> lines = new TreeSet<>();
        for (FileDescriptor file : OWNED) {
            file.getMessageTypes().forEach(m -> message(m, lines));
            file.getEnumTypes().forEach(e -> enumeration(e, lines));
        }
        return lines;
    }

    private static void message(Descriptor m, Set<String> lines) {
        for (FieldDescriptor f : m.getFields()) {
            String type = f.getType() == FieldDescriptor.Type.MESSAGE
                    ? f.getMessageType().getFullName()
                    : f.getType() == FieldDescriptor.Type.ENUM ? f.getEnumType().getFullName() : f.getType().name();
            lines.add(m.getFullName() + " " + f.getNumber() + " " + f.getName() + " " + type
                    + (f.isRepeated() ? " repeated" : ""));
        }
        m.getNestedTypes().forEach(n -> message(n, lines));
        m.getEnumTypes().forEach(e -> enumeration(e, lines));
    }

    private static void enumeration(EnumDescriptor e, Set<String> lines) {
        e.getValues().forEach(v -> lines.add(e.getFullName() + " = " + v.getNumber() + " " + v.getName()));
    }
}
